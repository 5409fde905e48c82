import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  Group,
  Link,
  Stack,
  Text,
  Textarea,
  useGatewayFetch,
} from '@poortwachter/ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMessages } from '../../messages';
import { usePaths } from '../../paths';
import { checkUpload, uploadDocument, UPLOAD_MAX_BYTES, type UploadedDocument } from './upload';

const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.heic,.docx,application/pdf,image/png,image/jpeg,image/heic,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * "Upload": a document with a description goes into the dossier, visible to the arbodienst and,
 * only when the employee ticks the box, to the employer.
 */
export function UploadTab({
  sickCaseId,
  onUploaded,
}: {
  sickCaseId: string;
  onUploaded: (document: UploadedDocument) => void;
}) {
  const { t, failure } = useMessages();
  const paths = usePaths();
  const gatewayFetch = useGatewayFetch();
  const fileId = useId();
  const fileHelpId = useId();
  const fileErrorId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [visibleToEmployer, setVisibleToEmployer] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<UploadedDocument | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setError(null);
    const values = { file, description, visibleToEmployer };
    const code = checkUpload(values);
    setProblem(code);
    if (code) return;
    setBusy(true);
    try {
      const uploaded = await uploadDocument(gatewayFetch, sickCaseId, values);
      setDone(uploaded);
      setFile(null);
      setDescription('');
      setVisibleToEmployer(false);
      if (fileInput.current) fileInput.current.value = '';
      onUploaded(uploaded);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const fileProblem = problem === 'UPLOAD_FILE_MISSING' || problem === 'UPLOAD_TOO_LARGE' ? problem : null;
  const maxMb = Math.round(UPLOAD_MAX_BYTES / 1024 / 1024);
  return (
    <Box component="form" onSubmit={(event) => void submit(event)} noValidate maw={560}>
      <Stack gap="md">
        <Text size="sm">{t('upload.intro')}</Text>
        <div>
          <Text component="label" htmlFor={fileId} fw={500} size="sm" display="block">
            {t('upload.file')}{' '}
            <Text component="span" c="red.8" aria-hidden="true">
              *
            </Text>
          </Text>
          <Text id={fileHelpId} size="xs" c="dimmed" mb={4}>
            {t('upload.fileHelp', { max: maxMb })}
          </Text>
          <input
            ref={fileInput}
            id={fileId}
            type="file"
            accept={ACCEPT}
            required
            aria-describedby={fileProblem ? `${fileHelpId} ${fileErrorId}` : fileHelpId}
            aria-invalid={fileProblem ? true : undefined}
            className="pw-file-input"
            style={{ maxWidth: '100%', font: 'inherit', padding: '6px 0' }}
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              setProblem(chosen && chosen.size > UPLOAD_MAX_BYTES ? 'UPLOAD_TOO_LARGE' : null);
            }}
          />
          {fileProblem ? (
            <Text id={fileErrorId} size="sm" c="red.8" role="alert">
              {fileProblem === 'UPLOAD_TOO_LARGE'
                ? t('upload.tooLarge', { max: maxMb })
                : t('errors.UPLOAD_FILE_MISSING')}
            </Text>
          ) : null}
        </div>
        <Textarea
          label={t('upload.description')}
          description={t('upload.descriptionHelp')}
          required

          rows={2}
          maxLength={500}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={
            problem === 'UPLOAD_DESCRIPTION_REQUIRED' ? t('errors.UPLOAD_DESCRIPTION_REQUIRED') : undefined
          }
        />
        <Checkbox
          label={t('upload.visibleToEmployer')}
          description={t('upload.visibleToEmployerHelp')}
          checked={visibleToEmployer}
          onChange={(event) => setVisibleToEmployer(event.currentTarget.checked)}
        />
        {error ? (
          <Alert role="alert" color="red" variant="light" title={t('upload.errorTitle')}>
            {failure(error)}
          </Alert>
        ) : null}
        {done ? (
          <Alert role="status" color="green" variant="light" title={t('upload.doneTitle')}>
            <Stack gap={4}>
              <Text size="sm">{t('upload.done', { title: done.title })}</Text>
              <Anchor component={Link} to={paths.dossier(sickCaseId)} size="sm">
                {t('upload.toDocuments')}
              </Anchor>
            </Stack>
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={busy}>
            {t('upload.submit')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
