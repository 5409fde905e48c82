import { randomUUID } from 'node:crypto';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import {
  DEMO_USERS,
  EventBus,
  demoId,
  runService,
  signIdentity,
  type AccessLogEntry,
  type Identity,
  type RunningService,
} from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service, storeAccessLogEntries } from '../src/index.js';
import { gql, waitFor } from './helpers.js';

const employeeUserId = demoId('user', 1);
const employerUserId = demoId('user', 2);
const person1 = demoId('person', 1);
const person2 = demoId('person', 2);
const employee: Identity = { sub: employeeUserId, role: 'EMPLOYEE', personId: person1 };
const employer: Identity = {
  sub: employerUserId,
  role: 'EMPLOYER',
  scope: { employerIds: [demoId('employer', 1)], divisionIds: [], departmentIds: [] },
};
const admin: Identity = { sub: demoId('user', 8), role: 'ADMIN' };

let db: DatabaseServer;
let running: RunningService;

function entry(overrides: Partial<AccessLogEntry>): AccessLogEntry {
  return {
    event: 'person.read',
    at: new Date().toISOString(),
    outcome: 'success',
    userId: employerUserId,
    role: 'EMPLOYER',
    onBehalfOf: null,
    purpose: 'care',
    accessPoint: 'dossier:PersonDetail',
    personId: person1,
    source: 'dossier',
    ...overrides,
  };
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await running.deps.dataSource.query(sql, params);
  return Number(row.count);
}

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
});

afterAll(async () => {
  await running?.close();
  await db?.stop();
});

describe('demo seed', () => {
  it('creates every demo user with scopes, and running it again changes nothing', async () => {
    const before = await running.deps.dataSource.query(
      `SELECT id, username, role, person_id, employer_ids, department_ids, password_hash, updated_at FROM identity.users ORDER BY id`,
    );
    expect(before).toHaveLength(DEMO_USERS.length);
    const teamLead = before.find((u: { username: string }) => u.username === 'teamleider.demo');
    expect(teamLead.department_ids).toEqual([demoId('department', 1)]);
    expect(before.find((u: { username: string }) => u.username === 'werknemer.demo').person_id).toBe(person1);
    expect(before.every((u: { password_hash: string }) => u.password_hash.startsWith('$argon2id$'))).toBe(true);

    await service.seedDemo!(running.deps);
    const after = await running.deps.dataSource.query(
      `SELECT id, username, role, person_id, employer_ids, department_ids, password_hash, updated_at FROM identity.users ORDER BY id`,
    );
    expect(after).toEqual(before);
  });
});

