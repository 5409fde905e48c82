import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { demoId, statementCounter } from '@poortwachter/kit';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentStorage } from '../src/index.js';
import { todayInBusinessZone } from '../src/domain/clock.js';
import { buildDemoPlan } from '../src/seed/plan.js';
import { seedDemoDocuments } from '../src/seed/documents.js';
import { demoSignaturePng, renderLetter } from '../src/seed/letters.js';
import { sha256Hex } from '../src/documents/signing.js';
import { actors, codes, fileRequest, jobsIn, startDossier, type DossierHarness, type Loose } from './helpers.js';

let harness: DossierHarness;
const plan = buildDemoPlan(todayInBusinessZone());
const sanneCases = plan.sickCases.filter((sickCase) => sickCase.personIndex === 1);
const openCase = sanneCases.find((sickCase) => sickCase.recoveredOn === null)!;
const PERSON_1 = demoId('person', 1);

const UPLOAD_LIMIT = 300_000;

beforeAll(async () => {
  process.env.UPLOAD_MAX_BYTES = String(UPLOAD_LIMIT);
  harness = await startDossier();
});

afterAll(async () => {
  await harness?.stop();
  delete process.env.UPLOAD_MAX_BYTES;
});

const CASE = /* GraphQL */ `
  query Case($id: ID!) {
    sickCase(id: $id) {
      id
      documents { id title category source mimeType sizeBytes contentPath sharedWithEmployee visibleToEmployer uploadedByName
        signatureRequest { id status } }
      notes { id text medical sharedWithEmployee authorName authorRole }
      signatureRequests { id status document { id title } signedDocument { id } declineReason }
    }
  }
`;

async function caseAs(identity: Loose, id = openCase.id) {
  const response = await harness.gql(identity, CASE, { id });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.sickCase;
}

const signatureDataUrl = (png: Buffer = demoSignaturePng(2)) => `data:image/png;base64,${png.toString('base64')}`;

/** A PNG of the given size, every pixel the same RGBA colour. */
function solidPng(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.concat(Array.from({ length: width }, () => Buffer.from(rgba)))]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function storedFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else files.push(entry.name);
    }
  };
  walk(harness.storageDir);
  return files.sort();
}

async function upload(identity: Loose, sickCaseId: string, file: Buffer | null, fields: Record<string, string>, fileName = 'brief.pdf') {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set('file', new Blob([file]), fileName);
  const response = await fileRequest(harness, identity, `/files/sick-cases/${sickCaseId}/documents`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as Loose };
}

