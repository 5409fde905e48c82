import { useMutation } from '@apollo/client/react';
import {
  Button,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  toIsoDate,
  useFormat,
  useMediaQuery,
  useT,
} from '@poortwachter/ui';
import { useState, type FormEvent } from 'react';
import { ActivityTypeSelect } from './ActivityTypeSelect';
import { ADD_ACTIVITY, type ActivityDetail } from './operations';
import { AFTER_CHANGE_QUERIES } from '../../shared/refetch';
import { type AbsenceCase } from '../sick-report/operations';
import { useMessages } from '../../shared/i18n';
import {
  addActivityInput,
  validateAddActivity,
  type AddActivityField,
  type AddActivityValues,
} from './validation';
import { type FieldErrors } from '../../shared/validation';
import { MutationError } from '../../shared/MutationError';

export interface AddActivityDialogProps {
  personId: string;
  personName: string;
  /** The open sick case the activity belongs to; without one it stands on its own (e.g. an on-demand request). */
  openCase: Pick<AbsenceCase, 'id' | 'firstSickDay'> | null;
  opened: boolean;
  onClose: () => void;
  onAdded?: (activity: ActivityDetail) => void;
}

/** "Toevoegen van activiteiten": a type from the catalogue, a deadline and remarks; the signal date is the system's. */
export function AddActivityDialog({
  personId,
  personName,
  openCase,
  opened,
  onClose,
  onAdded,
}: AddActivityDialogProps) {
  const { t, fieldError } = useMessages();
  const common = useT();
  const format = useFormat();
  const phone = useMediaQuery('(max-width: 36em)');
  const today = toIsoDate(new Date());
  const [values, setValues] = useState<AddActivityValues>({
    activityTypeCode: '',
    deadline: '',
    remarks: '',
  });
  const [errors, setErrors] = useState<FieldErrors<AddActivityField>>({});
  const [add, { loading, error, reset }] = useMutation(ADD_ACTIVITY, {
    refetchQueries: AFTER_CHANGE_QUERIES,
  });
  const set = <F extends AddActivityField>(field: F, value: AddActivityValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateAddActivity(values, today);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    reset();
    try {
      const result = await add({
        variables: { input: addActivityInput(personId, openCase?.id ?? null, values) },
      });
      if (result.data) onAdded?.(result.data.addActivity);
      onClose();
    } catch {
      // Shown from the mutation state.
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('addActivity.dialogTitle', { name: personName })}
      size="lg"
      fullScreen={!!phone}
      closeButtonProps={{ 'aria-label': common('close') }}
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Text size="sm">{t('addActivity.intro')}</Text>
          {openCase ? (
            <Text size="sm">{t('addActivity.forCase', { date: format.date(openCase.firstSickDay) })}</Text>
          ) : null}
          <ActivityTypeSelect
            label={t('addActivity.type')}
            placeholder={t('addActivity.typePlaceholder')}
            value={values.activityTypeCode}
            onChange={(code) => set('activityTypeCode', code)}
            error={fieldError(errors.activityTypeCode)}
          />
          <TextInput
            type="date"
            required
            min={today}
            label={t('addActivity.deadline')}
            description={`${t('addActivity.deadlineHelp')} ${t('addActivity.signalNote')}`}
            value={values.deadline}
            onChange={(event) => set('deadline', event.currentTarget.value)}
            error={fieldError(errors.deadline)}
          />
          <Textarea
            label={t('addActivity.remarks')}
            description={t('sickReport.medicalWarning')}
            rows={3}
            value={values.remarks}
            onChange={(event) => set('remarks', event.currentTarget.value)}
            error={fieldError(errors.remarks)}
          />
          <MutationError error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              {t('addActivity.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
