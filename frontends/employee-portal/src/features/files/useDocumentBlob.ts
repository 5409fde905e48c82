import { useEffect, useState } from 'react';
import { fileRequestError, useGatewayFetch } from '@poortwachter/ui';

export type BlobState =
  { status: 'loading' } | { status: 'loaded'; blob: Blob; url: string } | { status: 'error'; error: unknown };

/**
 * Fetches a document's bytes with the bearer token and exposes them as a blob URL (revoked when the
 * component unmounts or the path changes), so previews never use a guessable or token-bearing URL.
 */
export function useDocumentBlob(contentPath: string | null, attempt = 0): BlobState {
  const gatewayFetch = useGatewayFetch();
  const [state, setState] = useState<BlobState>({ status: 'loading' });
  useEffect(() => {
    if (!contentPath) return;
    let cancelled = false;
    let url: string | null = null;
    setState({ status: 'loading' });
    void (async () => {
      try {
        const response = await gatewayFetch(contentPath);
        if (!response.ok) throw await fileRequestError(response);
        const blob = await response.blob();
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setState({ status: 'loaded', blob, url });
      } catch (error) {
        if (!cancelled) setState({ status: 'error', error });
      }
    })();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [contentPath, gatewayFetch, attempt]);
  return state;
}
