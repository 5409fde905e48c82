import {
  Alert,
  Box,
  Button,
  Group,
  LoadingState,
  Modal,
  Stack,
  Text,
  useGatewayFetch,
  useMediaQuery,
  useT,
} from '@poortwachter/ui';
import { useState } from 'react';
import { useMessages } from '../../shared/i18n';
import { previewKind, type DossierDocument } from './documents';
import { fileErrorMessage, useDocumentBlobUrl } from './files';

export interface PreviewDialogProps {
  document: DossierDocument | null;
  onClose: () => void;
  onDownload: (document: DossierDocument) => void;
}

/** "Openen": the document shown in the page (PDF in the browser's viewer, images as such), with a download button. */
export function PreviewDialog({ document, onClose, onDownload }: PreviewDialogProps) {
  const { t, translate } = useMessages();
  const common = useT();
  const phone = useMediaQuery('(max-width: 36em)');
  const gatewayFetch = useGatewayFetch();
  const [attempt, setAttempt] = useState(0);
  const kind = document ? previewKind(document.mimeType) : null;
  const blob = useDocumentBlobUrl(gatewayFetch, document && kind ? document.contentPath : null, attempt);
  if (!document) return null;
  const failure = blob.status === 'failed' ? fileErrorMessage(blob.error) : null;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('documents.previewTitle', { title: document.title })}
      size="xl"
      fullScreen={!!phone}
      closeButtonProps={{ 'aria-label': common('close') }}
    >
      <Stack gap="sm">
        <Group justify="flex-end">
          <Button variant="light" onClick={() => onDownload(document)}>
            {t('documents.download')}
          </Button>
        </Group>
        {kind === null ? (
          <Text>{t('documents.previewUnavailable')}</Text>
        ) : blob.status === 'ready' ? (
          kind === 'pdf' ? (
            <Box
              component="iframe"
              src={blob.url}
              title={t('documents.previewTitle', { title: document.title })}
              style={{
                width: '100%',
                height: phone ? '75vh' : '70vh',
                border: '1px solid var(--mantine-color-gray-4)',
              }}
            />
          ) : (
            <Box
              component="img"
              src={blob.url}
              alt={t('documents.imageAlt', { title: document.title })}
              style={{ maxWidth: '100%', height: 'auto' }}
            />
          )
        ) : failure ? (
          <Alert color="red" variant="light" role="alert" title={t('documents.previewError')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{translate(failure.key, failure.values)}</Text>
              <Button size="xs" variant="light" onClick={() => setAttempt((n) => n + 1)}>
                {common('error.retry')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <LoadingState label={t('documents.previewLoading')} />
        )}
      </Stack>
    </Modal>
  );
}
