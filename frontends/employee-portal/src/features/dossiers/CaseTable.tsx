import {
  Anchor,
  Badge,
  DataTable,
  Link,
  useEnumLabel,
  useFormat,
  type DataTableColumn,
} from '@poortwachter/ui';
import { useMessages } from '../../messages';
import { usePaths } from '../../paths';
import type { OwnSickCase } from './operations';

/** The employee's cases; each one opens its dossier. */
export function CaseTable({
  cases,
  caption,
  currentId,
  emptyText,
}: {
  cases: readonly OwnSickCase[];
  caption: string;
  currentId?: string | null;
  emptyText: string;
}) {
  const { t } = useMessages();
  const format = useFormat();
  const paths = usePaths();
  const statusLabel = useEnumLabel('common', 'sickCaseStatus');
  const columns: DataTableColumn<OwnSickCase>[] = [
    {
      key: 'firstSickDay',
      header: t('cases.firstSickDay'),
      cell: (c) => (
        <>
          <Anchor
            component={Link}
            to={paths.dossier(c.id)}
            aria-label={t('cases.openNamed', { date: format.date(c.firstSickDay) })}
          >
            {format.date(c.firstSickDay)}
          </Anchor>
          {c.id === currentId ? (
            <Badge ml="xs" size="sm" color="pwTeal" variant="light">
              {t('cases.current')}
            </Badge>
          ) : null}
        </>
      ),
      sortValue: (c) => c.firstSickDay,
      rowHeader: true,
    },
    {
      key: 'status',
      header: t('cases.status'),
      cell: (c) => statusLabel(c.status),
      sortValue: (c) => statusLabel(c.status),
    },
    {
      key: 'absencePercentage',
      header: t('cases.absencePercentage'),
      cell: (c) => format.percent(c.absencePercentage),
      sortValue: (c) => c.absencePercentage,
      align: 'right',
    },
    {
      key: 'recoveredOn',
      header: t('cases.recoveredOn'),
      cell: (c) => format.date(c.recoveredOn),
      sortValue: (c) => c.recoveredOn,
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={cases}
      rowKey={(c) => c.id}
      initialSort={{ key: 'firstSickDay', direction: 'descending' }}
      rowTone={(c) => (c.id === currentId ? 'highlight' : undefined)}
      emptyText={emptyText}
    />
  );
}
