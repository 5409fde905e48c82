import { randomUUID } from 'node:crypto';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { demoId, type Identity, type RunningService, runService } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAccessLogEntries } from '../src/events/access-logged.js';
import { service } from '../src/index.js';
import { gql } from './helpers.js';

const employer1 = demoId('employer', 1);
const employer2 = demoId('employer', 2);
const division1 = demoId('division', 1);
const department1 = demoId('department', 1);
const department2 = demoId('department', 2);
const werkgever: Identity = { sub: demoId('user', 2), role: 'EMPLOYER', scope: { employerIds: [employer1], divisionIds: [], departmentIds: [] } };
const teamleider: Identity = { sub: demoId('user', 3), role: 'EMPLOYER', scope: { employerIds: [], divisionIds: [], departmentIds: [department1] } };
const physician: Identity = { sub: demoId('user', 5), role: 'OCCUPATIONAL_PHYSICIAN', scope: { employerIds: [employer1], divisionIds: [], departmentIds: [] } };
const admin: Identity = { sub: demoId('user', 8), role: 'ADMIN' };
const employee: Identity = { sub: demoId('user', 1), role: 'EMPLOYEE', personId: demoId('person', 1) };
const partner: Identity = { sub: randomUUID(), role: 'API_CLIENT', scope: { employerIds: [employer1], divisionIds: [], departmentIds: [] }, apiScopes: ['persons:read'] };

const FIELDS = 'widgets availableWidgets recentDossiersDays unit { employerId divisionId departmentId }';
const DASHBOARD = `query { myDashboard { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateMyDashboardInput!) { updateMyDashboard(input: $input) { ${FIELDS} } }`;
const SELECT = `mutation ($input: SelectMyUnitInput) { selectMyUnit(input: $input) { ${FIELDS} } }`;
const RECENT = `query ($limit: Int) { myRecentDossiers(limit: $limit) { person { id } openedAt } }`;

interface Dashboard {
  widgets: string[];
  availableWidgets: string[];
  recentDossiersDays: number;
  unit: { employerId: string; divisionId: string | null; departmentId: string | null } | null;
}

let db: DatabaseServer;
let running: RunningService;
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.field;

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
});

afterAll(async () => {
  await running?.close();
  await db?.stop();
});

