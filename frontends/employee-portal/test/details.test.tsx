import { fireEvent, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import {
  MY_ACCESS_LOG,
  MY_CORRECTION_REQUESTS,
  MY_DETAILS,
  REQUEST_PERSON_CORRECTION,
  UPDATE_MY_CONTACT_DETAILS,
} from '../src/features/my-details/operations';
import { renderPortal } from './render';

const person = {
  __typename: 'Person',
  id: 'p1',
  firstName: 'Sanne',
  lastName: 'de Vries',
  initials: 'S.',
  fullName: 'Sanne de Vries',
  dateOfBirth: '1988-04-12',
  email: 'sanne@example.nl',
  phone: '0612345678',
  personnelNumber: 'P-1001',
  address: {
    __typename: 'Address',
    street: 'Dorpsstraat',
    houseNumber: '12',
    postalCode: '3439 NE',
    city: 'Nieuwegein',
  },
  currentEmployment: {
    __typename: 'Employment',
    id: 'e1',
    jobTitle: 'Verpleegkundige',
    startDate: '2019-03-01',
    endDate: null,
    hoursPerWeek: 32,
    employer: { __typename: 'Employer', id: 'w1', name: 'Zorggroep Rivierenland' },
    division: { __typename: 'Division', id: 'dv1', name: 'Zorg' },
    department: { __typename: 'Department', id: 'dp1', name: 'Verpleging' },
  },
};

const correction = (
  id: string,
  proposedValue: string,
  status = 'OPEN',
  answer: { response: string | null; resolvedAt: string | null; resolvedByName: string | null } = {
    response: null,
    resolvedAt: null,
    resolvedByName: null,
  },
) => ({
  __typename: 'CorrectionRequest',
  id,
  field: 'ADDRESS',
  currentValue: 'Dorpsstraat 12, 3439 NE Nieuwegein',
  proposedValue,
  explanation: null,
  status,
  createdAt: '2026-02-01T10:00:00.000Z',
  ...answer,
});

const accessLog = {
  request: { query: MY_ACCESS_LOG, variables: { limit: 200 } },
  result: {
    data: {
      myAccessLog: [
        {
          __typename: 'AccessLogEntry',
          id: 'l1',
          at: '2026-02-20T09:15:00.000Z',
          event: 'sick-case.read',
          outcome: 'success',
          actorName: 'Karin de Boer',
          role: 'EMPLOYER',
          purpose: 'care',
          accessPoint: 'EmployerDossier',
          source: 'dossier',
        },
        {
          __typename: 'AccessLogEntry',
          id: 'l2',
          at: '2026-02-21T11:00:00.000Z',
          event: 'person.read',
          outcome: 'denied',
          actorName: 'Ruben Visser',
          role: 'CASE_MANAGER',
          purpose: 'care',
          accessPoint: 'PersonPage',
          source: 'dossier',
        },
      ],
    },
  },
};

describe('my details', () => {
  it('shows the stored data, saves phone and e-mail, maps a refused number to the field, and lists who looked', async () => {
    const update = vi.fn(() => ({
      data: {
        updateMyContactDetails: {
          __typename: 'Person',
          id: 'p1',
          email: 'sanne@example.nl',
          phone: '0687654321',
        },
      },
    }));
    renderPortal(
      [
        { request: { query: MY_DETAILS }, result: { data: { me: person } } },
        {
          request: { query: MY_CORRECTION_REQUESTS },
          result: { data: { myCorrectionRequests: [correction('r1', 'Kerkstraat 1, Utrecht', 'RESOLVED')] } },
        },
        accessLog,
        {
          request: {
            query: UPDATE_MY_CONTACT_DETAILS,
            variables: { email: 'sanne@example.nl', phone: '06-abc' },
          },
          result: {
            errors: [new GraphQLError('bad phone', { extensions: { code: 'INVALID_PHONE_NUMBER' } })],
          },
        },
        {
          request: {
            query: UPDATE_MY_CONTACT_DETAILS,
            variables: { email: 'sanne@example.nl', phone: '0687654321' },
          },
          result: update,
        },
      ],
      '/mijn-gegevens',
    );
    const personal = await screen.findByRole('region', { name: 'Persoonsgegevens' });
    expect(personal.textContent).toContain('NaamSanne de Vries');
    expect(personal.textContent).toContain('AdresDorpsstraat 12, 3439 NE Nieuwegein');
    expect(personal.textContent).toContain('WerkgeverZorggroep Rivierenland');
    expect(personal.textContent).toContain('Contracturen32 uur per week');

    const contact = screen.getByRole('region', { name: 'Contactgegevens wijzigen' });
    const phone = within(contact).getByLabelText(/^Telefoonnummer/);
    fireEvent.change(phone, { target: { value: '06-abc' } });
    fireEvent.click(within(contact).getByRole('button', { name: 'Contactgegevens opslaan' }));
    expect(
      await within(contact).findByText('Vul een geldig telefoonnummer in, bijvoorbeeld 0612345678.'),
    ).toBeTruthy();
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(phone, { target: { value: '0687654321' } });
    fireEvent.click(within(contact).getByRole('button', { name: 'Contactgegevens opslaan' }));
    expect(await within(contact).findByText('Uw contactgegevens zijn opgeslagen.')).toBeTruthy();
    expect(update).toHaveBeenCalledTimes(1);

    const log = screen.getByRole('region', { name: 'Wie heeft mijn gegevens bekeken' });
    const rows = (await within(log).findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Ruben Visser');
    expect(rows[0]!.textContent).toContain('Bekeken: persoonsgegevens');
    expect(rows[0]!.textContent).toContain('Geweigerd');
    expect(rows[1]!.textContent).toContain('Karin de Boer');
    expect(rows[1]!.textContent).toContain('Bekeken: verzuimdossier');
    expect(rows[1]!.textContent).toContain('Verzuimbegeleiding');
  });

  it('requests a correction of a field the employee may not change, and lists the requests', async () => {
    const request = vi.fn(() => ({
      data: { requestPersonCorrection: correction('r2', 'Kerkstraat 5, 3439 NE Nieuwegein') },
    }));
    renderPortal(
      [
        { request: { query: MY_DETAILS }, result: { data: { me: person } } },
        { request: { query: MY_CORRECTION_REQUESTS }, result: { data: { myCorrectionRequests: [] } } },
        accessLog,
        {
          request: {
            query: REQUEST_PERSON_CORRECTION,
            variables: {
              field: 'ADDRESS',
              proposedValue: 'Kerkstraat 5, 3439 NE Nieuwegein',
              explanation: 'Verhuisd per 1 februari',
            },
          },
          result: request,
        },
        {
          request: { query: MY_CORRECTION_REQUESTS },
          result: { data: { myCorrectionRequests: [correction('r2', 'Kerkstraat 5, 3439 NE Nieuwegein')] } },
        },
      ],
      '/mijn-gegevens',
    );
    const section = await screen.findByRole('region', { name: 'Correctie aanvragen' });
    expect(await within(section).findByText('U heeft nog geen correcties aangevraagd.')).toBeTruthy();
    expect(section.textContent).toContain('Nu bekend: Dorpsstraat 12, 3439 NE Nieuwegein');
    fireEvent.click(within(section).getByRole('button', { name: 'Correctie aanvragen' }));
    expect(await within(section).findByText('Vul de juiste waarde in.')).toBeTruthy();
    fireEvent.change(within(section).getByLabelText(/^Juiste waarde/), {
      target: { value: 'Kerkstraat 5, 3439 NE Nieuwegein' },
    });
    fireEvent.change(within(section).getByLabelText(/^Toelichting/), {
      target: { value: 'Verhuisd per 1 februari' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Correctie aanvragen' }));
    expect(await within(section).findByText('Uw correctieverzoek is verstuurd.')).toBeTruthy();
    const table = within(section).getByRole('table', { name: 'Uw correctieverzoeken' });
    expect(await within(table).findByText('Kerkstraat 5, 3439 NE Nieuwegein')).toBeTruthy();
    expect(within(table).getByText('In behandeling')).toBeTruthy();
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('shows the answer to a handled request, with who gave it and when', async () => {
    renderPortal(
      [
        { request: { query: MY_DETAILS }, result: { data: { me: person } } },
        {
          request: { query: MY_CORRECTION_REQUESTS },
          result: {
            data: {
              myCorrectionRequests: [
                correction('r3', 'Waalkade 14, 4001 LM Tiel', 'REJECTED', {
                  response: 'Het adres staat al goed in de salarisadministratie.',
                  resolvedAt: '2026-02-03T09:30:00.000Z',
                  resolvedByName: 'Peter Jansen',
                }),
              ],
            },
          },
        },
        accessLog,
      ],
      '/mijn-gegevens',
    );
    const table = await screen.findByRole('table', { name: 'Uw correctieverzoeken' });
    expect(
      await within(table).findByText('Het adres staat al goed in de salarisadministratie.'),
    ).toBeTruthy();
    expect(within(table).getByText('Afgewezen')).toBeTruthy();
    expect(within(table).getByText(/^Peter Jansen, /)).toBeTruthy();
  });
});
