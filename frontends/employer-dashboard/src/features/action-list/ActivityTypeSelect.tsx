import { useQuery } from '@apollo/client/react';
import { Alert, NativeSelect, Stack, useEnumLabel } from '@poortwachter/ui';
import { ACTIVITY_TYPES } from './operations';
import { useMessages } from '../../shared/i18n';

/** A choice from the activity catalogue (Bijlage I), as the follow-up of a handled activity or a new one. */
export function ActivityTypeSelect({
  label,
  placeholder,
  value,
  onChange,
  error,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
}) {
  const { t } = useMessages();
  const roleLabel = useEnumLabel('employerDashboard', 'activityRole');
  const types = useQuery(ACTIVITY_TYPES);
  const options = [...(types.data?.activityTypes ?? [])]
    .sort((a, b) => a.title.localeCompare(b.title, 'nl'))
    .map((type) => ({ value: type.code, label: `${type.title} (${roleLabel(type.role)})` }));
  return (
    <Stack gap="xs">
      {types.error ? (
        <Alert color="red" variant="light" role="alert">
          {t('handle.typesError')}
        </Alert>
      ) : null}
      <NativeSelect
        label={label}
        required
        data={[{ value: '', label: placeholder }, ...options]}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        disabled={types.loading && !types.data}
      />
    </Stack>
  );
}
