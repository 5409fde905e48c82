import { useMutation } from '@apollo/client/react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  useFormat,
} from '@poortwachter/ui';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../shared/i18n';
import { type FieldError } from '../../shared/validation';
import type { ViewerRole } from '../../shared/viewer';
import { ADD_NOTE, CASE_DOSSIER, canWriteMedical, NOTE_MAX, SHARE_NOTE, type DossierNote } from './documents';
import { MutationError } from '../../shared/MutationError';

export interface NotesPanelProps {
  sickCaseId: string;
  notes: DossierNote[];
  role: ViewerRole | null;
  onNotice: (message: string) => void;
}

/** The notes of a case, newest first, with a form to add one and sharing of one's own notes. */
export function NotesPanel({ sickCaseId, notes, role, onNotice }: NotesPanelProps) {
  const { t, translate, fieldError } = useMessages();
  const format = useFormat();
  const [text, setText] = useState('');
  const [shared, setShared] = useState(false);
  const [medical, setMedical] = useState(false);
  const [textError, setTextError] = useState<FieldError | undefined>();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const refetch = {
    refetchQueries: [{ query: CASE_DOSSIER, variables: { id: sickCaseId } }],
    awaitRefetchQueries: true,
  };
  const [addNote, adding] = useMutation(ADD_NOTE, refetch);
  const [shareNote, sharing] = useMutation(SHARE_NOTE);
  const mayWriteMedical = canWriteMedical(role);
  const roleLabel = (value: string) => translate(`documents.roles.${value}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    const error: FieldError | undefined =
      trimmed === ''
        ? { key: 'validation.noteRequired' }
        : [...trimmed].length > NOTE_MAX
          ? { key: 'validation.tooLong', values: { max: NOTE_MAX } }
          : undefined;
    setTextError(error);
    if (error) return;
    adding.reset();
    try {
      await addNote({
        variables: {
          input: {
            sickCaseId,
            text: trimmed,
            medical: mayWriteMedical && medical,
            sharedWithEmployee: shared,
          },
        },
      });
      setText('');
      setShared(false);
      setMedical(false);
      onNotice(t('documents.noteAdded'));
    } catch {
      // Shown from the mutation state.
    }
  }

  async function toggleShare(note: DossierNote) {
    sharing.reset();
    setPendingId(note.id);
    try {
      await shareNote({ variables: { noteId: note.id, shared: !note.sharedWithEmployee } });
      onNotice(note.sharedWithEmployee ? t('documents.noteUnshared') : t('documents.noteShared'));
    } catch {
      // Shown from the mutation state.
    } finally {
      setPendingId(null);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('documents.notesTitle')}
      </Title>
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('documents.addNote')}>
        <Stack gap="xs">
          <Textarea
            required
            label={t('documents.noteText')}
            description={medical ? undefined : t('documents.noMedical')}
            rows={3}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setTextError(undefined);
            }}
            error={fieldError(textError)}
          />
          <Checkbox
            label={t('documents.shareWithEmployee')}
            description={t('documents.shareNoteHelp')}
            checked={shared}
            onChange={(event) => setShared(event.currentTarget.checked)}
          />
          {mayWriteMedical ? (
            <Checkbox
              label={t('documents.noteMedical')}
              checked={medical}
              onChange={(event) => setMedical(event.currentTarget.checked)}
            />
          ) : null}
          <MutationError error={adding.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={adding.loading}>
              {t('documents.noteSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <MutationError error={sharing.error} />
      {notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documents.notesEmpty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {notes.map((note) => (
            <Paper component="li" key={note.id} withBorder p="sm" radius="sm">
              <Stack gap={6}>
                <Group gap="xs" justify="space-between" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {t('documents.noteMeta', {
                      name: note.authorName,
                      role: roleLabel(note.authorRole),
                      date: format.dateTime(note.createdAt),
                    })}
                  </Text>
                  <Group gap={6}>
                    {note.medical ? (
                      <Badge color="pwBlue" variant="light">
                        {t('documents.medicalBadge')}
                      </Badge>
                    ) : null}
                    <Badge color={note.sharedWithEmployee ? 'green' : 'gray'} variant="light">
                      {note.sharedWithEmployee ? t('documents.sharedYes') : t('documents.sharedNo')}
                    </Badge>
                  </Group>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {note.text}
                </Text>
                {note.writtenByMe ? (
                  <Group justify="flex-end">
                    <Button
                      size="compact-sm"
                      variant="light"
                      loading={pendingId === note.id}
                      onClick={() => void toggleShare(note)}
                      aria-label={
                        note.sharedWithEmployee
                          ? t('documents.unshareFor', { date: format.dateTime(note.createdAt) })
                          : t('documents.shareFor', { date: format.dateTime(note.createdAt) })
                      }
                    >
                      {note.sharedWithEmployee ? t('documents.unshare') : t('documents.share')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