describe('the demo dossier of Sanne de Vries', () => {
  it('shows her only what is shared with her: UWV documents, invitations, her upload, two shared notes', async () => {
    const sickCase = await caseAs(actors.employee);
    const titles = sickCase.documents.map((document: Loose) => document.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Probleemanalyse',
        'Plan van aanpak',
        'Uitnodiging spreekuur bedrijfsarts',
        'Uitnodiging evaluatiegesprek',
        'Afsprakenkaart fysiotherapie',
        'Verslag inzetbaarheidsgesprek (ondertekend)',
      ]),
    );
    expect(sickCase.documents.every((document: Loose) => document.sharedWithEmployee)).toBe(true);
    expect(sickCase.documents.some((document: Loose) => document.category === 'MEDICAL_INFO')).toBe(false);
    expect(sickCase.notes).toHaveLength(2);
    expect(sickCase.notes.every((note: Loose) => note.sharedWithEmployee && !note.medical)).toBe(true);
    const statuses = sickCase.signatureRequests.map((request: Loose) => request.status).sort();
    expect(statuses).toEqual(['DECLINED', 'PENDING', 'PENDING', 'SIGNED']);
    const pending = await harness.gql(actors.employee, '{ myPendingSignatures { id status document { title } } }');
    expect(pending.data.myPendingSignatures.map((request: Loose) => request.document.title).sort()).toEqual(['Plan van aanpak', 'Uitnodiging evaluatiegesprek']);
  });

  it('has documents and shared notes on her closed cases too', async () => {
    for (const closed of sanneCases.filter((sickCase) => sickCase.recoveredOn !== null)) {
      const sickCase = await caseAs(actors.employee, closed.id);
      expect(sickCase.documents.length).toBeGreaterThan(0);
      expect(sickCase.notes.length).toBeGreaterThan(0);
    }
  });

  it('shows the employer no medical content and not her upload, but the internal employer note', async () => {
    const sickCase = await caseAs(actors.employer1);
    expect(sickCase.documents.some((document: Loose) => document.category === 'MEDICAL_INFO')).toBe(false);
    expect(sickCase.documents.some((document: Loose) => document.source === 'EMPLOYEE' && document.category !== 'SIGNED')).toBe(false);
    expect(sickCase.notes.some((note: Loose) => note.medical)).toBe(false);
    expect(sickCase.notes.some((note: Loose) => note.text.startsWith('Intern'))).toBe(true);
  });

  it('shows the bedrijfsarts everything, the casemanager everything but medical', async () => {
    const physician = await caseAs(actors.physician);
    expect(physician.documents.some((document: Loose) => document.category === 'MEDICAL_INFO')).toBe(true);
    expect(physician.notes.some((note: Loose) => note.medical)).toBe(true);
    const caseManager = await caseAs(actors.caseManager);
    expect(caseManager.documents.some((document: Loose) => document.category === 'MEDICAL_INFO')).toBe(false);
    expect(caseManager.documents.some((document: Loose) => document.source === 'EMPLOYEE')).toBe(true);
    expect(caseManager.notes.some((note: Loose) => note.medical)).toBe(false);
    expect(physician.documents.length).toBe(caseManager.documents.length + 1);
  });

  it('gives another employer and another employee nothing: the case, documents and files stay invisible', async () => {
    expect(codes(await harness.gql(actors.employer2, CASE, { id: openCase.id }))).toEqual(['SICK_CASE_NOT_FOUND']);
    const documentId = (await caseAs(actors.employer1)).documents[0].id;
    const viaQuery = await harness.gql(actors.otherEmployee, 'query D($id: ID!) { document(id: $id) { id } }', { id: documentId });
    expect(viaQuery.data.document).toBeNull();
    const viaFile = await fileRequest(harness, actors.otherEmployee, `/files/documents/${documentId}`);
    expect(viaFile.status).toBe(404);
    expect(((await viaFile.json()) as Loose).error.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('serves stored bytes exactly, with their hash, to who may see them', async () => {
    const document = (await caseAs(actors.employee)).documents.find((item: Loose) => item.title === 'Probleemanalyse');
    const response = await fileRequest(harness, actors.employee, document.contentPath);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const [row] = await harness.sql('SELECT sha256 FROM dossier.document WHERE id = $1', [document.id]);
    expect(sha256Hex(bytes)).toBe(row.sha256);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Probleemanalyse');
  });

  it('refuses file routes without a gateway signature', async () => {
    const document = (await caseAs(actors.employee)).documents[0];
    const response = await fileRequest(harness, null, document.contentPath);
    expect(response.status).toBe(401);
    expect(((await response.json()) as Loose).error.code).toBe('UNAUTHENTICATED');
  });

  it('seeds idempotently: a second run adds and writes nothing', async () => {
    const files = storedFiles();
    const again = await seedDemoDocuments(harness.running.deps, documentStorage());
    expect(again).toEqual({ documents: 0, notes: 0, signatureRequests: 0, contentWritten: 0 });
    expect(storedFiles()).toEqual(files);
  });
});

describe('uploads', () => {
  it('stores a PDF for the arbodienst only, until the employee shows it to the employer', async () => {
    const pdf = await renderLetter({ heading: 'Brief huisarts', sender: 'Huisarts', recipient: 'Sanne', date: new Date('2026-01-05T10:00:00Z'), facts: [], sections: [] });
    const { status, body } = await upload(actors.employee, openCase.id, Buffer.from(pdf), { description: 'Brief van de huisarts' }, 'Brief huisarts.pdf');
    expect(status).toBe(201);
    expect(body.document).toMatchObject({ title: 'Brief huisarts', fileName: 'Brief huisarts.pdf', source: 'EMPLOYEE', category: 'OTHER', visibleToEmployer: false });
    const id = body.document.id;
    expect((await caseAs(actors.caseManager)).documents.map((document: Loose) => document.id)).toContain(id);
    expect((await caseAs(actors.employer1)).documents.map((document: Loose) => document.id)).not.toContain(id);
    expect((await fileRequest(harness, actors.employer1, `/files/documents/${id}`)).status).toBe(404);

    const SHOW = 'mutation Show($id: ID!, $visible: Boolean!) { setDocumentVisibleToEmployer(documentId: $id, visible: $visible) { id visibleToEmployer } }';
    expect(codes(await harness.gql(actors.employer1, SHOW, { id, visible: true }))).toEqual(['FORBIDDEN']);
    const shown = await harness.gql(actors.employee, SHOW, { id, visible: true });
    expect(shown.data.setDocumentVisibleToEmployer.visibleToEmployer).toBe(true);
    expect((await fileRequest(harness, actors.employer1, `/files/documents/${id}`)).status).toBe(200);
    const notOwn = (await caseAs(actors.employee)).documents.find((document: Loose) => document.title === 'Probleemanalyse');
    expect(codes(await harness.gql(actors.employee, SHOW, { id: notOwn.id, visible: false }))).toEqual(['DOCUMENT_NOT_OWN_UPLOAD']);
  });

  it('accepts PNG, JPEG and DOCX by content and names the file after its real type', async () => {
    const png = solidPng(8, 8, [10, 10, 10, 255]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(200)]);
    const docx = minimalDocx();
    const results = await Promise.all([
      upload(actors.employee, openCase.id, png, { description: 'Foto' }, 'foto'),
      upload(actors.employee, openCase.id, jpeg, { description: 'Scan' }, 'scan.jpg'),
      upload(actors.employee, openCase.id, docx, { description: 'Verslag' }, 'verslag.docx'),
    ]);
    expect(results.map((result) => result.status)).toEqual([201, 201, 201]);
    expect(results.map((result) => [result.body.document.mimeType, result.body.document.fileName])).toEqual([
      ['image/png', 'foto.png'],
      ['image/jpeg', 'scan.jpg'],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'verslag.docx'],
    ]);
  });

  it('refuses a renamed executable, a missing description or file, a too large file, and stores nothing', async () => {
    const rowsBefore = (await harness.sql('SELECT count(*)::int AS n FROM dossier.document'))[0].n;
    const filesBefore = storedFiles();
    const executable = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(4000, 0x90)]);
    const zip = minimalZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    const refusals = [
      [await upload(actors.employee, openCase.id, executable, { description: 'Rapport' }, 'rapport.pdf'), 415, 'UPLOAD_TYPE_NOT_ALLOWED'],
      [await upload(actors.employee, openCase.id, zip, { description: 'Archief' }, 'archief.docx'), 415, 'UPLOAD_TYPE_NOT_ALLOWED'],
      [await upload(actors.employee, openCase.id, Buffer.from('%PDF-1.4\n'), { description: '' }), 400, 'UPLOAD_DESCRIPTION_REQUIRED'],
      [await upload(actors.employee, openCase.id, null, { description: 'Zonder bestand' }), 400, 'UPLOAD_FILE_MISSING'],
      [await upload(actors.employee, openCase.id, Buffer.from('%PDF-1.4\n'), { description: 'x', visibleToEmployer: 'ja' }), 400, 'UPLOAD_INVALID_FIELD'],
      [await upload(actors.employee, openCase.id, Buffer.alloc(UPLOAD_LIMIT + 1, 0x25), { description: 'Te groot' }), 413, 'UPLOAD_TOO_LARGE'],
      [await upload(actors.otherEmployee, openCase.id, Buffer.from('%PDF-1.4\n'), { description: 'Niet van mij' }), 404, 'SICK_CASE_UNKNOWN'],
      [await upload(actors.employer2, openCase.id, Buffer.from('%PDF-1.4\n'), { description: 'Andere werkgever' }), 404, 'SICK_CASE_UNKNOWN'],
      [await upload(actors.apiClient(['sickcases:read']), openCase.id, Buffer.from('%PDF-1.4\n'), { description: 'Koppeling' }), 403, 'FORBIDDEN'],
    ] as const;
    for (const [result, status, code] of refusals) expect([result.status, result.body.error?.code]).toEqual([status, code]);
    expect((await harness.sql('SELECT count(*)::int AS n FROM dossier.document'))[0].n).toBe(rowsBefore);
    expect(storedFiles()).toEqual(filesBefore);
    const leftovers = fs.readdirSync(path.dirname(harness.storageDir)).filter((name) => name.startsWith('poortwachter-upload-'));
    expect(leftovers).toEqual([]);
  });

  it('stops reading a streamed upload at the limit (no declared length)', async () => {
    const filesBefore = storedFiles();
    const boundary = 'x-boundary-x';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nGestreamd\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        if (sent > UPLOAD_LIMIT * 200) controller.close();
        else controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const response = await fileRequest(harness, actors.employee, `/files/sick-cases/${openCase.id}/documents`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as Loose).error.code).toBe('UPLOAD_TOO_LARGE');
    // Stopped well before the client would have finished sending.
    expect(sent).toBeLessThan(UPLOAD_LIMIT * 200);
    expect(storedFiles()).toEqual(filesBefore);
  });

  it('lets the employer add a document for the employee, and the bedrijfsarts a medical one that never reaches the employer', async () => {
    const pdf = Buffer.from(await renderLetter({ heading: 'Uitnodiging', sender: 'HR', recipient: 'Sanne', date: new Date(), facts: [], sections: [] }));
    const invitation = await upload(actors.employer1, openCase.id, pdf, { description: 'Uitnodiging gesprek', category: 'INVITATION', title: 'Uitnodiging gesprek' });
    expect(invitation.body.document).toMatchObject({ category: 'INVITATION', source: 'EMPLOYER', sharedWithEmployee: true, visibleToEmployer: true, uploadedByName: 'Werkgever' });
    const medical = await upload(actors.physician, openCase.id, pdf, { description: 'Specialistenbrief', category: 'MEDICAL_INFO', visibleToEmployer: 'true', sharedWithEmployee: 'false' });
    expect(medical.body.document).toMatchObject({ category: 'MEDICAL_INFO', source: 'OCCUPATIONAL_HEALTH', visibleToEmployer: false });
    expect((await fileRequest(harness, actors.employer1, `/files/documents/${medical.body.document.id}`)).status).toBe(404);
    expect((await fileRequest(harness, actors.physician, `/files/documents/${medical.body.document.id}`)).status).toBe(200);
  });
});

