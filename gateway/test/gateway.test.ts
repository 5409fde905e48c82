import http from 'node:http';
import { IDENTITY_HEADER, PortInUseError, SIGNATURE_HEADER } from '@poortwachter/kit';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayHealth, type RunningGateway } from '../src/index.js';
import { EMPLOYER, PARTNER, post, startFakeSystem, tokenFor, type FakeSystem } from './fake-subgraphs.js';
import { keyPair } from './test-keys.js';

let system: FakeSystem;
let gateway: RunningGateway;

beforeAll(async () => {
  system = await startFakeSystem();
  gateway = await startGateway({
    port: 0,
    supergraphSdl: system.supergraphSdl,
    subgraphUrls: system.subgraphUrls,
    production: false,
  });
});

afterAll(async () => {
  await gateway?.close();
  await system?.close();
});

/** A query nested `levels` fields deep along Person.manager. */
function deepQuery(levels: number): string {
  let selection = 'id';
  for (let level = 1; level < levels - 1; level++) selection = `manager { ${selection} }`;
  return `{ person(id: "p1") { ${selection} } }`;
}

describe('routing and identity', () => {
  it('plans across subgraphs and gives both the same signed identity, signed once', async () => {
    system.dossier.seen.length = 0;
    system.identity.seen.length = 0;
    const token = await tokenFor(EMPLOYER);
    const response = await post(
      gateway.url,
      '{ person(id: "p1") { firstName username manager { firstName username } } whoami }',
      {
        token,
        headers: { 'x-request-id': 'shell-req-1' },
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      person: {
        firstName: 'Sanne',
        username: 'user-p1',
        manager: { firstName: 'Peter', username: 'user-p2' },
      },
      whoami: JSON.stringify(EMPLOYER),
    });
    expect(response.headers.get('x-request-id')).toBe('shell-req-1');
    // The gateway's own calls to identity (keys, session check) are signed separately; only the
    // fetches of the query plan share one signature.
    const own = /^\{ (jwks|sessionActive)\b/;
    const fetches = [...system.dossier.seen, ...system.identity.seen].filter((fetch) => !own.test(fetch.body?.query ?? ''));
    expect(fetches.length).toBeGreaterThanOrEqual(2);
    expect(new Set(fetches.map((fetch) => fetch.headers[SIGNATURE_HEADER])).size).toBe(1);
    expect(new Set(fetches.map((fetch) => fetch.headers[IDENTITY_HEADER])).size).toBe(1);
    expect(fetches.every((fetch) => fetch.headers['x-request-id'] === 'shell-req-1')).toBe(true);
    expect(fetches.every((fetch) => fetch.identity?.sub === EMPLOYER.sub)).toBe(true);
  });

  it('forwards anonymous callers as a signed null identity', async () => {
    const response = await post(gateway.url, '{ whoami }');
    expect(response.body).toEqual({ data: { whoami: 'null' } });
  });

  it('answers 401 UNAUTHENTICATED to an invalid or expired token without calling a subgraph', async () => {
    system.identity.seen.length = 0;
    const forged = await tokenFor(EMPLOYER, 3600, await keyPair('fake-identity-key'));
    const invalid = await post(gateway.url, '{ whoami }', { token: forged });
    expect(invalid.status).toBe(401);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(invalid.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const expired = await tokenFor(EMPLOYER, 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const late = await post(gateway.url, '{ whoami }', { token: expired });
    expect(late.status).toBe(401);
    expect(late.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(system.identity.seen).toHaveLength(0);
  });

  it('keeps subgraph connections alive across requests', async () => {
    const before = system.dossier.connections();
    for (let index = 0; index < 20; index++) await post(gateway.url, '{ persons { id } }');
    expect(system.dossier.connections() - before).toBeLessThanOrEqual(2);
  });
});

describe('query limits (graphql-armor)', () => {
  it('accepts a query within the depth limit', async () => {
    const response = await post(gateway.url, deepQuery(12));
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses a query deeper than 12 levels', async () => {
    const response = await post(gateway.url, deepQuery(14));
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
    });
    expect(response.body.data).toBeUndefined();
  });

  it('counts depth through fragments too', async () => {
    let fragments = 'fragment F0 on Person { id }\n';
    for (let level = 1; level <= 13; level++)
      fragments += `fragment F${level} on Person { manager { ...F${level - 1} } }\n`;
    const response = await post(gateway.url, `{ person(id: "p1") { ...F13 } }\n${fragments}`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.extensions?.limit)).toContain('depth');
  });

  it('accepts a shell-style query built from nested fragments', async () => {
    const query = `query Team {
      persons { ...PersonCard colleagues { ...PersonCard manager { ...PersonCard } } }
    }
    fragment PersonCard on Person { id firstName username manager { ...ManagerName } }
    fragment ManagerName on Person { id firstName username }`;
    const response = await post(gateway.url, query);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.persons).toHaveLength(2);
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: persons { id }`).join(' ');
    const response = await post(gateway.url, `{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'aliases',
    });
  });

  it('refuses an expensive query by its cost', async () => {
    // Within the depth (11) and alias (15) limits, but 15 branches of 9 nested lists each.
    let branch = 'id firstName';
    for (let level = 0; level < 9; level++) branch = `colleagues { ${branch} }`;
    const wide = Array.from({ length: 15 }, (_, index) => `c${index}: ${branch}`).join(' ');
    const response = await post(gateway.url, `{ persons { ${wide} } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'cost',
    });
  });

  it('refuses a document of more than 2000 tokens', async () => {
    const fields = Array.from({ length: 2100 }, () => '__typename').join(' ');
    const response = await post(gateway.url, `{ ${fields} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.body.errors?.[0]?.message).toMatch(/2000 tokens/);
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
    const response = await post(gateway.url, `{ persons { id ${directives} } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'directives',
    });
  });

  it("lets the explorer's full introspection query through", async () => {
    // What GraphiQL 5 sends (its schema store asks for input value deprecation and the schema
    // description), plus the other optional parts. Not `oneOf`: the gateway's introspection schema
    // has no `isOneOf`.
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const response = await post(gateway.url, query);
    expect(response.body.errors).toBeUndefined();
    expect(JSON.stringify(response.body.data)).toContain('"name":"Person"');
  });

  it('does not suggest field names to a caller who guesses', async () => {
    const response = await post(gateway.url, '{ persons { firstNam } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('HTTP protections', () => {
  it('refuses a simple (non-preflighted) POST as potential CSRF', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ whoami }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a GET query without the preflight header, accepts it with one', async () => {
    const url = `${gateway.url}?query=${encodeURIComponent('{ whoami }')}`;
    const bare = await fetch(url);
    expect(bare.status).toBe(400);
    expect(await bare.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { whoami: 'null' } });
  });

  it('refuses batched operations', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ whoami }' }, { query: '{ whoami }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching/i);
  });

  it('refuses a body larger than the limit with 413', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ whoami }', variables: { padding: 'x'.repeat(300 * 1024) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers CORS preflights for the shell origins only', async () => {
    const allowed = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3001',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3001');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const refused = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await post(gateway.url, '{ whoami }', { headers: { origin: 'http://127.0.0.1:3000' } });
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
  });

  it('shows development errors in full outside production', async () => {
    const response = await post(gateway.url, '{ broken }');
    expect(response.body.errors?.[0]?.message).toMatch(/ECONNREFUSED/);
  });
});

describe('production mode', () => {
  let production: RunningGateway;

  beforeAll(async () => {
    production = await startGateway({
      port: 0,
      supergraphSdl: system.supergraphSdl,
      subgraphUrls: system.subgraphUrls,
      production: true,
    });
  });

  afterAll(async () => {
    await production?.close();
  });

  it('masks internal errors: no internals in the message, no stack traces, no service details', async () => {
    const response = await post(production.url, '{ broken persons { id } }');
    expect(response.body.data).toMatchObject({ broken: null, persons: [{ id: 'p1' }, { id: 'p2' }] });
    const [error] = response.body.errors ?? [];
    expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error?.message).toMatch(/^Internal server error/);
    expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|password|stacktrace|dossier|10\.0\.0\.7/);
  });

  it('keeps the message and code of domain errors', async () => {
    const response = await post(production.url, '{ secretDossier }');
    const [error] = response.body.errors ?? [];
    expect(error?.message).toBe('You are not allowed to access this dossier.');
    expect(error?.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('masks the subgraph of an outage but keeps its code', async () => {
    const outage = await startGateway({
      port: 0,
      supergraphSdl: system.supergraphSdl,
      subgraphUrls: { ...system.subgraphUrls, identity: 'http://127.0.0.1:9/graphql' },
      production: true,
    });
    try {
      const response = await post(outage.url, '{ whoami }');
      expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE' });
      expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|identity|ECONNREFUSED/);
    } finally {
      await outage.close();
    }
  });

  it('refuses introspection to anonymous and employer callers, allows it with a partner token', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await post(production.url, query);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    const employer = await post(production.url, query, { token: await tokenFor(EMPLOYER) });
    expect(employer.body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    const partner = await post(production.url, query, { token: await tokenFor(PARTNER) });
    expect(partner.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const typename = await post(production.url, '{ __typename }');
    expect(typename.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports /health without internal addresses or error details', async () => {
    const response = await fetch(`${production.origin}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      gateway: 'ok',
      subgraphs: { dossier: { status: 'ok' }, identity: { status: 'ok' } },
    });
  });

  it('can switch introspection off entirely', async () => {
    const closed = await startGateway({
      port: 0,
      supergraphSdl: system.supergraphSdl,
      subgraphUrls: system.subgraphUrls,
      production: true,
      introspection: 'off',
    });
    try {
      const response = await post(closed.url, '{ __schema { queryType { name } } }', {
        token: await tokenFor(PARTNER),
      });
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await closed.close();
    }
  });
});

