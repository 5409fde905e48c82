import { useEffect, useState } from 'react';
import { errorMessageKey } from '../../shared/validation';
import { fileRequestError, FileRequestError, type GatewayFetch } from '@poortwachter/ui';
import { UPLOAD_MAX_MB } from './documents';

/** Fetches a document's bytes with the bearer token; a refusal becomes a FileRequestError. */
export async function fetchDocumentBlob(gatewayFetch: GatewayFetch, contentPath: string): Promise<Blob> {
  const response = await gatewayFetch(contentPath);
  if (!response.ok) throw await fileRequestError(response);
  return response.blob();
}

/** Saves a blob under the document's own name through a temporary link (the only way without a URL the browser can fetch itself). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type BlobState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; url: string }
  | { status: 'failed'; error: unknown };

/** A blob URL of the document while `contentPath` is set; revoked when it changes or the component goes. */
export function useDocumentBlobUrl(
  gatewayFetch: GatewayFetch,
  contentPath: string | null,
  attempt = 0,
): BlobState {
  const [state, setState] = useState<BlobState>({ status: 'idle' });
  useEffect(() => {
    if (!contentPath) {
      setState({ status: 'idle' });
      return;
    }
    let cancelled = false;
    let url: string | null = null;
    setState({ status: 'loading' });
    fetchDocumentBlob(gatewayFetch, contentPath).then(
      (blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setState({ status: 'ready', url });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [gatewayFetch, contentPath, attempt]);
  return state;
}

const FILE_CODES = new Set([
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_CONTENT_MISSING',
  'UPLOAD_TOO_LARGE',
  'UPLOAD_TYPE_NOT_ALLOWED',
  'UPLOAD_DESCRIPTION_REQUIRED',
  'UPLOAD_DESCRIPTION_TOO_LONG',
  'UPLOAD_FILE_MISSING',
  'UPLOAD_INVALID_FIELD',
  'UPLOAD_INCOMPLETE',
  'UPLOAD_MALFORMED',
  'MEDICAL_DOCUMENT_NOT_ALLOWED',
  'SICK_CASE_UNKNOWN',
  'FORBIDDEN',
  'UNAUTHENTICATED',
]);

/** The catalog message (key and values) for a failed file request or mutation. */
export function fileErrorMessage(error: unknown): { key: string; values?: Record<string, unknown> } {
  if (error instanceof FileRequestError) {
    const code = error.code && FILE_CODES.has(error.code) ? error.code : statusCode(error.statusCode);
    if (code)
      return {
        key: `errors.${code}`,
        values: code === 'UPLOAD_TOO_LARGE' ? { maxMb: UPLOAD_MAX_MB } : undefined,
      };
    return { key: 'errors.unknown' };
  }
  return { key: errorMessageKey(error) };
}

function statusCode(status: number): string | undefined {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'DOCUMENT_NOT_FOUND';
    case 413:
      return 'UPLOAD_TOO_LARGE';
    case 415:
      return 'UPLOAD_TYPE_NOT_ALLOWED';
    default:
      return undefined;
  }
}
