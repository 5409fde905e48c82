import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  ErrorPanel,
  Group,
  LoadingState,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Title,
  useEnumLabel,
  useFormat,
  useLocale,
  useT,
  VisuallyHidden,
  Widget,
} from '@poortwachter/ui';
import { useMemo, useState, type ReactNode } from 'react';
import { useMessages } from '../../shared/i18n';
import type { ViewerRole } from '../../shared/viewer';
import type { AbsenceCase } from '../sick-report/operations';
import { CASE_DOSSIER, canOfferForSigning, formatSize, type DossierDocument } from './documents';
import { fetchDocumentBlob, fileErrorMessage, saveBlob } from './files';
import { useGatewayFetch } from '@poortwachter/ui';
import { NotesPanel } from './NotesPanel';
import { PreviewDialog } from './PreviewDialog';
import { RequestSignatureDialog } from './RequestSignatureDialog';
import { UploadDialog } from './UploadDialog';

export interface DocumentsSectionProps {
  sickCases: Pick<AbsenceCase, 'id' | 'firstSickDay' | 'status' | 'recoveredOn'>[];
  role: ViewerRole | null;
}

/** "Documenten en notities" of one of the person's absence periods (the open one first). */
export function DocumentsSection({ sickCases, role }: DocumentsSectionProps) {
  const { t } = useMessages();
  const format = useFormat();
  const cases = useMemo(
    () =>
      [...sickCases].sort((a, b) =>
        a.status === b.status ? b.firstSickDay.localeCompare(a.firstSickDay) : a.status === 'OPEN' ? -1 : 1,
      ),
    [sickCases],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = cases.find((c) => c.id === chosen) ?? cases[0] ?? null;

  if (!selected) {
    return (
      <Widget title={t('documents.title')} description={t('documents.description')}>
        <Text size="sm">{t('documents.noCases')}</Text>
      </Widget>
    );
  }
  const caseLabel = (c: (typeof cases)[number]) =>
    t('documents.caseOption', {
      date: format.date(c.firstSickDay),
      status:
        c.status === 'OPEN'
          ? t('documents.caseOpen')
          : t('documents.caseClosed', { date: format.date(c.recoveredOn) }),
    });
  return (
    <CaseDocuments
      key={selected.id}
      sickCaseId={selected.id}
      firstSickDay={selected.firstSickDay}
      role={role}
      caseSelect={
        cases.length > 1 ? (
          <NativeSelect
            label={t('documents.caseLabel')}
            value={selected.id}
            onChange={(event) => setChosen(event.currentTarget.value)}
            data={cases.map((c) => ({ value: c.id, label: caseLabel(c) }))}
            w={{ base: '100%', sm: 360 }}
          />
        ) : (
          <Text size="sm">{caseLabel(selected)}</Text>
        )
      }
    />
  );
}

interface CaseDocumentsProps {
  sickCaseId: string;
  firstSickDay: string;
  role: ViewerRole | null;
  caseSelect: ReactNode;
}

function CaseDocuments({ sickCaseId, firstSickDay, role, caseSelect }: CaseDocumentsProps) {
  const { t, translate } = useMessages();
  const common = useT();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(CASE_DOSSIER, { variables: { id: sickCaseId } });
  const gatewayFetch = useGatewayFetch();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [previewing, setPreviewing] = useState<DossierDocument | null>(null);
  const [offering, setOffering] = useState<DossierDocument | null>(null);
  const dossier = data?.sickCase ?? null;

  const showNotice = (message: string) => {
    setFailure(null);
    setNotice(message);
  };

  async function download(document: DossierDocument) {
    setFailure(null);
    try {
      saveBlob(await fetchDocumentBlob(gatewayFetch, document.contentPath), document.fileName);
    } catch (error) {
      const message = fileErrorMessage(error);
      setFailure(translate(message.key, message.values));
    }
  }

  return (
    <Widget
      title={t('documents.title')}
      description={t('documents.description')}
      onRefresh={() => void refetch()}
      refreshing={loading && !!data}
      actions={
        <Button size="xs" onClick={() => setUploading(true)}>
          {t('documents.upload')}
        </Button>
      }
    >
      <Stack gap="md">
        {caseSelect}
        {notice ? (
          <Alert
            color="green"
            variant="light"
            role="status"
            withCloseButton
            onClose={() => setNotice(null)}
            closeButtonLabel={common('close')}
          >
            {notice}
          </Alert>
        ) : null}
        {failure ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            withCloseButton
            onClose={() => setFailure(null)}
            closeButtonLabel={common('close')}
          >
            {failure}
          </Alert>
        ) : null}
        {error ? (
          <ErrorPanel error={error} message={t('documents.loadError')} onRetry={() => void refetch()} />
        ) : !dossier ? (
          loading ? (
            <LoadingState />
          ) : (
            <ErrorPanel message={t('documents.loadError')} onRetry={() => void refetch()} />
          )
        ) : (
          <>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('documents.documentsTitle')}
              </Title>
              {dossier.documents.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('documents.empty')}
                </Text>
              ) : (
                <Stack
                  component="ul"
                  gap="xs"
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  aria-label={t('documents.caption', { date: format.date(firstSickDay) })}
                >
                  {dossier.documents.map((document) => (
                    <DocumentItem
                      key={document.id}
                      document={document}
                      onView={() => setPreviewing(document)}
                      onDownload={() => void download(document)}
                      onOffer={() => setOffering(document)}
                    />
                  ))}
                </Stack>
              )}
            </Stack>
            <NotesPanel sickCaseId={sickCaseId} notes={dossier.notes} role={role} onNotice={showNotice} />
          </>
        )}
      </Stack>
      {uploading ? (
        <UploadDialog
          sickCaseId={sickCaseId}
          caseLabel={format.date(firstSickDay)}
          role={role}
          onClose={() => setUploading(false)}
          onUploaded={(title) => {
            showNotice(t('documents.uploaded', { title }));
            void refetch();
          }}
        />
      ) : null}
      <PreviewDialog
        document={previewing}
        onClose={() => setPreviewing(null)}
        onDownload={(document) => void download(document)}
      />
      <RequestSignatureDialog
        document={offering}
        sickCaseId={sickCaseId}
        onClose={() => setOffering(null)}
        onRequested={(title) => showNotice(t('documents.signatureRequested', { title }))}
      />
    </Widget>
  );
}

