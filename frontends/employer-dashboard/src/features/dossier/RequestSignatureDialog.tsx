import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, useMediaQuery, useT } from '@poortwachter/ui';
import { useMessages } from '../../shared/i18n';
import { CASE_DOSSIER, REQUEST_SIGNATURE, type DossierDocument } from './documents';
import { MutationError } from '../../shared/MutationError';

export interface RequestSignatureDialogProps {
  document: DossierDocument | null;
  sickCaseId: string;
  onClose: () => void;
  onRequested: (title: string) => void;
}

/** "Ter ondertekening aanbieden": a confirmation, since it shares the document with the employee. */
export function RequestSignatureDialog({
  document,
  sickCaseId,
  onClose,
  onRequested,
}: RequestSignatureDialogProps) {
  const { t } = useMessages();
  const common = useT();
  const phone = useMediaQuery('(max-width: 36em)');
  const [request, { loading, error, reset }] = useMutation(REQUEST_SIGNATURE, {
    refetchQueries: [{ query: CASE_DOSSIER, variables: { id: sickCaseId } }],
    awaitRefetchQueries: true,
  });
  if (!document) return null;

  async function confirm(target: DossierDocument) {
    reset();
    try {
      await request({ variables: { input: { documentId: target.id } } });
      onRequested(target.title);
      onClose();
    } catch {
      // Shown from the mutation state.
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('documents.requestSignatureFor', { title: document.title })}
      fullScreen={!!phone}
      closeButtonProps={{ 'aria-label': common('close') }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('documents.requestSignatureConfirm', { title: document.title })}</Text>
        <MutationError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {common('close')}
          </Button>
          <Button loading={loading} onClick={() => void confirm(document)}>
            {t('documents.requestSignatureSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
