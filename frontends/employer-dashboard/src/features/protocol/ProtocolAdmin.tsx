import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  DataTable,
  ErrorPanel,
  Group,
  List,
  LoadingState,
  NativeSelect,
  Stack,
  Text,
  useEnumLabel,
  useFormat,
  useT,
  VisuallyHidden,
  Widget,
  type DataTableColumn,
} from '@poortwachter/ui';
import { useState } from 'react';
import { useMessages } from '../../shared/i18n';
import {
  AFTER_PROTOCOL_CHANGE,
  EMPLOYERS,
  PROTOCOL,
  PROTOCOL_HISTORY,
  RESET_PROTOCOL,
  RESET_PROTOCOL_ROW,
  type Protocol,
  type ProtocolRow,
} from './operations';
import { ProtocolRowDialog } from './ProtocolRowDialog';
import { MutationError } from '../../shared/MutationError';

const STANDARD = '';

function History({ employerId }: { employerId: string | null }) {
  const { t } = useMessages();
  const format = useFormat();
  // Names come from identity; a version without one still shows.
  const { data, error } = useQuery(PROTOCOL_HISTORY, { variables: { employerId }, errorPolicy: 'all' });
  const versions = data?.protocol?.history ?? [];
  return (
    <Widget title={t('protocol.historyTitle')} headingLevel={2}>
      {versions.length === 0 ? (
        <Text size="sm">{error ? t('protocol.historyError') : t('protocol.historyEmpty')}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {versions.map((version) => (
            <List.Item key={version.version}>
              {t('protocol.historyItem', {
                version: version.version,
                date: format.dateTime(version.createdAt),
                who: version.changedBy?.displayName ?? t('protocol.system'),
              })}
              {version.summary ? `: ${version.summary}` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </Widget>
  );
}

/**
 * "Protocolbeheer": the standard Poortwachter protocol and each client's own rows, editable by the
 * administrator. Every change is a new version for sick reports from then on.
 */
export function ProtocolAdmin() {
  const { t } = useMessages();
  const common = useT();
  const format = useFormat();
  const roleLabel = useEnumLabel('employerDashboard', 'activityRole');
  const kindLabel = useEnumLabel('employerDashboard', 'activityKind');
  const [owner, setOwner] = useState<string>(STANDARD);
  const employerId = owner === STANDARD ? null : owner;
  const [editing, setEditing] = useState<ProtocolRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const employers = useQuery(EMPLOYERS);
  const { data, loading, error, refetch } = useQuery(PROTOCOL, { variables: { employerId } });
  const [resetRow, resetRowState] = useMutation(RESET_PROTOCOL_ROW, {
    refetchQueries: AFTER_PROTOCOL_CHANGE,
  });
  const [resetAll, resetAllState] = useMutation(RESET_PROTOCOL, { refetchQueries: AFTER_PROTOCOL_CHANGE });
  const protocol = data?.protocol;
  const mutationError = resetRowState.error ?? resetAllState.error;

  const saved = (next: Protocol) => setNotice(t('protocol.saved', { version: next.version }));
  async function reset(row: ProtocolRow | null) {
    if (!protocol || !employerId) return;
    setNotice(null);
    resetRowState.reset();
    resetAllState.reset();
    try {
      const result = row
        ? (
            await resetRow({
              variables: { input: { employerId, code: row.code, expectedVersion: protocol.version } },
            })
          ).data?.resetProtocolRow
        : (await resetAll({ variables: { input: { employerId, expectedVersion: protocol.version } } })).data
            ?.resetProtocol;
      if (result) saved(result);
    } catch {
      // Shown from the mutation state.
    }
  }

  const triggerLabel = (row: ProtocolRow) => t(`protocol.trigger.${row.trigger}`);
  // The pencil comes first, as on the action list ("het potloodje vooraan").
  const columns: DataTableColumn<ProtocolRow>[] = [
    {
      key: 'actions',
      header: t('sickReport.actions'),
      cell: (r) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              setNotice(null);
              setEditing(r);
            }}
          >
            {t('protocol.edit')}
            <VisuallyHidden>: {r.title}</VisuallyHidden>
          </Button>
          {employerId && r.overridden ? (
            <Button
              size="compact-sm"
              variant="default"
              loading={resetRowState.loading}
              onClick={() => void reset(r)}
            >
              {t('protocol.resetRow')}
              <VisuallyHidden>: {r.title}</VisuallyHidden>
            </Button>
          ) : null}
        </Group>
      ),
    },
    {
      key: 'title',
      header: t('protocol.step'),
      cell: (r) => r.title,
      sortValue: (r) => r.title,
      rowHeader: true,
    },
    {
      key: 'role',
      header: t('protocol.role'),
      cell: (r) => roleLabel(r.role),
      sortValue: (r) => roleLabel(r.role),
    },
    {
      key: 'kind',
      header: t('protocol.kind'),
      cell: (r) => kindLabel(r.kind),
      sortValue: (r) => kindLabel(r.kind),
    },
    {
      key: 'signalDay',
      header: t('protocol.signalDay'),
      cell: (r) => r.signalDay,
      sortValue: (r) => r.signalDay,
      align: 'right',
    },
    {
      key: 'deadlineDay',
      header: t('protocol.deadlineDay'),
      cell: (r) => r.deadlineDay,
      sortValue: (r) => r.deadlineDay,
      align: 'right',
    },
    { key: 'trigger', header: t('protocol.triggerHeader'), cell: triggerLabel, sortValue: triggerLabel },
    ...(employerId
      ? [
          {
            key: 'origin',
            header: t('protocol.origin'),
            cell: (r: ProtocolRow) =>
              r.overridden ? (
                <Badge color="orange" variant="light">
                  {t('protocol.own')}
                </Badge>
              ) : (
                <Text size="sm">{t('protocol.standard')}</Text>
              ),
            sortValue: (r: ProtocolRow) => (r.overridden ? 0 : 1),
          } satisfies DataTableColumn<ProtocolRow>,
        ]
      : []),
  ];

  const employerName = employers.data?.employers.find((e) => e.id === employerId)?.name;
  const overridden = protocol?.rows.filter((r) => r.overridden).length ?? 0;

  return (
    <Stack gap="lg">
      <Widget
        title={employerName ? t('protocol.ofEmployer', { name: employerName }) : t('protocol.standardTitle')}
        description={t('protocol.description')}
        onRefresh={() => void refetch()}
        refreshing={loading && !!data}
        actions={
          employerId && overridden > 0 ? (
            <Button
              size="xs"
              variant="default"
              loading={resetAllState.loading}
              onClick={() => void reset(null)}
            >
              {t('protocol.resetAll')}
            </Button>
          ) : null
        }
      >
        <NativeSelect
          label={t('protocol.owner')}
          description={t('protocol.ownerHelp')}
          value={owner}
          onChange={(event) => {
            setNotice(null);
            setOwner(event.currentTarget.value);
          }}
          data={[
            { value: STANDARD, label: t('protocol.standardTitle') },
            ...(employers.data?.employers ?? []).map((e) => ({ value: e.id, label: e.name })),
          ]}
          w={{ base: '100%', sm: 420 }}
        />
        {employers.error ? (
          <Text size="sm" c="red.8">
            {t('protocol.employersError')}
          </Text>
        ) : null}
        {protocol ? (
          <Text size="sm" c="dimmed">
            {employerId
              ? t('protocol.versionEmployer', {
                  version: protocol.version,
                  standardVersion: protocol.standardVersion,
                  count: overridden,
                })
              : t('protocol.versionStandard', { version: protocol.version })}
            {protocol.changedAt
              ? ` ${t('protocol.changedAt', { date: format.dateTime(protocol.changedAt) })}`
              : ''}
          </Text>
        ) : null}
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
        <MutationError error={mutationError} />
        {error ? (
          <ErrorPanel error={error} onRetry={() => void refetch()} />
        ) : !protocol ? (
          <LoadingState />
        ) : (
          <DataTable
            caption={t('protocol.caption')}
            captionHidden
            columns={columns}
            rows={protocol.rows}
            rowKey={(r) => r.code}
            rowTone={(r) => (r.overridden ? 'highlight' : undefined)}
            pageSizeOptions={[25, 50]}
            initialPageSize={25}
          />
        )}
      </Widget>
      <History employerId={employerId} />
      <ProtocolRowDialog
        row={editing}
        employerId={employerId}
        version={protocol?.version ?? 0}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
    </Stack>
  );
}
