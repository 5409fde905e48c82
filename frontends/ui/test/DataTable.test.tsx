import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataTableColumn } from '../src';
import { renderUi } from './render';

interface Row {
  id: string;
  name: string;
  since: string | null;
  percentage: number;
}

const rows: Row[] = [
  { id: '1', name: 'Bakker', since: '2026-01-10', percentage: 50 },
  { id: '2', name: 'de Vries', since: null, percentage: 100 },
  { id: '3', name: 'Aydın', since: '2025-11-02', percentage: 20 },
  { id: '4', name: 'Jansen', since: '2026-02-01', percentage: 100 },
];

const columns: DataTableColumn<Row>[] = [
  { key: 'name', header: 'Naam', cell: (r) => r.name, sortValue: (r) => r.name, rowHeader: true },
  { key: 'since', header: 'Ziek sinds', cell: (r) => r.since ?? '—', sortValue: (r) => r.since },
  { key: 'percentage', header: 'Verzuim', cell: (r) => `${r.percentage}%`, sortValue: (r) => r.percentage },
];

const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('rowheader')[0]!.textContent);

describe('DataTable', () => {
  it('is a captioned table in the given order until a header is clicked', () => {
    renderUi(<DataTable caption="Personen" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(screen.getByRole('table', { name: 'Personen' })).toBeTruthy();
    expect(names()).toEqual(['Bakker', 'de Vries', 'Aydın', 'Jansen']);
    expect(screen.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBeNull();
  });

  it('sorts ascending, then descending, and says so with aria-sort', () => {
    renderUi(<DataTable caption="Personen" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    fireEvent.click(screen.getByRole('button', { name: /^Naam/ }));
    expect(names()).toEqual(['Aydın', 'Bakker', 'de Vries', 'Jansen']);
    expect(screen.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: /^Naam/ }));
    expect(names()).toEqual(['Jansen', 'de Vries', 'Bakker', 'Aydın']);
    expect(screen.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('keeps missing values last in both directions and sorts numbers numerically', () => {
    renderUi(<DataTable caption="Personen" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    fireEvent.click(screen.getByRole('button', { name: /^Ziek sinds/ }));
    expect(names()).toEqual(['Aydın', 'Bakker', 'Jansen', 'de Vries']);
    fireEvent.click(screen.getByRole('button', { name: /^Ziek sinds/ }));
    expect(names()).toEqual(['Jansen', 'Bakker', 'Aydın', 'de Vries']);
    fireEvent.click(screen.getByRole('button', { name: /^Verzuim/ }));
    expect(names().slice(0, 2)).toEqual(['Aydın', 'Bakker']);
  });

  it('pages the sorted rows with a rows-per-page choice', () => {
    renderUi(<DataTable caption="Personen" columns={columns} rows={rows} rowKey={(r) => r.id} pageSizeOptions={[2, 10]} initialSort={{ key: 'name', direction: 'ascending' }} />);
    expect(names()).toEqual(['Aydın', 'Bakker']);
    expect(screen.getByText('1–2 van 4')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Volgende pagina' }));
    expect(names()).toEqual(['de Vries', 'Jansen']);
    fireEvent.change(screen.getByLabelText('Rijen per pagina'), { target: { value: '10' } });
    expect(names()).toHaveLength(4);
  });

  it('marks rows with a tone and shows an empty text', () => {
    const { unmount } = renderUi(
      <DataTable caption="Acties" columns={columns} rows={rows} rowKey={(r) => r.id} rowTone={(r) => (r.percentage === 100 ? 'danger' : undefined)} />,
    );
    expect(document.querySelectorAll('tr[data-tone="danger"]')).toHaveLength(2);
    unmount();
    renderUi(<DataTable caption="Acties" columns={columns} rows={[]} rowKey={(r) => r.id} emptyText="Niets te doen" />);
    expect(screen.getByText('Niets te doen')).toBeTruthy();
  });
});
