import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  EMPLOYERS,
  PROTOCOL,
  PROTOCOL_HISTORY,
  RESET_PROTOCOL_ROW,
  UPDATE_PROTOCOL_ROW,
  type Protocol,
  type ProtocolRow,
} from '../src/features/protocol/operations';
import { VIEWER } from '../src/shared/viewer';
import { describedBy, renderApp } from './helpers';

const E1 = '11111111-1111-4111-8111-111111111111';

const row = (
  code: string,
  title: string,
  role: 'WG' | 'BA' | 'CM',
  signalDay: number,
  deadlineDay: number,
  extra: Partial<ProtocolRow> = {},
) => ({
  __typename: 'ProtocolRow',
  id: `${code}-id`,
  code,
  position: 1,
  title,
  role,
  kind: 'ACTION',
  signalDay,
  deadlineDay,
  trigger: 'SICK_REPORT',
  overridden: false,
  standardRow: null,
  ...extra,
});

const protocol = (id: string, version: number, rows: unknown[], extra: Partial<Protocol> = {}) => ({
  __typename: 'Protocol',
  id,
  isStandard: id === 'standard',
  version,
  standardVersion: 1,
  changedAt: '2026-01-05T09:00:00.000Z',
  rows,
  ...extra,
});

const gesprek = row('WG_INZETBAARHEIDSGESPREK', '(Inzetbaarheids)gesprek', 'WG', 0, 1);
const analyse = row('BA_PROBLEEMANALYSE', 'Spreekuur probleemanalyse', 'BA', 32, 42);
const standard = protocol('standard', 1, [gesprek, analyse]);

const viewer = (role: string) => ({
  request: { query: VIEWER },
  result: { data: { viewer: { __typename: 'User', id: 'u1', role } } },
});
const employers = {
  request: { query: EMPLOYERS },
  result: { data: { employers: [{ __typename: 'Employer', id: E1, name: 'Zorggroep Rivierenland' }] } },
};
const protocolQuery = (employerId: string | null, result: unknown) => ({
  request: { query: PROTOCOL, variables: { employerId } },
  result: { data: { protocol: result } },
});
const history = (employerId: string | null, versions: { version: number; summary: string }[]) => ({
  request: { query: PROTOCOL_HISTORY, variables: { employerId } },
  result: {
    data: {
      protocol: {
        __typename: 'Protocol',
        id: employerId ? `employer:${employerId}` : 'standard',
        history: versions.map((v) => ({
          __typename: 'ProtocolVersion',
          ...v,
          createdAt: '2026-01-05T09:00:00.000Z',
          changedBy: { __typename: 'User', id: 'u1', displayName: 'Admin Arbodienst' },
        })),
      },
    },
  },
});

const table = () => screen.findByRole('table', { name: 'Stappen van het verzuimprotocol' });

