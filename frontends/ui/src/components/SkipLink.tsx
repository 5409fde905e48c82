import { useT } from '../i18n';

export const MAIN_CONTENT_ID = 'main-content';

/** First focusable element of every page: jumps past the header and menu. */
export function SkipLink({ target = MAIN_CONTENT_ID }: { target?: string }) {
  const t = useT();
  return (
    <a className="pw-skip-link" href={`#${target}`}>
      {t('skipToContent')}
    </a>
  );
}
