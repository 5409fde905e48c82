import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/index.js';
import { EMPLOYER, PARTNER, post, startFakeSystem, tokenFor, type FakeSystem } from './fake-subgraphs.js';

/** Issue 14, partner-facing API: the schema a partner sees follows its scopes; rate limits per client and user. */
let system: FakeSystem;
let gateway: RunningGateway;

beforeAll(async () => {
  system = await startFakeSystem();
  gateway = await startGateway({
    port: 0,
    supergraphSdl: system.supergraphSdl,
    subgraphUrls: system.subgraphUrls,
    production: true,
    rateLimits: { perClientPerMinute: 3, perUserPerMinute: 2 },
  });
});

afterAll(async () => {
  await gateway?.close();
  await system?.close();
});

describe('partner-filtered schema', () => {
  it('shows a partner client only the operations its scopes open', async () => {
    const limited = await startGateway({ port: 0, supergraphSdl: system.supergraphSdl, subgraphUrls: system.subgraphUrls, production: true });
    try {
      const response = await post(limited.url, getIntrospectionQuery(), { token: await tokenFor(PARTNER) });
      const types = (response.body.data as { __schema: { types: { name: string; fields: { name: string }[] | null }[] } }).__schema.types;
      const query = types.find((type) => type.name === 'Query')!;
      expect(query.fields!.map((field) => field.name).sort()).toEqual(['person', 'persons']);
      const single = await post(limited.url, '{ __type(name: "Query") { fields { name } } }', { token: await tokenFor({ ...PARTNER, apiScopes: ['reports:read'] }) });
      expect((single.body.data as { __type: { fields: unknown[] } }).__type.fields).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a client or user is over its limit, each counted apart', async () => {
    const partner = await tokenFor(PARTNER);
    for (let i = 0; i < 3; i++) expect((await post(gateway.url, '{ persons { id } }', { token: partner })).status).toBe(200);
    const refused = await post(gateway.url, '{ persons { id } }', { token: partner });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.body.data).toBeUndefined();
    const employer = await tokenFor(EMPLOYER);
    expect((await post(gateway.url, '{ persons { id } }', { token: employer })).status).toBe(200);
    expect((await post(gateway.url, '{ persons { id } }', { token: employer })).status).toBe(200);
    expect((await post(gateway.url, '{ persons { id } }', { token: employer })).status).toBe(429);
  });
});
