import { useEffect } from 'react';

/** Sets `<title>` to "<page> – <app>" while the screen is shown (WCAG 2.4.2). */
export function useDocumentTitle(...parts: (string | undefined | null | false)[]): void {
  const title = [...parts.filter(Boolean), 'Poortwachter'].join(' – ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
