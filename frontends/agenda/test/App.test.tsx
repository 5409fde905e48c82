import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { MemoryRouter, Route, Routes, UiProvider } from '@poortwachter/ui';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import AgendaApp from '../src/App';
import { APPOINTMENTS } from '../src/graphql';
import { addDays, daysOfWeek, groupByDay, isoWeek, mondayOf, weekFromParam } from '../src/week';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

const appointment = (id: string, startsAt: Date, person: string, extra: Partial<Record<string, string | null>> = {}) => ({
  __typename: 'Appointment',
  id,
  startsAt: startsAt.toISOString(),
  endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
  professionalName: 'dr. Marieke Bos',
  professionalRole: 'OCCUPATIONAL_PHYSICIAN',
  kind: 'Spreekuur bedrijfsarts',
  location: 'Arbodienst Tiel',
  videoUrl: null,
  status: 'PLANNED',
  person: { __typename: 'Person', id: `p-${id}`, fullName: person },
  ...extra,
});

const weekVariables = (monday: Date) => ({ from: monday.toISOString(), to: addDays(monday, 7).toISOString() });

function renderApp(mocks: MockedProviderProps['mocks'], path: string) {
  return render(
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/agenda/*" element={<AgendaApp basePath="/agenda" />} />
          </Routes>
        </MemoryRouter>
      </MockedProvider>
    </UiProvider>,
  );
}

describe('Agenda', () => {
  it('groups the week by day, shows professional, person, time and place, and navigates weeks', async () => {
    const monday = local(2026, 3, 16);
    const nextMonday = local(2026, 3, 23);
    renderApp(
      [
        {
          request: { query: APPOINTMENTS, variables: weekVariables(monday) },
          result: {
            data: {
              appointments: [
                appointment('a2', local(2026, 3, 18, 14, 0), 'Pieter Bakker', { location: null, videoUrl: 'https://video.example/x', professionalName: 'Ruben Visser', professionalRole: 'CASE_MANAGER' }),
                appointment('a1', local(2026, 3, 16, 9, 30), 'Sanne de Vries'),
                appointment('a3', local(2026, 3, 16, 8, 0), 'Johan de Boer'),
              ],
            },
          },
        },
        { request: { query: APPOINTMENTS, variables: weekVariables(nextMonday) }, result: { data: { appointments: [] } } },
      ],
      '/agenda?week=2026-03-18',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Agenda' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Week 12: 16-03-2026 t/m 22-03-2026' })).toBeTruthy();
    const monday16 = await screen.findByRole('region', { name: /maandag 16 maart 2026/i });
    const items = within(monday16).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.slice(0, 11))).toEqual(['08:00–08:30', '09:30–10:00']);
    expect(items[1]!.textContent).toContain('Sanne de Vries');
    expect(items[1]!.textContent).toContain('dr. Marieke Bos (bedrijfsarts)');
    expect(items[1]!.textContent).toContain('Locatie: Arbodienst Tiel');
    const wednesday = screen.getByRole('region', { name: /woensdag 18 maart 2026/i });
    expect(within(wednesday).getByRole('link', { name: 'Videogesprek openen' }).getAttribute('href')).toBe('https://video.example/x');
    expect(screen.queryByRole('region', { name: /dinsdag/i })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Volgende week' }));
    expect(await screen.findByText('Er zijn geen afspraken in deze week.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Week 13: 23-03-2026 t/m 29-03-2026' })).toBeTruthy();
  });
});

describe('week helpers', () => {
  it('computes ISO weeks, Mondays and the 7 days', () => {
    expect(isoWeek(local(2026, 1, 1))).toBe(1);
    expect(isoWeek(local(2021, 1, 3))).toBe(53);
    expect(isoWeek(local(2026, 3, 18))).toBe(12);
    expect(mondayOf(local(2026, 3, 22)).getDate()).toBe(16);
    expect(daysOfWeek(local(2026, 3, 16))).toEqual(['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22']);
    expect(weekFromParam('2026-03-19').getDate()).toBe(16);
    expect(weekFromParam('kapot', local(2026, 3, 25)).getDate()).toBe(23);
  });

  it('groups appointments per local day, sorted by start', () => {
    const grouped = groupByDay([{ startsAt: local(2026, 3, 17, 10).toISOString() }, { startsAt: local(2026, 3, 17, 8).toISOString() }, { startsAt: local(2026, 3, 16, 12).toISOString() }]);
    expect([...grouped.keys()]).toEqual(['2026-03-16', '2026-03-17']);
    expect(grouped.get('2026-03-17')!.map((a) => new Date(a.startsAt).getHours())).toEqual([8, 10]);
  });
});
