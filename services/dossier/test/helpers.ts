import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { demoId, runService, secret, signIdentity, type Identity, type RunningService } from '@poortwachter/kit';
import { service } from '../src/index.js';

// Test responses are checked field by field; a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface GraphQLResponse<T = Loose> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface DossierHarness {
  db: DatabaseServer;
  storageDir: string;
  running: RunningService;
  gql<T = Loose>(identity: Identity | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  sql<T = Loose>(text: string, parameters?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** One embedded Postgres and one running dossier subgraph (seeded with the demo data) per test file. */
export async function startDossier(): Promise<DossierHarness> {
  // Each test file runs in its own worker: its own document folder, removed again in stop().
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poortwachter-dossier-test-'));
  process.env.DOCUMENT_STORAGE_DIR = storageDir;
  const db = await startTestDatabase();
  const running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
  const signingSecret = secret('GATEWAY_SIGNING_SECRET');
  return {
    db,
    storageDir,
    running,
    async gql(identity, query, variables) {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signIdentity(identity, signingSecret) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<Loose>;
    },
    sql: (text, parameters = []) => running.deps.dataSource.query(text, parameters),
    async stop() {
      await running.close();
      await db.stop();
      fs.rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

export function codes(response: GraphQLResponse): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

const scope = (employerIds: string[] = [], divisionIds: string[] = [], departmentIds: string[] = []) => ({ employerIds, divisionIds, departmentIds });

export const actors = {
  employer1: { sub: 'user-werkgever', role: 'EMPLOYER', scope: scope([demoId('employer', 1)]) },
  employer2: { sub: 'user-werkgever2', role: 'EMPLOYER', scope: scope([demoId('employer', 2)]) },
  teamLeader: { sub: 'user-teamleider', role: 'EMPLOYER', scope: scope([], [], [demoId('department', 1)]) },
  employee: { sub: 'user-werknemer', role: 'EMPLOYEE', personId: demoId('person', 1) },
  caseManager: { sub: 'user-cm', role: 'CASE_MANAGER', scope: scope([demoId('employer', 1), demoId('employer', 2), demoId('employer', 3)]) },
  admin: { sub: 'user-admin', role: 'ADMIN' },
  planner: { sub: 'user-planner', role: 'PLANNER', scope: scope([demoId('employer', 1)]) },
  /** The demo bedrijfsarts as identity seeds her (her id authored the seeded medical note). */
  physician: { sub: demoId('user', 5), role: 'OCCUPATIONAL_PHYSICIAN', scope: scope([demoId('employer', 1), demoId('employer', 2), demoId('employer', 3)]) },
  /** Another employee (person 2). */
  otherEmployee: { sub: 'user-werknemer-2', role: 'EMPLOYEE', personId: demoId('person', 2) },
  apiClient: (apiScopes: string[]): Identity => ({ sub: 'client-afas', role: 'API_CLIENT', scope: scope([demoId('employer', 1)]), apiScopes }),
} satisfies Record<string, Identity | ((apiScopes: string[]) => Identity)>;

/** Jobs waiting in a consumer's queue, e.g. `activities.sick-case.reported`. */
export async function jobsIn(harness: DossierHarness, queue: string): Promise<{ id: string; data: Loose }[]> {
  return harness.sql('SELECT id, data FROM pgboss.job WHERE name = $1 ORDER BY created_on, id', [queue]);
}

/** Calls the subgraph's own file routes with a gateway-signed identity (null = no signature at all). */
export async function fileRequest(harness: DossierHarness, identity: Identity | null, path: string, init: RequestInit = {}): Promise<Response> {
  const origin = new URL(harness.running.url).origin;
  const signed = identity ? signIdentity(identity, secret('GATEWAY_SIGNING_SECRET')) : {};
  return fetch(`${origin}${path}`, { ...init, headers: { ...signed, ...(init.headers as Record<string, string> | undefined) } });
}
