import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { type GatewayAccess, GatewayAccessProvider, UiProvider } from '@poortwachter/ui';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { GraphQLError } from 'graphql';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CorrectionRequestsWidget } from '../src/features/dossier/CorrectionRequestsWidget';
import {
  OPEN_CORRECTION_REQUESTS,
  RESOLVE_CORRECTION_REQUEST,
  validateResolution,
} from '../src/features/dossier/corrections';
import {
  ADD_NOTE,
  CASE_DOSSIER,
  canOfferForSigning,
  REQUEST_SIGNATURE,
  SHARE_NOTE,
  uploadCategories,
  uploadForm,
  validateUpload,
  type DossierDocument,
  type DossierNote,
} from '../src/features/dossier/documents';
import { DocumentsSection } from '../src/features/dossier/DocumentsSection';
import type { ViewerRole } from '../src/shared/viewer';
import './helpers';

const CASE_ID = 'case-1';
const access: GatewayAccess = {
  origin: 'http://gateway.test',
  token: () => 'token-1',
  refresh: async () => false,
};

const signature = (status: 'PENDING' | 'SIGNED' | 'DECLINED', extra: Record<string, unknown> = {}) => ({
  __typename: 'SignatureRequest',
  id: `sr-${status}`,
  status,
  requestedAt: '2026-03-02T09:00:00.000Z',
  requestedByName: 'Peter Jansen',
  signedAt: status === 'SIGNED' ? '2026-03-04T10:00:00.000Z' : null,
  declinedAt: status === 'DECLINED' ? '2026-03-05T10:00:00.000Z' : null,
  declineReason: status === 'DECLINED' ? 'De afspraken over uren kloppen niet.' : null,
  ...extra,
});

const doc = (id: string, title: string, extra: Partial<DossierDocument> & Record<string, unknown> = {}) => ({
  __typename: 'DossierDocument',
  id,
  title,
  description: null,
  category: 'CORRESPONDENCE',
  source: 'EMPLOYER',
  uploadedByName: 'Peter Jansen',
  fileName: `${title}.pdf`,
  mimeType: 'application/pdf',
  sizeBytes: 123_456,
  createdAt: '2026-03-01T08:00:00.000Z',
  sharedWithEmployee: true,
  visibleToEmployer: true,
  contentPath: `/files/documents/${id}`,
  signatureRequest: null,
  ...extra,
});

const note = (id: string, text: string, extra: Partial<DossierNote> = {}) => ({
  __typename: 'DossierNote',
  id,
  authorName: 'Peter Jansen',
  authorRole: 'EMPLOYER',
  text,
  createdAt: '2026-03-03T12:00:00.000Z',
  medical: false,
  sharedWithEmployee: false,
  writtenByMe: true,
  ...extra,
});

const caseDossier = (documents: unknown[], notes: unknown[]) => ({
  request: { query: CASE_DOSSIER, variables: { id: CASE_ID } },
  result: { data: { sickCase: { __typename: 'SickCase', id: CASE_ID, documents, notes } } },
});

const CASES = [
  { id: CASE_ID, firstSickDay: '2026-02-20', status: 'OPEN' as const, recoveredOn: null },
  { id: 'case-0', firstSickDay: '2025-05-01', status: 'RECOVERED' as const, recoveredOn: '2025-05-20' },
];

function renderSection(
  mocks: MockedProviderProps['mocks'],
  role: ViewerRole = 'EMPLOYER',
  children?: ReactNode,
) {
  return render(
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <GatewayAccessProvider access={access}>
          {children ?? <DocumentsSection sickCases={CASES} role={role} />}
        </GatewayAccessProvider>
      </MockedProvider>
    </UiProvider>,
  );
}

