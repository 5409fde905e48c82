import { useT } from '@poortwachter/ui';
import { useCallback } from 'react';
import type { FieldError } from './validation';

/**
 * The namespace's translate function loosened to plain string keys, for keys computed at run
 * time (validation and error codes); the keys themselves are typed where they are produced.
 */
export function useMessages() {
  const t = useT('employerDashboard');
  const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  const fieldError = useCallback(
    (error: FieldError | undefined) => (error ? translate(error.key, error.values) : undefined),
    [translate],
  );
  return { t, translate, fieldError };
}
