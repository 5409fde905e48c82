import { useQuery } from '@apollo/client/react';
import {
  Badge,
  DataTable,
  DurationClassChart,
  ErrorPanel,
  LoadingState,
  PageHeader,
  Stack,
  toIsoDate,
  useDocumentTitle,
  useEnumLabel,
  useFormat,
  useT,
  Widget,
  type DataTableColumn,
} from '@poortwachter/ui';
import { ACTION_LIST, isOverdue, OPEN_ABSENCE_BY_DURATION_CLASS, type ActionItem } from './graphql';

/** The old portal's default look-ahead of the action list. */
export const ACTION_LIST_DAYS_AHEAD = 28;

function ActionListWidget() {
  const t = useT('employerDashboard');
  const format = useFormat();
  const roleLabel = useEnumLabel('employerDashboard', 'activityRole');
  const kindLabel = useEnumLabel('employerDashboard', 'activityKind');
  const statusLabel = useEnumLabel('employerDashboard', 'activityStatus');
  const { data, loading, error, refetch } = useQuery(ACTION_LIST, { variables: { daysAhead: ACTION_LIST_DAYS_AHEAD } });
  const today = toIsoDate(new Date());
  const items = data?.actionList ?? [];
  const overdue = items.filter((item) => isOverdue(item, today)).length;

  const columns: DataTableColumn<ActionItem>[] = [
    { key: 'title', header: t('actionList.activity'), cell: (a) => a.title, sortValue: (a) => a.title, rowHeader: true },
    { key: 'person', header: t('actionList.person'), cell: (a) => a.person.fullName, sortValue: (a) => a.person.fullName },
    { key: 'role', header: t('actionList.role'), cell: (a) => roleLabel(a.role), sortValue: (a) => roleLabel(a.role) },
    { key: 'kind', header: t('actionList.kind'), cell: (a) => kindLabel(a.kind), sortValue: (a) => kindLabel(a.kind) },
    { key: 'signalDate', header: t('actionList.signalDate'), cell: (a) => format.date(a.signalDate), sortValue: (a) => a.signalDate },
    {
      key: 'deadline',
      header: t('actionList.deadline'),
      cell: (a) => (
        <>
          {format.date(a.deadline)}
          {isOverdue(a, today) ? (
            <Badge ml="xs" size="sm" color="red" variant="light">
              {t('actionList.overdue')}
            </Badge>
          ) : null}
        </>
      ),
      sortValue: (a) => a.deadline,
    },
    { key: 'status', header: t('actionList.status'), cell: (a) => statusLabel(a.status), sortValue: (a) => statusLabel(a.status) },
  ];

  return (
    <Widget
      title={t('actionList.title')}
      description={t('actionList.description', { days: ACTION_LIST_DAYS_AHEAD })}
      onRefresh={() => void refetch()}
      refreshing={loading && !!data}
      actions={
        overdue > 0 ? (
          <Badge color="red" variant="light" size="lg">
            {t('actionList.overdueCount', { count: overdue })}
          </Badge>
        ) : null
      }
    >
      {error ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : (
        <DataTable
          caption={t('actionList.caption', { days: ACTION_LIST_DAYS_AHEAD })}
          captionHidden
          columns={columns}
          rows={items}
          rowKey={(a) => a.id}
          initialSort={{ key: 'deadline', direction: 'ascending' }}
          rowTone={(a) => (isOverdue(a, today) ? 'danger' : undefined)}
          emptyText={t('actionList.empty')}
          pageSizeOptions={[10, 25, 50]}
        />
      )}
    </Widget>
  );
}

function OpenAbsenceWidget() {
  const t = useT('employerDashboard');
  const { data, loading, error, refetch } = useQuery(OPEN_ABSENCE_BY_DURATION_CLASS);
  return (
    <Widget title={t('analysis.title')} description={t('analysis.description')} onRefresh={() => void refetch()} refreshing={loading && !!data}>
      {error ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : (
        <DurationClassChart data={data?.openAbsenceByDurationClass ?? []} caption={t('analysis.title')} />
      )}
    </Widget>
  );
}

/** "Mijn Dashboard": the action list and the analysis of open absence, each failing on its own. */
export function DashboardPage() {
  const t = useT('employerDashboard');
  useDocumentTitle(t('title'));
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack gap="lg">
        <ActionListWidget />
        <OpenAbsenceWidget />
      </Stack>
    </>
  );
}
