import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/index.js';
import { PARTNER, startFakeSystem, tokenFor, type FakeSystem } from './fake-subgraphs.js';

/**
 * GraphQL over HTTP conformance: graphql-http's server audit against the gateway as deployed
 * (production mode). Every MUST item has to pass; the SHOULD and MAY results are printed.
 *
 * The audit's requests carry `apollo-require-preflight: true`: the gateway's CSRF prevention refuses
 * GET and simple POST requests without such a header (partners' HTTP clients send it once), and the
 * spec leaves CSRF protection to the server. They run with a partner client's token, as partner
 * software would: some audit items use `__type`, and production allows introspection to partners only.
 */
let system: FakeSystem;
let gateway: RunningGateway;
let partnerToken: string;

beforeAll(async () => {
  system = await startFakeSystem();
  gateway = await startGateway({ port: 0, supergraphSdl: system.supergraphSdl, subgraphUrls: system.subgraphUrls, production: true });
  partnerToken = await tokenFor(PARTNER);
});

afterAll(async () => {
  await gateway?.close();
  await system?.close();
});

const asPartner: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('apollo-require-preflight', 'true');
  headers.set('authorization', `Bearer ${partnerToken}`);
  return fetch(input, { ...init, headers });
};

describe('graphql-http server audit', () => {
  it('passes every MUST item; prints the SHOULD and MAY results', async () => {
    const audits = serverAudits({ url: gateway.url, fetchFn: asPartner });
    const results: AuditResult[] = [];
    for (const audit of audits) results.push(await audit.fn());
    const failedMusts = results.filter((result) => result.name.startsWith('MUST') && result.status !== 'ok');
    const lines = results.map((result) => `${result.status.padEnd(5)} ${result.name}${result.status === 'ok' ? '' : ` — ${'reason' in result ? result.reason : ''}`}`);
    const count = (status: string, level: string) => results.filter((result) => result.status === status && result.name.startsWith(level)).length;
    console.log(
      `graphql-http audit: ${results.length} items; MUST ${count('ok', 'MUST')} ok / ${failedMusts.length} failing; ` +
        `SHOULD ${count('ok', 'SHOULD')} ok, ${count('warn', 'SHOULD')} warn, ${count('error', 'SHOULD')} error; MAY ${count('ok', 'MAY')} ok, ${results.filter((r) => r.name.startsWith('MAY') && r.status !== 'ok').length} not\n` +
        lines.filter((line) => !line.includes(' MUST ') || !line.startsWith('ok')).join('\n'),
    );
    expect(results.length).toBeGreaterThan(20);
    expect(failedMusts.map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`)).toEqual([]);
  });
});
