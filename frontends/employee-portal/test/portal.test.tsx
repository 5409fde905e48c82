import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MY_APPOINTMENTS } from '../src/features/appointments/operations';
import { absenceMock, dossierMock, pendingMock, pendingRequest } from './fixtures';
import { GATEWAY, renderPortal, stubFiles, TOKEN } from './render';

// pdf.js needs a real canvas and worker; the tests check what reaches it.
vi.mock('../src/features/files/PdfPages', () => ({
  default: ({ blob, title }: { blob: Blob; title: string }) => (
    <div role="document" aria-label={`Document: ${title}`} data-type={blob.type} />
  ),
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

const inDays = (days: number, hour = 9) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  return d.toISOString();
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

describe('dashboard', () => {
  it("shows the manual's three tiles with the number of documents to sign, and isolates an agenda failure", async () => {
    renderPortal([
      absenceMock,
      pendingMock([
        pendingRequest('s1', 'Plan van aanpak'),
        pendingRequest('s2', 'Bijstelling plan van aanpak'),
      ]),
      {
        request: { query: MY_APPOINTMENTS },
        result: {
          errors: [new GraphQLError('agenda down', { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } })],
        },
      },
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Mijn verzuim' })).toBeTruthy();
    const current = await screen.findByTestId('current-case');
    expect(current.querySelector('dl')!.textContent).toContain('Eerste ziektedag05-01-2026');
    expect(within(current).getByRole('link', { name: 'Dossier openen' }).getAttribute('href')).toBe(
      '/dossiers/c-now',
    );

    const signatures = screen.getByRole('region', { name: 'Te ondertekenen documenten' });
    expect(await within(signatures).findByText('2 documenten wachten op uw handtekening.')).toBeTruthy();
    expect(within(signatures).getByTestId('signature-count').textContent).toBe('2');
    expect(
      within(signatures).getByRole('link', { name: 'Naar te ondertekenen documenten' }).getAttribute('href'),
    ).toBe('/te-ondertekenen');
    const details = screen.getByRole('region', { name: 'Mijn gegevens' });
    expect(within(details).getByRole('link', { name: 'Mijn gegevens bekijken' }).getAttribute('href')).toBe(
      '/mijn-gegevens',
    );

    const appointments = screen.getByRole('region', { name: 'Komende afspraken' });
    expect((await within(appointments).findByRole('alert')).textContent).toContain(
      'Kenmerk voor de helpdesk: SUBGRAPH_UNAVAILABLE',
    );
    expect(within(screen.getByRole('region', { name: 'Actueel dossier' })).queryByRole('alert')).toBeNull();
    const table = screen.getByRole('table', { name: /Al uw verzuimdossiers/ });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });
});

describe('dossiers', () => {
  it('lists open and closed dossiers separately, each linking to its dossier', async () => {
    renderPortal([absenceMock], '/dossiers');
    expect(screen.getByRole('heading', { level: 1, name: 'Dossiers' })).toBeTruthy();
    const open = await screen.findByRole('table', { name: 'Openstaande verzuimdossiers' });
    const closed = screen.getByRole('table', { name: 'Afgesloten verzuimdossiers' });
    expect(
      within(open).getByRole('link', { name: 'Dossier van 05-01-2026 openen' }).getAttribute('href'),
    ).toBe('/dossiers/c-now');
    expect(
      within(closed).getByRole('link', { name: 'Dossier van 03-02-2025 openen' }).getAttribute('href'),
    ).toBe('/dossiers/c-old');
    expect(within(open).queryByText('03-02-2025')).toBeNull();
  });

  it('shows UWV documents, other documents and shared notes, and previews a document fetched with the bearer token', async () => {
    const fetchMock = stubFiles(
      () => new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } }),
    );
    renderPortal([dossierMock()], '/dossiers/c-now');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Verzuimdossier vanaf 05-01-2026' }),
    ).toBeTruthy();
    expect(
      (await screen.findByRole('tab', { name: 'Documenten en Notities' })).getAttribute('aria-selected'),
    ).toBe('true');
    const uwv = await screen.findByRole('region', { name: 'UWV documenten' });
    expect(within(uwv).getByText('Probleemanalyse')).toBeTruthy();
    const others = screen.getByRole('region', { name: 'Documenten' });
    expect(within(others).getByText('Uitnodiging spreekuur')).toBeTruthy();
    const notes = screen.getByRole('region', { name: 'Notities' });
    expect(within(notes).getByText('Gesprek gehad over opbouw van uren.')).toBeTruthy();
    expect(within(notes).getByText('Ruben Visser, casemanager')).toBeTruthy();

    fireEvent.click(within(uwv).getByRole('button', { name: 'Probleemanalyse' }));
    const dialog = await screen.findByRole('dialog', { name: 'Probleemanalyse' });
    const pdf = await within(dialog).findByRole('document', { name: 'Document: Probleemanalyse' });
    expect(pdf.getAttribute('data-type')).toBe('application/pdf');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe(`${GATEWAY}/files/documents/d-pa`);
    expect(new Headers(init?.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('says so in Dutch when a document cannot be fetched (404 hides whether it exists)', async () => {
    stubFiles(
      () =>
        new Response(JSON.stringify({ error: { code: 'DOCUMENT_NOT_FOUND', message: 'not found' } }), {
          status: 404,
        }),
    );
    renderPortal([dossierMock()], '/dossiers/c-now');
    const uwv = await screen.findByRole('region', { name: 'UWV documenten' });
    fireEvent.click(within(uwv).getByRole('button', { name: 'Probleemanalyse' }));
    const dialog = await screen.findByRole('dialog', { name: 'Probleemanalyse' });
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Dit document bestaat niet of is niet voor u zichtbaar.',
    );
  });

  it('shows the absence course as a table of periods', async () => {
    renderPortal([dossierMock()], '/dossiers/c-now/verzuimverloop');
    const table = await screen.findByRole('table', { name: 'Verzuimverloop: percentages per periode' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['05-01-202601-02-2026100%', '02-02-2026heden50%']);
    expect((await screen.findByRole('tab', { name: 'Verzuimverloop' })).getAttribute('aria-selected')).toBe(
      'true',
    );
  });

  it('refuses an oversized upload before sending, maps server codes to Dutch, and sends a valid one', async () => {
    const fetchMock = stubFiles(
      () =>
        new Response(JSON.stringify({ error: { code: 'UPLOAD_TYPE_NOT_ALLOWED', message: 'type' } }), {
          status: 415,
        }),
    );
    renderPortal([dossierMock()], '/dossiers/c-now/upload');
    const input = (await screen.findByLabelText(/^Bestand/)) as HTMLInputElement;
    const huge = new File(['x'], 'scan.pdf', { type: 'application/pdf' });
    Object.defineProperty(huge, 'size', { value: 21 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [huge] } });
    expect(
      (await screen.findByText('Het bestand is te groot. Het mag maximaal 20 MB zijn.')).getAttribute('role'),
    ).toBe('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(input, {
      target: { files: [new File(['MZ'], 'programma.pdf', { type: 'application/pdf' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByText('Vul een omschrijving in.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Omschrijving/), { target: { value: 'Verslag fysiotherapeut' } });
    fireEvent.click(screen.getByLabelText('Ook zichtbaar voor werkgever'));
    fireEvent.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByText(/Dit bestandstype is niet toegestaan/)).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe(`${GATEWAY}/files/sick-cases/c-now/documents`);
    expect((init?.body as FormData).get('visibleToEmployer')).toBe('true');

    fetchMock.mockImplementation(
      async () =>
        new Response(JSON.stringify({ document: { id: 'd9', title: 'Verslag fysiotherapeut' } }), {
          status: 201,
        }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Uploaden' }));
    expect(await screen.findByText('"Verslag fysiotherapeut" is aan uw dossier toegevoegd.')).toBeTruthy();
  });
});

describe('appointments', () => {
  it('lists upcoming and past appointments, each with an .ics download', async () => {
    const created: Blob[] = [];
    stubFiles(() => new Response(''));
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:ics';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const data = {
      myAppointments: [
        appointment('a1', inDays(2), inDays(2, 10)),
        appointment('a0', inDays(-30), inDays(-30, 10)),
      ],
    };
    renderPortal([{ request: { query: MY_APPOINTMENTS }, result: { data } }], '/afspraken');
    expect(screen.getByRole('heading', { level: 1, name: 'Afspraken' })).toBeTruthy();
    const upcoming = await screen.findByRole('region', { name: 'Komende afspraken' });
    expect(await within(upcoming).findByText('Met dr. Marieke Bos, bedrijfsarts')).toBeTruthy();
    const past = screen.getByRole('region', { name: 'Eerdere afspraken' });
    expect(within(past).getAllByRole('row')).toHaveLength(2);
    fireEvent.click(within(upcoming).getByRole('button', { name: /^In agenda zetten \(\.ics\)/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(created[0]!.type).toBe('text/calendar;charset=utf-8');
    expect(await created[0]!.text()).toContain('SUMMARY:Spreekuur bedrijfsarts met dr. Marieke Bos');
    click.mockRestore();
  });
});

describe('year overview', () => {
  it('shades the seeded absence days of the chosen year, with a text summary and legend', async () => {
    renderPortal([absenceMock], '/jaaroverzicht');
    expect(screen.getByRole('heading', { level: 1, name: 'Jaaroverzicht' })).toBeTruthy();
    const summary = await screen.findByTestId('year-summary');
    const year = new Date().getFullYear();
    expect(summary.textContent).toMatch(new RegExp(`^In ${year}`));
    fireEvent.change(screen.getByLabelText('Jaar'), { target: { value: '2025' } });
    expect(screen.getByTestId('year-summary').textContent).toBe(
      'In 2025: 11 dagen volledig en 0 dagen gedeeltelijk verzuim.',
    );
    const day = screen
      .getByRole('table', { name: 'februari 2025' })
      .querySelector('[data-date="2025-02-03"]')!;
    expect(day.getAttribute('data-absence')).toBe('full');
    expect(day.textContent).toBe('3 volledig verzuim');
    expect(screen.getByRole('list', { name: 'Legenda' }).textContent).toContain(
      'Gedeeltelijk verzuim: gestreept',
    );
  });
});
