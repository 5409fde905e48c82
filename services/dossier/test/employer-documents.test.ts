import { InvalidEventError, demoId } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBusinessZone } from '../src/domain/clock.js';
import { buildDemoPlan } from '../src/seed/plan.js';
import { renderLetter } from '../src/seed/letters.js';
import { handleUserChanged, parseUserChanged } from '../src/events/user-changed.js';
import { actors, codes, fileRequest, jobsIn, startDossier, type DossierHarness, type Loose } from './helpers.js';

/*
 * What the employer and the arbodienst do in a dossier besides the employee: author names from
 * identity's user.changed, uploads with a category and sharing choice, and handling the
 * employee's correction requests.
 */

let harness: DossierHarness;
const plan = buildDemoPlan(todayInBusinessZone());
const openCase = plan.sickCases.find((sickCase) => sickCase.personIndex === 1 && sickCase.recoveredOn === null)!;

beforeAll(async () => {
  harness = await startDossier();
});

afterAll(async () => {
  await harness?.stop();
});

/** The demo HR user as identity seeds her: a real user id, so the directory can name her. */
const PETER = { ...actors.employer1, sub: demoId('user', 2) };
const RUBEN = { ...actors.caseManager, sub: demoId('user', 6) };

const userChanged = (userId: string, displayName: string, role: string) => ({
  userId,
  displayName,
  role,
  personId: null,
  active: true,
  dailyDigest: true,
  scope: { employerIds: [demoId('employer', 1)], divisionIds: [], departmentIds: [] },
});

async function until<T>(probe: () => Promise<T | null | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function upload(identity: Loose, sickCaseId: string, fields: Record<string, string>, file?: Buffer) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const pdf = file ?? Buffer.from(await renderLetter({ heading: 'Plan van aanpak', sender: 'HR', recipient: 'Sanne', date: new Date(), facts: [], sections: [] }));
  form.set('file', new Blob([pdf]), 'Plan van aanpak.pdf');
  const response = await fileRequest(harness, identity, `/files/sick-cases/${sickCaseId}/documents`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as Loose };
}

const CASE = /* GraphQL */ `
  query Case($id: ID!) {
    sickCase(id: $id) {
      documents { id title category source sharedWithEmployee visibleToEmployer uploadedByName }
      notes { id text authorName authorRole sharedWithEmployee writtenByMe }
      signatureRequests { id status requestedByName document { id } }
    }
  }
`;
const caseAs = async (identity: Loose) => {
  const response = await harness.gql(identity, CASE, { id: openCase.id });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.sickCase as Loose;
};