describe('/health', () => {
  it('is 200 with every subgraph up', async () => {
    const response = await fetch(`${gateway.origin}/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'ok',
      gateway: 'ok',
      subgraphs: { dossier: { status: 'ok' }, identity: { status: 'ok' } },
    });
  });

  it('is 503 naming the subgraph that is down', async () => {
    const degraded = await startGateway({
      port: 0,
      supergraphSdl: system.supergraphSdl,
      subgraphUrls: { ...system.subgraphUrls, identity: 'http://127.0.0.1:9/graphql' },
      healthTimeoutMs: 1000,
    });
    try {
      const response = await fetch(`${degraded.origin}/health`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as GatewayHealth;
      expect(body.status).toBe('degraded');
      expect(body.subgraphs.dossier?.status).toBe('ok');
      expect(body.subgraphs.identity).toMatchObject({ status: 'down', url: 'http://127.0.0.1:9/health' });
      expect(String(body.subgraphs.identity?.detail)).toMatch(/ECONNREFUSED/);
    } finally {
      await degraded.close();
    }
  });
});

describe('start-up', () => {
  it('fails with the kit message naming GATEWAY_PORT when the port is taken', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const attempt = startGateway({
        port,
        supergraphSdl: system.supergraphSdl,
        subgraphUrls: system.subgraphUrls,
      });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(/GATEWAY_PORT=<port>/);
    } finally {
      blocker.close();
    }
  });
});
