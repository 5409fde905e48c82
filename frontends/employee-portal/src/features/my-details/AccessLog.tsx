import { useQuery } from '@apollo/client/react';
import {
  DataTable,
  ErrorPanel,
  LoadingState,
  useEnumLabel,
  useFormat,
  type DataTableColumn,
} from '@poortwachter/ui';
import { useMessages } from '../../messages';
import { MY_ACCESS_LOG, type AccessLogEntry } from './operations';

/** "Wie heeft mijn gegevens bekeken": the NEN 7513 access log of the employee's own data. */
export function AccessLog() {
  const { t } = useMessages();
  const format = useFormat();
  const roleLabel = useEnumLabel('common', 'role');
  const outcomeLabel = useEnumLabel('employeePortal', 'accessOutcome');
  const { data, loading, error, refetch } = useQuery(MY_ACCESS_LOG, { variables: { limit: 200 } });
  const entityLabel = useEnumLabel('employeePortal', 'accessEntity');
  const actionLabel = useEnumLabel('employeePortal', 'accessAction');
  const purposeLabel = useEnumLabel('employeePortal', 'accessPurpose');
  // `sick-case.read` → "Bekeken: verzuimdossier"; unknown parts show humanised rather than not at all.
  const eventLabel = (event: string) => {
    const dot = event.lastIndexOf('.');
    if (dot < 0) return entityLabel(event.replace(/-/g, '_'));
    return `${actionLabel(event.slice(dot + 1))}: ${entityLabel(event.slice(0, dot).replace(/-/g, '_')).toLowerCase()}`;
  };
  const columns: DataTableColumn<AccessLogEntry>[] = [
    {
      key: 'at',
      header: t('accessLog.at'),
      cell: (e) => format.dateTime(e.at),
      sortValue: (e) => e.at,
      rowHeader: true,
    },
    {
      key: 'actor',
      header: t('accessLog.actor'),
      cell: (e) => e.actorName ?? t('accessLog.system'),
      sortValue: (e) => e.actorName,
    },
    {
      key: 'role',
      header: t('accessLog.role'),
      cell: (e) => (e.role ? roleLabel(e.role) : '—'),
      sortValue: (e) => e.role,
    },
    {
      key: 'event',
      header: t('accessLog.event'),
      cell: (e) => eventLabel(e.event),
      sortValue: (e) => e.event,
    },
    {
      key: 'purpose',
      header: t('accessLog.purpose'),
      cell: (e) => purposeLabel(e.purpose.replace(/[ -]/g, '_')),
    },
    {
      key: 'outcome',
      header: t('accessLog.outcome'),
      cell: (e) => outcomeLabel(e.outcome.toUpperCase()),
      sortValue: (e) => e.outcome,
    },
  ];
  if (error && !data) return <ErrorPanel error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  return (
    <DataTable
      caption={t('accessLog.caption')}
      captionHidden
      columns={columns}
      rows={data?.myAccessLog ?? []}
      rowKey={(e) => e.id}
      initialSort={{ key: 'at', direction: 'descending' }}
      emptyText={t('accessLog.empty')}
      pageSizeOptions={[10, 25, 50]}
    />
  );
}