const SIGN = /* GraphQL */ `
  mutation Sign($input: SignDocumentInput!) {
    signDocument(input: $input) { id status signedAt originalSha256 signedDocument { id title category source mimeType contentPath visibleToEmployer sharedWithEmployee } }
  }
`;
const DECLINE = 'mutation Decline($input: DeclineSignatureInput!) { declineSignature(input: $input) { id status declinedAt declineReason } }';
const REQUEST = 'mutation Request($input: RequestSignatureInput!) { requestSignature(input: $input) { id status originalSha256 document { id sharedWithEmployee } } }';

async function pendingRequests() {
  return (await harness.gql(actors.employee, '{ myPendingSignatures { id document { id title contentPath } originalSha256 } }')).data.myPendingSignatures as Loose[];
}

describe('signing', () => {
  it('refuses empty and broken signatures without changing anything', async () => {
    const [request] = await pendingRequests();
    const cases: [string, string][] = [
      ['', 'SIGNATURE_EMPTY'],
      ['data:image/png;base64,', 'SIGNATURE_EMPTY'],
      [signatureDataUrl(solidPng(300, 100, [0, 0, 0, 0])), 'SIGNATURE_EMPTY'],
      [signatureDataUrl(solidPng(300, 100, [255, 255, 255, 255])), 'SIGNATURE_EMPTY'],
      [signatureDataUrl(solidPng(3, 3, [0, 0, 0, 255])), 'SIGNATURE_EMPTY'],
      ['data:image/jpeg;base64,/9j/4AAQ', 'SIGNATURE_INVALID_IMAGE'],
      ['data:image/png;base64,bm90IGEgcG5nIGF0IGFsbCwgbm90IGV2ZW4gY2xvc2UgdG8gb25l', 'SIGNATURE_INVALID_IMAGE'],
      ['data:image/png;base64,!!!!', 'SIGNATURE_INVALID_IMAGE'],
    ];
    for (const [signaturePng, code] of cases) {
      expect(codes(await harness.gql(actors.employee, SIGN, { input: { signatureRequestId: request.id, signaturePng } })), signaturePng.slice(0, 40)).toEqual([code]);
    }
    expect((await pendingRequests()).map((item) => item.id)).toContain(request.id);
  });

  it('only the employee signs her own requests', async () => {
    const [request] = await pendingRequests();
    const input = { signatureRequestId: request.id, signaturePng: signatureDataUrl() };
    expect(codes(await harness.gql(actors.otherEmployee, SIGN, { input }))).toEqual(['SIGNATURE_REQUEST_UNKNOWN']);
    expect(codes(await harness.gql(actors.employer1, SIGN, { input }))).toEqual(['FORBIDDEN']);
    expect(codes(await harness.gql(actors.employee, SIGN, { input: { ...input, signatureRequestId: 'nope' } }))).toEqual(['SIGNATURE_REQUEST_UNKNOWN']);
  });

  it('stamps the signature, time and original hash into a new PDF, notifies through document.signed, and refuses a second signature', async () => {
    const [request] = await pendingRequests();
    const original = Buffer.from(await (await fileRequest(harness, actors.employee, request.document.contentPath)).arrayBuffer());
    expect(sha256Hex(original)).toBe(request.originalSha256);
    const jobsBefore = (await jobsIn(harness, 'identity.document.signed')).length;

    const signed = await harness.gql(actors.employee, SIGN, { input: { signatureRequestId: request.id, signaturePng: signatureDataUrl() } });
    expect(signed.errors).toBeUndefined();
    const result = signed.data.signDocument;
    expect(result.status).toBe('SIGNED');
    expect(result.signedDocument).toMatchObject({ category: 'SIGNED', source: 'EMPLOYEE', mimeType: 'application/pdf', visibleToEmployer: true, sharedWithEmployee: true });
    expect(result.signedDocument.title).toBe(`${request.document.title} (ondertekend)`);

    const bytes = Buffer.from(await (await fileRequest(harness, actors.employer1, result.signedDocument.contentPath)).arrayBuffer());
    expect(bytes.equals(original)).toBe(false);
    const pdf = await PDFDocument.load(bytes);
    const originalPdf = await PDFDocument.load(original);
    expect(pdf.getPageCount()).toBe(originalPdf.getPageCount());
    expect(pdf.getKeywords()).toBe(`SHA-256 origineel: ${request.originalSha256}`);
    expect(pdf.getSubject()).toMatch(/^Ondertekend op \d{2}-\d{2}-\d{4} \d{2}:\d{2} \(Europe\/Amsterdam\)$/);
    expect(bytes.toString('latin1')).toContain('/Subtype /Image');

    const jobs = await jobsIn(harness, 'identity.document.signed');
    expect(jobs.length).toBe(jobsBefore + 1);
    expect(jobs[jobs.length - 1]!.data).toMatchObject({
      signatureRequestId: request.id,
      documentId: request.document.id,
      signedDocumentId: result.signedDocument.id,
      sickCaseId: openCase.id,
      personId: PERSON_1,
      employerId: demoId('employer', 1),
      documentTitle: request.document.title,
    });
    expect((await pendingRequests()).map((item) => item.id)).not.toContain(request.id);

    const again = await harness.gql(actors.employee, SIGN, { input: { signatureRequestId: request.id, signaturePng: signatureDataUrl() } });
    expect(codes(again)).toEqual(['SIGNATURE_ALREADY_COMPLETED']);
    expect((await jobsIn(harness, 'identity.document.signed')).length).toBe(jobsBefore + 1);
  });

  it('lets two concurrent signatures produce one signed copy', async () => {
    const sickCase = await caseAs(actors.employer1);
    const document = sickCase.documents.find((item: Loose) => item.mimeType === 'application/pdf' && !item.signatureRequest && item.category !== 'SIGNED');
    const requested = await harness.gql(actors.employer1, REQUEST, { input: { documentId: document.id } });
    const id = requested.data.requestSignature.id;
    const input = { signatureRequestId: id, signaturePng: signatureDataUrl() };
    const results = await Promise.all([harness.gql(actors.employee, SIGN, { input }), harness.gql(actors.employee, SIGN, { input })]);
    expect(results.map((result) => codes(result)[0] ?? 'OK').sort()).toEqual(['OK', 'SIGNATURE_ALREADY_COMPLETED']);
    const copies = await harness.sql(`SELECT count(*)::int AS n FROM dossier.document WHERE title = $1`, [`${document.title} (ondertekend)`]);
    expect(copies[0].n).toBe(1);
  });

  it('declines with a reason, which is required', async () => {
    const [request] = await pendingRequests();
    expect(codes(await harness.gql(actors.employee, DECLINE, { input: { signatureRequestId: request.id, reason: '   ' } }))).toEqual([
      'SIGNATURE_DECLINE_REASON_REQUIRED',
    ]);
    const declined = await harness.gql(actors.employee, DECLINE, { input: { signatureRequestId: request.id, reason: 'Klopt niet.' } });
    expect(declined.data.declineSignature).toMatchObject({ status: 'DECLINED', declineReason: 'Klopt niet.' });
    expect(codes(await harness.gql(actors.employee, DECLINE, { input: { signatureRequestId: request.id, reason: 'Nog eens' } }))).toEqual([
      'SIGNATURE_ALREADY_COMPLETED',
    ]);
    expect(await pendingRequests()).toEqual([]);
  });

  it('requests signatures on PDFs only, once at a time, and shares the document with the employee', async () => {
    const sickCase = await caseAs(actors.physician);
    const medical = sickCase.documents.find((item: Loose) => item.category === 'MEDICAL_INFO' && !item.signatureRequest);
    const image = sickCase.documents.find((item: Loose) => item.mimeType === 'image/png');
    expect(codes(await harness.gql(actors.physician, REQUEST, { input: { documentId: image.id } }))).toEqual(['SIGNATURE_REQUIRES_PDF']);
    expect(codes(await harness.gql(actors.employer1, REQUEST, { input: { documentId: medical.id } }))).toEqual(['DOCUMENT_NOT_FOUND']);
    expect(codes(await harness.gql(actors.employee, REQUEST, { input: { documentId: medical.id } }))).toEqual(['FORBIDDEN']);
    const requested = await harness.gql(actors.physician, REQUEST, { input: { documentId: medical.id } });
    expect(requested.data.requestSignature).toMatchObject({ status: 'PENDING', document: { id: medical.id, sharedWithEmployee: true } });
    expect(codes(await harness.gql(actors.physician, REQUEST, { input: { documentId: medical.id } }))).toEqual(['SIGNATURE_ALREADY_REQUESTED']);
    // A signed medical document goes back to the arbodienst, never to the employer.
    const signed = await harness.gql(actors.employee, SIGN, { input: { signatureRequestId: requested.data.requestSignature.id, signaturePng: signatureDataUrl() } });
    expect(signed.data.signDocument.signedDocument.visibleToEmployer).toBe(false);
    expect((await fileRequest(harness, actors.employer1, signed.data.signDocument.signedDocument.contentPath)).status).toBe(404);
  });
});

