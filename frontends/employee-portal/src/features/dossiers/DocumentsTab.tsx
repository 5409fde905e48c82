import { useMutation } from '@apollo/client/react';
import {
  Badge,
  Checkbox,
  Group,
  Link,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
  Anchor,
  useEnumLabel,
  useFormat,
  useLocale,
  useMediaQuery,
} from '@poortwachter/ui';
import { useState } from 'react';
import { DocumentPreview } from '../files/DocumentPreview';
import { DownloadButton } from '../files/DownloadButton';
import { useMessages } from '../../messages';
import { usePaths } from '../../paths';
import {
  documentGroup,
  SET_DOCUMENT_VISIBLE_TO_EMPLOYER,
  type DossierCase,
  type DossierDocument,
  type DossierNote,
} from './operations';

export function formatBytes(bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / 1024 / 1024)} MB`;
}

function VisibilityToggle({ document }: { document: DossierDocument }) {
  const { t, failure } = useMessages();
  const [setVisible, { loading, error }] = useMutation(SET_DOCUMENT_VISIBLE_TO_EMPLOYER);
  return (
    <Stack gap={2}>
      <Checkbox
        size="xs"
        label={t('documents.visibleToEmployer')}
        checked={document.visibleToEmployer}
        disabled={loading}
        onChange={(event) =>
          void setVisible({
            variables: { documentId: document.id, visible: event.currentTarget.checked },
          }).catch(() => undefined)
        }
      />
      {error ? (
        <Text size="xs" c="red.8" role="alert">
          {failure(error)}
        </Text>
      ) : null}
    </Stack>
  );
}

function SignatureBadge({ document }: { document: DossierDocument }) {
  const { t } = useMessages();
  const paths = usePaths();
  const request = document.signatureRequest;
  if (!request) return null;
  if (request.status === 'PENDING') {
    return (
      <Anchor component={Link} to={paths.sign(request.id)} size="sm" fw={700}>
        {t('documents.signNow')}
      </Anchor>
    );
  }
  return (
    <Badge variant="light" color={request.status === 'SIGNED' ? 'green' : 'gray'}>
      {t(request.status === 'SIGNED' ? 'documents.signed' : 'documents.declined')}
    </Badge>
  );
}

function DocumentItem({
  document,
  onOpen,
}: {
  document: DossierDocument;
  onOpen: (document: DossierDocument) => void;
}) {
  const { t } = useMessages();
  const format = useFormat();
  const { locale } = useLocale();
  const categoryLabel = useEnumLabel('employeePortal', 'documentCategory');
  const sourceLabel = useEnumLabel('employeePortal', 'documentSource');
  return (
    <Paper component="li" withBorder radius="sm" p="sm" data-testid="dossier-document">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <UnstyledButton
            onClick={() => onOpen(document)}
            className="pw-link-button"
            style={{ textAlign: 'left' }}
          >
            <Text component="span" fw={700} c="pwBlue.8" td="underline">
              {document.title}
            </Text>
          </UnstyledButton>
          <SignatureBadge document={document} />
        </Group>
        <Text size="sm">
          {categoryLabel(document.category)} · {format.date(document.createdAt)} ·{' '}
          {sourceLabel(document.source)}
          {document.uploadedByName && document.source !== 'EMPLOYEE' ? ` (${document.uploadedByName})` : ''}
        </Text>
        {document.description ? <Text size="sm">{document.description}</Text> : null}
        <Text size="xs" c="dimmed">
          {t('documents.file', { name: document.fileName, size: formatBytes(document.sizeBytes, locale) })}
        </Text>
        <Group gap="sm" wrap="wrap">
          <DownloadButton document={document} />
          {document.source === 'EMPLOYEE' && document.category !== 'SIGNED' ? (
            <VisibilityToggle document={document} />
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

function DocumentList({
  title,
  documents,
  empty,
  onOpen,
}: {
  title: string;
  documents: DossierDocument[];
  empty: string;
  onOpen: (document: DossierDocument) => void;
}) {
  return (
    <section aria-label={title}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {documents.map((document) => (
            <DocumentItem key={document.id} document={document} onOpen={onOpen} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function NoteItem({ note }: { note: DossierNote }) {
  const { t } = useMessages();
  const format = useFormat();
  const roleLabel = useEnumLabel('common', 'role');
  return (
    <Paper component="li" withBorder radius="sm" p="sm" data-testid="dossier-note">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} size="sm">
            {note.authorName}, {roleLabel(note.authorRole).toLowerCase()}
          </Text>
          <Text size="sm" c="dimmed">
            {format.dateTime(note.createdAt)}
          </Text>
        </Group>
        {note.medical ? (
          <Badge variant="outline" color="grape" size="sm">
            {t('notes.medicalShared')}
          </Badge>
        ) : null}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {note.text}
        </Text>
      </Stack>
    </Paper>
  );
}

/** "Documenten en Notities": UWV documents, other documents, and the notes shared with the employee. */
export function DocumentsTab({ sickCase }: { sickCase: DossierCase }) {
  const { t } = useMessages();
  const phone = useMediaQuery('(max-width: 48em)');
  const [open, setOpen] = useState<DossierDocument | null>(null);
  const newestFirst = [...sickCase.documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const notes = [...sickCase.notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack gap="lg">
      <DocumentList
        title={t('documents.uwvTitle')}
        documents={newestFirst.filter((d) => documentGroup(d) === 'uwv')}
        empty={t('documents.uwvEmpty')}
        onOpen={setOpen}
      />
      <DocumentList
        title={t('documents.otherTitle')}
        documents={newestFirst.filter((d) => documentGroup(d) === 'documents')}
        empty={t('documents.otherEmpty')}
        onOpen={setOpen}
      />
      <section aria-label={t('notes.title')}>
        <Title order={3} size="h4" mb="xs">
          {t('notes.title')}
        </Title>
        {notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notes.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {notes.map((note) => (
              <NoteItem key={note.id} note={note} />
            ))}
          </Stack>
        )}
      </section>
      <Modal
        opened={!!open}
        onClose={() => setOpen(null)}
        title={open?.title ?? ''}
        size="xl"
        fullScreen={!!phone}
        closeButtonProps={{ 'aria-label': t('preview.close') }}
      >
        {open ? <DocumentPreview document={open} /> : null}
      </Modal>
    </Stack>
  );
}
