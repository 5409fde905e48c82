import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  useEnumLabel,
  useLocale,
  useMediaQuery,
  useT,
} from '@poortwachter/ui';
import { useId, useState, type FormEvent } from 'react';
import { useMessages } from '../../shared/i18n';
import type { FieldErrors } from '../../shared/validation';
import type { ViewerRole } from '../../shared/viewer';
import {
  formatSize,
  UPLOAD_MAX_MB,
  uploadCategories,
  uploadForm,
  uploadPath,
  validateUpload,
  type DocumentCategory,
  type UploadField,
  type UploadValues,
} from './documents';
import { fileErrorMessage } from './files';
import { fileRequestError, useGatewayFetch } from '@poortwachter/ui';

export interface UploadDialogProps {
  sickCaseId: string;
  caseLabel: string;
  role: ViewerRole | null;
  onClose: () => void;
  onUploaded: (title: string) => void;
}

const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.heic,.docx,application/pdf,image/png,image/jpeg,image/heic,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "Toevoegen van een eigen document": a file with title, description, kind and whether the employee sees it. */
export function UploadDialog({ sickCaseId, caseLabel, role, onClose, onUploaded }: UploadDialogProps) {
  const { t, translate, fieldError } = useMessages();
  const common = useT();
  const { locale } = useLocale();
  const categoryLabel = useEnumLabel('employerDashboard', 'documents.categories');
  const phone = useMediaQuery('(max-width: 36em)');
  const gatewayFetch = useGatewayFetch();
  const fileId = useId();
  const [values, setValues] = useState<UploadValues>({
    file: null,
    title: '',
    description: '',
    category: 'CORRESPONDENCE',
    sharedWithEmployee: false,
  });
  const [errors, setErrors] = useState<FieldErrors<UploadField>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ key: string; values?: Record<string, unknown> } | null>(null);
  const set = <F extends keyof UploadValues>(field: F, value: UploadValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const medical = values.category === 'MEDICAL_INFO';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateUpload(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const response = await gatewayFetch(uploadPath(sickCaseId), {
        method: 'POST',
        body: uploadForm(values, role),
      });
      if (!response.ok) throw await fileRequestError(response);
      const body = (await response.json()) as { document: { title: string } };
      onUploaded(body.document.title);
      onClose();
    } catch (error) {
      setFailure(fileErrorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const fileError = fieldError(errors.file);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('documents.uploadTitle', { date: caseLabel })}
      size="lg"
      fullScreen={!!phone}
      closeButtonProps={{ 'aria-label': common('close') }}
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Text size="sm">{t('documents.uploadIntro', { maxMb: UPLOAD_MAX_MB })}</Text>
          {/* A plain file input: the platform's own picker works with keyboard, screen readers and phone cameras. */}
          <Stack gap={4}>
            <Text component="label" htmlFor={fileId} size="sm" fw={500}>
              {t('documents.file')}{' '}
              <Text component="span" c="red.8" aria-hidden="true">
                *
              </Text>
            </Text>
            <Text id={`${fileId}-help`} size="xs" c="dimmed">
              {t('documents.fileHelp')}
            </Text>
            <input
              id={fileId}
              type="file"
              accept={ACCEPT}
              required
              aria-describedby={`${fileId}-help${fileError ? ` ${fileId}-error` : ''}`}
              aria-invalid={fileError ? true : undefined}
              onChange={(event) => set('file', event.currentTarget.files?.[0] ?? null)}
              style={{ maxWidth: '100%' }}
            />
            {values.file ? (
              <Text size="xs">
                {t('documents.fileChosen', {
                  name: values.file.name,
                  size: formatSize(values.file.size, locale),
                })}
              </Text>
            ) : null}
            {fileError ? (
              <Text id={`${fileId}-error`} size="xs" c="red.8">
                {fileError}
              </Text>
            ) : null}
          </Stack>
          <NativeSelect
            label={t('documents.categoryField')}
            value={values.category}
            onChange={(event) => set('category', event.currentTarget.value as DocumentCategory)}
            data={uploadCategories(role).map((category) => ({
              value: category,
              label: categoryLabel(category),
            }))}
            description={medical ? t('documents.medicalDocumentHelp') : undefined}
          />
          <TextInput
            label={t('documents.titleField')}
            description={t('documents.titleHelp')}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={fieldError(errors.title)}
          />
          <Textarea
            required
            label={t('documents.descriptionField')}
            description={medical ? undefined : t('documents.noMedical')}
            rows={3}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={fieldError(errors.description)}
          />
          <Checkbox
            label={t('documents.shareWithEmployee')}
            description={t('documents.shareWithEmployeeHelp')}
            checked={values.sharedWithEmployee}
            onChange={(event) => set('sharedWithEmployee', event.currentTarget.checked)}
          />
          {failure ? (
            <Alert color="red" variant="light" role="alert" title={t('sickReport.errorTitle')}>
              {translate(failure.key, failure.values)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('documents.uploadSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