const ADD_NOTE = 'mutation Add($input: AddNoteInput!) { addNote(input: $input) { id text medical sharedWithEmployee authorName authorRole } }';
const SHARE_NOTE = 'mutation Share($id: ID!, $shared: Boolean!) { shareNote(noteId: $id, shared: $shared) { id sharedWithEmployee } }';

describe('notes', () => {
  it('keeps medical notes with the bedrijfsarts until she shares them with the employee', async () => {
    expect(codes(await harness.gql(actors.employer1, ADD_NOTE, { input: { sickCaseId: openCase.id, text: 'Diagnose', medical: true } }))).toEqual([
      'MEDICAL_NOTE_NOT_ALLOWED',
    ]);
    expect(codes(await harness.gql(actors.employer1, ADD_NOTE, { input: { sickCaseId: openCase.id, text: '   ' } }))).toEqual(['NOTE_TEXT_REQUIRED']);
    expect(codes(await harness.gql(actors.employer1, ADD_NOTE, { input: { sickCaseId: openCase.id, text: 'x'.repeat(5001) } }))).toEqual(['TEXT_TOO_LONG']);
    expect(codes(await harness.gql(actors.employer2, ADD_NOTE, { input: { sickCaseId: openCase.id, text: 'Hallo' } }))).toEqual(['SICK_CASE_NOT_FOUND']);
    expect(codes(await harness.gql(actors.employee, ADD_NOTE, { input: { sickCaseId: openCase.id, text: 'Hallo' } }))).toEqual(['FORBIDDEN']);

    const added = await harness.gql(actors.physician, ADD_NOTE, { input: { sickCaseId: openCase.id, text: 'Medisch: beoordeling over twee weken.', medical: true } });
    const note = added.data.addNote;
    expect(note).toMatchObject({ medical: true, sharedWithEmployee: false, authorRole: 'OCCUPATIONAL_PHYSICIAN', authorName: 'Bedrijfsarts' });
    const seenBy = async (identity: Loose) => (await caseAs(identity)).notes.some((item: Loose) => item.id === note.id);
    expect([await seenBy(actors.physician), await seenBy(actors.caseManager), await seenBy(actors.employer1), await seenBy(actors.employee)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(codes(await harness.gql(actors.caseManager, SHARE_NOTE, { id: note.id, shared: true }))).toEqual(['NOTE_NOT_FOUND']);
    const shared = await harness.gql(actors.physician, SHARE_NOTE, { id: note.id, shared: true });
    expect(shared.data.shareNote.sharedWithEmployee).toBe(true);
    expect(await seenBy(actors.employee)).toBe(true);
    expect(await seenBy(actors.employer1)).toBe(false);
  });

  it('lets only the author share a note', async () => {
    const added = await harness.gql(actors.employer1, ADD_NOTE, { input: { sickCaseId: openCase.id, text: 'Gesprek gehad.' } });
    expect(added.data.addNote.authorName).toBe('Werkgever');
    expect(codes(await harness.gql(actors.caseManager, SHARE_NOTE, { id: added.data.addNote.id, shared: true }))).toEqual(['NOTE_NOT_AUTHOR']);
    expect((await harness.gql(actors.employer1, SHARE_NOTE, { id: added.data.addNote.id, shared: true })).data.shareNote.sharedWithEmployee).toBe(true);
  });
});

const UPDATE_CONTACT = 'mutation U($input: UpdateMyContactDetailsInput!) { updateMyContactDetails(input: $input) { id email phone } }';
const REQUEST_CORRECTION =
  'mutation C($input: RequestPersonCorrectionInput!) { requestPersonCorrection(input: $input) { id field currentValue proposedValue explanation status createdAt } }';

describe('my details', () => {
  it('validates and stores the employee’s e-mail address and phone number (E.164)', async () => {
    expect(codes(await harness.gql(actors.employee, UPDATE_CONTACT, { input: { email: 'sanne@' } }))).toEqual(['INVALID_EMAIL']);
    expect(codes(await harness.gql(actors.employee, UPDATE_CONTACT, { input: { phone: '12345' } }))).toEqual(['INVALID_PHONE_NUMBER']);
    expect(codes(await harness.gql(actors.employer1, UPDATE_CONTACT, { input: { phone: '0612345678' } }))).toEqual(['FORBIDDEN']);
    const updated = await harness.gql(actors.employee, UPDATE_CONTACT, { input: { email: ' Sanne.de.Vries@Example.ORG ', phone: '06 2345 6789' } });
    expect(updated.data.updateMyContactDetails).toEqual({ id: PERSON_1, email: 'Sanne.de.Vries@example.org', phone: '+31623456789' });
    const kept = await harness.gql(actors.employee, UPDATE_CONTACT, { input: { phone: '+32 470 12 34 56' } });
    expect(kept.data.updateMyContactDetails).toMatchObject({ email: 'Sanne.de.Vries@example.org', phone: '+32470123456' });
  });

  it('records correction requests with the current value; the employer in scope sees them, others not', async () => {
    expect(codes(await harness.gql(actors.employee, REQUEST_CORRECTION, { input: { field: 'ADDRESS', proposedValue: ' ' } }))).toEqual([
      'CORRECTION_VALUE_REQUIRED',
    ]);
    const created = await harness.gql(actors.employee, REQUEST_CORRECTION, {
      input: { field: 'ADDRESS', proposedValue: 'Waalkade 14, 4001 LM Tiel', explanation: 'Verhuisd' },
    });
    expect(created.data.requestPersonCorrection).toMatchObject({ field: 'ADDRESS', currentValue: 'Waalkade 12, 4001 LM Tiel', status: 'OPEN' });
    const mine = await harness.gql(actors.employee, '{ myCorrectionRequests { id proposedValue } }');
    expect(mine.data.myCorrectionRequests.map((request: Loose) => request.id)).toContain(created.data.requestPersonCorrection.id);
    const LIST = '{ correctionRequests(status: OPEN) { id person { id fullName } } }';
    const employer = await harness.gql(actors.employer1, LIST);
    expect(employer.data.correctionRequests.map((request: Loose) => request.person.fullName)).toContain('Sanne de Vries');
    expect((await harness.gql(actors.employer2, LIST)).data.correctionRequests).toEqual([]);
    expect(codes(await harness.gql(actors.employee, LIST))).toEqual(['FORBIDDEN']);
  });
});

describe('efficiency', () => {
  const LIST = /* GraphQL */ `
    query Cases($limit: Int!) {
      sickCases(filter: { status: OPEN }, page: { limit: $limit }) {
        items { id documents { id signatureRequest { id } } notes { id } signatureRequests { id signedDocument { id } } }
      }
    }
  `;
  const statementsFor = async (limit: number) => {
    const counter = statementCounter(harness.running.deps.dataSource);
    const before = counter.count;
    const response = await harness.gql(actors.physician, LIST, { limit });
    expect(response.errors).toBeUndefined();
    const items = response.data.sickCases.items as Loose[];
    // Both pages must exercise every hop, down to a signed copy, for the comparison to mean anything.
    expect(items.some((item) => item.signatureRequests.some((request: Loose) => request.signedDocument))).toBe(true);
    return counter.count - before;
  };

  it('loads documents, notes and signature requests of a page of cases in a fixed number of statements', async () => {
    const small = await statementsFor(12);
    const large = await statementsFor(40);
    expect(large).toBe(small);
  });
});

/** A ZIP (stored, no compression) with the given entries. */
function minimalZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest DOCX Word would open the way file-type recognises it: content types first, then word/. */
function minimalDocx(): Buffer {
  return minimalZip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    { name: 'word/document.xml', data: Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>') },
  ]);
}
