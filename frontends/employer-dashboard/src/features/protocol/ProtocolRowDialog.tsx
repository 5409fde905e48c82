import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  useEnumLabel,
  useMediaQuery,
  useT,
} from '@poortwachter/ui';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../shared/i18n';
import { type FieldErrors } from '../../shared/validation';
import { AFTER_PROTOCOL_CHANGE, UPDATE_PROTOCOL_ROW, type Protocol, type ProtocolRow } from './operations';
import {
  changesSomething,
  formOf,
  MAX_PROTOCOL_DAY,
  protocolRowInput,
  validateProtocolRow,
  type ProtocolRowField,
  type ProtocolRowForm,
} from './validation';
import { MutationError } from '../../shared/MutationError';

const ROLES = ['WG', 'BA', 'CM'] as const;
const KINDS = ['ACTION', 'REMINDER', 'UWV', 'SIGNAL'] as const;

interface FormProps {
  row: ProtocolRow;
  employerId: string | null;
  version: number;
  onSaved: (protocol: Protocol) => void;
}

function ProtocolRowFormView({ row, employerId, version, onSaved }: FormProps) {
  const { t, fieldError } = useMessages();
  const roleLabel = useEnumLabel('employerDashboard', 'activityRole');
  const kindLabel = useEnumLabel('employerDashboard', 'activityKind');
  const [form, setForm] = useState<ProtocolRowForm>(() => formOf(row));
  const [errors, setErrors] = useState<FieldErrors<ProtocolRowField>>({});
  const [unchanged, setUnchanged] = useState(false);
  const [update, { loading, error, reset }] = useMutation(UPDATE_PROTOCOL_ROW, {
    refetchQueries: AFTER_PROTOCOL_CHANGE,
  });
  const set = <F extends ProtocolRowField>(field: F, value: ProtocolRowForm[F]) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setUnchanged(false);
  };
  const standard = employerId ? (row.standardRow ?? row) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateProtocolRow(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = protocolRowInput(row, form, { employerId, version });
    if (!changesSomething(input)) {
      setUnchanged(true);
      return;
    }
    reset();
    try {
      const result = await update({ variables: { input } });
      if (result.data) onSaved(result.data.updateProtocolRow);
    } catch {
      // Shown from the mutation state.
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <Text size="sm">{t('protocol.newCasesOnly')}</Text>
        {standard ? (
          <Text size="sm" c="dimmed">
            {t('protocol.standardValues', {
              title: standard.title,
              role: roleLabel(standard.role),
              kind: kindLabel(standard.kind),
              signalDay: standard.signalDay,
              deadlineDay: standard.deadlineDay,
            })}
          </Text>
        ) : null}
        <TextInput
          label={t('protocol.fieldTitle')}
          required
          value={form.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={fieldError(errors.title)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('protocol.role')}
            value={form.role}
            onChange={(e) => set('role', e.currentTarget.value as ProtocolRowForm['role'])}
            data={ROLES.map((value) => ({ value, label: roleLabel(value) }))}
          />
          <NativeSelect
            label={t('protocol.kind')}
            value={form.kind}
            onChange={(e) => set('kind', e.currentTarget.value as ProtocolRowForm['kind'])}
            data={KINDS.map((value) => ({ value, label: kindLabel(value) }))}
          />
          <TextInput
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_PROTOCOL_DAY}
            required
            label={t('protocol.signalDay')}
            description={t('protocol.dayHelp')}
            value={form.signalDay}
            onChange={(e) => set('signalDay', e.currentTarget.value)}
            error={fieldError(errors.signalDay)}
          />
          <TextInput
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_PROTOCOL_DAY}
            required
            label={t('protocol.deadlineDay')}
            description={t('protocol.dayHelp')}
            value={form.deadlineDay}
            onChange={(e) => set('deadlineDay', e.currentTarget.value)}
            error={fieldError(errors.deadlineDay)}
          />
        </SimpleGrid>
        {unchanged ? (
          <Alert color="blue" variant="light" role="status">
            {t('protocol.unchanged')}
          </Alert>
        ) : null}
        <MutationError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            {t('protocol.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export interface ProtocolRowDialogProps {
  row: ProtocolRow | null;
  employerId: string | null;
  version: number;
  onClose: () => void;
  onSaved: (protocol: Protocol) => void;
}

/** Edits one protocol row: title, role, kind, signal and deadline day. */
export function ProtocolRowDialog({ row, employerId, version, onClose, onSaved }: ProtocolRowDialogProps) {
  const { t } = useMessages();
  const common = useT();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={row !== null}
      onClose={onClose}
      title={row ? t('protocol.dialogTitle', { title: row.title }) : ''}
      size="lg"
      fullScreen={!!phone}
      closeButtonProps={{ 'aria-label': common('close') }}
    >
      {row ? (
        <ProtocolRowFormView
          key={`${row.id}:${version}`}
          row={row}
          employerId={employerId}
          version={version}
          onSaved={(protocol) => {
            onSaved(protocol);
            onClose();
          }}
        />
      ) : null}
    </Modal>
  );
}