interface DocumentItemProps {
  document: DossierDocument;
  onView: () => void;
  onDownload: () => void;
  onOffer: () => void;
}

function DocumentItem({ document, onView, onDownload, onOffer }: DocumentItemProps) {
  const { t } = useMessages();
  const format = useFormat();
  const { locale } = useLocale();
  const categoryLabel = useEnumLabel('employerDashboard', 'documents.categories');
  const request = document.signatureRequest;
  const signatureText = request
    ? t(`documents.signatureStatus.${request.status}`, {
        date: format.date(
          request.status === 'SIGNED'
            ? request.signedAt
            : request.status === 'DECLINED'
              ? request.declinedAt
              : request.requestedAt,
        ),
      })
    : null;
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {document.title}
          </Text>
          <Group gap={6}>
            {document.category === 'MEDICAL_INFO' ? (
              <Badge color="pwBlue" variant="light">
                {t('documents.medicalBadge')}
              </Badge>
            ) : null}
            <Badge color={document.sharedWithEmployee ? 'green' : 'gray'} variant="light">
              {document.sharedWithEmployee ? t('documents.sharedYes') : t('documents.sharedNo')}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            categoryLabel(document.category),
            format.date(document.createdAt),
            document.uploadedByName,
            `${document.fileName} (${formatSize(document.sizeBytes, locale)})`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {document.description ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {document.description}
          </Text>
        ) : null}
        {request ? (
          <Stack gap={2}>
            <Group gap="xs">
              <Badge
                color={
                  request.status === 'SIGNED' ? 'green' : request.status === 'DECLINED' ? 'red' : 'orange'
                }
                variant="light"
              >
                {signatureText}
              </Badge>
            </Group>
            {request.requestedByName ? (
              <Text size="xs" c="dimmed">
                {t('documents.requestedBy', {
                  name: request.requestedByName,
                  date: format.date(request.requestedAt),
                })}
              </Text>
            ) : null}
            {request.status === 'DECLINED' && request.declineReason ? (
              <Text size="sm">{t('documents.declineReason', { reason: request.declineReason })}</Text>
            ) : null}
          </Stack>
        ) : null}
        <Group gap="xs">
          <Button size="compact-sm" variant="light" onClick={onView}>
            {t('documents.view')}
            <VisuallyHidden>: {document.title}</VisuallyHidden>
          </Button>
          <Button size="compact-sm" variant="light" onClick={onDownload}>
            {t('documents.download')}
            <VisuallyHidden>: {document.title}</VisuallyHidden>
          </Button>
          {canOfferForSigning(document) ? (
            <Button size="compact-sm" variant="filled" onClick={onOffer}>
              {t('documents.requestSignature')}
              <VisuallyHidden>: {document.title}</VisuallyHidden>
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
