import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Box,
  Button,
  DataTable,
  ErrorPanel,
  Group,
  LoadingState,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  useEnumLabel,
  useFormat,
  type DataTableColumn,
} from '@poortwachter/ui';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../messages';
import {
  currentValue,
  MY_CORRECTION_REQUESTS,
  PERSON_FIELDS,
  REQUEST_PERSON_CORRECTION,
  type CorrectionRequest,
  type MyDetails,
  type PersonField,
} from './operations';

const STATUS_COLORS = { OPEN: 'blue', RESOLVED: 'green', REJECTED: 'gray' } as const;

/** "Correctie aanvragen": fields the employee may not change themselves go to the arbodienst as a request. */
export function CorrectionRequests({ person }: { person: MyDetails }) {
  const { t, failure } = useMessages();
  const format = useFormat();
  const fieldLabel = useEnumLabel('employeePortal', 'personField');
  const statusLabel = useEnumLabel('employeePortal', 'correctionStatus');
  const [field, setField] = useState<PersonField>('ADDRESS');
  const [proposed, setProposed] = useState('');
  const [explanation, setExplanation] = useState('');
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);
  const list = useQuery(MY_CORRECTION_REQUESTS);
  const [request, { loading, error }] = useMutation(REQUEST_PERSON_CORRECTION, {
    refetchQueries: [{ query: MY_CORRECTION_REQUESTS }],
    awaitRefetchQueries: true,
  });
  const current = currentValue(person, field, {
    date: (value) => format.date(value),
    hours: (hours) => t('details.hoursPerWeek', { hours: format.number(hours) }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    if (!proposed.trim()) return setMissing(true);
    setMissing(false);
    try {
      await request({
        variables: { field, proposedValue: proposed.trim(), explanation: explanation.trim() || null },
      });
      setSent(true);
      setProposed('');
      setExplanation('');
    } catch {
      // Shown below.
    }
  };

  const columns: DataTableColumn<CorrectionRequest>[] = [
    {
      key: 'createdAt',
      header: t('corrections.date'),
      cell: (r) => format.date(r.createdAt),
      sortValue: (r) => r.createdAt,
      rowHeader: true,
    },
    {
      key: 'field',
      header: t('corrections.field'),
      cell: (r) => fieldLabel(r.field),
      sortValue: (r) => fieldLabel(r.field),
    },
    { key: 'proposedValue', header: t('corrections.proposed'), cell: (r) => r.proposedValue },
    {
      key: 'status',
      header: t('corrections.status'),
      cell: (r) => (
        <Badge variant="light" color={STATUS_COLORS[r.status] ?? 'gray'}>
          {statusLabel(r.status)}
        </Badge>
      ),
      sortValue: (r) => r.status,
    },
    {
      key: 'response',
      header: t('corrections.response'),
      cell: (r) =>
        r.resolvedAt ? (
          <Stack gap={2}>
            {r.response ? <span>{r.response}</span> : null}
            <Text size="xs" c="dimmed">
              {t('corrections.answeredBy', {
                name: r.resolvedByName ?? '—',
                date: format.date(r.resolvedAt),
              })}
            </Text>
          </Stack>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Stack gap="lg">
      <Box component="form" onSubmit={(event) => void submit(event)} noValidate maw={560}>
        <Stack gap="sm">
          <Text size="sm">{t('corrections.intro')}</Text>
          <NativeSelect
            label={t('corrections.field')}
            value={field}
            onChange={(event) => setField(event.currentTarget.value as PersonField)}
            data={PERSON_FIELDS.map((value) => ({ value, label: fieldLabel(value) }))}
          />
          <Text size="sm">
            {t('corrections.current')}: <strong>{current ?? t('details.unknown')}</strong>
          </Text>
          <TextInput
            label={t('corrections.proposed')}
            required
            maxLength={500}
            value={proposed}
            onChange={(event) => setProposed(event.currentTarget.value)}
            error={missing ? t('errors.CORRECTION_VALUE_REQUIRED') : undefined}
          />
          <Textarea
            label={t('corrections.explanation')}
            rows={2}
            maxLength={1000}
            value={explanation}
            onChange={(event) => setExplanation(event.currentTarget.value)}
          />
          {error ? (
            <Alert role="alert" color="red" variant="light" title={t('corrections.failed')}>
              {failure(error)}
            </Alert>
          ) : null}
          {sent ? (
            <Alert role="status" color="green" variant="light">
              {t('corrections.sent')}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={loading}>
              {t('corrections.submit')}
            </Button>
          </Group>
        </Stack>
      </Box>
      {list.error && !list.data ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : list.loading && !list.data ? (
        <LoadingState />
      ) : (
        <DataTable
          caption={t('corrections.caption')}
          columns={columns}
          rows={list.data?.myCorrectionRequests ?? []}
          rowKey={(r) => r.id}
          initialSort={{ key: 'createdAt', direction: 'descending' }}
          emptyText={t('corrections.empty')}
        />
      )}
    </Stack>
  );
}
