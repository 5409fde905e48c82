import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { MemoryRouter, Route, Routes, UiProvider } from '@poortwachter/ui';
import { render, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import EmployeePortalApp from '../src/App';
import { currentCase, MY_ABSENCE, MY_APPOINTMENTS, splitAppointments, type OwnSickCase } from '../src/graphql';

const inDays = (days: number, hour = 9) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  return d.toISOString();
};

const cases: OwnSickCase[] = [
  { id: 'c-old', firstSickDay: '2025-02-03', status: 'RECOVERED', absencePercentage: 100, recoveredOn: '2025-02-14', waitingPeriodEndsOn: '2027-02-01', absenceCourse: [] },
  {
    id: 'c-now',
    firstSickDay: '2026-01-05',
    status: 'OPEN',
    absencePercentage: 50,
    recoveredOn: null,
    waitingPeriodEndsOn: '2028-01-03',
    absenceCourse: [
      { from: '2026-01-05', absencePercentage: 100 },
      { from: '2026-02-02', absencePercentage: 50 },
    ],
  },
];

const absenceMock = {
  request: { query: MY_ABSENCE },
  result: {
    data: {
      me: {
        __typename: 'Person',
        id: 'p1',
        fullName: 'Sanne de Vries',
        sickCases: cases.map((c) => ({ __typename: 'SickCase', ...c, absenceCourse: c.absenceCourse.map((p) => ({ __typename: 'AbsenceCoursePoint', ...p })) })),
      },
    },
  },
};

const appointment = (id: string, startsAt: string, endsAt: string) => ({
  __typename: 'Appointment',
  id,
  startsAt,
  endsAt,
  professionalName: 'dr. Marieke Bos',
  professionalRole: 'OCCUPATIONAL_PHYSICIAN',
  kind: 'Spreekuur bedrijfsarts',
  location: 'Arbodienst Nieuwegein',
  videoUrl: null,
  status: 'PLANNED',
});

function renderApp(mocks: MockedProviderProps['mocks'], path = '/') {
  return render(
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/*" element={<EmployeePortalApp basePath="/" />} />
          </Routes>
        </MemoryRouter>
      </MockedProvider>
    </UiProvider>,
  );
}

describe('Mijn verzuim', () => {
  it('shows the current file and all files, and an error only in the appointments section when the agenda fails', async () => {
    renderApp([
      absenceMock,
      { request: { query: MY_APPOINTMENTS }, result: { errors: [new GraphQLError('agenda down', { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } })] } },
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Mijn verzuim' })).toBeTruthy();
    const current = await screen.findByTestId('current-case');
    const facts = current.querySelector('dl')!.textContent;
    expect(facts).toContain('Eerste ziektedag05-01-2026');
    expect(facts).toContain('Verzuimpercentage50%');
    expect(facts).toContain('Einde wachttijd (104 weken)03-01-2028');
    expect(within(current).getByRole('table', { name: 'Verzuimverloop' })).toBeTruthy();

    const appointments = screen.getByRole('region', { name: 'Komende afspraken' });
    const alert = await within(appointments).findByRole('alert');
    expect(alert.textContent).toContain('Foutcode: SUBGRAPH_UNAVAILABLE');
    expect(within(appointments).getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Actueel dossier' })).queryByRole('alert')).toBeNull();

    const table = screen.getByRole('table', { name: /Al uw verzuimdossiers/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.getAttribute('data-tone')).toBe('highlight');
    expect(within(rows[0]!).getByText('Actueel')).toBeTruthy();
  });

  it('lists upcoming appointments on the dashboard and past ones on the appointments screen', async () => {
    const data = { myAppointments: [appointment('a1', inDays(2), inDays(2, 10)), appointment('a0', inDays(-30), inDays(-30, 10))] };
    renderApp([{ request: { query: MY_APPOINTMENTS }, result: { data } }], '/afspraken');
    expect(screen.getByRole('heading', { level: 1, name: 'Afspraken' })).toBeTruthy();
    const upcoming = await screen.findByRole('region', { name: 'Komende afspraken' });
    expect(await within(upcoming).findByText('Met dr. Marieke Bos, bedrijfsarts')).toBeTruthy();
    const past = screen.getByRole('region', { name: 'Eerdere afspraken' });
    expect(within(past).getAllByRole('row')).toHaveLength(2);
  });
});

describe('case selection', () => {
  it('takes the open case that started last as the current file', () => {
    expect(currentCase(cases)?.id).toBe('c-now');
    expect(currentCase([cases[0]!])).toBeNull();
  });

  it('splits appointments into upcoming (soonest first) and past (latest first)', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const list = [
      appointment('late', '2026-03-20T09:00:00Z', '2026-03-20T09:30:00Z'),
      appointment('soon', '2026-03-11T09:00:00Z', '2026-03-11T09:30:00Z'),
      appointment('old', '2026-02-01T09:00:00Z', '2026-02-01T09:30:00Z'),
      appointment('older', '2026-01-01T09:00:00Z', '2026-01-01T09:30:00Z'),
    ];
    const { upcoming, past } = splitAppointments(list, now);
    expect(upcoming.map((a) => a.id)).toEqual(['soon', 'late']);
    expect(past.map((a) => a.id)).toEqual(['old', 'older']);
  });
});
