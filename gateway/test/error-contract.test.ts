import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, isDocumentedErrorCode } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/index.js';
import { EMPLOYER, PARTNER, post, startFakeSystem, tokenFor, type FakeSystem } from './fake-subgraphs.js';

/**
 * The error contract (issue 14): one documented list of codes, the same input error for a bad
 * argument however it was noticed, and no internals for partner software in either mode.
 * The real subgraphs' side runs in test/integration/error-contract.test.ts.
 */
const REPO = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.d.ts') ? [file] : [];
  });
}

/** The codes the code base can throw: `domainError('X'`, `code: 'X'`, and `X: 'X'` constants of ErrorCode objects. */
function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const dirs = [
    ...readdirSync(path.join(REPO, 'services')).map((name) => path.join(REPO, 'services', name, 'src')),
    path.join(REPO, 'gateway', 'src'),
  ];
  for (const file of dirs.flatMap((dir) => sourceFiles(dir))) {
    const text = readFileSync(file, 'utf8');
    const relative = path.relative(REPO, file);
    for (const match of text.matchAll(/(?:domainError|dossierError|badInput|identityError)\(\s*'([A-Z][A-Z_]+)'/g)) found.set(match[1]!, relative);
    for (const match of text.matchAll(/\bcode: '([A-Z][A-Z_]+)'/g)) found.set(match[1]!, relative);
    if (/ErrorCode = \{/.test(text)) {
      for (const match of text.matchAll(/^\s+([A-Z][A-Z_]+): '\1',?$/gm)) found.set(match[1]!, relative);
    }
  }
  return found;
}

describe('the documented list of error codes', () => {
  it('lists every code a subgraph or the gateway throws', () => {
    const undocumented = [...thrownCodes()].filter(([code]) => !isDocumentedErrorCode(code)).map(([code, file]) => `${code} (${file})`);
    expect(undocumented, `add these to ERROR_CODES in services/kit/src/errors.ts: ${undocumented.join(', ')}`).toEqual([]);
  });

  it('has each code once, with a kind and a description', () => {
    const codes = ERROR_CODES.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of ERROR_CODES) {
      expect(entry.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(entry.description.length).toBeGreaterThan(10);
    }
  });
});

let system: FakeSystem;
let development: RunningGateway;
let production: RunningGateway;

beforeAll(async () => {
  system = await startFakeSystem();
  const options = { port: 0, supergraphSdl: system.supergraphSdl, subgraphUrls: system.subgraphUrls };
  development = await startGateway({ ...options, production: false });
  production = await startGateway({ ...options, production: true });
});

afterAll(async () => {
  await Promise.all([development?.close(), production?.close()]);
  await system?.close();
});

const INTERNALS = /ECONNREFUSED|10\.0\.0\.7|password authentication|stacktrace|at [\w.<>]+ \(|dossier|identity|127\.0\.0\.1|http:\/\//;

describe('no internals for partner software, in both modes', () => {
  for (const mode of ['development', 'production'] as const) {
    it(`masks an internal error for a partner client (${mode})`, async () => {
      const gateway = mode === 'development' ? development : production;
      const response = await post(gateway.url, '{ broken persons { id } }', { token: await tokenFor(PARTNER) });
      expect(response.body.data).toMatchObject({ broken: null, persons: [{ id: 'p1' }, { id: 'p2' }] });
      expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(response.body)).not.toMatch(INTERNALS);
    });
  }

  it('masks it for a production employer too, and keeps development details for the developer only', async () => {
    const employer = await post(production.url, '{ broken }', { token: await tokenFor(EMPLOYER) });
    expect(JSON.stringify(employer.body)).not.toMatch(INTERNALS);
    const developer = await post(development.url, '{ broken }', { token: await tokenFor(EMPLOYER) });
    expect(developer.body.errors?.[0]?.message).toMatch(/ECONNREFUSED/);
  });
});

describe('input errors carry BAD_USER_INPUT and the argument path', () => {
  it('refuses a literal of the wrong type with the argument name', async () => {
    for (const gateway of [development, production]) {
      const response = await post(gateway.url, '{ person(id: 5.5) { id } }');
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(response.body.data ?? null).toBeNull();
    }
  });

  it('refuses a variable of the wrong type with its path, before any subgraph is asked', async () => {
    system.dossier.seen.length = 0;
    const response = await post(production.url, 'query P($id: ID!) { person(id: $id) { id } }', { variables: { id: { nested: true } } });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(response.body.data ?? null).toBeNull();
    expect(system.dossier.seen.filter((seen) => /person/.test(seen.body?.query ?? ''))).toHaveLength(0);
  });
});
