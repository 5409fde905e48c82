import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { MemoryRouter, Route, Routes, toIsoDate, UiProvider } from '@poortwachter/ui';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import EmployerDashboardApp from '../src/App';
import { DEFAULT_DAYS_AHEAD as ACTION_LIST_DAYS_AHEAD } from '../src/features/action-list/settings';
import { ACTION_LIST, isOverdue } from '../src/features/action-list/operations';
import { OPEN_ABSENCE_BY_DURATION_CLASS } from '../src/features/analysis/operations';
import { PERSONS } from '../src/features/persons/operations';
import { PERSONS_WINDOW } from '../src/routes/PersonsPage';
import { SICK_REPORT_WINDOW } from '../src/features/sick-report/SickReportWidget';

const noneToReport = {
  request: {
    query: PERSONS,
    variables: { filter: { absent: false }, page: { offset: 0, limit: SICK_REPORT_WINDOW } },
  },
  result: { data: { persons: { __typename: 'PersonPage', total: 0, items: [] } } },
};

beforeAll(() => {
  // jsdom has no canvas; chart.js then skips drawing, the data table stays testable.
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
});

const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return toIsoDate(d);
};

const activity = (id: string, title: string, deadline: string, fullName: string) => ({
  __typename: 'Activity',
  id,
  title,
  role: 'WG',
  kind: 'ACTION',
  signalDate: day(-20),
  deadline,
  status: 'OPEN',
  person: { __typename: 'Person', id: `p-${id}`, fullName },
});

const person = (id: string, fullName: string, sickSince: string | null) => ({
  __typename: 'Person',
  id,
  fullName,
  currentEmployment: {
    __typename: 'Employment',
    id: `e-${id}`,
    jobTitle: 'Verpleegkundige',
    department: { __typename: 'Department', id: 'd1', name: 'Team Tiel' },
    employer: { __typename: 'Employer', id: 'em1', name: 'Zorggroep Rivierenland' },
  },
  sickCases: sickSince
    ? [{ __typename: 'SickCase', id: `s-${id}`, status: 'OPEN', firstSickDay: sickSince }]
    : [],
});

function renderApp(mocks: MockedProviderProps['mocks'], path = '/') {
  return render(
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/*" element={<EmployerDashboardApp basePath="/" />} />
          </Routes>
        </MemoryRouter>
      </MockedProvider>
    </UiProvider>,
  );
}

describe('Mijn Dashboard', () => {
  it('shows the action list with overdue actions flagged, and an error only in the analysis widget', async () => {
    renderApp([
      {
        request: { query: ACTION_LIST, variables: { daysAhead: ACTION_LIST_DAYS_AHEAD } },
        result: {
          data: {
            actionList: [
              activity('a1', 'Plan van aanpak', day(10), 'Pieter Bakker'),
              activity('a2', '(Inzetbaarheids)gesprek', day(-2), 'Sanne de Vries'),
            ],
          },
        },
      },
      {
        request: { query: OPEN_ABSENCE_BY_DURATION_CLASS },
        result: {
          errors: [new GraphQLError('reporting down', { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } })],
        },
      },
      noneToReport,
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Mijn Dashboard' })).toBeTruthy();
    const actionList = screen.getByRole('region', { name: 'Actielijst' });
    const table = await within(actionList).findByRole('table', {
      name: /Actielijst: openstaande acties voor de komende 28 dagen/,
    });
    const rows = within(table).getAllByRole('row').slice(1);
    // Sorted by deadline: the overdue one first, marked as such.
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('(Inzetbaarheids)gesprek');
    expect(rows[0]!.getAttribute('data-tone')).toBe('danger');
    expect(within(rows[0]!).getByText('Verlopen')).toBeTruthy();
    expect(rows[1]!.getAttribute('data-tone')).toBeNull();
    expect(within(actionList).getByText('1 verlopen')).toBeTruthy();
    expect(within(actionList).queryByRole('alert')).toBeNull();

    const analysis = screen.getByRole('region', { name: 'Analyse openstaand verzuim' });
    expect((await within(analysis).findByRole('alert')).textContent).toContain('SUBGRAPH_UNAVAILABLE');
  });

  it('shows open absence by duration class as a table next to the chart', async () => {
    renderApp([
      {
        request: { query: ACTION_LIST, variables: { daysAhead: ACTION_LIST_DAYS_AHEAD } },
        result: { data: { actionList: [] } },
      },
      {
        request: { query: OPEN_ABSENCE_BY_DURATION_CLASS },
        result: {
          data: {
            openAbsenceByDurationClass: [
              {
                __typename: 'DurationClassCount',
                durationClass: 'SHORT',
                label: 'Kort',
                count: 3,
                share: 0.25,
              },
              {
                __typename: 'DurationClassCount',
                durationClass: 'LONG',
                label: 'Lang',
                count: 9,
                share: 0.75,
              },
            ],
          },
        },
      },
      noneToReport,
    ]);
    expect(await screen.findByText('Er staan geen acties voor u klaar.')).toBeTruthy();
    const analysis = screen.getByRole('region', { name: 'Analyse openstaand verzuim' });
    const table = await within(analysis).findByRole('table');
    const row = (name: RegExp) => within(table).getByRole('rowheader', { name }).closest('tr')!.textContent;
    expect(row(/Kort/)).toContain('325%');
    expect(row(/Middellang/)).toContain('00%');
    expect(row(/^Lang/)).toContain('975%');
    expect(row(/Totaal/)).toContain('12100%');
  });
});

describe('Personen', () => {
  it('searches on the server and lists the persons with their absence', async () => {
    const all = [
      person('p1', 'Sanne de Vries', '2026-01-05'),
      person('p2', 'Pieter Bakker', null),
      person('p3', 'Johan de Boer', null),
    ];
    renderApp(
      [
        {
          request: { query: PERSONS, variables: { filter: {}, page: { offset: 0, limit: PERSONS_WINDOW } } },
          result: { data: { persons: { __typename: 'PersonPage', total: 3, items: all } } },
        },
        {
          request: {
            query: PERSONS,
            variables: { filter: { search: 'de' }, page: { offset: 0, limit: PERSONS_WINDOW } },
          },
          result: { data: { persons: { __typename: 'PersonPage', total: 2, items: [all[0], all[2]] } } },
        },
      ],
      '/personen',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Personen' })).toBeTruthy();
    expect(await screen.findByText('3 personen gevonden')).toBeTruthy();
    const names = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(names()).toEqual(['Johan de Boer', 'Pieter Bakker', 'Sanne de Vries']);
    expect(screen.getByText('Ziek sinds 05-01-2026')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoeken op naam' }), { target: { value: 'de' } });
    expect(await screen.findByText('2 personen gevonden', {}, { timeout: 2000 })).toBeTruthy();
    expect(names()).toEqual(['Johan de Boer', 'Sanne de Vries']);
    fireEvent.click(screen.getByRole('button', { name: /^Verzuim/ }));
    expect(names()).toEqual(['Sanne de Vries', 'Johan de Boer']);
  });
});

describe('isOverdue', () => {
  it('is true only for open actions past their deadline', () => {
    expect(isOverdue({ status: 'OPEN', deadline: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'OPEN', deadline: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'HANDLED', deadline: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});
