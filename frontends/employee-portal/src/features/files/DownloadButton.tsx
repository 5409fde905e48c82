import { Button, fileRequestError, Text, useGatewayFetch } from '@poortwachter/ui';
import { useState } from 'react';
import { useMessages } from '../../messages';
import { saveBlob } from './download';
import type { PreviewableDocument } from './DocumentPreview';

/** Downloads the document under its own file name (fetched with the bearer token, never a bare link). */
export function DownloadButton({
  document,
  variant = 'default',
}: {
  document: PreviewableDocument;
  variant?: 'default' | 'light' | 'subtle';
}) {
  const { t, failure } = useMessages();
  const gatewayFetch = useGatewayFetch();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const separator = document.contentPath.includes('?') ? '&' : '?';
      const response = await gatewayFetch(`${document.contentPath}${separator}download=1`);
      if (!response.ok) throw await fileRequestError(response);
      saveBlob(await response.blob(), document.fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="xs"
        variant={variant}
        loading={busy}
        onClick={() => void download()}
        aria-label={t('documents.downloadNamed', { title: document.title })}
      >
        {t('documents.download')}
      </Button>
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {failure(error)}
        </Text>
      ) : null}
    </>
  );
}
