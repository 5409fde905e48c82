import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LIST, ACTIVITY_TYPES, HANDLE_ACTIVITY } from '../src/features/action-list/operations';
import { OPEN_ABSENCE_BY_DURATION_CLASS } from '../src/features/analysis/operations';
import { PERSONS } from '../src/features/persons/operations';
import { MY_SETTINGS, UPDATE_MY_SETTINGS } from '../src/features/action-list/settings';
import { VIEWER } from '../src/shared/viewer';
import { SICK_REPORT_WINDOW } from '../src/features/sick-report/SickReportWidget';
import { day, describedBy, renderApp } from './helpers';

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
});

const activity = (id: string, title: string, deadline: string, fullName: string, status = 'OPEN') => ({
  __typename: 'Activity',
  id,
  title,
  role: 'WG',
  kind: 'ACTION',
  signalDate: day(-20),
  deadline,
  status,
  person: { __typename: 'Person', id: `p-${id}`, fullName },
});

const gesprek = activity('a2', '(Inzetbaarheids)gesprek', day(-2), 'Sanne de Vries');
const plan = activity('a1', 'Plan van aanpak', day(10), 'Pieter Bakker');

const otherWidgets = [
  {
    request: { query: OPEN_ABSENCE_BY_DURATION_CLASS },
    result: { data: { openAbsenceByDurationClass: [] } },
  },
  {
    request: {
      query: PERSONS,
      variables: { filter: { absent: false }, page: { offset: 0, limit: SICK_REPORT_WINDOW } },
    },
    result: { data: { persons: { __typename: 'PersonPage', total: 0, items: [] } } },
  },
];
const settings = (days: number) => ({
  request: { query: MY_SETTINGS },
  result: { data: { mySettings: { __typename: 'UserSettings', actionListDaysAhead: days } } },
});
const viewer = (role: string) => ({
  request: { query: VIEWER },
  result: { data: { viewer: { __typename: 'User', id: 'u1', role } } },
});
const actionList = (daysAhead: number, items: unknown[]) => ({
  request: { query: ACTION_LIST, variables: { daysAhead } },
  result: { data: { actionList: items } },
});

const region = () => screen.getByRole('region', { name: 'Actielijst' });

