import { fireEvent, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PERSON_ABSENCE, REPORT_RECOVERY, REPORT_SICKNESS } from '../src/features/sick-report/operations';
import { SickReportDialog } from '../src/features/sick-report/SickReportDialog';
import { day, describedBy, dialog, renderWith } from './helpers';

const MEDICAL_WARNING = 'Vermeld geen medische informatie (zoals diagnose of klachten).';

const sickCase = (id: string, firstSickDay: string, recoveredOn: string | null, absencePercentage = 100) => ({
  __typename: 'SickCase',
  id,
  firstSickDay,
  status: recoveredOn ? 'RECOVERED' : 'OPEN',
  absencePercentage,
  expectedRecoveryDate: null,
  recoveredOn,
  absenceCourse: [{ __typename: 'AbsenceCoursePoint', from: firstSickDay, absencePercentage }],
  waitingPeriodEndsOn: '2027-12-01',
});

const earlier = sickCase('s-old', '2025-06-02', '2025-06-16');
const personMock = (cases: unknown[]) => ({
  request: { query: PERSON_ABSENCE, variables: { id: 'p1' } },
  result: {
    data: { person: { __typename: 'Person', id: 'p1', fullName: 'Pieter Bakker', sickCases: cases } },
  },
});

function renderDialog(mocks: Parameters<typeof renderWith>[0]) {
  return renderWith(
    mocks,
    <SickReportDialog
      personId="p1"
      personName="Pieter Bakker"
      opened
      onClose={() => undefined}
      dossierHref="/personen/p1"
    />,
  );
}

async function loadedDialog() {
  const modal = await dialog('Ziekmelding: Pieter Bakker');
  await within(modal).findByRole('tablist', { name: 'Onderdelen van de ziekmelding' });
  return modal;
}

const field = (modal: HTMLElement, name: RegExp) => within(modal).getByLabelText(name) as HTMLInputElement;

