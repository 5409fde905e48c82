import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoTotpSecret, signIdentity, SERVICE_NAMES } from '@poortwachter/kit';
import { EMPLOYER_1, PERSON_1, System, eventually, freshTotpCode } from '@poortwachter/infra';

/**
 * Integration through the real gateway, five real subgraph processes and a real Postgres with the
 * demo data. Each assertion is on an outcome: data returned, data stored, access refused.
 */
let system: System;
let employerToken: string;
let employeeToken: string;
let otherEmployerToken: string;

const PERSON_ACROSS_SUBGRAPHS = `query Person($id: ID!) {
  person(id: $id) {
    id fullName
    currentEmployment { employer { id name } department { name } }
    sickCases { id firstSickDay status waitingPeriodEndsOn activities { id title role kind signalDate deadline status } }
    appointments { id startsAt professionalName }
  }
}`;

beforeAll(async () => {
  system = await System.start();
  [employerToken, employeeToken, otherEmployerToken] = await Promise.all([
    system.login('werkgever.demo'),
    system.login('werknemer.demo'),
    system.login('werkgever2.demo'),
  ]);
  // The trajectory activities arrive through events from the dossier seed.
  await eventually(async () => {
    const result = await system.query<{ person: { sickCases: { activities: unknown[] }[] } }>(PERSON_ACROSS_SUBGRAPHS, { id: PERSON_1 }, employerToken);
    return result.data?.person?.sickCases.some((sickCase) => sickCase.activities.length > 0);
  }, 60_000);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe('the whole system through the gateway', () => {
  it('reports healthy with every subgraph up', async () => {
    const response = await fetch(system.stack.urls.gateway.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });

  it('answers one query across four subgraphs: person, sick cases, their activities, appointments', async () => {
    const result = await system.query<{
      person: {
        fullName: string;
        currentEmployment: { employer: { id: string } };
        sickCases: { status: string; activities: { title: string; role: string }[] }[];
        appointments: { startsAt: string }[];
      };
    }>(PERSON_ACROSS_SUBGRAPHS, { id: PERSON_1 }, employerToken);
    expect(result.errors).toBeUndefined();
    const person = result.data!.person;
    expect(person.fullName).toBe('Sanne de Vries');
    expect(person.currentEmployment.employer.id).toBe(EMPLOYER_1);
    const open = person.sickCases.find((sickCase) => sickCase.status === 'OPEN');
    expect(open).toBeDefined();
    expect(open!.activities.map((activity) => activity.title)).toEqual(expect.arrayContaining([expect.stringMatching(/gesprek/i)]));
    expect(person.appointments.length).toBeGreaterThan(0);
  });

  it('shows an employer only the persons of their own employer', async () => {
    const result = await system.query<{ persons: { total: number; items: { currentEmployment: { employer: { id: string } } | null }[] } }>(
      '{ persons(page: { limit: 200 }) { total items { currentEmployment { employer { id } } } } }',
      {},
      employerToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.persons.total).toBeGreaterThan(20);
    expect(result.data!.persons.total).toBeLessThan(200);
    for (const person of result.data!.persons.items) expect(person.currentEmployment?.employer.id).toBe(EMPLOYER_1);
  });

  it("refuses another employer's person", async () => {
    const result = await system.query<{ person: unknown }>(PERSON_ACROSS_SUBGRAPHS, { id: PERSON_1 }, otherEmployerToken);
    expect(result.data?.person ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('PERSON_NOT_FOUND');
  });

  it('lets an employee read their own cases and refuses a colleague', async () => {
    const own = await system.query<{ me: { id: string; sickCases: unknown[] } }>('{ me { id sickCases { id status } } }', {}, employeeToken);
    expect(own.data!.me.id).toBe(PERSON_1);
    expect(own.data!.me.sickCases.length).toBeGreaterThanOrEqual(1);
    const colleague = await system.query<{ persons: { items: { id: string }[] } }>('{ persons { items { id } } }', {}, employeeToken);
    expect(colleague.data?.persons.items.map((person) => person.id) ?? []).toEqual([PERSON_1]);
  });

  it('refuses anonymous callers and forged tokens', async () => {
    const anonymous = await system.query('{ persons { total } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await system.query('{ persons { total } }', {}, `${employerToken.slice(0, -4)}AAAA`);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('every subgraph refuses requests without or with a forged gateway signature', async () => {
    for (const name of SERVICE_NAMES) {
      const url = system.stack.urls.subgraphs[name];
      const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(unsigned.status, `${name} unsigned`).toBe(401);
      const forged = signIdentity({ sub: 'x', role: 'ADMIN' }, 'not-the-gateway-secret-not-the-gateway-secret');
      const withForged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...forged }, body: '{"query":"{ __typename }"}' });
      expect(withForged.status, `${name} forged`).toBe(401);
    }
  });

  it('a sick report through the gateway creates the trajectory in activities through the event queue', async () => {
    const persons = await system.query<{ persons: { items: { id: string; sickCases: { status: string }[] }[] } }>(
      '{ persons(page: { limit: 200 }) { items { id sickCases { status } } } }',
      {},
      employerToken,
    );
    const healthy = persons.data!.persons.items.find((person) => person.sickCases.every((sickCase) => sickCase.status !== 'OPEN'))!;
    const today = new Date().toISOString().slice(0, 10);
    const reported = await system.query<{ reportSickness: { id: string; status: string } }>(
      'mutation Report($input: ReportSicknessInput!) { reportSickness(input: $input) { id status firstSickDay } }',
      { input: { personId: healthy.id, firstSickDay: today, absencePercentage: 100 } },
      employerToken,
    );
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportSickness.status).toBe('OPEN');
    const activities = await eventually(async () => {
      const result = await system.query<{ sickCase: { activities: { title: string; signalDate: string }[] } }>(
        'query Case($id: ID!) { sickCase(id: $id) { activities { title signalDate } } }',
        { id: reported.data!.reportSickness.id },
        employerToken,
      );
      const list = result.data?.sickCase.activities ?? [];
      return list.length > 0 ? list : null;
    });
    expect(activities.some((activity) => activity.signalDate === today)).toBe(true);
  });

  it('with the agenda subgraph stopped, returns the other data plus an error for the agenda fields', async () => {
    await system.stack.stopService('agenda');
    try {
      const result = await system.query<{ person: { fullName: string; sickCases: unknown[]; appointments: unknown } }>(
        PERSON_ACROSS_SUBGRAPHS,
        { id: PERSON_1 },
        employerToken,
      );
      expect(result.data?.person.fullName).toBe('Sanne de Vries');
      expect(result.data?.person.sickCases.length).toBeGreaterThan(0);
      expect(result.errors?.length).toBeGreaterThan(0);
      // Only the agenda field is empty; @apollo/gateway reports the failed fetch without a path.
      expect(result.data?.person.appointments).toBeNull();
      expect(result.errors!.map((error) => error.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');
      const health = await fetch(system.stack.urls.gateway.replace('/graphql', '/health'));
      expect(health.status).toBe(503);
    } finally {
      await system.stack.startService('agenda');
    }
    const again = await system.query<{ person: { appointments: unknown[] } }>(PERSON_ACROSS_SUBGRAPHS, { id: PERSON_1 }, employerToken);
    expect(again.errors).toBeUndefined();
    expect(again.data!.person.appointments.length).toBeGreaterThan(0);
  });

  it('costs the same number of SQL statements for 5 and for 50 persons', async () => {
    const query = `query Many($limit: Int!) { persons(page: { limit: $limit }) { items { id fullName
      sickCases { id activities { id title } } appointments { id } } } }`;
    // Each subgraph counts the statements of exactly this request (tagged by its request id), so
    // background work running at the same time cannot change the figure.
    const measure = async (limit: number) => {
      const { result, statements, total } = await system.queryCountingStatements<{ persons: { items: unknown[] } }>(query, { limit }, employerToken);
      expect(result.errors).toBeUndefined();
      expect(result.data!.persons.items).toHaveLength(limit);
      expect(statements.dossier).toBeGreaterThan(0);
      return total;
    };
    await measure(5); // warm caches (query plans, prepared metadata)
    const five = await measure(5);
    expect(await measure(5)).toBe(five); // exact, not a least-of-several
    expect(await measure(50)).toBe(five);
  });
});

function gatewayUrl(path: string): string {
  return system.stack.urls.gateway.replace('/graphql', path);
}

async function graphql(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(system.stack.urls.gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { response, body: (await response.json()) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] } };
}

/** The whole sign-in: password, then the authenticator code; returns the answer and the cookies set. */
async function signIn(username: string) {
  const started = await graphql(
    'mutation Start($u: String!, $p: String!) { startLogin(username: $u, password: $p) { challengeId methods enrolmentRequired passwordChangeRequired } }',
    { u: username, p: DEMO_PASSWORD },
  );
  expect(started.body.errors, JSON.stringify(started.body.errors)).toBeUndefined();
  const challenge = started.body.data!.startLogin;
  expect(challenge).toMatchObject({ enrolmentRequired: false, passwordChangeRequired: false });
  const completed = await graphql(
    `mutation Complete($c: ID!, $code: String!) {
      completeLogin(challengeId: $c, code: $code) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt trustToken user { username } }
    }`,
    { c: challenge.challengeId, code: await freshTotpCode(username, demoTotpSecret(username)) },
  );
  expect(completed.body.errors, JSON.stringify(completed.body.errors)).toBeUndefined();
  const cookies = completed.response.headers.getSetCookie();
  return { session: completed.body.data!.completeLogin, cookies };
}

function cookieValue(cookies: string[], name: string): string | undefined {
  return cookies.find((cookie) => cookie.startsWith(`${name}=`))?.split(';')[0]!.slice(name.length + 1);
}

async function postAuth(path: string, cookie: string | undefined, headers: Record<string, string> = {}) {
  return fetch(gatewayUrl(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `pw_refresh=${cookie}` } : {}), ...headers },
    body: '{}',
  });
}

