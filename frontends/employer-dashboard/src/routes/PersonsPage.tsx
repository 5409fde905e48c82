import { useQuery } from '@apollo/client/react';
import {
  DataTable,
  ErrorPanel,
  Group,
  LoadingState,
  PageHeader,
  Text,
  TextInput,
  useDebouncedValue,
  useDocumentTitle,
  useSearchParams,
  useT,
  Widget,
  type DataTableColumn,
} from '@poortwachter/ui';
import { useState } from 'react';
import { AbsenceStatus } from '../features/persons/AbsenceStatus';
import { openCase, PERSONS, type PersonRow } from '../features/persons/operations';

/**
 * Persons fetched per search. The API pages but does not sort, so one window of this size is
 * fetched and sorted/paged in the browser; a larger result asks the user to refine the search.
 */
export const PERSONS_WINDOW = 200;

/** "Personen": everyone within the user's authorisation, searchable, sortable and paged. */
export function PersonsPage() {
  const t = useT('employerDashboard');
  useDocumentTitle(t('persons.title'));
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('zoek') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data, previousData, loading, error, refetch } = useQuery(PERSONS, {
    variables: { filter: debounced ? { search: debounced } : {}, page: { offset: 0, limit: PERSONS_WINDOW } },
  });
  const shown = data ?? previousData;
  const items = shown?.persons.items ?? [];
  const total = shown?.persons.total ?? 0;

  const columns: DataTableColumn<PersonRow>[] = [
    {
      key: 'name',
      header: t('persons.name'),
      cell: (p) => p.fullName,
      sortValue: (p) => p.fullName,
      rowHeader: true,
    },
    {
      key: 'jobTitle',
      header: t('persons.jobTitle'),
      cell: (p) => p.currentEmployment?.jobTitle ?? '—',
      sortValue: (p) => p.currentEmployment?.jobTitle,
    },
    {
      key: 'department',
      header: t('persons.department'),
      cell: (p) => p.currentEmployment?.department?.name ?? '—',
      sortValue: (p) => p.currentEmployment?.department?.name,
    },
    {
      key: 'employer',
      header: t('persons.employer'),
      cell: (p) => p.currentEmployment?.employer.name ?? '—',
      sortValue: (p) => p.currentEmployment?.employer.name,
    },
    {
      key: 'absence',
      header: t('persons.absence'),
      cell: (p) => <AbsenceStatus person={p} />,
      // Sick persons first when ascending, longest absence first.
      sortValue: (p) => openCase(p)?.firstSickDay ?? null,
    },
  ];

  return (
    <>
      <PageHeader title={t('persons.title')} intro={t('persons.intro')} />
      <Widget title={t('persons.caption')} onRefresh={() => void refetch()} refreshing={loading && !!shown}>
        <Group align="flex-end" justify="space-between" gap="sm">
          <TextInput
            type="search"
            label={t('persons.searchLabel')}
            description={t('persons.searchHint')}
            placeholder={t('persons.searchPlaceholder')}
            value={search}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setSearch(value);
              setParams(value.trim() ? { zoek: value.trim() } : {}, { replace: true });
            }}
            w={{ base: '100%', sm: 360 }}
            autoComplete="off"
          />
          {shown ? (
            <Text size="sm" aria-live="polite" role="status">
              {t('persons.count', { count: total })}
            </Text>
          ) : null}
        </Group>
        {total > items.length ? (
          <Text size="sm" c="orange.9">
            {t('persons.windowNotice', { shown: items.length, total })}
          </Text>
        ) : null}
        {error ? (
          <ErrorPanel error={error} onRetry={() => void refetch()} />
        ) : loading && !shown ? (
          <LoadingState />
        ) : (
          <DataTable
            key={debounced}
            caption={t('persons.caption')}
            captionHidden
            columns={columns}
            rows={items}
            rowKey={(p) => p.id}
            initialSort={{ key: 'name', direction: 'ascending' }}
            emptyText={t('persons.none')}
            pageSizeOptions={[25, 50, 100]}
          />
        )}
      </Widget>
    </>
  );
}
