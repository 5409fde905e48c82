import { useQuery } from '@apollo/client/react';
import {
  Button,
  Checkbox,
  DataTable,
  ErrorPanel,
  Group,
  LoadingState,
  Text,
  TextInput,
  useDebouncedValue,
  VisuallyHidden,
  Widget,
  type DataTableColumn,
} from '@poortwachter/ui';
import { useState } from 'react';
import { AbsenceStatus } from '../persons/AbsenceStatus';
import { openCase, PERSONS, type PersonRow } from '../persons/operations';
import { useMessages } from '../../shared/i18n';
import { SickReportDialog } from './SickReportDialog';

/** Persons per search in the widget; the full list lives on "Personen". */
export const SICK_REPORT_WINDOW = 50;

/** "Ziek melden": the employees who are not absent, each with a button to report them sick. */
export function SickReportWidget() {
  const { t } = useMessages();
  const [search, setSearch] = useState('');
  const [includeAbsent, setIncludeAbsent] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [selected, setSelected] = useState<PersonRow | null>(null);
  const filter = { ...(debounced ? { search: debounced } : {}), ...(includeAbsent ? {} : { absent: false }) };
  const { data, previousData, loading, error, refetch } = useQuery(PERSONS, {
    variables: { filter, page: { offset: 0, limit: SICK_REPORT_WINDOW } },
  });
  const shown = data ?? previousData;
  const items = shown?.persons.items ?? [];
  const total = shown?.persons.total ?? 0;

  const columns: DataTableColumn<PersonRow>[] = [
    {
      key: 'name',
      header: t('sickReport.name'),
      cell: (p) => p.fullName,
      sortValue: (p) => p.fullName,
      rowHeader: true,
    },
    {
      key: 'department',
      header: t('sickReport.department'),
      cell: (p) => p.currentEmployment?.department?.name ?? '—',
      sortValue: (p) => p.currentEmployment?.department?.name,
    },
    {
      key: 'absence',
      header: t('sickReport.absence'),
      cell: (p) => <AbsenceStatus person={p} />,
    },
    {
      key: 'action',
      header: t('sickReport.actions'),
      cell: (p) => (
        <Button size="compact-sm" variant={openCase(p) ? 'default' : 'filled'} onClick={() => setSelected(p)}>
          {openCase(p) ? t('sickReport.open') : t('sickReport.report')}
          <VisuallyHidden>: {p.fullName}</VisuallyHidden>
        </Button>
      ),
    },
  ];

  return (
    <Widget
      title={t('sickReport.title')}
      description={t('sickReport.description')}
      onRefresh={() => void refetch()}
      refreshing={loading && !!shown}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          type="search"
          label={t('sickReport.searchLabel')}
          placeholder={t('sickReport.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          autoComplete="off"
          w={{ base: '100%', sm: 320 }}
        />
        <Checkbox
          label={t('sickReport.includeAbsent')}
          checked={includeAbsent}
          onChange={(event) => setIncludeAbsent(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {total > items.length ? (
        <Text size="sm" c="orange.9">
          {t('sickReport.windowNotice', { shown: items.length, total })}
        </Text>
      ) : null}
      {error ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !shown ? (
        <LoadingState />
      ) : (
        <DataTable
          key={`${debounced}|${includeAbsent}`}
          caption={t('sickReport.caption')}
          captionHidden
          columns={columns}
          rows={items}
          rowKey={(p) => p.id}
          initialSort={{ key: 'name', direction: 'ascending' }}
          emptyText={t('sickReport.none')}
          pageSizeOptions={[10, 25, 50]}
        />
      )}
      {selected ? (
        <SickReportDialog
          key={selected.id}
          personId={selected.id}
          personName={selected.fullName}
          opened
          onClose={() => setSelected(null)}
          dossierHref={`personen/${selected.id}`}
        />
      ) : null}
    </Widget>
  );
}