describe('sessions through the gateway (ES256 access tokens, cookies, revocation)', () => {
  it('publishes identity\'s public keys at /.well-known/jwks.json', async () => {
    const response = await fetch(gatewayUrl('/.well-known/jwks.json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const jwks = (await response.json()) as { keys: { kty: string; crv: string; alg: string; kid: string; d?: string }[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);
  });

  it('signs in with password and authenticator code: refresh token only in an HttpOnly cookie, ES256 token accepted', async () => {
    const { session, cookies } = await signIn('werknemer.demo');
    expect(session.refreshToken).toBeUndefined();
    expect(session.trustToken).toBeUndefined();
    expect(session.refreshTokenExpiresAt).toEqual(expect.any(String));
    const refresh = cookies.find((cookie) => cookie.startsWith('pw_refresh='))!;
    expect(refresh).toMatch(/; Path=\/auth; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
    const viewer = await system.query<{ viewer: { username: string } }>('{ viewer { username } }', {}, session.accessToken);
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data!.viewer.username).toBe('werknemer.demo');

    // /auth/refresh rotates the cookie and gives a fresh access token.
    const oldCookie = cookieValue(cookies, 'pw_refresh')!;
    const refreshed = await postAuth('/auth/refresh', oldCookie);
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { accessToken: string; accessTokenExpiresAt: string; user: { username: string }; refreshToken?: string };
    expect(body.user.username).toBe('werknemer.demo');
    expect(body.refreshToken).toBeUndefined();
    const newCookie = cookieValue(refreshed.headers.getSetCookie(), 'pw_refresh')!;
    expect(newCookie).toBeDefined();
    expect(newCookie).not.toBe(oldCookie);
    const again = await system.query<{ viewer: { username: string } }>('{ viewer { username } }', {}, body.accessToken);
    expect(again.data?.viewer.username).toBe('werknemer.demo');

    // Reusing the rotated-away token ends the whole family: the new one stops working too.
    const reused = await postAuth('/auth/refresh', oldCookie);
    expect(reused.status).toBe(401);
    expect(((await reused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('REFRESH_TOKEN_REUSED');
    const family = await postAuth('/auth/refresh', newCookie);
    expect(family.status).toBe(401);
    expect(family.headers.getSetCookie()[0]).toMatch(/^pw_refresh=; Path=\/auth;.*Max-Age=0/);
  });

  it('refuses the access token of a logged-out session at once', async () => {
    const { session } = await signIn('casemanager.demo');
    const before = await system.query('{ viewer { username } }', {}, session.accessToken);
    expect(before.errors).toBeUndefined();
    const logout = await system.query<{ logout: boolean }>('mutation { logout }', {}, session.accessToken);
    expect(logout.data?.logout).toBe(true);
    const after = await system.query('{ viewer { username } }', {}, session.accessToken);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses refresh and logout calls a form on another site could make', async () => {
    const noJson = await fetch(gatewayUrl('/auth/refresh'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'pw_refresh=x' },
      body: 'a=1',
    });
    expect(noJson.status).toBe(403);
    const otherOrigin = await postAuth('/auth/logout', 'x', { origin: 'https://evil.example' });
    expect(otherOrigin.status).toBe(403);
    expect((await postAuth('/auth/refresh', undefined)).status).toBe(401);
  });
});

describe('partner clients: POST /oauth/token (client credentials)', () => {
  let client: { id: string; secret: string };

  beforeAll(async () => {
    const admin = await system.login('beheerder.demo');
    const created = await system.query<{ createApiClient: { client: { id: string }; clientSecret: string } }>(
      'mutation Create($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret } }',
      { input: { name: 'AFAS koppeling (test)', employerId: EMPLOYER_1, scopes: ['persons:read'] } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    client = { id: created.data!.createApiClient.client.id, secret: created.data!.createApiClient.clientSecret };
  });

  const tokenRequest = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(gatewayUrl('/oauth/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });

  it('issues a bearer token for valid Basic credentials that the gateway then accepts', async () => {
    const basic = Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString('base64');
    const response = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const token = (await response.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(token).toMatchObject({ token_type: 'Bearer', scope: 'persons:read' });
    expect(token.expires_in).toBeGreaterThan(0);
    const persons = await system.query<{ persons: { total: number } }>('{ persons(page: { limit: 1 }) { total } }', {}, token.access_token);
    expect(persons.errors).toBeUndefined();
    expect(persons.data!.persons.total).toBeGreaterThan(0);
  });

  it('accepts credentials in the form body too, and refuses a wrong secret or a scope not granted', async () => {
    const body = await tokenRequest({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret });
    expect(body.status).toBe(200);
    const wrong = await tokenRequest({ grant_type: 'client_credentials', client_id: client.id, client_secret: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_client');
    const scope = await tokenRequest({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, scope: 'sickcases:write' });
    expect(scope.status).toBe(400);
    expect(((await scope.json()) as { error: string }).error).toBe('invalid_scope');
    const grant = await tokenRequest({ grant_type: 'password', client_id: client.id, client_secret: client.secret });
    expect(((await grant.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });
});