async function violations() {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  URL.createObjectURL = vi.fn(() => 'blob:preview-1');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('rules of the documents feature', () => {
  it('never offers medical information to anyone but the bedrijfsarts, nor SIGNED to anyone', () => {
    for (const role of ['EMPLOYER', 'CASE_MANAGER', 'ADMIN', 'PLANNER', null] as const) {
      expect(uploadCategories(role)).not.toContain('MEDICAL_INFO');
      expect(uploadCategories(role)).not.toContain('SIGNED');
    }
    expect(uploadCategories('OCCUPATIONAL_PHYSICIAN')).toContain('MEDICAL_INFO');
  });

  it('offers for signing only PDFs without a live request that are not signed copies', () => {
    const base = { mimeType: 'application/pdf', category: 'PLAN_OF_ACTION' as const, signatureRequest: null };
    expect(canOfferForSigning(base)).toBe(true);
    expect(canOfferForSigning({ ...base, mimeType: 'image/png' })).toBe(false);
    expect(canOfferForSigning({ ...base, category: 'SIGNED' })).toBe(false);
    expect(canOfferForSigning({ ...base, signatureRequest: signature('PENDING') as never })).toBe(false);
    expect(canOfferForSigning({ ...base, signatureRequest: signature('SIGNED') as never })).toBe(false);
    expect(canOfferForSigning({ ...base, signatureRequest: signature('DECLINED') as never })).toBe(true);
  });

  it('validates an upload and builds its form, downgrading a medical category for an employer', () => {
    const file = new File(['%PDF-1.7'], 'brief.pdf', { type: 'application/pdf' });
    expect(
      validateUpload({
        file: null,
        title: '',
        description: ' ',
        category: 'OTHER',
        sharedWithEmployee: false,
      }),
    ).toEqual({
      file: { key: 'validation.fileRequired' },
      description: { key: 'validation.descriptionRequired' },
    });
    expect(
      validateUpload({ file, title: '', description: 'x', category: 'OTHER', sharedWithEmployee: false }, 4)
        .file,
    ).toEqual({
      key: 'validation.fileTooLarge',
      values: { maxMb: 0 },
    });
    const form = uploadForm(
      {
        file,
        title: ' Plan ',
        description: ' Plan van aanpak ',
        category: 'MEDICAL_INFO',
        sharedWithEmployee: true,
      },
      'EMPLOYER',
    );
    expect(Object.fromEntries([...form.entries()].filter(([name]) => name !== 'file'))).toEqual({
      description: 'Plan van aanpak',
      title: 'Plan',
      category: 'OTHER',
      sharedWithEmployee: 'true',
    });
    expect(
      uploadForm(
        { file, title: '', description: 'x', category: 'MEDICAL_INFO', sharedWithEmployee: false },
        'OCCUPATIONAL_PHYSICIAN',
      ).get('category'),
    ).toBe('MEDICAL_INFO');
  });

  it('requires a reason to reject a correction request', () => {
    expect(validateResolution('REJECTED', '  ')).toEqual({
      response: { key: 'validation.responseRequired' },
    });
    expect(validateResolution('RESOLVED', '')).toEqual({});
    expect(validateResolution('RESOLVED', 'x'.repeat(2001)).response?.key).toBe('validation.tooLong');
  });
});

describe('Documenten en notities', () => {
  const documents = [
    doc('d1', 'Plan van aanpak', { category: 'PLAN_OF_ACTION', signatureRequest: signature('PENDING') }),
    doc('d2', 'Uitnodiging gesprek', { category: 'INVITATION', signatureRequest: signature('DECLINED') }),
    doc('d3', 'Evaluatie', {
      category: 'EVALUATION',
      signatureRequest: signature('SIGNED'),
      sharedWithEmployee: false,
    }),
    doc('d4', 'Foto werkplek', { category: 'OTHER', mimeType: 'image/png', fileName: 'werkplek.png' }),
  ];
  const notes = [
    note('n1', 'Gesprek gevoerd over aangepast werk.'),
    note('n2', 'Casemanager belt volgende week.', {
      authorName: 'Ruben Visser',
      authorRole: 'CASE_MANAGER',
      writtenByMe: false,
      sharedWithEmployee: true,
    }),
  ];

  it('lists documents with their signature status and notes, offers signing only where possible, and has no axe violations', async () => {
    renderSection([caseDossier(documents, notes)]);
    const list = await screen.findByRole('list', {
      name: /Documenten van de verzuimperiode vanaf 20-02-2026/,
    });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(within(items[0]!).getByText('Wacht op handtekening')).toBeTruthy();
    expect(within(items[1]!).getByText('Geweigerd op 05-03-2026')).toBeTruthy();
    expect(within(items[1]!).getByText('Reden: De afspraken over uren kloppen niet.')).toBeTruthy();
    expect(within(items[2]!).getByText('Ondertekend op 04-03-2026')).toBeTruthy();
    expect(within(items[2]!).getByText('Niet gedeeld')).toBeTruthy();
    const offer = screen.getAllByRole('button', { name: /^Ter ondertekening aanbieden/ });
    // Only the declined PDF can be offered again; the PNG, pending and signed ones cannot.
    expect(offer.map((button) => button.textContent)).toEqual([
      'Ter ondertekening aanbieden: Uitnodiging gesprek',
    ]);
    expect(screen.getByText('Gesprek gevoerd over aangepast werk.')).toBeTruthy();
    expect(screen.getByText(/^Ruben Visser \(casemanager\), 03-03-2026 \d\d:\d\d$/)).toBeTruthy();
    // Sharing only for one's own note.
    expect(screen.getAllByRole('button', { name: /delen met werknemer/i })).toHaveLength(1);
    // An employer is never offered a medical note.
    expect(screen.queryByLabelText(/Medische notitie/)).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Verzuimperiode' })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('offers a PDF for signing after confirmation and shows the new status', async () => {
    const offerable = doc('d5', 'Plan van aanpak v2', { category: 'PLAN_OF_ACTION' });
    renderSection([
      caseDossier([offerable], []),
      {
        request: { query: REQUEST_SIGNATURE, variables: { input: { documentId: 'd5' } } },
        result: {
          data: {
            requestSignature: {
              ...signature('PENDING', { id: 'sr-new' }),
              document: { __typename: 'DossierDocument', id: 'd5', sharedWithEmployee: true },
            },
          },
        },
      },
      caseDossier([{ ...offerable, signatureRequest: signature('PENDING', { id: 'sr-new' }) }], []),
    ]);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Ter ondertekening aanbieden: Plan van aanpak v2' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Plan van aanpak v2 ter ondertekening aanbieden',
    });
    expect(within(dialog).getByText(/wordt met de medewerker gedeeld/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aanbieden' }));
    expect(await screen.findByText('"Plan van aanpak v2" is ter ondertekening aangeboden.')).toBeTruthy();
    expect(await screen.findByText('Wacht op handtekening')).toBeTruthy();
  });

  it('adds a note shared with the employee, and shares one’s own note', async () => {
    const added = note('n9', 'Afspraak: start met 2 uur per dag.', { sharedWithEmployee: true });
    renderSection([
      caseDossier([], [note('n1', 'Eerste gesprek.')]),
      {
        request: {
          query: ADD_NOTE,
          variables: {
            input: {
              sickCaseId: CASE_ID,
              text: 'Afspraak: start met 2 uur per dag.',
              medical: false,
              sharedWithEmployee: true,
            },
          },
        },
        result: { data: { addNote: added } },
      },
      caseDossier([], [added, note('n1', 'Eerste gesprek.')]),
      {
        request: { query: SHARE_NOTE, variables: { noteId: 'n1', shared: true } },
        result: { data: { shareNote: { __typename: 'DossierNote', id: 'n1', sharedWithEmployee: true } } },
      },
    ]);
    const save = await screen.findByRole('button', { name: 'Notitie opslaan' });
    fireEvent.click(save);
    expect(await screen.findByText('Schrijf de tekst van de notitie.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Notitie/, { selector: 'textarea' }), {
      target: { value: '  Afspraak: start met 2 uur per dag. ' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /Delen met werknemer/ }));
    fireEvent.click(save);
    expect(await screen.findByText('De notitie is opgeslagen.')).toBeTruthy();
    expect(await screen.findByText('Afspraak: start met 2 uur per dag.')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: /^Notitie van .* delen met werknemer$/ }).at(-1)!);
    expect(await screen.findByText('De notitie is gedeeld met de medewerker.')).toBeTruthy();
  });

  it('lets the bedrijfsarts write a medical note and choose medical information for an upload', async () => {
    renderSection([caseDossier([], [])], 'OCCUPATIONAL_PHYSICIAN');
    expect(await screen.findByRole('checkbox', { name: /Medische notitie/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Document toevoegen' }));
    const dialog = await screen.findByRole('dialog');
    const options = within(within(dialog).getByRole('combobox', { name: 'Soort document' })).getAllByRole(
      'option',
    );
    expect(options.map((option) => option.getAttribute('value'))).toContain('MEDICAL_INFO');
  });

  it('uploads with the bearer token and the chosen fields, and explains a refused file type in Dutch', async () => {
    renderSection([caseDossier([], []), caseDossier([doc('d7', 'Brief')], [])]);
    fireEvent.click(await screen.findByRole('button', { name: 'Document toevoegen' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Document toevoegen aan de verzuimperiode vanaf 20-02-2026',
    });
    expect(within(dialog).queryByRole('option', { name: 'Medische informatie' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Toevoegen' }));
    expect(await within(dialog).findByText('Kies een bestand.')).toBeTruthy();
    expect(within(dialog).getByText('Geef een omschrijving van het document.')).toBeTruthy();
    expect(await violations()).toEqual([]);

    const file = new File(['%PDF-1.7 brief'], 'brief.pdf', { type: 'application/pdf' });
    fireEvent.change(within(dialog).getByLabelText(/^Bestand/), { target: { files: [file] } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Soort document' }), {
      target: { value: 'INVITATION' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Omschrijving/), {
      target: { value: 'Uitnodiging gesprek' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Delen met werknemer/ }));

    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ error: { code: 'UPLOAD_TYPE_NOT_ALLOWED', message: 'no' } }), {
        status: 415,
      }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Toevoegen' }));
    expect(await within(dialog).findByText(/Dit soort bestand kan niet worden toegevoegd/)).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`http://gateway.test/files/sick-cases/${CASE_ID}/documents`);
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer token-1');
    const body = init.body as FormData;
    expect([
      body.get('category'),
      body.get('description'),
      body.get('sharedWithEmployee'),
      (body.get('file') as File).name,
    ]).toEqual(['INVITATION', 'Uitnodiging gesprek', 'true', 'brief.pdf']);

    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ document: { id: 'd7', title: 'Brief' } }), { status: 201 }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Toevoegen' }));
    expect(await screen.findByText('"Brief" is toegevoegd.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('previews a PDF from a blob fetched with the bearer token', async () => {
    renderSection([caseDossier([doc('d1', 'Plan van aanpak')], [])]);
    fetchMock.mockResolvedValueOnce(
      new Response(new Blob(['%PDF-1.7']), { status: 200, headers: { 'content-type': 'application/pdf' } }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Bekijken: Plan van aanpak' }));
    const dialog = await screen.findByRole('dialog', { name: 'Voorbeeld: Plan van aanpak' });
    const frame = await within(dialog).findByTitle('Voorbeeld: Plan van aanpak');
    expect(frame.getAttribute('src')).toBe('blob:preview-1');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://gateway.test/files/documents/d1');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer token-1');
  });
});

describe('Correctieverzoeken', () => {
  const request = {
    __typename: 'CorrectionRequest',
    id: 'cr1',
    field: 'ADDRESS',
    currentValue: 'Waalkade 12, 4001 LM Tiel',
    proposedValue: 'Waalkade 14, 4001 LM Tiel',
    explanation: 'Verhuisd',
    status: 'OPEN',
    createdAt: '2026-03-01T10:00:00.000Z',
  };
  const list = (rows: unknown[]) => ({
    request: { query: OPEN_CORRECTION_REQUESTS, variables: { personId: 'p1' } },
    result: { data: { correctionRequests: rows } },
  });

  it('rejects a request with a reason and explains an already closed one', async () => {
    const resolve = (response: string) => ({
      request: {
        query: RESOLVE_CORRECTION_REQUEST,
        variables: { input: { correctionRequestId: 'cr1', status: 'REJECTED', response } },
      },
    });
    renderSection(
      [
        list([request]),
        {
          ...resolve('Eerst een kopie van het huurcontract graag.'),
          result: {
            errors: [new GraphQLError('closed', { extensions: { code: 'CORRECTION_ALREADY_CLOSED' } })],
          },
        },
        {
          ...resolve('Eerst een kopie van het huurcontract graag.'),
          result: {
            data: {
              resolveCorrectionRequest: {
                __typename: 'CorrectionRequest',
                id: 'cr1',
                status: 'REJECTED',
                response: 'x',
                resolvedAt: '2026-03-02T10:00:00.000Z',
              },
            },
          },
        },
        list([]),
      ],
      'EMPLOYER',
      <CorrectionRequestsWidget personId="p1" />,
    );
    expect(
      await screen.findByText(
        'Adres: nu "Waalkade 12, 4001 LM Tiel", voorgesteld "Waalkade 14, 4001 LM Tiel"',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Afhandelen: Adres' }));
    const dialog = await screen.findByRole('dialog', { name: 'Correctieverzoek afhandelen: Adres' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /Afgewezen/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(await within(dialog).findByText('Leg uit waarom het verzoek wordt afgewezen.')).toBeTruthy();
    expect(await violations()).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/^Reactie aan de medewerker/), {
      target: { value: 'Eerst een kopie van het huurcontract graag.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(
      await within(dialog).findByText('Dit correctieverzoek is al afgehandeld. Ververs de pagina.'),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Het correctieverzoek is afgehandeld.')).toBeTruthy();
    expect(await screen.findByText('Er zijn geen openstaande correctieverzoeken.')).toBeTruthy();
  });
});
