import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { demoId, type Identity, type RunningService, runService } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import { gql } from './helpers.js';

const employer1 = demoId('employer', 1);
const employer2 = demoId('employer', 2);
const admin: Identity = { sub: demoId('user', 8), role: 'ADMIN' };
const employee: Identity = { sub: demoId('user', 1), role: 'EMPLOYEE', personId: demoId('person', 1) };
const werkgever: Identity = { sub: demoId('user', 2), role: 'EMPLOYER', scope: { employerIds: [employer1], divisionIds: [], departmentIds: [] } };
const planner: Identity = { sub: demoId('user', 7), role: 'PLANNER', scope: { employerIds: [employer2], divisionIds: [], departmentIds: [] } };
const partner: Identity = { sub: '5b0e5a0e-0000-4000-8000-000000000001', role: 'API_CLIENT', scope: { employerIds: [employer1], divisionIds: [], departmentIds: [] }, apiScopes: ['persons:read'] };

const USERS = `query U($filter: UserFilter, $page: PageInput) {
  users(filter: $filter, page: $page) { total items { id username role blocked email personId twoFactorMethod activatedAt lastLoginAt scope { employerIds divisionIds departmentIds } } }
}`;
const UPDATE_ACCESS = `mutation A($input: UpdateUserAccessInput!) { updateUserAccess(input: $input) { id role scope { employerIds divisionIds departmentIds } } }`;
const SETTINGS = `query { mySettings { actionListDaysAhead dailyDigest locale } }`;
const UPDATE_SETTINGS = `mutation S($input: UpdateMySettingsInput!) { updateMySettings(input: $input) { actionListDaysAhead dailyDigest locale } }`;

interface UserRow {
  id: string;
  username: string;
  role: string;
  blocked: boolean;
  email: string | null;
  twoFactorMethod: string | null;
  activatedAt: string | null;
  lastLoginAt: string | null;
  scope: { employerIds: string[]; divisionIds: string[]; departmentIds: string[] } | null;
}

let db: DatabaseServer;
let running: RunningService;

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
});

afterAll(async () => {
  await running?.close();
  await db?.stop();
});

const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
const users = (identity: Identity | null, variables: Record<string, unknown> = {}) =>
  gql<{ users: { total: number; items: UserRow[] } }>(running.url, USERS, variables, identity);

/** `user.changed` jobs waiting in activities' queue (activities does not run in these tests). */
async function userChangedJobs(userId: string): Promise<{ active: boolean; dailyDigest: boolean; role: string; scope: { departmentIds: string[] } }[]> {
  const rows: { data: { userId: string } & Record<string, unknown> }[] = await running.deps.dataSource.query(
    `SELECT data FROM pgboss.job WHERE name = 'activities.user.changed' AND data->>'userId' = $1 ORDER BY created_on`,
    [userId],
  );
  return rows.map((row) => row.data as never);
}

