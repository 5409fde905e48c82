import { Alert, Button, Group, LoadingState, Stack, Text } from '@poortwachter/ui';
import { lazy, Suspense, useState } from 'react';
import { useMessages } from '../../messages';
import { DownloadButton } from './DownloadButton';
import { useDocumentBlob } from './useDocumentBlob';

// pdf.js (about 130 KB gzip, plus its worker) loads only when a PDF is opened.
const PdfPages = lazy(() => import('./PdfPages'));

export interface PreviewableDocument {
  id: string;
  title: string;
  fileName: string;
  mimeType: string;
  contentPath: string;
}

/**
 * The document itself, in the page: images as an image, PDFs in the browser's own viewer, other
 * types (Word) only as a download. The bytes come through the authorised files route as a blob.
 */
export function DocumentPreview({
  document,
  height = '75vh',
}: {
  document: PreviewableDocument;
  height?: string;
}) {
  const { t, failure } = useMessages();
  const [attempt, setAttempt] = useState(0);
  const state = useDocumentBlob(document.contentPath, attempt);
  return (
    <Stack gap="sm" data-testid="document-preview" data-state={state.status}>
      {state.status === 'loading' ? (
        <LoadingState label={t('preview.loading')} />
      ) : state.status === 'error' ? (
        <Alert role="alert" color="red" variant="light" title={t('preview.errorTitle')}>
          <Stack gap="xs">
            <Text size="sm">{failure(state.error)}</Text>
            <Group>
              <Button size="xs" color="red" onClick={() => setAttempt((n) => n + 1)}>
                {t('preview.retry')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : document.mimeType.startsWith('image/') ? (
        <img
          src={state.url}
          alt={t('preview.imageAlt', { title: document.title })}
          style={{ maxWidth: '100%', height: 'auto', alignSelf: 'flex-start' }}
        />
      ) : document.mimeType === 'application/pdf' ? (
        <Suspense fallback={<LoadingState label={t('preview.loading')} />}>
          <PdfPages blob={state.blob} title={document.title} maxHeight={height} />
        </Suspense>
      ) : (
        <Text size="sm">{t('preview.notPreviewable')}</Text>
      )}
      <Group>
        <DownloadButton document={document} />
      </Group>
    </Stack>
  );
}
