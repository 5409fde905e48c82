import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { System } from '@poortwachter/infra';

/**
 * Documents through the real gateway, the real dossier subgraph (its /files routes) and the demo
 * dossier of Sanne de Vries (person 1): download, upload, signing, and the refusals of issue 6.
 */
const UPLOAD_LIMIT = 1024 * 1024;
let system: System;
let origin: string;
let employee: string;
let employer: string;
let physician: string;

interface Doc {
  id: string;
  title: string;
  category: string;
  source: string;
  mimeType: string;
  contentPath: string;
  sizeBytes: number;
  visibleToEmployer: boolean;
}

const MY_DOSSIER = `{
  me { sickCases { id status documents { id title category source mimeType contentPath sizeBytes visibleToEmployer } notes { text medical } } }
  myPendingSignatures { id status originalSha256 document { id title contentPath } }
}`;
const CASE_DOCUMENTS = `query Case($id: ID!) { sickCase(id: $id) { documents { id title category source mimeType contentPath sizeBytes visibleToEmployer } } }`;

/** A real PNG (RGBA), encoded by hand so this package needs no image library: a thick dark zigzag. */
function signaturePng(width = 300, height = 100): string {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let x = 10; x < width - 10; x++) {
    const center = height / 2 + Math.sin(x / 12) * 30;
    for (let y = Math.round(center) - 2; y <= Math.round(center) + 2; y++) {
      const offset = y * (width * 4 + 1) + 1 + x * 4;
      raw[offset] = 10;
      raw[offset + 1] = 20;
      raw[offset + 2] = 80;
      raw[offset + 3] = 255;
    }
  }
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
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** pdf-lib writes document properties as UTF-16BE hex strings. */
function pdfHexText(text: string): string {
  const utf16be = Buffer.from(text, 'utf16le').swap16();
  return `FEFF${utf16be.toString('hex').toUpperCase()}`;
}

