import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LIST, ACTIVITY_TYPES, ADD_ACTIVITY } from '../src/features/action-list/operations';
import { OPEN_ABSENCE_BY_DURATION_CLASS } from '../src/features/analysis/operations';
import { PERSON_ABSENCE, REPORT_SICKNESS } from '../src/features/sick-report/operations';
import { PERSON_DOSSIER } from '../src/features/dossier/operations';
import { PERSONS } from '../src/features/persons/operations';
import { SICK_REPORT_WINDOW } from '../src/features/sick-report/SickReportWidget';
import { day, renderApp } from './helpers';

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
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

const persons = (filter: object, items: unknown[]) => ({
  request: { query: PERSONS, variables: { filter, page: { offset: 0, limit: SICK_REPORT_WINDOW } } },
  result: { data: { persons: { __typename: 'PersonPage', total: items.length, items } } },
});

const dashboard = [
  { request: { query: ACTION_LIST, variables: { daysAhead: 28 } }, result: { data: { actionList: [] } } },
  {
    request: { query: OPEN_ABSENCE_BY_DURATION_CLASS },
    result: { data: { openAbsenceByDurationClass: [] } },
  },
];

const region = () => screen.getByRole('region', { name: 'Ziek melden' });

describe('Ziek melden widget', () => {
  it('lists the employees who are not absent, searches, and opens the report dialog', async () => {
    const pieter = person('p2', 'Pieter Bakker', null);
    const johan = person('p3', 'Johan de Boer', null);
    renderApp([
      ...dashboard,
      persons({ absent: false }, [pieter, johan]),
      persons({ search: 'bak', absent: false }, [pieter]),
      persons({ search: 'bak' }, [pieter, person('p4', 'Anja Bakker', day(-3))]),
      {
        request: { query: PERSON_ABSENCE, variables: { id: 'p2' } },
        result: {
          data: { person: { __typename: 'Person', id: 'p2', fullName: 'Pieter Bakker', sickCases: [] } },
        },
      },
    ]);
    await within(region()).findByRole('table', { name: 'Medewerkers om ziek te melden' });
    expect(
      within(region())
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Johan de Boer', 'Pieter Bakker']);

    fireEvent.change(within(region()).getByRole('searchbox', { name: 'Zoek medewerker' }), {
      target: { value: 'bak' },
    });
    await waitFor(
      () =>
        expect(
          within(region())
            .getAllByRole('rowheader')
            .map((c) => c.textContent),
        ).toEqual(['Pieter Bakker']),
      { timeout: 2000 },
    );

    // Absent employees can be shown too; they are opened, not reported again.
    fireEvent.click(within(region()).getByRole('checkbox', { name: 'Toon ook verzuimende medewerkers' }));
    expect(await within(region()).findByRole('button', { name: 'Openen: Anja Bakker' })).toBeTruthy();

    fireEvent.click(within(region()).getByRole('button', { name: 'Ziek melden: Pieter Bakker' }));
    const modal = await screen.findByRole('dialog', { name: 'Ziekmelding: Pieter Bakker' });
    expect(await within(modal).findByRole('tab', { name: 'Melding', selected: true })).toBeTruthy();
    expect(within(modal).getByRole('tab', { name: 'Opmerking' })).toBeTruthy();
    expect(within(modal).getByRole('tab', { name: 'Werkhervatting' })).toBeTruthy();
    expect(within(modal).getByRole('tab', { name: 'Verzuimkaart' })).toBeTruthy();
  });
});

describe('Reporting sick from Mijn Dashboard', () => {
  it('saves the report, refreshes the action list with the first action and leaves the widget list', async () => {
    const pieter = person('p2', 'Pieter Bakker', null);
    const reported = {
      __typename: 'SickCase',
      id: 's-new',
      firstSickDay: day(0),
      status: 'OPEN',
      absencePercentage: 100,
      expectedRecoveryDate: null,
      recoveredOn: null,
      absenceCourse: [{ __typename: 'AbsenceCoursePoint', from: day(0), absencePercentage: 100 }],
      waitingPeriodEndsOn: day(728),
    };
    const firstAction = {
      __typename: 'Activity',
      id: 'a-first',
      title: '(Inzetbaarheids)gesprek',
      role: 'WG',
      kind: 'ACTION',
      signalDate: day(0),
      deadline: day(1),
      status: 'OPEN',
      person: { __typename: 'Person', id: 'p2', fullName: 'Pieter Bakker' },
    };
    const absence = (cases: unknown[]) => ({
      request: { query: PERSON_ABSENCE, variables: { id: 'p2' } },
      result: {
        data: { person: { __typename: 'Person', id: 'p2', fullName: 'Pieter Bakker', sickCases: cases } },
      },
    });
    renderApp([
      { request: { query: ACTION_LIST, variables: { daysAhead: 28 } }, result: { data: { actionList: [] } } },
      {
        request: { query: OPEN_ABSENCE_BY_DURATION_CLASS },
        result: { data: { openAbsenceByDurationClass: [] } },
      },
      persons({ absent: false }, [pieter]),
      absence([]),
      {
        request: {
          query: REPORT_SICKNESS,
          variables: {
            input: {
              personId: 'p2',
              firstSickDay: day(0),
              absencePercentage: 100,
              safetyNet: false,
              workAccident: false,
              thirdPartyLiable: false,
            },
          },
        },
        result: { data: { reportSickness: reported } },
      },
      // Refetched after saving.
      {
        request: { query: ACTION_LIST, variables: { daysAhead: 28 } },
        result: { data: { actionList: [firstAction] } },
      },
      absence([reported]),
      persons({ absent: false }, []),
    ]);
    expect(await screen.findByText('Er staan geen acties voor u klaar.')).toBeTruthy();
    fireEvent.click(await within(region()).findByRole('button', { name: 'Ziek melden: Pieter Bakker' }));
    const modal = await screen.findByRole('dialog', { name: 'Ziekmelding: Pieter Bakker' });
    fireEvent.click(await within(modal).findByRole('button', { name: 'Ziekmelding opslaan' }));
    expect((await within(modal).findByRole('status')).textContent).toContain('Ziekmelding opgeslagen');

    const actionList = screen.getByRole('region', { name: 'Actielijst' });
    await waitFor(() =>
      expect(within(actionList).getByRole('rowheader').textContent).toBe('(Inzetbaarheids)gesprek'),
    );
    expect(await within(region()).findByText('Geen medewerkers gevonden.')).toBeTruthy();

    fireEvent.click(within(modal).getByRole('link', { name: 'Open het dossier' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

const dossierMock = {
  request: { query: PERSON_DOSSIER, variables: { id: 'p2' } },
  result: {
    data: {
      person: {
        __typename: 'Person',
        id: 'p2',
        fullName: 'Pieter Bakker',
        sickCases: [
          {
            __typename: 'SickCase',
            id: 's1',
            firstSickDay: day(-10),
            status: 'OPEN',
            absencePercentage: 100,
            expectedRecoveryDate: null,
            recoveredOn: null,
            absenceCourse: [{ __typename: 'AbsenceCoursePoint', from: day(-10), absencePercentage: 100 }],
            waitingPeriodEndsOn: day(718),
          },
        ],
        activities: [
          {
            __typename: 'Activity',
            id: 'a1',
            title: '(Inzetbaarheids)gesprek',
            role: 'WG',
            kind: 'ACTION',
            signalDate: day(-10),
            deadline: day(-9),
            status: 'HANDLED',
            conclusion: 'Gesprek gevoerd.',
            remarks: null,
            person: { __typename: 'Person', id: 'p2', fullName: 'Pieter Bakker' },
          },
        ],
      },
    },
  },
};

describe('Dossier', () => {
  it('shows the absence card and the activities of a person', async () => {
    renderApp([dossierMock], '/personen/p2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dossier Pieter Bakker' })).toBeTruthy();
    const card = screen.getByRole('table', { name: 'Verzuimhistorie van Pieter Bakker' });
    expect(within(card).getAllByRole('row')[1]!.textContent).toContain('11 dagen');
    const activities = screen.getByRole('table', { name: 'Activiteiten van Pieter Bakker' });
    expect(within(activities).getByRole('rowheader').textContent).toBe('(Inzetbaarheids)gesprek');
    expect(within(activities).getByText('Gesprek gevoerd.')).toBeTruthy();
    // A handled activity cannot be opened for handling again.
    expect(within(activities).queryByRole('button', { name: /^Openen/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Terug naar Mijn Dashboard' }).getAttribute('href')).toBe('/');
  });

  it('adds an activity to the open case from the catalogue', async () => {
    const added = {
      __typename: 'Activity',
      id: 'a9',
      title: 'Ondersteuning casemanager',
      role: 'WG',
      kind: 'ACTION',
      signalDate: day(0),
      deadline: day(7),
      status: 'OPEN',
      conclusion: null,
      remarks: 'Graag snel contact.',
      person: { __typename: 'Person', id: 'p2', fullName: 'Pieter Bakker' },
    };
    renderApp(
      [
        dossierMock,
        {
          request: { query: ACTIVITY_TYPES },
          result: {
            data: {
              activityTypes: [
                {
                  __typename: 'ActivityType',
                  code: 'WG_REQUEST_CM',
                  title: 'Ondersteuning casemanager',
                  role: 'WG',
                  kind: 'ACTION',
                  category: 'WG_REQUEST',
                },
              ],
            },
          },
        },
        {
          request: {
            query: ADD_ACTIVITY,
            variables: {
              input: {
                personId: 'p2',
                sickCaseId: 's1',
                activityTypeCode: 'WG_REQUEST_CM',
                deadline: day(7),
                remarks: 'Graag snel contact.',
              },
            },
          },
          result: { data: { addActivity: added } },
        },
        {
          ...dossierMock,
          result: {
            data: {
              person: {
                ...dossierMock.result.data.person,
                activities: [...dossierMock.result.data.person.activities, added],
              },
            },
          },
        },
      ],
      '/personen/p2',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Activiteit toevoegen' }));
    const modal = await screen.findByRole('dialog', { name: 'Activiteit toevoegen voor Pieter Bakker' });
    expect(
      within(modal).getByText(
        `De activiteit hoort bij de open ziekmelding sinds ${day(-10).split('-').reverse().join('-')}.`,
      ),
    ).toBeTruthy();
    fireEvent.click(within(modal).getByRole('button', { name: 'Toevoegen' }));
    expect(await within(modal).findByText('Kies een activiteit.')).toBeTruthy();
    expect(within(modal).getByText('Vul de deadline in.')).toBeTruthy();
    const type = within(modal).getByRole('combobox', { name: /^Activiteit/ });
    await within(type).findByRole('option', { name: 'Ondersteuning casemanager (Werkgever)' });
    fireEvent.change(type, { target: { value: 'WG_REQUEST_CM' } });
    fireEvent.change(within(modal).getByLabelText(/^Deadline/), { target: { value: day(7) } });
    fireEvent.change(within(modal).getByRole('textbox', { name: 'Opmerkingen' }), {
      target: { value: 'Graag snel contact.' },
    });
    fireEvent.click(within(modal).getByRole('button', { name: 'Toevoegen' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'De activiteit Ondersteuning casemanager is toegevoegd.',
    );
    const activities = screen.getByRole('table', { name: 'Activiteiten van Pieter Bakker' });
    await waitFor(() =>
      expect(
        within(activities)
          .getAllByRole('rowheader')
          .map((c) => c.textContent),
      ).toContain('Ondersteuning casemanager'),
    );
  });
});