describe('author names from identity (user.changed)', () => {
  it('checks the payload: a user id, a role and a non-empty display name', () => {
    expect(parseUserChanged(userChanged(demoId('user', 2), ' Peter Jansen ', 'EMPLOYER'))).toEqual({
      userId: demoId('user', 2),
      displayName: 'Peter Jansen',
      role: 'EMPLOYER',
    });
    expect(() => parseUserChanged({ ...userChanged(demoId('user', 2), '', 'EMPLOYER') })).toThrow(InvalidEventError);
    expect(() => parseUserChanged({ ...userChanged('user-2', 'Peter', 'EMPLOYER') })).toThrow(InvalidEventError);
    expect(() => parseUserChanged({ ...userChanged(demoId('user', 2), 'Peter', ''), role: 42 })).toThrow(InvalidEventError);
    expect(() => parseUserChanged(null)).toThrow(InvalidEventError);
  });

  it('fills the directory from the queue, idempotently, and a rename replaces the name', async () => {
    const bus = harness.running.deps.bus!;
    await bus.publish('user.changed', userChanged(PETER.sub, 'Peter Jansen (HR)', 'EMPLOYER'));
    await bus.publish('user.changed', userChanged(PETER.sub, 'Peter Jansen (HR)', 'EMPLOYER'));
    await bus.publish('user.changed', userChanged(RUBEN.sub, 'Ruben Visser', 'CASE_MANAGER'));
    const rows = await until(async () => {
      const found = await harness.sql(`SELECT user_id, display_name, role FROM dossier.user_directory ORDER BY display_name`);
      return found.length === 2 ? found : null;
    }, 'the user directory');
    expect(rows).toEqual([
      { user_id: PETER.sub, display_name: 'Peter Jansen (HR)', role: 'EMPLOYER' },
      { user_id: RUBEN.sub, display_name: 'Ruben Visser', role: 'CASE_MANAGER' },
    ]);
    const event = parseUserChanged(userChanged(PETER.sub, 'Peter Jansen', 'EMPLOYER'));
    await handleUserChanged(harness.running.deps.dataSource, event);
    await handleUserChanged(harness.running.deps.dataSource, event);
    expect(await harness.sql(`SELECT display_name FROM dossier.user_directory WHERE user_id = $1`, [PETER.sub])).toEqual([{ display_name: 'Peter Jansen' }]);
  });

  it('names the author of a note, an upload and a signature request; an unknown user by role', async () => {
    const note = await harness.gql(PETER, 'mutation($input: AddNoteInput!) { addNote(input: $input) { id authorName authorRole writtenByMe } }', {
      input: { sickCaseId: openCase.id, text: 'Gesprek gevoerd over aangepast werk.' },
    });
    expect(note.data.addNote).toMatchObject({ authorName: 'Peter Jansen', authorRole: 'EMPLOYER', writtenByMe: true });
    const seenByOthers = (await caseAs(RUBEN)).notes.find((row: Loose) => row.id === note.data.addNote.id);
    expect(seenByOthers).toMatchObject({ authorName: 'Peter Jansen', writtenByMe: false });
    const uploaded = await upload(PETER, openCase.id, { description: 'Plan van aanpak, versie 2', category: 'PLAN_OF_ACTION', sharedWithEmployee: 'false' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.document.uploadedByName).toBe('Peter Jansen');
    const requested = await harness.gql(RUBEN, 'mutation($input: RequestSignatureInput!) { requestSignature(input: $input) { requestedByName } }', {
      input: { documentId: uploaded.body.document.id },
    });
    expect(requested.data.requestSignature.requestedByName).toBe('Ruben Visser');
    // A user identity has not announced yet (or partner software) is shown by role.
    const anonymous = await harness.gql(actors.employer1, 'mutation($input: AddNoteInput!) { addNote(input: $input) { authorName } }', {
      input: { sickCaseId: openCase.id, text: 'Nog een notitie.' },
    });
    expect(anonymous.data.addNote.authorName).toBe('Werkgever');
  });
});

describe('uploads by the employer and the arbodienst', () => {
  it('lets the employer choose the category and whether the employee sees it; the employer always sees its own upload', async () => {
    const internal = await upload(actors.employer1, openCase.id, {
      description: 'Verslag verzuimgesprek',
      category: 'CORRESPONDENCE',
      sharedWithEmployee: 'false',
      visibleToEmployer: 'false',
    });
    expect(internal.status).toBe(201);
    expect(internal.body.document).toMatchObject({ category: 'CORRESPONDENCE', source: 'EMPLOYER', sharedWithEmployee: false, visibleToEmployer: true });
    const shared = await upload(actors.employer1, openCase.id, { description: 'Uitnodiging gesprek', category: 'INVITATION', sharedWithEmployee: 'true' });
    expect(shared.body.document).toMatchObject({ category: 'INVITATION', sharedWithEmployee: true, visibleToEmployer: true });

    const employee = (await caseAs(actors.employee)).documents.map((document: Loose) => document.id);
    expect(employee).toContain(shared.body.document.id);
    expect(employee).not.toContain(internal.body.document.id);
    expect((await fileRequest(harness, actors.employee, `/files/documents/${internal.body.document.id}`)).status).toBe(404);
    expect((await fileRequest(harness, actors.employee, `/files/documents/${shared.body.document.id}`)).status).toBe(200);
    const employer = (await caseAs(actors.employer1)).documents.map((document: Loose) => document.id);
    expect(employer).toEqual(expect.arrayContaining([internal.body.document.id, shared.body.document.id]));
  });

  it('refuses medical information from anyone but the bedrijfsarts, and stores nothing', async () => {
    const before = await harness.sql(`SELECT count(*)::int AS n FROM dossier.document`);
    for (const identity of [actors.employer1, actors.caseManager]) {
      const refused = await upload(identity, openCase.id, { description: 'Brief specialist', category: 'MEDICAL_INFO' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('MEDICAL_DOCUMENT_NOT_ALLOWED');
    }
    expect(await harness.sql(`SELECT count(*)::int AS n FROM dossier.document`)).toEqual(before);
    const medical = await upload(actors.physician, openCase.id, { description: 'Brief specialist', category: 'MEDICAL_INFO', sharedWithEmployee: 'false' });
    expect(medical.status).toBe(201);
    expect(medical.body.document).toMatchObject({ category: 'MEDICAL_INFO', visibleToEmployer: false, sharedWithEmployee: false });
    expect((await caseAs(actors.employer1)).documents.map((document: Loose) => document.id)).not.toContain(medical.body.document.id);
    expect((await caseAs(actors.caseManager)).documents.map((document: Loose) => document.id)).not.toContain(medical.body.document.id);
  });

  it('lets the casemanager upload a plan for employer and employee, and refuses an invalid category or a case out of scope', async () => {
    const plan = await upload(actors.caseManager, openCase.id, { description: 'Plan van aanpak', category: 'PLAN_OF_ACTION' });
    expect(plan.body.document).toMatchObject({ source: 'OCCUPATIONAL_HEALTH', category: 'PLAN_OF_ACTION', visibleToEmployer: true, sharedWithEmployee: true });
    expect((await caseAs(actors.employer1)).documents.map((document: Loose) => document.id)).toContain(plan.body.document.id);
    expect((await upload(actors.employer1, openCase.id, { description: 'x', category: 'SIGNED' })).body.error.code).toBe('UPLOAD_INVALID_FIELD');
    expect((await upload(actors.employer1, openCase.id, { description: 'x', category: 'nonsense' })).body.error.code).toBe('UPLOAD_INVALID_FIELD');
    expect((await upload(actors.employer1, openCase.id, { description: 'x', sharedWithEmployee: 'ja' })).body.error.code).toBe('UPLOAD_INVALID_FIELD');
    const outside = await upload(actors.employer2, openCase.id, { description: 'x' });
    expect([outside.status, outside.body.error.code]).toEqual([404, 'SICK_CASE_UNKNOWN']);
  });
});

const REQUEST_CORRECTION = 'mutation($input: RequestPersonCorrectionInput!) { requestPersonCorrection(input: $input) { id status } }';
const RESOLVE = /* GraphQL */ `
  mutation Resolve($input: ResolveCorrectionRequestInput!) {
    resolveCorrectionRequest(input: $input) { id status response resolvedAt resolvedByName }
  }
`;
const MINE = '{ myCorrectionRequests { id status response resolvedAt resolvedByName } }';

describe('handling correction requests', () => {
  async function newRequest(proposedValue: string): Promise<string> {
    const created = await harness.gql(actors.employee, REQUEST_CORRECTION, { input: { field: 'LAST_NAME', proposedValue } });
    expect(created.errors).toBeUndefined();
    return created.data.requestPersonCorrection.id;
  }

  it('lets the employer in scope resolve a request; the employee reads the answer; a second answer is refused', async () => {
    const id = await newRequest('de Vries-Bakker');
    const byPerson = await harness.gql(PETER, 'query($p: ID) { correctionRequests(status: OPEN, personId: $p) { id } }', { p: demoId('person', 1) });
    expect(byPerson.data.correctionRequests.map((row: Loose) => row.id)).toContain(id);
    const otherPerson = await harness.gql(PETER, 'query($p: ID) { correctionRequests(personId: $p) { id } }', { p: demoId('person', 2) });
    expect(otherPerson.data.correctionRequests.map((row: Loose) => row.id)).not.toContain(id);

    const resolved = await harness.gql(PETER, RESOLVE, { input: { correctionRequestId: id, status: 'RESOLVED', response: ' Aangepast in de salarisadministratie. ' } });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data.resolveCorrectionRequest).toMatchObject({ id, status: 'RESOLVED', response: 'Aangepast in de salarisadministratie.', resolvedByName: 'Peter Jansen' });
    expect(Date.parse(resolved.data.resolveCorrectionRequest.resolvedAt)).toBeGreaterThan(Date.now() - 60_000);

    const mine = (await harness.gql(actors.employee, MINE)).data.myCorrectionRequests.find((row: Loose) => row.id === id);
    expect(mine).toMatchObject({ status: 'RESOLVED', response: 'Aangepast in de salarisadministratie.', resolvedByName: 'Peter Jansen' });
    expect(codes(await harness.gql(actors.caseManager, RESOLVE, { input: { correctionRequestId: id, status: 'REJECTED', response: 'Nee' } }))).toEqual([
      'CORRECTION_ALREADY_CLOSED',
    ]);
    const openList = await harness.gql(PETER, 'query($p: ID) { correctionRequests(status: OPEN, personId: $p) { id } }', { p: demoId('person', 1) });
    expect(openList.data.correctionRequests.map((row: Loose) => row.id)).not.toContain(id);

    const audit = await until(async () => {
      const jobs = await jobsIn(harness, 'identity.access.logged');
      return jobs.find((job) => job.data.event === 'correction-request.update' && job.data.userId === PETER.sub) ?? null;
    }, 'the access log line');
    expect(audit.data).toMatchObject({ personId: demoId('person', 1), role: 'EMPLOYER', outcome: 'success', purpose: 'correction resolved' });
  });

  it('requires a reason to reject; casemanager and administrator may handle requests', async () => {
    const first = await newRequest('de Vries');
    expect(codes(await harness.gql(actors.caseManager, RESOLVE, { input: { correctionRequestId: first, status: 'REJECTED', response: '  ' } }))).toEqual([
      'CORRECTION_RESPONSE_REQUIRED',
    ]);
    expect(codes(await harness.gql(actors.caseManager, RESOLVE, { input: { correctionRequestId: first, status: 'REJECTED', response: 'x'.repeat(2001) } }))).toEqual([
      'TEXT_TOO_LONG',
    ]);
    const rejected = await harness.gql(actors.caseManager, RESOLVE, {
      input: { correctionRequestId: first, status: 'REJECTED', response: 'Uw naam staat zo in het paspoort.' },
    });
    expect(rejected.data.resolveCorrectionRequest).toMatchObject({ status: 'REJECTED', resolvedByName: 'Casemanager' });
    const second = await newRequest('De Vries');
    const byAdmin = await harness.gql(actors.admin, RESOLVE, { input: { correctionRequestId: second, status: 'RESOLVED' } });
    expect(byAdmin.data.resolveCorrectionRequest).toMatchObject({ status: 'RESOLVED', response: null });
  });

  it('answers unknown and out-of-scope requests alike, and refuses other roles', async () => {
    const id = await newRequest('Vries');
    const input = { correctionRequestId: id, status: 'RESOLVED', response: 'ok' };
    expect(codes(await harness.gql(actors.employer2, RESOLVE, { input }))).toEqual(['CORRECTION_REQUEST_NOT_FOUND']);
    expect(codes(await harness.gql(actors.employer1, RESOLVE, { input: { ...input, correctionRequestId: demoId('person', 999) } }))).toEqual([
      'CORRECTION_REQUEST_NOT_FOUND',
    ]);
    expect(codes(await harness.gql(actors.employer1, RESOLVE, { input: { ...input, correctionRequestId: 'not-an-id' } }))).toEqual(['CORRECTION_REQUEST_NOT_FOUND']);
    for (const identity of [actors.employee, actors.physician, actors.planner]) {
      expect(codes(await harness.gql(identity, RESOLVE, { input }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await harness.gql(actors.employer1, RESOLVE, { input: { ...input, status: 'OPEN' } }))).toEqual(['BAD_USER_INPUT']);
    const still = (await harness.gql(actors.employee, MINE)).data.myCorrectionRequests.find((row: Loose) => row.id === id);
    expect(still).toMatchObject({ status: 'OPEN', response: null, resolvedAt: null });
  });
});