describe('myDashboard', () => {
  it('starts with the role\'s widgets and offers each role only what it may see', async () => {
    const employer = await gql<{ myDashboard: Dashboard }>(running.url, DASHBOARD, {}, werkgever);
    expect(employer.errors).toBeUndefined();
    expect(employer.data!.myDashboard).toMatchObject({ recentDossiersDays: 14, unit: null });
    expect(employer.data!.myDashboard.availableWidgets).toHaveLength(7);
    expect(employer.data!.myDashboard.widgets).not.toContain('MANAGEMENT_REPORTS');
    const ba = (await gql<{ myDashboard: Dashboard }>(running.url, DASHBOARD, {}, physician)).data!.myDashboard;
    expect(ba.availableWidgets).toEqual(['ACTION_LIST', 'CURRENT_ABSENCE', 'RECENT_DOSSIERS']);
    expect(ba.widgets.some((widget) => ['OPEN_ABSENCE_ANALYSIS', 'MONTHLY_ABSENCE_PERCENTAGE'].includes(widget))).toBe(false);
    expect(codeOf(await gql(running.url, DASHBOARD, {}, employee))).toBe('FORBIDDEN');
    expect(codeOf(await gql(running.url, DASHBOARD, {}, partner))).toBe('FORBIDDEN');
    expect(codeOf(await gql(running.url, DASHBOARD, {}, null))).toBe('UNAUTHENTICATED');
  });

  it('stores the chosen widgets in their order and the period, per user', async () => {
    const order = ['RECENT_DOSSIERS', 'MONTHLY_ABSENCE_PERCENTAGE', 'ACTION_LIST'];
    const saved = await gql<{ updateMyDashboard: Dashboard }>(running.url, UPDATE, { input: { widgets: order, recentDossiersDays: 30 } }, werkgever);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateMyDashboard).toMatchObject({ widgets: order, recentDossiersDays: 30 });
    const reread = (await gql<{ myDashboard: Dashboard }>(running.url, DASHBOARD, {}, werkgever)).data!.myDashboard;
    expect(reread).toMatchObject({ widgets: order, recentDossiersDays: 30 });
    // Only the period changes; the order stays.
    const period = await gql<{ updateMyDashboard: Dashboard }>(running.url, UPDATE, { input: { recentDossiersDays: 7 } }, werkgever);
    expect(period.data!.updateMyDashboard).toMatchObject({ widgets: order, recentDossiersDays: 7 });
    // An empty dashboard is a choice too.
    const none = await gql<{ updateMyDashboard: Dashboard }>(running.url, UPDATE, { input: { widgets: [] } }, admin);
    expect(none.data!.updateMyDashboard.widgets).toEqual([]);
    // Another user is untouched, and the existing settings stay as they were.
    expect((await gql<{ myDashboard: Dashboard }>(running.url, DASHBOARD, {}, physician)).data!.myDashboard.recentDossiersDays).toBe(14);
    const settings = await gql<{ mySettings: { actionListDaysAhead: number } }>(running.url, '{ mySettings { actionListDaysAhead } }', {}, werkgever);
    expect(settings.data!.mySettings.actionListDaysAhead).toBe(28);
  });

  it('refuses widgets the role may not see, duplicates and a bad period, changing nothing', async () => {
    const before = (await gql<{ myDashboard: Dashboard }>(running.url, DASHBOARD, {}, physician)).data!.myDashboard;
    const attempts = [
      { widgets: ['ACTION_LIST', 'OPEN_ABSENCE_ANALYSIS'] },
      { widgets: ['ACTION_LIST', 'ACTION_LIST'] },
      { recentDossiersDays: 0 },
      { recentDossiersDays: 366 },
    ];
    const fields = [];
    for (const input of attempts) {
      const result = await gql(running.url, UPDATE, { input }, physician);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      fields.push(fieldOf(result));
    }
    expect(fields).toEqual(['input.widgets', 'input.widgets', 'input.recentDossiersDays', 'input.recentDossiersDays']);
    expect(codeOf(await gql(running.url, UPDATE, { input: { widgets: ['NO_SUCH'] } }, physician))).toBe('BAD_USER_INPUT');
    expect((await gql<{ myDashboard: Dashboard }>(running.url, DASHBOARD, {}, physician)).data!.myDashboard).toEqual(before);
    expect(codeOf(await gql(running.url, UPDATE, { input: { widgets: [] } }, employee))).toBe('FORBIDDEN');
  });
});

describe('selectMyUnit', () => {
  it('remembers a unit inside the scope and clears it again', async () => {
    const unit = { employerId: employer1, divisionId: division1, departmentId: department1 };
    const chosen = await gql<{ selectMyUnit: Dashboard }>(running.url, SELECT, { input: unit }, werkgever);
    expect(chosen.errors).toBeUndefined();
    expect(chosen.data!.selectMyUnit.unit).toEqual(unit);
    expect((await gql<{ myDashboard: Dashboard }>(running.url, DASHBOARD, {}, werkgever)).data!.myDashboard.unit).toEqual(unit);
    const whole = await gql<{ selectMyUnit: Dashboard }>(running.url, SELECT, { input: { employerId: employer1 } }, werkgever);
    expect(whole.data!.selectMyUnit.unit).toEqual({ employerId: employer1, divisionId: null, departmentId: null });
    const cleared = await gql<{ selectMyUnit: Dashboard }>(running.url, SELECT, { input: null }, werkgever);
    expect(cleared.data!.selectMyUnit.unit).toBeNull();
    const team = await gql<{ selectMyUnit: Dashboard }>(running.url, SELECT, { input: unit }, teamleider);
    expect(team.data!.selectMyUnit.unit).toEqual(unit);
    const anyUnit = await gql<{ selectMyUnit: Dashboard }>(running.url, SELECT, { input: { employerId: employer2 } }, admin);
    expect(anyUnit.data!.selectMyUnit.unit).toMatchObject({ employerId: employer2 });
  });

  it('refuses units outside the scope and broken paths, keeping the previous choice', async () => {
    const kept = { employerId: employer1, divisionId: division1, departmentId: department1 };
    await gql(running.url, SELECT, { input: kept }, teamleider);
    const attempts: [Record<string, unknown>, string, string | undefined][] = [
      [{ employerId: employer2 }, 'FORBIDDEN', undefined],
      // A teamleider of one department may not widen the choice to the whole employer or another department.
      [{ employerId: employer1 }, 'FORBIDDEN', undefined],
      [{ employerId: employer1, divisionId: division1, departmentId: department2 }, 'FORBIDDEN', undefined],
      [{ employerId: employer1, departmentId: department1 }, 'BAD_USER_INPUT', 'input.divisionId'],
      [{ employerId: 'x' }, 'BAD_USER_INPUT', 'input.employerId'],
    ];
    for (const [input, code, field] of attempts) {
      const result = await gql(running.url, SELECT, { input }, teamleider);
      expect([codeOf(result), fieldOf(result)]).toEqual([code, field]);
    }
    expect((await gql<{ myDashboard: Dashboard }>(running.url, DASHBOARD, {}, teamleider)).data!.myDashboard.unit).toEqual(kept);
    expect(codeOf(await gql(running.url, SELECT, { input: { employerId: employer1 } }, partner))).toBe('FORBIDDEN');
  });

  it('drops a remembered unit the scope no longer covers', async () => {
    await gql(running.url, SELECT, { input: { employerId: employer1 } }, werkgever);
    const moved: Identity = { ...werkgever, scope: { employerIds: [employer2], divisionIds: [], departmentIds: [] } };
    expect((await gql<{ myDashboard: Dashboard }>(running.url, DASHBOARD, {}, moved)).data!.myDashboard.unit).toBeNull();
  });
});