describe('viewer and Person.user', () => {
  it('returns the signed-in user, and null for anonymous callers', async () => {
    const signedIn = await gql<{ viewer: { username: string } | null }>(running.url, '{ viewer { username } }', {}, employer);
    expect(signedIn.data?.viewer?.username).toBe('werkgever.demo');
    const anonymous = await gql<{ viewer: null }>(running.url, '{ viewer { username } }', {}, null);
    expect(anonymous.data?.viewer).toBeNull();
  });

  it('shows a person\'s account to the administrator and to the employee themself only', async () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { id user { username } } } }`;
    const representations = [
      { __typename: 'Person', id: person1 },
      { __typename: 'Person', id: person2 },
    ];
    type Result = { _entities: { id: string; user: { username: string } | null }[] };
    const asAdmin = await gql<Result>(running.url, query, { representations }, admin);
    expect(asAdmin.data?._entities[0]?.user?.username).toBe('werknemer.demo');
    const asSelf = await gql<Result>(running.url, query, { representations }, employee);
    expect(asSelf.data?._entities.map((p) => p.user?.username ?? null)).toEqual(['werknemer.demo', null]);
    const asEmployer = await gql<Result>(running.url, query, { representations }, employer);
    expect(asEmployer.data?._entities.map((p) => p.user)).toEqual([null, null]);
  });

  it('refuses requests without a gateway signature', async () => {
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(response.status).toBe(401);
    const forged = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(admin, 'a-different-secret-of-at-least-32-chars') },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(forged.status).toBe(401);
  });
});

describe('access log', () => {
  it('stores the lines of a job once, even when the job is delivered twice', async () => {
    const jobId = randomUUID();
    const lines = [entry({ event: 'sick-case.read' }), entry({ event: 'person.read', personId: person2 })];
    expect(await storeAccessLogEntries(running.deps.dataSource, lines, { jobId })).toBe(2);
    expect(await storeAccessLogEntries(running.deps.dataSource, lines, { jobId })).toBe(0);
    expect(await count(`SELECT count(*) FROM identity.access_log_entry WHERE source_key LIKE $1`, [`${jobId}:%`])).toBe(2);
  });

  it('rejects malformed lines instead of storing half an audit record', async () => {
    await expect(
      storeAccessLogEntries(running.deps.dataSource, entry({ personId: 'not-a-uuid' }), { jobId: randomUUID() }),
    ).rejects.toThrow(/personId/);
    await expect(
      storeAccessLogEntries(running.deps.dataSource, entry({ outcome: 'maybe' as 'success' }), { jobId: randomUUID() }),
    ).rejects.toThrow(/outcome/);
  });

  it('stores lines published by another subgraph through the event bus', async () => {
    const bus = await EventBus.start({ connectionString: db.url, service: 'dossier' });
    try {
      const marker = `dossier:BusTest-${randomUUID()}`;
      await bus.publishMany('access.logged', [entry({ accessPoint: marker }), entry({ accessPoint: marker, personId: person2 })]);
      const stored = await waitFor(async () => {
        const n = await count(`SELECT count(*) FROM identity.access_log_entry WHERE access_point = $1`, [marker]);
        return n >= 2 ? n : null;
      });
      expect(stored).toBe(2);
    } finally {
      await bus.stop();
    }
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const q = (sql: string) => running.deps.dataSource.query(sql);
    await expect(q(`UPDATE identity.access_log_entry SET event = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(q(`DELETE FROM identity.access_log_entry`)).rejects.toThrow(/append-only/);
    await expect(q(`TRUNCATE identity.access_log_entry`)).rejects.toThrow(/append-only/);
    expect(await count(`SELECT count(*) FROM identity.access_log_entry WHERE event = 'rewritten'`)).toBe(0);
  });

  it("shows the employee only the lines about their own person, newest first, with the actor's name", async () => {
    const jobId = randomUUID();
    await storeAccessLogEntries(
      running.deps.dataSource,
      [
        entry({ at: '2026-03-01T09:00:00.000Z', event: 'sick-case.read', personId: person1 }),
        entry({ at: '2026-03-02T09:00:00.000Z', event: 'person.read', personId: person1, userId: demoId('user', 5), role: 'OCCUPATIONAL_PHYSICIAN' }),
        entry({ at: '2026-03-03T09:00:00.000Z', event: 'person.read', personId: person2 }),
      ],
      { jobId },
    );
    type Result = { myAccessLog: { at: string; event: string; actorName: string | null; role: string | null; source: string }[] };
    // Lines about this person keep arriving in the background (this very query is logged too), so
    // the answer holds at least the lines stored before it and at most those stored after it.
    const aboutPerson1 = () => count(`SELECT count(*) FROM identity.access_log_entry WHERE person_id = $1`, [person1]);
    const before = await aboutPerson1();
    const result = await gql<Result>(running.url, '{ myAccessLog { at event outcome actorName role purpose accessPoint source } }', {}, employee);
    expect(result.errors).toBeUndefined();
    const lines = result.data!.myAccessLog;
    const personIdsOfLines: { person_id: string }[] = await running.deps.dataSource.query(
      `SELECT DISTINCT person_id FROM identity.access_log_entry WHERE person_id IS NOT NULL`,
    );
    expect(personIdsOfLines.map((r) => r.person_id)).toContain(person2);
    expect(lines.length).toBeGreaterThanOrEqual(before);
    expect(lines.length).toBeLessThanOrEqual(await aboutPerson1());
    const times = lines.map((l) => new Date(l.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const physician = lines.find((l) => l.at === '2026-03-02T09:00:00.000Z');
    expect(physician).toMatchObject({ event: 'person.read', actorName: 'dr. Marieke Bos (bedrijfsarts)', role: 'OCCUPATIONAL_PHYSICIAN', source: 'dossier' });
    expect(lines.some((l) => l.at === '2026-03-03T09:00:00.000Z')).toBe(false);
  });

  it('is only for employees', async () => {
    const result = await gql(running.url, '{ myAccessLog { at } }', {}, employer);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(running.url, '{ myAccessLog { at } }', {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
