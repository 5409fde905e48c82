import { Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useLocale, useT } from '../i18n';

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface DataTableColumn<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable; `null`/`undefined` values sort last in both directions. */
  sortValue?: (row: Row) => string | number | null | undefined;
  align?: 'left' | 'right';
  /** The column that names the row becomes a row header (`<th scope="row">`). */
  rowHeader?: boolean;
}

export type RowTone = 'highlight' | 'danger';

export interface DataTableProps<Row> {
  /** Every table has a caption; hide it visually only when a heading right above says the same. */
  caption: string;
  captionHidden?: boolean;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: SortState;
  /** Marks rows, e.g. overdue actions (`danger`) or the current file (`highlight`). */
  rowTone?: (row: Row) => RowTone | undefined;
  emptyText?: string;
  /** Enables client-side paging with a rows-per-page choice. */
  pageSizeOptions?: readonly number[];
  initialPageSize?: number;
}

export function compareValues(
  a: string | number | null | undefined,
  b: string | number | null | undefined,
  collator: Intl.Collator,
): number {
  const aMissing = a === null || a === undefined || a === '';
  const bMissing = b === null || b === undefined || b === '';
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Sorts a copy of the rows; missing values always go last. */
export function sortRows<Row>(
  rows: readonly Row[],
  column: DataTableColumn<Row> | undefined,
  direction: SortDirection,
  collator: Intl.Collator,
): Row[] {
  const copy = [...rows];
  const value = column?.sortValue;
  if (!value) return copy;
  const sign = direction === 'ascending' ? 1 : -1;
  return copy.sort((x, y) => {
    const a = value(x);
    const b = value(y);
    const missing = (v: unknown) => v === null || v === undefined || v === '';
    if (missing(a) || missing(b)) return compareValues(a, b, collator);
    return sign * compareValues(a, b, collator);
  });
}

/** An accessible `<table>` with caption, sortable column headers (aria-sort) and optional paging. */
export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  initialSort,
  rowTone,
  emptyText,
  pageSizeOptions,
  initialPageSize,
}: DataTableProps<Row>) {
  const t = useT();
  const { locale } = useLocale();
  const [sort, setSort] = useState<SortState | undefined>(initialSort);
  const [pageSize, setPageSize] = useState<number>(initialPageSize ?? pageSizeOptions?.[0] ?? Number.POSITIVE_INFINITY);
  const [page, setPage] = useState(0);
  const collator = useMemo(() => new Intl.Collator(locale === 'nl' ? 'nl-NL' : 'en-GB', { numeric: true, sensitivity: 'base' }), [locale]);

  const sorted = useMemo(
    () => (sort ? sortRows(rows, columns.find((c) => c.key === sort.key), sort.direction, collator) : [...rows]),
    [rows, columns, sort, collator],
  );
  const paged = pageSizeOptions !== undefined;
  const pageCount = paged ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const currentPage = Math.min(page, pageCount - 1);
  const visible = paged ? sorted.slice(currentPage * pageSize, (currentPage + 1) * pageSize) : sorted;

  function toggleSort(key: string) {
    setSort((current) =>
      current?.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );
    setPage(0);
  }

  return (
    <div>
      <div className="pw-table-region" role="region" aria-label={caption} tabIndex={0}>
        <Table className="pw-table" striped={false} highlightOnHover verticalSpacing="xs" horizontalSpacing="sm">
          <caption className={captionHidden ? 'pw-visually-hidden' : undefined}>{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => {
                const direction = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <Table.Th key={column.key} scope="col" aria-sort={direction} style={{ textAlign: column.align ?? 'left' }}>
                    {column.sortValue ? (
                      <button type="button" className="pw-sort-button" onClick={() => toggleSort(column.key)}>
                        {column.header}
                        <span aria-hidden="true">{direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}</span>
                        {direction ? (
                          <span className="pw-visually-hidden">
                            {' '}
                            ({direction === 'ascending' ? t('table.sortedAscending') : t('table.sortedDescending')})
                          </span>
                        ) : null}
                      </button>
                    ) : (
                      column.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text size="sm" c="dimmed" py="sm">
                    {emptyText ?? t('table.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              visible.map((row) => {
                const tone = rowTone?.(row);
                return (
                  <Table.Tr key={rowKey(row)} className={tone ? `pw-row--${tone}` : undefined} data-tone={tone}>
                    {columns.map((column) =>
                      column.rowHeader ? (
                        <Table.Th key={column.key} scope="row" style={{ textAlign: column.align ?? 'left', fontWeight: 600 }}>
                          {column.cell(row)}
                        </Table.Th>
                      ) : (
                        <Table.Td key={column.key} style={{ textAlign: column.align ?? 'left' }}>
                          {column.cell(row)}
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                );
              })
            )}
          </Table.Tbody>
        </Table>
      </div>
      {paged && sorted.length > 0 ? (
        <Group justify="space-between" mt="sm" gap="sm" wrap="wrap">
          <NativeSelect
            size="xs"
            label={t('table.rowsPerPage')}
            value={String(pageSize)}
            onChange={(event) => {
              setPageSize(Number(event.currentTarget.value));
              setPage(0);
            }}
            data={pageSizeOptions.map((n) => String(n))}
            styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { whiteSpace: 'nowrap' } }}
          />
          <Text size="sm" aria-live="polite">
            {t('table.range', {
              from: currentPage * pageSize + 1,
              to: Math.min((currentPage + 1) * pageSize, sorted.length),
              total: sorted.length,
            })}
          </Text>
          <Group gap="xs" role="group" aria-label={t('table.pagination')}>
            <Button size="xs" variant="default" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
              {t('table.previousPage')}
            </Button>
            <Button size="xs" variant="default" disabled={currentPage >= pageCount - 1} onClick={() => setPage(currentPage + 1)}>
              {t('table.nextPage')}
            </Button>
          </Group>
        </Group>
      ) : null}
    </div>
  );
}