describe('users (administrator list)', () => {
  it('lists every account for the administrator, with the administrative fields', async () => {
    const result = await users(admin, { page: { limit: 200 } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.users.total).toBe(8);
    const byName = new Map(result.data!.users.items.map((user) => [user.username, user]));
    const hr = byName.get('werkgever.demo')!;
    expect(hr.email).toBe('werkgever.demo@poortwachter.example');
    expect(hr.twoFactorMethod).toBe('TOTP');
    expect(hr.activatedAt).not.toBeNull();
    expect(hr.scope).toEqual({ employerIds: [employer1], divisionIds: [], departmentIds: [] });
    expect(byName.get('beheerder.demo')!.scope).toBeNull();
  });

  it('filters by search text, role and blocked, and pages', async () => {
    expect((await users(admin, { filter: { search: 'JANSEN' } })).data!.users.items.map((u) => u.username)).toEqual(['werkgever.demo']);
    const employers = (await users(admin, { filter: { role: 'EMPLOYER' } })).data!.users;
    expect(employers.total).toBe(3);
    expect(employers.items.every((u) => u.role === 'EMPLOYER')).toBe(true);
    expect((await users(admin, { filter: { blocked: true } })).data!.users.total).toBe(0);
    const page = (await users(admin, { page: { offset: 2, limit: 3 } })).data!.users;
    expect(page.items).toHaveLength(3);
    expect(page.total).toBe(8);
    expect(codeOf(await users(admin, { page: { limit: 500 } }))).toBe('INVALID_PAGE');
    // A LIKE wildcard in the search is taken literally.
    expect((await users(admin, { filter: { search: '%' } })).data!.users.total).toBe(0);
  });

  it('gives a planner only employees and the employer users of their own employers', async () => {
    const result = await users(planner);
    expect(result.errors).toBeUndefined();
    expect(result.data!.users.items.map((u) => u.username).sort()).toEqual(['werkgever2.demo', 'werknemer.demo']);
    expect(result.data!.users.items.find((u) => u.username === 'werkgever2.demo')!.email).toBe('werkgever2.demo@poortwachter.example');
  });

  it('refuses employers, employees, partner clients and anonymous callers', async () => {
    expect(codeOf(await users(werkgever))).toBe('FORBIDDEN');
    expect(codeOf(await users(employee))).toBe('FORBIDDEN');
    expect(codeOf(await users(partner))).toBe('FORBIDDEN');
    expect(codeOf(await users(null))).toBe('UNAUTHENTICATED');
  });

  it('shows e-mail, scope and second factor only to the administrator and the account holder', async () => {
    const ENTITY = `query E($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { username email twoFactorMethod scope { employerIds } lastLoginAt } } }`;
    const reps = [{ __typename: 'User', id: demoId('user', 5) }];
    const asEmployer = await gql<{ _entities: Record<string, unknown>[] }>(running.url, ENTITY, { reps }, werkgever);
    expect(asEmployer.data!._entities[0]).toEqual({ username: 'bedrijfsarts.demo', email: null, twoFactorMethod: null, scope: null, lastLoginAt: null });
    const self = await gql<{ viewer: { email: string; scope: { employerIds: string[] } } }>(running.url, `query { viewer { email scope { employerIds } } }`, {}, werkgever);
    expect(self.data!.viewer).toEqual({ email: 'werkgever.demo@poortwachter.example', scope: { employerIds: [employer1] } });
  });
});

describe('updateUserAccess', () => {
  const teamleader = demoId('user', 3);

  it('changes role and scope, ends the sessions, logs the action and publishes user.changed', async () => {
    await running.deps.dataSource.query(
      `INSERT INTO identity.sessions (id, user_id, absolute_expires_at) VALUES ('7f1d3c2a-0000-4000-8000-000000000001', $1, now() + interval '1 hour')`,
      [teamleader],
    );
    const before = (await userChangedJobs(teamleader)).length;
    const department2 = demoId('department', 2);
    const result = await gql<{ updateUserAccess: UserRow }>(
      running.url,
      UPDATE_ACCESS,
      { input: { userId: teamleader, role: 'EMPLOYER', scope: { departmentIds: [department2, department2] } } },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateUserAccess.scope).toEqual({ employerIds: [], divisionIds: [], departmentIds: [department2] });
    const [session] = await running.deps.dataSource.query(`SELECT revoked_reason FROM identity.sessions WHERE user_id = $1`, [teamleader]);
    expect(session.revoked_reason).toBe('access-changed');
    const [log] = await running.deps.dataSource.query(
      `SELECT user_id, role FROM identity.access_log_entry WHERE event = 'account.access-changed' ORDER BY id DESC LIMIT 1`,
    );
    expect(log).toEqual({ user_id: admin.sub, role: 'ADMIN' });
    const jobs = await userChangedJobs(teamleader);
    expect(jobs.length).toBe(before + 1);
    expect(jobs.at(-1)).toMatchObject({ role: 'EMPLOYER', active: true, dailyDigest: true, scope: { departmentIds: [department2] } });
  });

  it('refuses bad changes with their codes and changes nothing', async () => {
    const attempt = (input: Record<string, unknown>, identity: Identity = admin) => gql(running.url, UPDATE_ACCESS, { input }, identity);
    expect(codeOf(await attempt({ userId: teamleader, role: 'EMPLOYER', scope: { employerIds: [employer2] } }, werkgever))).toBe('FORBIDDEN');
    expect(codeOf(await attempt({ userId: teamleader, role: 'EMPLOYER', scope: { employerIds: [employer2] } }, planner))).toBe('FORBIDDEN');
    expect(codeOf(await attempt({ userId: teamleader, role: 'EMPLOYER', scope: {} }))).toBe('SCOPE_REQUIRED');
    expect(codeOf(await attempt({ userId: teamleader, role: 'EMPLOYER', scope: { employerIds: ['nope'] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await attempt({ userId: teamleader, role: 'ADMIN', scope: { employerIds: [employer1] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await attempt({ userId: teamleader, role: 'EMPLOYEE' }))).toBe('ROLE_CHANGE_NOT_ALLOWED');
    expect(codeOf(await attempt({ userId: employee.sub, role: 'EMPLOYER', scope: { employerIds: [employer1] } }))).toBe('ROLE_CHANGE_NOT_ALLOWED');
    expect(codeOf(await attempt({ userId: admin.sub, role: 'PLANNER', scope: { employerIds: [employer1] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await attempt({ userId: demoId('user', 99), role: 'EMPLOYER', scope: { employerIds: [employer1] } }))).toBe('NOT_FOUND');
    const [row] = await running.deps.dataSource.query(`SELECT role, employer_ids, department_ids FROM identity.users WHERE id = $1`, [teamleader]);
    expect(row).toEqual({ role: 'EMPLOYER', employer_ids: [], department_ids: [demoId('department', 2)] });
  });

  it('lets the administrator make a casemanager a planner with a narrower scope', async () => {
    const result = await gql<{ updateUserAccess: UserRow }>(
      running.url,
      UPDATE_ACCESS,
      { input: { userId: demoId('user', 6), role: 'PLANNER', scope: { employerIds: [employer1] } } },
      admin,
    );
    expect(result.data!.updateUserAccess).toMatchObject({ role: 'PLANNER', scope: { employerIds: [employer1] } });
  });
});

describe('mySettings', () => {
  it('starts with the defaults and saves partial changes', async () => {
    const first = await gql<{ mySettings: unknown }>(running.url, SETTINGS, {}, werkgever);
    expect(first.data!.mySettings).toEqual({ actionListDaysAhead: 28, dailyDigest: true, locale: 'nl' });
    const changed = await gql<{ updateMySettings: unknown }>(running.url, UPDATE_SETTINGS, { input: { actionListDaysAhead: 14, locale: 'EN' } }, werkgever);
    expect(changed.data!.updateMySettings).toEqual({ actionListDaysAhead: 14, dailyDigest: true, locale: 'en' });
    expect((await gql<{ mySettings: unknown }>(running.url, SETTINGS, {}, werkgever)).data!.mySettings).toEqual({
      actionListDaysAhead: 14,
      dailyDigest: true,
      locale: 'en',
    });
    // Another user's settings are their own.
    expect((await gql<{ mySettings: unknown }>(running.url, SETTINGS, {}, employee)).data!.mySettings).toEqual({
      actionListDaysAhead: 28,
      dailyDigest: true,
      locale: 'nl',
    });
  });

  it('publishes user.changed when the digest is switched off, and not for other settings', async () => {
    const before = (await userChangedJobs(werkgever.sub)).length;
    await gql(running.url, UPDATE_SETTINGS, { input: { actionListDaysAhead: 21 } }, werkgever);
    expect((await userChangedJobs(werkgever.sub)).length).toBe(before);
    await gql(running.url, UPDATE_SETTINGS, { input: { dailyDigest: false } }, werkgever);
    const jobs = await userChangedJobs(werkgever.sub);
    expect(jobs.length).toBe(before + 1);
    expect(jobs.at(-1)).toMatchObject({ dailyDigest: false, active: true });
    await gql(running.url, UPDATE_SETTINGS, { input: { dailyDigest: true } }, werkgever);
  });

  it('refuses bad values, partner clients and anonymous callers', async () => {
    for (const days of [0, 366]) {
      expect(codeOf(await gql(running.url, UPDATE_SETTINGS, { input: { actionListDaysAhead: days } }, werkgever))).toBe('INVALID_DAYS_AHEAD');
    }
    expect(codeOf(await gql(running.url, UPDATE_SETTINGS, { input: { locale: 'de' } }, werkgever))).toBe('UNSUPPORTED_LOCALE');
    expect(codeOf(await gql(running.url, SETTINGS, {}, partner))).toBe('FORBIDDEN');
    expect(codeOf(await gql(running.url, UPDATE_SETTINGS, { input: { dailyDigest: false } }, partner))).toBe('FORBIDDEN');
    expect(codeOf(await gql(running.url, SETTINGS, {}, null))).toBe('UNAUTHENTICATED');
    expect((await gql<{ mySettings: { actionListDaysAhead: number } }>(running.url, SETTINGS, {}, werkgever)).data!.mySettings.actionListDaysAhead).toBe(21);
  });
});

describe('user.changed at seed time', () => {
  it('announces every demo account, and announces them again on a second seed', async () => {
    const count = async () =>
      Number((await running.deps.dataSource.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'activities.user.changed'`))[0].n);
    const before = await count();
    const employeeJobs = await userChangedJobs(employee.sub);
    expect(employeeJobs[0]).toMatchObject({ role: 'EMPLOYEE', active: true, dailyDigest: true });
    await service.seedDemo!(running.deps);
    expect(await count()).toBe(before + 8);
  });
});