describe('myRecentDossiers', () => {
  it('lists the persons whose dossier the user opened within the period, newest first, from the access log', async () => {
    const user = demoId('user', 6);
    const caller: Identity = { sub: user, role: 'CASE_MANAGER', scope: { employerIds: [employer1], divisionIds: [], departmentIds: [] } };
    const [older, newer, listed, long, someoneElses] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const opened = (personId: string, daysAgo: number, userId = user) => ({
      event: 'person.read',
      at: at(daysAgo),
      outcome: 'success' as const,
      userId,
      role: 'CASE_MANAGER',
      onBehalfOf: null,
      purpose: 'care',
      accessPoint: 'dossier:PersonDossier',
      personId,
      source: 'dossier' as const,
    });
    await storeAccessLogEntries(
      running.deps.dataSource,
      [
        opened(older, 3),
        opened(newer, 1),
        opened(older, 2),
        // Read in a list, not opened:
        { ...opened(listed, 1), accessPoint: 'dossier:Persons' },
        // Opened before the period:
        opened(long, 20),
        // Opened by somebody else:
        opened(someoneElses, 1, demoId('user', 2)),
        // Refused:
        { ...opened(randomUUID(), 1), outcome: 'denied' as const },
      ],
      { jobId: randomUUID() },
    );
    const result = await gql<{ myRecentDossiers: { person: { id: string }; openedAt: string }[] }>(running.url, RECENT, {}, caller);
    expect(result.errors).toBeUndefined();
    expect(result.data!.myRecentDossiers.map((row) => row.person.id)).toEqual([newer, older]);
    expect(new Date(result.data!.myRecentDossiers[1]!.openedAt).getTime()).toBeGreaterThan(Date.now() - 2.5 * 86_400_000);
    await gql(running.url, UPDATE, { input: { recentDossiersDays: 30 } }, caller);
    const longer = await gql<{ myRecentDossiers: { person: { id: string } }[] }>(running.url, RECENT, { limit: 2 }, caller);
    expect(longer.data!.myRecentDossiers.map((row) => row.person.id)).toEqual([newer, older]);
    const all = await gql<{ myRecentDossiers: { person: { id: string } }[] }>(running.url, RECENT, {}, caller);
    expect(all.data!.myRecentDossiers.map((row) => row.person.id)).toEqual([newer, older, long]);
    const bad = await gql(running.url, RECENT, { limit: 51 }, caller);
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'limit']);
    expect(codeOf(await gql(running.url, RECENT, {}, employee))).toBe('FORBIDDEN');
  });
});
