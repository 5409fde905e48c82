import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_1, System } from '@poortwachter/infra';

/**
 * The error contract against the real subgraphs (production mode, as the test stack runs): invalid
 * scalars are BAD_USER_INPUT with the argument path and store nothing, a page too large is
 * INVALID_PAGE in every subgraph, and an unauthenticated caller gets one answer whatever token it sent.
 */
let system: System;
let employer: string;
let admin: string;
const answers: string[] = [];

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const result = await system.query(query, variables, token);
  answers.push(JSON.stringify(result));
  return result;
}

beforeAll(async () => {
  system = await System.start();
  [employer, admin] = await Promise.all([system.login('werkgever.demo'), system.login('beheerder.demo')]);
}, 240_000);

afterAll(async () => {
  await system?.stop();
});

const casesOf = async () =>
  JSON.stringify((await system.query('query P($id: ID!) { person(id: $id) { sickCases { id status firstSickDay } } }', { id: PERSON_1 }, admin)).data);

describe('invalid scalars are BAD_USER_INPUT with the argument path, never SUBGRAPH_ERROR', () => {
  it('refuses an impossible date in a variable and stores nothing', async () => {
    const before = await casesOf();
    const result = await call('mutation R($input: ReportSicknessInput!) { reportSickness(input: $input) { id } }', {
      input: { personId: PERSON_1, firstSickDay: '2026-02-30' },
    }, employer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.firstSickDay' });
    expect(result.data ?? null).toBeNull();
    expect(await casesOf()).toBe(before);
  });

  it('refuses a malformed date literal with its path', async () => {
    const result = await call(`mutation { reportSickness(input: { personId: "${PERSON_1}", firstSickDay: "gisteren" }) { id } }`, {}, employer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.firstSickDay' });
  });

  it('refuses a malformed DateTime, an unknown enum value and a non-id', async () => {
    const dateTime = await call('query A($from: DateTime) { appointments(from: $from) { id } }', { from: 'morgen om negen' }, employer);
    expect(dateTime.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const enumValue = await call('query S($status: SickCaseStatus) { sickCases(filter: { status: $status }) { total } }', { status: 'KAPOT' }, employer);
    expect(enumValue.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const enumLiteral = await call('{ sickCases(filter: { status: KAPOT }) { total } }', {}, employer);
    expect(enumLiteral.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.status' });
    const id = await call('query P($id: ID!) { person(id: $id) { id } }', { id: { not: 'an id' } }, employer);
    expect(id.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const unknownId = await call('{ person(id: "geen-uuid") { id } }', {}, employer);
    expect(unknownId.errors?.[0]?.extensions?.code).toBe('PERSON_NOT_FOUND');
  });

  it('refuses an invalid e-mail address with its field', async () => {
    const employee = await system.login('werknemer.demo');
    const result = await call('mutation U($input: UpdateMyContactDetailsInput!) { updateMyContactDetails(input: $input) { id } }', { input: { email: 'geen-adres' } }, employee);
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_EMAIL');
  });
});

describe('the same problem gets the same code in every subgraph', () => {
  it('answers INVALID_PAGE to a page size over the limit in dossier and identity', async () => {
    const persons = await call('{ persons(page: { limit: 100000 }) { total } }', {}, admin);
    expect(persons.errors?.[0]?.extensions?.code).toBe('INVALID_PAGE');
    const users = await call('{ users(page: { limit: 100000 }) { total } }', {}, admin);
    expect(users.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_PAGE', field: 'page.limit' });
  });
});

describe('unauthenticated is one answer', () => {
  it('answers a missing, a malformed and a forged token alike: HTTP 401, the same body', async () => {
    const ask = async (authorization?: string) => {
      const response = await fetch(system.stack.urls.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: '{ persons { total } }' }),
      });
      return { status: response.status, authenticate: response.headers.get('www-authenticate'), body: await response.text() };
    };
    const missing = await ask();
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.parse(missing.body).data).toBeUndefined();
    for (const authorization of ['Bearer x.y.z', 'Bearer not-a-token', 'Basic YWRtaW46YWRtaW4=', `Bearer ${employer.slice(0, -4)}AAAA`]) {
      expect(await ask(authorization), authorization).toEqual(missing);
    }
  });

  it('still answers anonymous sign-in steps normally', async () => {
    const result = await call('mutation { startLogin(username: "niemand", password: "Fout-wachtwoord-1") { challengeId } }');
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('no internals in any answer (production mode)', () => {
  it('names no service, URL, SQL or stack line in the answers above', () => {
    expect(answers.length).toBeGreaterThan(8);
    for (const answer of answers) {
      expect(answer).not.toMatch(/dossier service|identity service|subgraph|127\.0\.0\.1|localhost|https?:\/\/|SELECT |INSERT |stacktrace|\bat \w+ \(/i);
    }
  });
});
