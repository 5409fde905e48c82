import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { demoId, runService, type Identity, type RunningService } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service, verifyAccessToken, type JsonWebKeySet } from '../src/index.js';
import { gql } from './helpers.js';

const admin: Identity = { sub: demoId('user', 8), role: 'ADMIN' };
const CREATE = `mutation C($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret client { id name employerId scopes revokedAt } } }`;
const TOKEN = `mutation T($id: String!, $secret: String!, $scope: String) {
  clientCredentialsToken(clientId: $id, clientSecret: $secret, scope: $scope) { accessToken tokenType expiresIn scope }
}`;

let db: DatabaseServer;
let running: RunningService;

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: false });
});

afterAll(async () => {
  await running?.close();
  await db?.stop();
});

const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

async function jwks(): Promise<JsonWebKeySet> {
  const result = await gql<{ jwks: JsonWebKeySet }>(running.url, `{ jwks { keys { kty crv x y kid alg use } } }`);
  return { keys: result.data!.jwks.keys.map((key) => Object.fromEntries(Object.entries(key).filter(([, v]) => v !== null))) };
}

describe('partner API clients', () => {
  it('an admin creates a client; it gets a scoped token for its employer; revoked, it gets none', async () => {
    const input = { name: 'AFAS-koppeling', employerId: demoId('employer', 2), scopes: ['persons:read', 'sickcases:write'] };
    expect(codeOf(await gql(running.url, CREATE, { input }, { sub: demoId('user', 7), role: 'PLANNER' }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(running.url, CREATE, { input: { ...input, scopes: ['alles:mag'] } }, admin))).toBe('INVALID_SCOPE');
    const created = await gql<{ createApiClient: { clientSecret: string; client: { id: string; scopes: string[] } } }>(running.url, CREATE, { input }, admin);
    expect(created.errors).toBeUndefined();
    const { clientSecret, client } = created.data!.createApiClient;
    const stored = await running.deps.dataSource.query(`SELECT * FROM identity.api_clients WHERE id = $1`, [client.id]);
    expect(JSON.stringify(stored)).not.toContain(clientSecret);

    const token = await gql<{ clientCredentialsToken: { accessToken: string; tokenType: string; expiresIn: number; scope: string } }>(running.url, TOKEN, {
      id: client.id,
      secret: clientSecret,
    });
    expect(token.errors).toBeUndefined();
    expect(token.data!.clientCredentialsToken).toMatchObject({ tokenType: 'Bearer', scope: 'persons:read sickcases:write' });
    expect(token.data!.clientCredentialsToken.expiresIn).toBeGreaterThan(800);
    const identity = await verifyAccessToken(token.data!.clientCredentialsToken.accessToken, await jwks());
    expect(identity).toEqual({
      sub: client.id,
      role: 'API_CLIENT',
      apiScopes: ['persons:read', 'sickcases:write'],
      scope: { employerIds: [demoId('employer', 2)], divisionIds: [], departmentIds: [] },
    });

    const narrowed = await gql<{ clientCredentialsToken: { scope: string } }>(running.url, TOKEN, { id: client.id, secret: clientSecret, scope: 'persons:read' });
    expect(narrowed.data!.clientCredentialsToken.scope).toBe('persons:read');
    expect(codeOf(await gql(running.url, TOKEN, { id: client.id, secret: clientSecret, scope: 'persons:write' }))).toBe('INVALID_SCOPE');
    expect(codeOf(await gql(running.url, TOKEN, { id: client.id, secret: `${clientSecret}x` }))).toBe('INVALID_CLIENT');
    expect(codeOf(await gql(running.url, TOKEN, { id: 'onbekend', secret: clientSecret }))).toBe('INVALID_CLIENT');

    const revoked = await gql(running.url, `mutation R($id: ID!) { revokeApiClient(id: $id) { revokedAt } }`, { id: client.id }, admin);
    expect(revoked.errors).toBeUndefined();
    expect(codeOf(await gql(running.url, TOKEN, { id: client.id, secret: clientSecret }))).toBe('INVALID_CLIENT');
    const listed = await gql<{ apiClients: { id: string; revokedAt: string | null }[] }>(running.url, `{ apiClients { id revokedAt } }`, {}, admin);
    expect(listed.data!.apiClients.find((c) => c.id === client.id)!.revokedAt).not.toBeNull();
  });

  it('throttles guessing a client secret', async () => {
    const created = await gql<{ createApiClient: { client: { id: string } } }>(
      running.url,
      CREATE,
      { input: { name: 'Salarispakket', employerId: demoId('employer', 1), scopes: ['persons:read'] } },
      admin,
    );
    const id = created.data!.createApiClient.client.id;
    for (let i = 0; i < 6; i++) expect(codeOf(await gql(running.url, TOKEN, { id, secret: `gok-${i}` }))).toBe('INVALID_CLIENT');
    expect(codeOf(await gql(running.url, TOKEN, { id, secret: 'gok-7' }))).toBe('TOO_MANY_ATTEMPTS');
  });
});
