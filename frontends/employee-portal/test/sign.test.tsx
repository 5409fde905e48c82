import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DECLINE_SIGNATURE, SIGN_DOCUMENT } from '../src/features/signing/operations';
import { absenceMock, pendingMock, pendingRequest } from './fixtures';
import { renderPortal, stubFiles } from './render';

const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

// jsdom has no canvas: a stand-in pad that "draws" when the test fires a stroke.
const { pads, FakePad } = vi.hoisted(() => {
  const pads: { draw(): void }[] = [];
  class FakePad extends EventTarget {
    empty = true;
    constructor(readonly canvas: HTMLCanvasElement) {
      super();
      pads.push(this);
    }
    isEmpty() {
      return this.empty;
    }
    toDataURL() {
      return SIGNATURE_PNG;
    }
    toData() {
      return [];
    }
    fromData() {}
    clear() {
      this.empty = true;
    }
    on() {}
    off() {}
    draw() {
      this.empty = false;
      this.dispatchEvent(new Event('endStroke'));
    }
  }
  return { pads, FakePad };
});
vi.mock('signature_pad', () => ({ default: FakePad }));

// pdf.js needs a real canvas and worker; the tests check what reaches it.
vi.mock('../src/features/files/PdfPages', () => ({
  default: ({ blob, title }: { blob: Blob; title: string }) => (
    <div role="document" aria-label={`Document: ${title}`} data-type={blob.type} />
  ),
}));

afterEach(() => {
  vi.unstubAllGlobals();
  pads.length = 0;
});

const completed = (id: string, status: 'SIGNED' | 'DECLINED') => ({
  __typename: 'SignatureRequest',
  id,
  status,
  signedAt: status === 'SIGNED' ? '2026-02-23T10:00:00.000Z' : null,
  declinedAt: status === 'DECLINED' ? '2026-02-23T10:00:00.000Z' : null,
  declineReason: status === 'DECLINED' ? 'Afspraken kloppen niet' : null,
  document: {
    __typename: 'DossierDocument',
    id: `doc-${id}`,
    sickCase: { __typename: 'SickCase', id: 'c-now' },
    signatureRequest: { __typename: 'SignatureRequest', id, status },
  },
  signedDocument:
    status === 'SIGNED'
      ? { __typename: 'DossierDocument', id: 'signed-1', title: 'Plan van aanpak (ondertekend)' }
      : null,
});

describe('documents to sign', () => {
  it('lists pending documents under "UWV documenten" and opens one', async () => {
    renderPortal([pendingMock([pendingRequest('s1', 'Plan van aanpak')])], '/te-ondertekenen');
    const uwv = await screen.findByRole('region', { name: 'UWV documenten' });
    expect(within(uwv).getByRole('link', { name: 'Plan van aanpak' }).getAttribute('href')).toBe(
      '/te-ondertekenen/s1',
    );
  });

  it('signs with a drawn signature after confirming, and the request leaves the pending list', async () => {
    stubFiles(() => new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' })));
    const signMock = vi.fn(() => ({ data: { signDocument: completed('s1', 'SIGNED') } }));
    renderPortal(
      [
        pendingMock([pendingRequest('s1', 'Plan van aanpak'), pendingRequest('s2', 'Uitnodiging evaluatie')]),
        {
          request: {
            query: SIGN_DOCUMENT,
            variables: { signatureRequestId: 's1', signaturePng: SIGNATURE_PNG },
          },
          result: signMock,
        },
        pendingMock([pendingRequest('s2', 'Uitnodiging evaluatie')]),
        absenceMock,
      ],
      '/te-ondertekenen/s1',
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ondertekenen: Plan van aanpak' }),
    ).toBeTruthy();
    expect(await screen.findByRole('document', { name: 'Document: Plan van aanpak' })).toBeTruthy();
    const canvas = screen.getByRole('img', { name: 'Handtekeningvak' });
    expect(canvas.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Wissen' }).hasAttribute('disabled')).toBe(true);

    // Signing an empty box or without confirming is refused in the page.
    fireEvent.click(screen.getByRole('button', { name: 'Ondertekenen' }));
    expect(await screen.findByText('Zet eerst uw handtekening in het vak.')).toBeTruthy();
    pads[0]!.draw();
    expect(await screen.findByText('Er staat een handtekening in het vak.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ondertekenen' }));
    expect(await screen.findByText('Bevestig dat u het document heeft gelezen.')).toBeTruthy();
    expect(signMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByLabelText('Ik heb het document gelezen en onderteken het.'));
    fireEvent.click(screen.getByRole('button', { name: 'Ondertekenen' }));
    expect(await screen.findByText('Document ondertekend')).toBeTruthy();
    expect(signMock).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Naar het dossier' }).getAttribute('href')).toBe(
      '/dossiers/c-now',
    );

    fireEvent.click(screen.getByRole('link', { name: 'Naar te ondertekenen documenten' }));
    const list = await screen.findByRole('heading', { level: 1, name: 'Te ondertekenen documenten' });
    expect(list).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Plan van aanpak' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Uitnodiging evaluatie' })).toBeTruthy();
  });

  it('explains in Dutch when the document was already signed elsewhere', async () => {
    stubFiles(() => new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' })));
    renderPortal(
      [
        pendingMock([pendingRequest('s1', 'Plan van aanpak')]),
        {
          request: {
            query: SIGN_DOCUMENT,
            variables: { signatureRequestId: 's1', signaturePng: SIGNATURE_PNG },
          },
          result: {
            errors: [new GraphQLError('done', { extensions: { code: 'SIGNATURE_ALREADY_COMPLETED' } })],
          },
        },
      ],
      '/te-ondertekenen/s1',
    );
    await screen.findByRole('img', { name: 'Handtekeningvak' });
    pads[0]!.draw();
    fireEvent.click(screen.getByLabelText('Ik heb het document gelezen en onderteken het.'));
    fireEvent.click(screen.getByRole('button', { name: 'Ondertekenen' }));
    expect(
      (await screen.findByText('Dit document is al ondertekend of geweigerd.')).closest('[role="alert"]'),
    ).toBeTruthy();
  });

  it('declines with a reason, which is required', async () => {
    stubFiles(() => new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' })));
    const declineMock = vi.fn(() => ({ data: { declineSignature: completed('s1', 'DECLINED') } }));
    renderPortal(
      [
        pendingMock([pendingRequest('s1', 'Plan van aanpak')]),
        {
          request: {
            query: DECLINE_SIGNATURE,
            variables: { signatureRequestId: 's1', reason: 'Afspraken kloppen niet' },
          },
          result: declineMock,
        },
      ],
      '/te-ondertekenen/s1',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Weigeren' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Weigering versturen' }));
    expect(await screen.findByText('Vul een reden in.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Reden/), { target: { value: ' Afspraken kloppen niet ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Weigering versturen' }));
    expect(await screen.findByText('Ondertekening geweigerd')).toBeTruthy();
    expect(declineMock).toHaveBeenCalledTimes(1);
  });
});
