import { errorCode, FileRequestError, useT } from '@poortwachter/ui';
import { useCallback } from 'react';

/** Error codes the catalog has a sentence for (`employeePortal.errors.<CODE>`). */
const KNOWN_CODES = new Set([
  'UPLOAD_TOO_LARGE',
  'UPLOAD_TYPE_NOT_ALLOWED',
  'UPLOAD_DESCRIPTION_REQUIRED',
  'UPLOAD_FILE_MISSING',
  'SICK_CASE_UNKNOWN',
  'SICK_CASE_NOT_FOUND',
  'DOCUMENT_NOT_FOUND',
  'SIGNATURE_REQUEST_UNKNOWN',
  'SIGNATURE_ALREADY_COMPLETED',
  'SIGNATURE_EMPTY',
  'SIGNATURE_INVALID_IMAGE',
  'SIGNATURE_DECLINE_REASON_REQUIRED',
  'DOCUMENT_NOT_OWN_UPLOAD',
  'TEXT_TOO_LONG',
  'CORRECTION_TOO_MANY_OPEN',
  'UPLOAD_DESCRIPTION_TOO_LONG',
  'UPLOAD_INCOMPLETE',
  'DOCUMENT_CONTENT_MISSING',
  'SIGNATURE_ORIGINAL_UNREADABLE',
  'INVALID_EMAIL',
  'INVALID_PHONE_NUMBER',
  'CORRECTION_VALUE_REQUIRED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/** The stable code of a GraphQL error or a `/files` response, if any. */
export function failureCode(error: unknown): string | undefined {
  if (error instanceof FileRequestError)
    return error.code ?? (error.statusCode === 404 ? 'DOCUMENT_NOT_FOUND' : undefined);
  return errorCode(error);
}

/**
 * The namespace's translate function, plus `failure(error)`: a Dutch/English sentence for an error
 * code, falling back to a generic one that still names the code.
 */
export function useMessages() {
  const t = useT('employeePortal');
  const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  const failure = useCallback(
    (error: unknown): string => {
      const code = failureCode(error);
      if (code && KNOWN_CODES.has(code)) return translate(`errors.${code}`);
      if (error instanceof TypeError) return translate('errors.network');
      return code ? translate('errors.generic', { code }) : translate('errors.unknown');
    },
    [translate],
  );
  return { t, translate, failure };
}