describe('Ziek melden dialog', () => {
  it('validates the report in Dutch, with the errors linked to their fields', async () => {
    renderDialog([personMock([earlier])]);
    const modal = await loadedDialog();
    const firstSickDay = field(modal, /^Eerste ziektedag/);
    expect(firstSickDay.value).toBe(day(0));
    const percentage = field(modal, /^Verzuimpercentage/);
    expect(percentage.value).toBe('100');
    expect(describedBy(percentage)).toContain('Dit is geen medisch oordeel');

    fireEvent.change(firstSickDay, { target: { value: '' } });
    fireEvent.change(percentage, { target: { value: '101' } });
    fireEvent.click(within(modal).getByRole('button', { name: 'Ziekmelding opslaan' }));
    expect(await within(modal).findByText('Vul de eerste ziektedag in.')).toBeTruthy();
    expect(firstSickDay.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(firstSickDay)).toContain('Vul de eerste ziektedag in.');
    expect(describedBy(percentage)).toContain('Vul een heel getal in van 1 tot en met 100.');

    fireEvent.change(firstSickDay, { target: { value: '2026-03-10' } });
    fireEvent.change(percentage, { target: { value: '0' } });
    fireEvent.change(field(modal, /^Verwachte hersteldatum/), { target: { value: '2026-03-09' } });
    fireEvent.click(within(modal).getByRole('button', { name: 'Ziekmelding opslaan' }));
    expect(
      await within(modal).findByText('De verwachte hersteldatum kan niet vóór de eerste ziektedag liggen.'),
    ).toBeTruthy();
    expect(within(modal).getByText('Vul een heel getal in van 1 tot en met 100.')).toBeTruthy();
    expect(within(modal).queryByText('Vul de eerste ziektedag in.')).toBeNull();
  });

  it('warns against medical information at every free-text field and has no medical fields', async () => {
    renderDialog([personMock([earlier])]);
    const modal = await loadedDialog();
    const question = within(modal).getByRole('textbox', { name: 'Vraagstelling voor de professional' });
    expect(describedBy(question)).toContain(MEDICAL_WARNING);
    expect(within(modal).queryByLabelText(/Vangnetregeling/)).toBeNull();
    fireEvent.click(within(modal).getByRole('button', { name: 'Toon uitgebreide kenmerken' }));
    expect(within(modal).getByRole('checkbox', { name: 'Vangnetregeling van toepassing' })).toBeTruthy();
    expect(within(modal).getByRole('checkbox', { name: 'Arbeidsongeval' })).toBeTruthy();
    expect(within(modal).getByRole('checkbox', { name: 'Derde aansprakelijk (regres)' })).toBeTruthy();

    fireEvent.click(within(modal).getByRole('tab', { name: 'Opmerking' }));
    const remarks = within(modal).getByRole('textbox', { name: 'Opmerking' });
    expect(describedBy(remarks)).toContain(MEDICAL_WARNING);
    const labels = [...modal.querySelectorAll('label')].map((l) => l.textContent ?? '').join(' ');
    expect(labels).not.toMatch(/diagnose|klacht|ziekte(beeld|oorzaak)|medisch/i);
  });

  it('saves the report with the right variables and offers to open the dossier', async () => {
    const input = {
      personId: 'p1',
      firstSickDay: day(-1),
      absencePercentage: 50,
      safetyNet: true,
      workAccident: false,
      thirdPartyLiable: false,
      contactPhone: '06 1234 5678',
      questionForProfessional: 'Welk aangepast werk is mogelijk?',
      remarks: 'Werkt op locatie Tiel.',
    };
    const reported = sickCase('s-new', day(-1), null, 50);
    renderDialog([
      personMock([earlier]),
      {
        request: { query: REPORT_SICKNESS, variables: { input } },
        result: { data: { reportSickness: reported } },
      },
      personMock([reported, earlier]),
    ]);
    const modal = await loadedDialog();
    fireEvent.change(field(modal, /^Eerste ziektedag/), { target: { value: day(-1) } });
    fireEvent.change(field(modal, /^Verzuimpercentage/), { target: { value: '50' } });
    fireEvent.click(within(modal).getByRole('button', { name: 'Toon uitgebreide kenmerken' }));
    fireEvent.click(within(modal).getByRole('checkbox', { name: 'Vangnetregeling van toepassing' }));
    fireEvent.change(field(modal, /^Telefoonnummer tijdens het verzuim/), {
      target: { value: '06 1234 5678' },
    });
    fireEvent.change(within(modal).getByRole('textbox', { name: 'Vraagstelling voor de professional' }), {
      target: { value: 'Welk aangepast werk is mogelijk?' },
    });
    fireEvent.click(within(modal).getByRole('tab', { name: 'Opmerking' }));
    fireEvent.change(within(modal).getByRole('textbox', { name: 'Opmerking' }), {
      target: { value: 'Werkt op locatie Tiel.' },
    });
    fireEvent.click(within(modal).getByRole('button', { name: 'Ziekmelding opslaan' }));

    const status = await within(modal).findByRole('status');
    expect(status.textContent).toContain('Ziekmelding opgeslagen');
    expect(status.textContent).toContain('De ziekmelding van Pieter Bakker is opgeslagen.');
    expect(within(status).getByRole('link', { name: 'Open het dossier' }).getAttribute('href')).toBe(
      '/personen/p1',
    );
    // The refetched person now has an open case: recovery becomes possible.
    fireEvent.click(within(modal).getByRole('tab', { name: 'Werkhervatting' }));
    expect(await within(modal).findByRole('button', { name: 'Werkhervatting opslaan' })).toBeTruthy();
  });

  it('shows the Dutch message of the API error code', async () => {
    const input = {
      personId: 'p1',
      firstSickDay: day(0),
      absencePercentage: 100,
      safetyNet: false,
      workAccident: false,
      thirdPartyLiable: false,
    };
    renderDialog([
      personMock([]),
      {
        request: { query: REPORT_SICKNESS, variables: { input } },
        result: {
          errors: [
            new GraphQLError('First sick day before employment', {
              extensions: { code: 'FIRST_SICK_DAY_BEFORE_EMPLOYMENT' },
            }),
          ],
        },
      },
    ]);
    const modal = await loadedDialog();
    fireEvent.click(within(modal).getByRole('button', { name: 'Ziekmelding opslaan' }));
    const alert = await within(modal).findByRole('alert');
    expect(alert.textContent).toContain('Opslaan is niet gelukt');
    expect(alert.textContent).toContain('De eerste ziektedag ligt vóór de start van het dienstverband.');
    expect(alert.textContent).not.toContain('First sick day before employment');
  });

  it('records a partial recovery for an open case and shows the absence card', async () => {
    const open = sickCase('s-open', '2026-02-02', null);
    renderDialog([
      personMock([open, earlier]),
      {
        request: {
          query: REPORT_RECOVERY,
          variables: { input: { sickCaseId: 's-open', recoveredOn: '2026-02-16', absencePercentage: 40 } },
        },
        result: { data: { reportRecovery: { ...open, absencePercentage: 40 } } },
      },
      personMock([{ ...open, absencePercentage: 40 }, earlier]),
    ]);
    const modal = await loadedDialog();
    // An open case cannot be reported twice: the dialog opens on Werkhervatting.
    expect(within(modal).getByRole('tab', { name: 'Werkhervatting' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    fireEvent.change(field(modal, /^Datum werkhervatting/), { target: { value: '2026-01-30' } });
    fireEvent.click(within(modal).getByRole('button', { name: 'Werkhervatting opslaan' }));
    expect(
      await within(modal).findByText('De datum van werkhervatting kan niet vóór de eerste ziektedag liggen.'),
    ).toBeTruthy();
    expect(
      within(modal).getByText('Vul bij gedeeltelijk herstel een heel getal in van 1 tot en met 99.'),
    ).toBeTruthy();
    fireEvent.change(field(modal, /^Datum werkhervatting/), { target: { value: '2026-02-16' } });
    fireEvent.change(field(modal, /^Verzuimpercentage vanaf deze datum/), { target: { value: '40' } });
    fireEvent.click(within(modal).getByRole('button', { name: 'Werkhervatting opslaan' }));
    expect((await within(modal).findByRole('status')).textContent).toContain(
      'Het gedeeltelijk herstel is opgeslagen.',
    );

    fireEvent.click(within(modal).getByRole('tab', { name: 'Verzuimkaart' }));
    const table = within(modal).getByRole('table', { name: 'Verzuimhistorie van Pieter Bakker' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('02-02-2026');
    expect(rows[1]!.textContent).toContain('16-06-2025');
    expect(rows[1]!.textContent).toContain('14 dagen');
    expect(within(modal).getByRole('img', { name: /Tijdlijn van het verzuim van 02-06-2025/ })).toBeTruthy();
    expect(within(modal).getByRole('button', { name: 'Exporteren naar PDF' })).toBeTruthy();
  });
});
