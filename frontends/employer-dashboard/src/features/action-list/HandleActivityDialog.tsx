import { useMutation } from '@apollo/client/react';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  Radio,
  SimpleGrid,
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
import { AFTER_CHANGE_QUERIES } from '../../shared/refetch';
import { HANDLE_ACTIVITY, type ActionItem } from './operations';
import { useMessages } from '../../shared/i18n';
import { emptyHandle, handleInput, validateHandle, type HandleField, type HandleValues } from './validation';
import { type FieldErrors } from '../../shared/validation';
import { MutationError } from '../../shared/MutationError';

function HandleForm({ activity, onDone }: { activity: ActionItem; onDone: () => void }) {
  const { t, fieldError } = useMessages();
  const format = useFormat();
  const [values, setValues] = useState<HandleValues>(emptyHandle);
  const [errors, setErrors] = useState<FieldErrors<HandleField>>({});
  const [handle, { loading, error, reset }] = useMutation(HANDLE_ACTIVITY, {
    refetchQueries: AFTER_CHANGE_QUERIES,
  });
  const set = <F extends HandleField>(field: F, value: HandleValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const text = (field: 'conclusion' | 'remarks' | 'followUpDeadline' | 'followUpRemarks') => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    error: fieldError(errors[field]),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateHandle(values, toIsoDate(new Date()));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    reset();
    try {
      await handle({ variables: { input: handleInput(activity.id, values) } });
      onDone();
    } catch {
      // Shown from the mutation state.
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('handle.person')} value={activity.person.fullName} readOnly variant="filled" />
          <TextInput
            label={t('handle.signalDate')}
            description={t('handle.signalDateNote')}
            value={format.date(activity.signalDate)}
            readOnly
            variant="filled"
          />
          <TextInput
            label={t('handle.deadline')}
            value={format.date(activity.deadline)}
            readOnly
            variant="filled"
          />
        </SimpleGrid>
        <Fieldset legend={t('handle.execution')}>
          <Stack gap="sm">
            <Radio.Group
              label={t('handle.status')}
              required
              value={values.status}
              onChange={(value) => set('status', value === 'CANCELLED' ? 'CANCELLED' : 'HANDLED')}
              error={fieldError(errors.status)}
            >
              <Group mt="xs">
                <Radio value="HANDLED" label={t('handle.statusHandled')} />
                <Radio value="CANCELLED" label={t('handle.statusCancelled')} />
              </Group>
            </Radio.Group>
            <Textarea
              label={t('handle.conclusion')}
              description={t('handle.conclusionHelp')}
              rows={2}
              {...text('conclusion')}
            />
            <Checkbox
              label={t('handle.followUp')}
              checked={values.withFollowUp}
              onChange={(event) => set('withFollowUp', event.currentTarget.checked)}
            />
            {values.withFollowUp ? (
              <Fieldset legend={t('handle.followUpLegend')} variant="filled">
                <Stack gap="sm">
                  <ActivityTypeSelect
                    label={t('handle.followUpType')}
                    placeholder={t('handle.followUpTypePlaceholder')}
                    value={values.followUpType}
                    onChange={(code) => set('followUpType', code)}
                    error={fieldError(errors.followUpType)}
                  />
                  <TextInput
                    type="date"
                    required
                    min={toIsoDate(new Date())}
                    label={t('handle.followUpDeadline')}
                    {...text('followUpDeadline')}
                  />
                  <Textarea label={t('handle.followUpRemarks')} rows={2} {...text('followUpRemarks')} />
                </Stack>
              </Fieldset>
            ) : null}
            <Textarea
              label={t('handle.remarks')}
              description={t('handle.remarksHelp')}
              rows={2}
              {...text('remarks')}
            />
          </Stack>
        </Fieldset>
        <MutationError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            {t('handle.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export interface HandleActivityDialogProps {
  activity: ActionItem | null;
  onClose: () => void;
  /** Called after a successful save, before the dialog closes. */
  onHandled?: (activity: ActionItem) => void;
}

/** "Openen / bewerken van een activiteit": status, conclusion with an optional follow-up, remarks. */
export function HandleActivityDialog({ activity, onClose, onHandled }: HandleActivityDialogProps) {
  const { t } = useMessages();
  const common = useT();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={activity !== null}
      onClose={onClose}
      title={activity ? t('handle.dialogTitle', { title: activity.title }) : ''}
      size="lg"
      fullScreen={!!phone}
      closeButtonProps={{ 'aria-label': common('close') }}
    >
      {activity ? (
        activity.status === 'OPEN' ? (
          <HandleForm
            key={activity.id}
            activity={activity}
            onDone={() => {
              onHandled?.(activity);
              onClose();
            }}
          />
        ) : (
          <Text size="sm">{t('handle.closed')}</Text>
        )
      ) : null}
    </Modal>
  );
}
