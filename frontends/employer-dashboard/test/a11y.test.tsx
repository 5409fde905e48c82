import axe from 'axe-core';
import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { HandleActivityDialog } from '../src/features/action-list/HandleActivityDialog';
import { ACTION_LIST, ACTIVITY_TYPES } from '../src/features/action-list/operations';
import { OPEN_ABSENCE_BY_DURATION_CLASS } from '../src/features/analysis/operations';
import { PERSON_ABSENCE } from '../src/features/sick-report/operations';
import { PERSONS } from '../src/features/persons/operations';
import { SICK_REPORT_WINDOW } from '../src/features/sick-report/SickReportWidget';
import { SickReportDialog } from '../src/features/sick-report/SickReportDialog';
import { day, renderApp, renderWith } from './helpers';

/** axe on the whole document; contrast needs real layout (checked in the browser tests), landmarks a page. */
async function violations() {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility of the dialogs (axe)', () => {
  it('the sick report dialog, every tab, with errors shown', async () => {
    const open = {
      __typename: 'SickCase',
      id: 's1',
      firstSickDay: '2025-06-02',
      status: 'RECOVERED',
      absencePercentage: 100,
      expectedRecoveryDate: null,
      recoveredOn: '2025-06-16',
      absenceCourse: [{ __typename: 'AbsenceCoursePoint', from: '2025-06-02', absencePercentage: 100 }],
      waitingPeriodEndsOn: '2027-05-31',
    };
    renderWith(
      [
        {
          request: { query: PERSON_ABSENCE, variables: { id: 'p1' } },
          result: {
            data: {
              person: { __typename: 'Person', id: 'p1', fullName: 'Pieter Bakker', sickCases: [open] },
            },
          },
        },
      ],
      <SickReportDialog personId="p1" personName="Pieter Bakker" opened onClose={() => undefined} />,
    );
    const modal = await screen.findByRole('dialog', { name: 'Ziekmelding: Pieter Bakker' });
    await within(modal).findByRole('tablist');
    fireEvent.click(within(modal).getByRole('button', { name: 'Toon uitgebreide kenmerken' }));
    fireEvent.change(within(modal).getByLabelText(/^Eerste ziektedag/), { target: { value: '' } });
    fireEvent.click(within(modal).getByRole('button', { name: 'Ziekmelding opslaan' }));
    await within(modal).findByText('Vul de eerste ziektedag in.');
    expect(await violations()).toEqual([]);
    for (const tab of ['Opmerking', 'Werkhervatting', 'Verzuimkaart']) {
      fireEvent.click(within(modal).getByRole('tab', { name: tab }));
      expect(await violations(), tab).toEqual([]);
    }
  });

  it('the handle dialog with a follow-up', async () => {
    renderWith(
      [
        {
          request: { query: ACTIVITY_TYPES },
          result: {
            data: {
              activityTypes: [
                {
                  __typename: 'ActivityType',
                  code: 'X',
                  title: 'Extra spreekuur bedrijfsarts',
                  role: 'WG',
                  kind: 'ACTION',
                  category: 'WG_REQUEST',
                },
              ],
            },
          },
        },
      ],
      <HandleActivityDialog
        activity={{
          id: 'a1',
          title: 'Plan van aanpak',
          role: 'WG',
          kind: 'UWV',
          signalDate: day(-3),
          deadline: day(10),
          status: 'OPEN',
          person: { id: 'p1', fullName: 'Pieter Bakker' },
        }}
        onClose={() => undefined}
      />,
    );
    const modal = await screen.findByRole('dialog', { name: 'Activiteit: Plan van aanpak' });
    fireEvent.click(within(modal).getByRole('checkbox', { name: 'Vervolgactie aanmaken' }));
    await within(modal).findByRole('option', { name: /Extra spreekuur/ });
    fireEvent.click(within(modal).getByRole('button', { name: 'Opslaan' }));
    await within(modal).findByText('Kies de soort vervolgactie.');
    expect(await violations()).toEqual([]);
  });
});

describe('accessibility of Mijn Dashboard (axe)', () => {
  beforeAll(() => {
    HTMLCanvasElement.prototype.getContext = (() => null) as never;
  });

  it('has no violations with actions, the settings and persons to report', async () => {
    renderApp([
      {
        request: { query: ACTION_LIST, variables: { daysAhead: 28 } },
        result: {
          data: {
            actionList: [
              {
                __typename: 'Activity',
                id: 'a1',
                title: 'Plan van aanpak',
                role: 'WG',
                kind: 'UWV',
                signalDate: day(-30),
                deadline: day(-1),
                status: 'OPEN',
                person: { __typename: 'Person', id: 'p1', fullName: 'Sanne de Vries' },
              },
            ],
          },
        },
      },
      {
        request: { query: OPEN_ABSENCE_BY_DURATION_CLASS },
        result: { data: { openAbsenceByDurationClass: [] } },
      },
      {
        request: {
          query: PERSONS,
          variables: { filter: { absent: false }, page: { offset: 0, limit: SICK_REPORT_WINDOW } },
        },
        result: {
          data: {
            persons: {
              __typename: 'PersonPage',
              total: 1,
              items: [
                {
                  __typename: 'Person',
                  id: 'p2',
                  fullName: 'Pieter Bakker',
                  currentEmployment: null,
                  sickCases: [],
                },
              ],
            },
          },
        },
      },
    ]);
    await screen.findByRole('button', { name: 'Ziek melden: Pieter Bakker' });
    await screen.findByRole('button', { name: /^Openen: .*Plan van aanpak/ });
    fireEvent.click(screen.getByRole('button', { name: 'Mijn instellingen' }));
    expect(await violations()).toEqual([]);
  });
});