describe('Protocolbeheer', () => {
  it('refuses everyone but the administrator', async () => {
    renderApp([viewer('EMPLOYER')], '/beheer/protocol');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Alleen een beheerder van de arbodienst',
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the standard protocol and saves an edited row as a new version, sending only what changed', async () => {
    const changed = protocol('standard', 2, [
      gesprek,
      { ...analyse, id: 'new-id', signalDay: 28, deadlineDay: 35 },
    ]);
    renderApp(
      [
        viewer('ADMIN'),
        employers,
        protocolQuery(null, standard),
        history(null, [{ version: 1, summary: 'Standaardprotocol (handleiding, bijlage II)' }]),
        {
          request: {
            query: UPDATE_PROTOCOL_ROW,
            variables: {
              input: { code: 'BA_PROBLEEMANALYSE', expectedVersion: 1, signalDay: 28, deadlineDay: 35 },
            },
          },
          result: { data: { updateProtocolRow: changed } },
        },
        history(null, [
          { version: 2, summary: 'Spreekuur probleemanalyse: signalering dag 32 → 28, deadline dag 42 → 35' },
          { version: 1, summary: 'Standaardprotocol (handleiding, bijlage II)' },
        ]),
      ],
      '/beheer/protocol',
    );
    expect(await screen.findByRole('heading', { name: 'Protocolbeheer', level: 1 })).toBeTruthy();
    const rows = within(await table()).getAllByRole('row');
    expect(
      within(rows[2]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Wijzigen: Spreekuur probleemanalyse', 'Bedrijfsarts', 'Actie', '32', '42', 'Ziekmelding']);
    expect(await screen.findByText(/Versie 1 – .* – Admin Arbodienst: Standaardprotocol/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Wijzigen: Spreekuur probleemanalyse' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Protocolstap wijzigen: Spreekuur probleemanalyse',
    });
    expect(
      within(dialog).getByText(
        'De wijziging geldt voor nieuwe ziekmeldingen. Bestaande activiteiten veranderen niet.',
      ),
    ).toBeTruthy();
    const signal = within(dialog).getByRole('spinbutton', { name: /^Signalering \(dag\)/ });
    const deadline = within(dialog).getByRole('spinbutton', { name: /^Deadline \(dag\)/ });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(await within(dialog).findByText('U heeft niets gewijzigd.')).toBeTruthy();
    fireEvent.change(signal, { target: { value: '50' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(describedBy(deadline)).toContain('De deadline kan niet vóór de signaleringsdag liggen.');
    fireEvent.change(signal, { target: { value: '801' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(describedBy(signal)).toContain('Vul een heel aantal dagen in van 0 tot en met 800.');

    fireEvent.change(signal, { target: { value: '28' } });
    fireEvent.change(deadline, { target: { value: '35' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(
      await screen.findByText(
        'De wijziging is opgeslagen als versie 2. Zij geldt voor nieuwe ziekmeldingen.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(await table()).getByRole('cell', { name: '28' })).toBeTruthy();
    expect(await screen.findByText(/Versie 2 – .*signalering dag 32 → 28/)).toBeTruthy();
  });

  it("shows an employer's own rows, resets one to the standard, and explains a version conflict in Dutch", async () => {
    const own = row('WG_INZETBAARHEIDSGESPREK', 'Verzuimgesprek', 'WG', 0, 3, {
      id: 'own-id',
      overridden: true,
      standardRow: {
        __typename: 'ProtocolRow',
        id: 'WG_INZETBAARHEIDSGESPREK-id',
        title: '(Inzetbaarheids)gesprek',
        role: 'WG',
        kind: 'ACTION',
        signalDay: 0,
        deadlineDay: 1,
      } as never,
    });
    const employerProtocol = protocol(`employer:${E1}`, 1, [own, analyse]);
    renderApp(
      [
        viewer('ADMIN'),
        employers,
        protocolQuery(null, standard),
        history(null, []),
        protocolQuery(E1, employerProtocol),
        history(E1, [{ version: 1, summary: 'Verzuimgesprek: deadline dag 1 → 3' }]),
        {
          request: {
            query: RESET_PROTOCOL_ROW,
            variables: { input: { employerId: E1, code: 'WG_INZETBAARHEIDSGESPREK', expectedVersion: 1 } },
          },
          result: {
            errors: [
              new GraphQLError('changed meanwhile', { extensions: { code: 'PROTOCOL_VERSION_CONFLICT' } }),
            ],
          },
        },
      ],
      '/beheer/protocol',
    );
    await table();
    const picker = screen.getByRole('combobox', { name: /^Protocol van/ });
    await within(picker).findByRole('option', { name: 'Zorggroep Rivierenland' });
    fireEvent.change(picker, { target: { value: E1 } });
    expect(await screen.findByRole('heading', { name: 'Protocol van Zorggroep Rivierenland' })).toBeTruthy();
    expect(
      await screen.findByText(/Eigen versie 1, gebaseerd op standaardversie 1; 1 stap wijkt af/),
    ).toBeTruthy();
    expect(within(await table()).getByText('Eigen')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Wijzigen: Verzuimgesprek' }));
    const dialog = await screen.findByRole('dialog', { name: 'Protocolstap wijzigen: Verzuimgesprek' });
    expect(
      within(dialog).getByText(
        /^Standaard: \(Inzetbaarheids\)gesprek, Werkgever, Actie, signalering dag 0, deadline dag 1/,
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sluiten' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Standaard herstellen: Verzuimgesprek' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Het protocol is intussen door iemand anders gewijzigd.',
    );
  });
});