describe('Actielijst', () => {
  it('filters on overdue actions only', async () => {
    renderApp([actionList(28, [plan, gesprek]), ...otherWidgets]);
    await within(region()).findByRole('table');
    const titles = () =>
      within(region())
        .getAllByRole('rowheader')
        .map((c) => c.textContent);
    expect(titles()).toEqual(['(Inzetbaarheids)gesprek', 'Plan van aanpak']);
    fireEvent.click(within(region()).getByRole('checkbox', { name: 'Alleen verlopen' }));
    expect(titles()).toEqual(['(Inzetbaarheids)gesprek']);
  });

  it('reads the number of days ahead from the user settings on the server and queries with it', async () => {
    renderApp([settings(7), actionList(7, [gesprek]), ...otherWidgets]);
    expect(await within(region()).findByText(/tot en met 7 dagen vooruit/)).toBeTruthy();
    await waitFor(() =>
      expect(
        within(region())
          .getAllByRole('rowheader')
          .map((c) => c.textContent),
      ).toEqual(['(Inzetbaarheids)gesprek']),
    );
  });

  it('saves a new number of days ahead with updateMySettings, validating it first', async () => {
    renderApp([
      settings(28),
      actionList(28, [plan, gesprek]),
      {
        request: { query: UPDATE_MY_SETTINGS, variables: { input: { actionListDaysAhead: 7 } } },
        result: { data: { updateMySettings: { __typename: 'UserSettings', actionListDaysAhead: 7 } } },
      },
      actionList(7, [gesprek]),
      ...otherWidgets,
    ]);
    await within(region()).findByRole('table');
    fireEvent.click(within(region()).getByRole('button', { name: 'Mijn instellingen' }));
    const days = within(region()).getByRole('spinbutton', { name: 'Aantal dagen vooruit' });
    fireEvent.change(days, { target: { value: '0' } });
    fireEvent.click(within(region()).getByRole('button', { name: 'Opslaan' }));
    expect(describedBy(days)).toContain('Vul een heel getal in van 1 tot en met 365.');
    fireEvent.change(days, { target: { value: '7' } });
    fireEvent.click(within(region()).getByRole('button', { name: 'Opslaan' }));
    expect(await within(region()).findByText('Uw instelling is opgeslagen.')).toBeTruthy();
    expect(within(region()).getByText(/tot en met 7 dagen vooruit/)).toBeTruthy();
    await waitFor(() =>
      expect(
        within(region())
          .getAllByRole('rowheader')
          .map((c) => c.textContent),
      ).toEqual(['(Inzetbaarheids)gesprek']),
    );
  });

  it('falls back to 28 days when the settings cannot be read, and keeps a new value for this visit when saving fails', async () => {
    renderApp([
      { request: { query: MY_SETTINGS }, error: new Error('Failed to fetch') },
      actionList(28, [plan, gesprek]),
      {
        request: { query: UPDATE_MY_SETTINGS, variables: { input: { actionListDaysAhead: 7 } } },
        result: {
          errors: [
            new GraphQLError('Cannot query field "updateMySettings"', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          ],
        },
      },
      actionList(7, [gesprek]),
      ...otherWidgets,
    ]);
    expect(await within(region()).findByText(/tot en met 28 dagen vooruit/)).toBeTruthy();
    await within(region()).findByRole('table');
    fireEvent.click(within(region()).getByRole('button', { name: 'Mijn instellingen' }));
    fireEvent.change(within(region()).getByRole('spinbutton', { name: 'Aantal dagen vooruit' }), {
      target: { value: '7' },
    });
    fireEvent.click(within(region()).getByRole('button', { name: 'Opslaan' }));
    expect(
      await within(region()).findByText(
        'Uw instelling kon niet worden opgeslagen en geldt alleen voor dit bezoek.',
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect(
        within(region())
          .getAllByRole('rowheader')
          .map((c) => c.textContent),
      ).toEqual(['(Inzetbaarheids)gesprek']),
    );
  });

  it("lets the administrator narrow the list of every role's activities to one role", async () => {
    const wg = { ...activity('w1', 'Plan van aanpak opstellen', day(3), 'Sanne de Vries'), role: 'WG' };
    const ba = { ...activity('b1', 'Spreekuur probleemanalyse', day(3), 'Sanne de Vries'), role: 'BA' };
    renderApp([
      viewer('ADMIN'),
      settings(28),
      actionList(28, [wg, ba]),
      {
        request: { query: ACTION_LIST, variables: { daysAhead: 28, role: 'BA' } },
        result: { data: { actionList: [ba] } },
      },
      ...otherWidgets,
    ]);
    await waitFor(() =>
      expect(
        within(region())
          .getAllByRole('rowheader')
          .map((c) => c.textContent),
      ).toHaveLength(2),
    );
    fireEvent.change(within(region()).getByRole('combobox', { name: 'Rol' }), { target: { value: 'BA' } });
    await waitFor(() =>
      expect(
        within(region())
          .getAllByRole('rowheader')
          .map((c) => c.textContent),
      ).toEqual(['Spreekuur probleemanalyse']),
    );
  });

  it.each([
    ['OCCUPATIONAL_PHYSICIAN', 'Uw acties als bedrijfsarts.', false],
    ['CASE_MANAGER', 'Uw acties als casemanager.', true],
    ['EMPLOYER', 'Uw acties als werkgever.', true],
  ] as const)(
    'gives %s their own action list, and the sick report widget only to roles that report',
    async (role, description, reports) => {
      const ba = { ...activity('b1', 'Spreekuur probleemanalyse', day(3), 'Sanne de Vries'), role: 'BA' };
      renderApp([viewer(role), settings(28), actionList(28, [ba]), ...otherWidgets]);
      expect(
        await within(region()).findByText(new RegExp(description.replace(/[.()]/g, '\\$&'))),
      ).toBeTruthy();
      expect((await within(region()).findAllByRole('rowheader')).map((c) => c.textContent)).toEqual([
        'Spreekuur probleemanalyse',
      ]);
      expect(screen.queryByRole('region', { name: 'Ziek melden' }) !== null).toBe(reports);
      // Absence statistics are the employer's; reporting refuses the arbodienst's professionals.
      expect(screen.queryByRole('region', { name: 'Analyse openstaand verzuim' }) !== null).toBe(
        role === 'EMPLOYER',
      );
    },
  );

  it('handles an activity with a conclusion and a follow-up, sending exactly those variables, then refreshes', async () => {
    const input = {
      activityId: 'a2',
      status: 'HANDLED',
      conclusion: 'Gesprek gevoerd, spreekuur aangevraagd.',
      remarks: 'Graag een ochtend.',
      followUp: {
        activityTypeCode: 'WG_REQUEST_CONSULT',
        deadline: day(14),
        remarks: 'Voorkeur voor locatie Tiel.',
      },
    };
    renderApp([
      actionList(28, [plan, gesprek]),
      ...otherWidgets,
      {
        request: { query: ACTIVITY_TYPES },
        result: {
          data: {
            activityTypes: [
              {
                __typename: 'ActivityType',
                code: 'WG_REQUEST_CONSULT',
                title: 'Extra spreekuur bedrijfsarts',
                role: 'WG',
                kind: 'ACTION',
                category: 'WG_REQUEST',
              },
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
        request: { query: HANDLE_ACTIVITY, variables: { input } },
        result: {
          data: {
            handleActivity: {
              ...gesprek,
              status: 'HANDLED',
              conclusion: input.conclusion,
              remarks: input.remarks,
            },
          },
        },
      },
      actionList(28, [plan, activity('a3', 'Extra spreekuur bedrijfsarts', day(14), 'Sanne de Vries')]),
    ]);
    await within(region()).findByRole('table');
    fireEvent.click(
      within(region()).getByRole('button', { name: /^Openen.*\(Inzetbaarheids\)gesprek.*Sanne de Vries/ }),
    );
    const modal = await screen.findByRole('dialog', { name: 'Activiteit: (Inzetbaarheids)gesprek' });

    const signal = within(modal).getByRole('textbox', { name: 'Signaleringsdatum' }) as HTMLInputElement;
    expect(signal.readOnly).toBe(true);
    expect(describedBy(signal)).toBe('De signaleringsdatum kan niet worden gewijzigd.');

    expect((within(modal).getByRole('radio', { name: 'Afgehandeld' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.change(within(modal).getByRole('textbox', { name: /^Conclusie/ }), {
      target: { value: input.conclusion },
    });
    fireEvent.click(within(modal).getByRole('checkbox', { name: 'Vervolgactie aanmaken' }));
    // Type and deadline are required once a follow-up is asked for.
    fireEvent.click(within(modal).getByRole('button', { name: 'Opslaan' }));
    expect(await within(modal).findByText('Kies de soort vervolgactie.')).toBeTruthy();
    expect(within(modal).getByText('Vul de deadline van de vervolgactie in.')).toBeTruthy();

    const type = within(modal).getByRole('combobox', { name: /^Soort vervolgactie/ });
    await within(type).findByRole('option', { name: 'Extra spreekuur bedrijfsarts (Werkgever)' });
    fireEvent.change(type, { target: { value: 'WG_REQUEST_CONSULT' } });
    fireEvent.change(within(modal).getByLabelText(/^Deadline vervolgactie/), { target: { value: day(14) } });
    fireEvent.change(within(modal).getByRole('textbox', { name: 'Opmerkingen bij de vervolgactie' }), {
      target: { value: input.followUp.remarks },
    });
    fireEvent.change(within(modal).getByRole('textbox', { name: /^Opmerkingen$/ }), {
      target: { value: input.remarks },
    });
    fireEvent.click(within(modal).getByRole('button', { name: 'Opslaan' }));

    expect(await within(region()).findByText('De activiteit is opgeslagen.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(
        within(region())
          .getAllByRole('rowheader')
          .map((c) => c.textContent),
      ).toEqual(['Plan van aanpak', 'Extra spreekuur bedrijfsarts']),
    );
  });

  it('cancels an activity and shows the Dutch message when it was already closed', async () => {
    renderApp([
      actionList(28, [gesprek]),
      ...otherWidgets,
      {
        request: { query: HANDLE_ACTIVITY, variables: { input: { activityId: 'a2', status: 'CANCELLED' } } },
        result: {
          errors: [
            new GraphQLError('Activity is closed', { extensions: { code: 'ACTIVITY_ALREADY_CLOSED' } }),
          ],
        },
      },
    ]);
    await within(region()).findByRole('table');
    fireEvent.click(within(region()).getByRole('button', { name: /^Openen/ }));
    const modal = await screen.findByRole('dialog', { name: 'Activiteit: (Inzetbaarheids)gesprek' });
    fireEvent.click(within(modal).getByRole('radio', { name: 'Geannuleerd' }));
    fireEvent.click(within(modal).getByRole('button', { name: 'Opslaan' }));
    expect((await within(modal).findByRole('alert')).textContent).toContain(
      'Deze activiteit is al afgehandeld of geannuleerd en kan niet meer worden gewijzigd.',
    );
  });
});