const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function download(path: string, token: string | null, query = '') {
  const response = await fetch(`${origin}${path}${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function upload(sickCaseId: string, token: string, file: Buffer, fileName: string, fields: Record<string, string>, type = 'application/pdf') {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new Blob([file], { type }), fileName);
  const response = await fetch(`${origin}/files/sick-cases/${sickCaseId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as { document?: Doc; error?: { code: string; message: string } } };
}

async function myDossier() {
  const result = await system.query<{
    me: { sickCases: { id: string; status: string; documents: Doc[]; notes: { text: string; medical: boolean }[] }[] };
    myPendingSignatures: { id: string; status: string; originalSha256: string; document: { id: string; title: string; contentPath: string } }[];
  }>(MY_DOSSIER, {}, employee);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function openCaseId(): Promise<string> {
  return (await myDossier()).me.sickCases.find((sickCase) => sickCase.status === 'OPEN')!.id;
}

async function caseDocuments(sickCaseId: string, token: string): Promise<Doc[]> {
  const result = await system.query<{ sickCase: { documents: Doc[] } }>(CASE_DOCUMENTS, { id: sickCaseId }, token);
  expect(result.errors).toBeUndefined();
  return result.data!.sickCase.documents;
}

beforeAll(async () => {
  // The stack passes the environment on to the dossier and the gateway.
  process.env.UPLOAD_MAX_BYTES = String(UPLOAD_LIMIT);
  system = await System.start();
  origin = new URL(system.stack.urls.gateway).origin;
  [employee, employer, physician] = await Promise.all([system.login('werknemer.demo'), system.login('werkgever.demo'), system.login('bedrijfsarts.demo')]);
}, 180_000);

afterAll(async () => {
  await system?.stop();
  delete process.env.UPLOAD_MAX_BYTES;
});

describe('documents through the gateway', () => {
  it("shows the employee her current dossier with UWV documents, shared notes only, and two documents to sign", async () => {
    const dossier = await myDossier();
    const open = dossier.me.sickCases.find((sickCase) => sickCase.status === 'OPEN')!;
    const titles = open.documents.map((document) => document.title);
    expect(titles).toEqual(expect.arrayContaining(['Probleemanalyse', 'Plan van aanpak', 'Uitnodiging spreekuur bedrijfsarts']));
    expect(open.documents.some((document) => document.category === 'MEDICAL_INFO')).toBe(false);
    expect(open.notes.length).toBe(2);
    expect(open.notes.some((note) => note.medical || /^Intern/.test(note.text))).toBe(false);
    expect(dossier.myPendingSignatures).toHaveLength(2);
  });

  it('downloads a document as PDF with safe headers, inline or as attachment', async () => {
    const open = (await myDossier()).me.sickCases.find((sickCase) => sickCase.status === 'OPEN')!;
    const analysis = open.documents.find((document) => document.category === 'PROBLEM_ANALYSIS')!;
    const { response, bytes } = await download(analysis.contentPath, employee);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="Probleemanalyse.pdf"/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBe(analysis.sizeBytes);
    const attachment = await download(analysis.contentPath, employee, '?download=1');
    expect(attachment.response.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('refuses downloads without a token or with a forged one', async () => {
    const open = (await myDossier()).me.sickCases.find((sickCase) => sickCase.status === 'OPEN')!;
    const path = open.documents[0]!.contentPath;
    const anonymous = await download(path, null);
    expect(anonymous.response.status).toBe(401);
    expect(JSON.parse(anonymous.bytes.toString()).error.code).toBe('UNAUTHENTICATED');
    const forged = await download(path, `${employee.slice(0, -4)}AAAA`);
    expect(forged.response.status).toBe(401);
  });

  it("answers 404 for another employee's document, exactly as for an unknown id", async () => {
    const persons = await system.query<{ sickCases: { items: { id: string; person: { id: string } }[] } }>(
      '{ sickCases(filter: { status: OPEN }, page: { limit: 200 }) { items { id person { id } } } }',
      {},
      employer,
    );
    const ownCase = await openCaseId();
    let foreign: Doc | undefined;
    for (const sickCase of persons.data!.sickCases.items.filter((item) => item.id !== ownCase)) {
      foreign = (await caseDocuments(sickCase.id, employer))[0];
      if (foreign) break;
    }
    expect(foreign).toBeDefined();
    const refused = await download(foreign!.contentPath, employee);
    expect(refused.response.status).toBe(404);
    expect(JSON.parse(refused.bytes.toString()).error.code).toBe('DOCUMENT_NOT_FOUND');
    const unknown = await download('/files/documents/00000000-0000-4000-8000-000000000000', employee);
    expect(unknown.response.status).toBe(404);
    expect(unknown.bytes.toString()).toBe(refused.bytes.toString());
    const viaGraphQL = await system.query<{ document: unknown }>('query D($id: ID!) { document(id: $id) { id } }', { id: foreign!.id }, employee);
    expect(viaGraphQL.data?.document).toBeNull();
  });

  it('never lets the employer read a medical document, while the bedrijfsarts can', async () => {
    const sickCaseId = await openCaseId();
    const medical = (await caseDocuments(sickCaseId, physician)).find((document) => document.category === 'MEDICAL_INFO')!;
    expect(medical).toBeDefined();
    expect((await download(medical.contentPath, physician)).response.status).toBe(200);
    expect((await caseDocuments(sickCaseId, employer)).some((document) => document.id === medical.id)).toBe(false);
    const refused = await download(medical.contentPath, employer);
    expect(refused.response.status).toBe(404);
  });

  it('uploads a PDF for the arbodienst; the employer sees it only after the employee shares it', async () => {
    const sickCaseId = await openCaseId();
    const uploaded = await upload(sickCaseId, employee, MINIMAL_PDF, 'Brief huisarts.pdf', { description: 'Brief van mijn huisarts' });
    expect(uploaded.status).toBe(201);
    const document = uploaded.body.document!;
    expect(document).toMatchObject({ title: 'Brief huisarts', source: 'EMPLOYEE', mimeType: 'application/pdf', visibleToEmployer: false, sizeBytes: MINIMAL_PDF.length });
    const listed = (await myDossier()).me.sickCases.find((sickCase) => sickCase.id === sickCaseId)!.documents;
    expect(listed.map((item) => item.id)).toContain(document.id);
    const back = await download(document.contentPath, employee);
    expect(back.bytes.equals(MINIMAL_PDF)).toBe(true);
    expect((await download(document.contentPath, employer)).response.status).toBe(404);
    const shared = await system.query<{ setDocumentVisibleToEmployer: { visibleToEmployer: boolean } }>(
      'mutation Share($id: ID!) { setDocumentVisibleToEmployer(documentId: $id, visible: true) { visibleToEmployer } }',
      { id: document.id },
      employee,
    );
    expect(shared.data?.setDocumentVisibleToEmployer.visibleToEmployer).toBe(true);
    expect((await download(document.contentPath, employer)).response.status).toBe(200);
  });

  it('refuses an oversized upload, before and during the transfer, and stores nothing', async () => {
    const sickCaseId = await openCaseId();
    const before = (await caseDocuments(sickCaseId, physician)).length;
    const huge = Buffer.concat([MINIMAL_PDF, Buffer.alloc(UPLOAD_LIMIT * 2, 0x20)]);
    const declaredTooLarge = await upload(sickCaseId, employee, huge, 'groot.pdf', { description: 'Te groot' });
    expect(declaredTooLarge.status).toBe(413);
    expect(declaredTooLarge.body.error?.code).toBe('UPLOAD_TOO_LARGE');
    // Just over the limit: passes the gateway's check of the declared length, stopped while streaming.
    const slightly = Buffer.concat([MINIMAL_PDF, Buffer.alloc(UPLOAD_LIMIT, 0x20)]);
    const streamedTooLarge = await upload(sickCaseId, employee, slightly, 'net te groot.pdf', { description: 'Net te groot' });
    expect(streamedTooLarge.status).toBe(413);
    expect(streamedTooLarge.body.error?.code).toBe('UPLOAD_TOO_LARGE');
    expect((await caseDocuments(sickCaseId, physician)).length).toBe(before);
  });

  it('refuses a renamed executable and uploads without description or file', async () => {
    const sickCaseId = await openCaseId();
    const before = (await caseDocuments(sickCaseId, physician)).length;
    const executable = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(2000, 0x90)]);
    const renamed = await upload(sickCaseId, employee, executable, 'rapport.pdf', { description: 'Een rapport' });
    expect(renamed.status).toBe(415);
    expect(renamed.body.error?.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const noDescription = await upload(sickCaseId, employee, MINIMAL_PDF, 'brief.pdf', { description: '  ' });
    expect(noDescription.body.error?.code).toBe('UPLOAD_DESCRIPTION_REQUIRED');
    const form = new FormData();
    form.set('description', 'Zonder bestand');
    const noFile = await fetch(`${origin}/files/sick-cases/${sickCaseId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${employee}` }, body: form });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { error: { code: string } }).error.code).toBe('UPLOAD_FILE_MISSING');
    expect((await caseDocuments(sickCaseId, physician)).length).toBe(before);
  });

  it("refuses an upload to another person's case with SICK_CASE_UNKNOWN", async () => {
    const cases = await system.query<{ sickCases: { items: { id: string }[] } }>('{ sickCases(page: { limit: 5 }) { items { id } } }', {}, employer);
    const ownCase = await openCaseId();
    const foreign = cases.data!.sickCases.items.find((item) => item.id !== ownCase)!;
    const refused = await upload(foreign.id, employee, MINIMAL_PDF, 'brief.pdf', { description: 'Brief' });
    expect(refused.status).toBe(404);
    expect(refused.body.error?.code).toBe('SICK_CASE_UNKNOWN');
  });

  it('signs a pending document: the signed PDF is new, carries the signature and the original hash; signing twice is refused', async () => {
    const pending = (await myDossier()).myPendingSignatures;
    const request = pending[0]!;
    const original = await download(request.document.contentPath, employee);
    expect(createHash('sha256').update(original.bytes).digest('hex')).toBe(request.originalSha256);
    const SIGN = `mutation Sign($input: SignDocumentInput!) {
      signDocument(input: $input) { id status signedAt signedDocument { id category source contentPath visibleToEmployer } }
    }`;
    const signed = await system.query<{ signDocument: { status: string; signedDocument: Doc & { source: string } } }>(
      SIGN,
      { input: { signatureRequestId: request.id, signaturePng: signaturePng() } },
      employee,
    );
    expect(signed.errors).toBeUndefined();
    expect(signed.data!.signDocument.status).toBe('SIGNED');
    const copy = signed.data!.signDocument.signedDocument;
    expect(copy).toMatchObject({ category: 'SIGNED', source: 'EMPLOYEE', visibleToEmployer: true });
    const signedBytes = (await download(copy.contentPath, employee)).bytes;
    expect(signedBytes.equals(original.bytes)).toBe(false);
    const text = signedBytes.toString('latin1');
    expect(text).toContain('/Subtype /Image');
    expect(text).toContain(pdfHexText(`SHA-256 origineel: ${request.originalSha256}`));
    expect((await download(copy.contentPath, employer)).response.status).toBe(200);
    expect((await myDossier()).myPendingSignatures).toHaveLength(pending.length - 1);

    const again = await system.query(SIGN, { input: { signatureRequestId: request.id, signaturePng: signaturePng() } }, employee);
    expect(again.errors?.[0]?.extensions?.code).toBe('SIGNATURE_ALREADY_COMPLETED');
  });

  it('refuses an empty signature', async () => {
    const request = (await myDossier()).myPendingSignatures[0]!;
    const blank = signaturePng(300, 100).replace(/base64,.*/, 'base64,');
    const refused = await system.query('mutation S($input: SignDocumentInput!) { signDocument(input: $input) { id } }', {
      input: { signatureRequestId: request.id, signaturePng: blank },
    }, employee);
    expect(refused.errors?.[0]?.extensions?.code).toBe('SIGNATURE_EMPTY');
  });
});
