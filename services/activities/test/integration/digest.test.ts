import { EventBus, runService, type RunningService } from '@poortwachter/kit';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import {
  computeDigests,
  handleUserChanged,
  parseUserChanged,
  runDailyDigest,
  type ActivityDigest,
  type UserChangedEvent,
} from '../../src/digest/daily-digest.js';
import { InvalidEventError } from '../../src/events/payloads.js';
import { handlePersonChanged, handleSickCaseReported } from '../../src/events/handlers.js';
import { service } from '../../src/index.js';
import { newId, waitFor } from '../helpers.js';

let db: DatabaseServer;
let running: RunningService;
let identityBus: EventBus;
const received: ActivityDigest[] = [];

/** A fixed day, far from the real today, so the test means the same on every run. */
const D = '2030-01-10';
const E1 = newId();
const E2 = newId();
const DEP1 = newId();
const DEP2 = newId();

const recipient = (role: string, scope: Partial<UserChangedEvent['scope']> = {}, extra: Partial<UserChangedEvent> = {}): UserChangedEvent => ({
  userId: newId(),
  role,
  personId: null,
  active: true,
  dailyDigest: true,
  scope: { employerIds: [], divisionIds: [], departmentIds: [], ...scope },
  ...extra,
});

const employer1 = recipient('EMPLOYER', { employerIds: [E1] });
const teamLeader = recipient('EMPLOYER', { departmentIds: [DEP2] });
const physician = recipient('OCCUPATIONAL_PHYSICIAN', { employerIds: [E2] });
const caseManager = recipient('CASE_MANAGER', { employerIds: [E1, E2] });
const admin = recipient('ADMIN');
const optedOut = recipient('EMPLOYER', { employerIds: [E1] }, { dailyDigest: false });
const blocked = recipient('EMPLOYER', { employerIds: [E1] }, { active: false });
const planner = recipient('PLANNER', { employerIds: [E1, E2] });
const quietEmployer = recipient('EMPLOYER', { employerIds: [newId()] });

const persons: Record<string, { personId: string; sickCaseId: string }> = {};

async function sickSince(name: string, employerId: string, departmentId: string | null, daysBeforeD: number) {
  const personId = newId();
  const sickCaseId = newId();
  const firstSickDay = addDays(D, -daysBeforeD);
  await handlePersonChanged(running.deps.dataSource, { personId, employerId, divisionId: null, departmentId, active: true });
  await handleSickCaseReported(running.deps.dataSource, {
    sickCaseId,
    personId,
    employerId,
    divisionId: null,
    departmentId,
    firstSickDay,
    termStartDay: firstSickDay,
    termGapDays: 0,
  });
  persons[name] = { personId, sickCaseId };
}

const titles = (digest: ActivityDigest | undefined, list: 'overdue' | 'due') =>
  (digest?.[list] ?? []).map((item) => `${Object.entries(persons).find(([, p]) => p.personId === item.personId)?.[0]}:${item.title}`);

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: false });
  identityBus = await EventBus.start({ connectionString: db.url, service: 'identity' });
  await identityBus.subscribe<ActivityDigest>('activity-digest.ready', async (digest) => {
    received.push(digest);
  });
  await sickSince('fresh', E1, DEP1, 0);
  await sickSince('week', E1, DEP2, 8);
  await sickSince('sixWeeks', E2, null, 40);
  await sickSince('sevenWeeks', E1, DEP1, 50);
  // A handled activity is no longer news.
  await running.deps.dataSource.query(
    `UPDATE activities.activity SET status = 'HANDLED' WHERE sick_case_id = $1 AND title = 'Screening dossier week 1'`,
    [persons.week!.sickCaseId],
  );
  for (const user of [employer1, teamLeader, physician, caseManager, admin, optedOut, blocked, planner, quietEmployer]) {
    await handleUserChanged(running.deps.dataSource, user);
  }
});

afterAll(async () => {
  await identityBus?.stop();
  await running?.close();
  await db?.stop();
});

describe('computeDigests', () => {
  let digests: ActivityDigest[];
  const of = (user: UserChangedEvent) => digests.find((digest) => digest.userId === user.userId);

  beforeAll(async () => {
    digests = await computeDigests(running.deps.dataSource, D);
  });

  it("gives an employer the overdue and the next seven days' open WG activities of their units, by deadline", () => {
    const digest = of(employer1)!;
    expect(digest.date).toBe(D);
    expect(titles(digest, 'overdue')).toEqual(['sevenWeeks:(Inzetbaarheids)gesprek', 'week:(Inzetbaarheids)gesprek']);
    // Day 50 of "sevenWeeks": the plan of action (deadline day 56) is due within the week.
    expect(titles(digest, 'due')).toEqual(['fresh:(Inzetbaarheids)gesprek', 'sevenWeeks:Plan van aanpak']);
    expect(digest.overdue[0]).toEqual({
      activityId: expect.any(String),
      title: '(Inzetbaarheids)gesprek',
      deadline: addDays(D, -49),
      personId: persons.sevenWeeks!.personId,
    });
    expect(digest).toMatchObject({ overdueTotal: 2, dueTotal: 2 });
  });

  it('limits a department-scoped employer to their department', () => {
    expect(titles(of(teamLeader), 'overdue')).toEqual(['week:(Inzetbaarheids)gesprek']);
    expect(titles(of(teamLeader), 'due')).toEqual([]);
  });

  it('gives the bedrijfsarts BA activities and the casemanager CM activities, skipping handled ones', () => {
    expect(titles(of(physician), 'overdue')).toEqual([]);
    expect(titles(of(physician), 'due')).toEqual(['sixWeeks:Spreekuur probleemanalyse']);
    // "week"'s screening is handled; "fresh"'s is due only on day 9.
    expect(titles(of(caseManager), 'overdue')).toEqual(['sevenWeeks:Screening dossier week 1', 'sixWeeks:Screening dossier week 1']);
    expect(titles(of(caseManager), 'due')).toEqual(['sevenWeeks:Screening PvA week 5–6']);
  });

  it('counts reminders only while the action list shows them (42 days from their signal date)', () => {
    const overdue = titles(of(admin), 'overdue');
    expect(overdue).toContain('sixWeeks:Inplannen spreekuur BA');
    expect(overdue).toContain('sixWeeks:Ondersteuning CM');
    expect(overdue.filter((title) => title.startsWith('sevenWeeks:Inplannen'))).toEqual([]);
    // The administrator's digest covers the WG activities of every employer.
    expect(overdue).toContain('week:(Inzetbaarheids)gesprek');
    expect(overdue.some((title) => title.includes('Screening'))).toBe(false);
  });

  it('sends nothing to users who opted out, are blocked, have no activity role, or have nothing to report', () => {
    for (const user of [optedOut, blocked, planner, quietEmployer]) expect(of(user)).toBeUndefined();
    expect(digests).toHaveLength(5);
  });
});

describe('runDailyDigest', () => {
  it('publishes each digest once per user and day, however often it runs', async () => {
    const first = await runDailyDigest(running.deps, D);
    expect(first).toEqual({ published: 5, alreadySent: 0 });
    await waitFor(async () => received.length >= 5, 'five digests');
    expect(new Set(received.map((digest) => digest.userId))).toEqual(
      new Set([employer1, teamLeader, physician, caseManager, admin].map((user) => user.userId)),
    );
    expect(received.find((digest) => digest.userId === physician.userId)).toMatchObject({
      date: D,
      overdue: [],
      due: [{ title: 'Spreekuur probleemanalyse', deadline: addDays(D, 2), personId: persons.sixWeeks!.personId }],
    });

    expect(await runDailyDigest(running.deps, D)).toEqual({ published: 0, alreadySent: 5 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received).toHaveLength(5);
    // The next day is a new digest.
    expect((await runDailyDigest(running.deps, addDays(D, 1))).published).toBe(5);
  });
});

describe('user.changed', () => {
  it("keeps the recipient read model from identity's events, the newest state winning", async () => {
    const user = recipient('EMPLOYER', { employerIds: [E2] });
    await identityBus.publish('user.changed', user);
    await identityBus.publish('user.changed', { ...user, dailyDigest: false });
    const stored = await waitFor(async () => {
      const [row] = (await running.deps.dataSource.query(
        `SELECT role, daily_digest AS "dailyDigest", employer_ids AS "employerIds" FROM activities.digest_recipient WHERE user_id = $1`,
        [user.userId],
      )) as { role: string; dailyDigest: boolean; employerIds: string[] }[];
      return row && !row.dailyDigest ? row : null;
    }, 'recipient stored');
    expect(stored).toEqual({ role: 'EMPLOYER', dailyDigest: false, employerIds: [E2] });
  });

  it('refuses malformed payloads', () => {
    const valid = recipient('EMPLOYER', { employerIds: [E1] });
    expect(parseUserChanged(valid)).toEqual(valid);
    expect(parseUserChanged({ ...valid, scope: undefined }).scope).toEqual({ employerIds: [], divisionIds: [], departmentIds: [] });
    for (const bad of [
      { ...valid, userId: 'x' },
      { ...valid, role: '' },
      { ...valid, active: 'yes' },
      { ...valid, dailyDigest: undefined },
      { ...valid, scope: { employerIds: ['not-a-uuid'] } },
      { ...valid, scope: { divisionIds: 'x' } },
      null,
    ]) {
      expect(() => parseUserChanged(bad)).toThrow(InvalidEventError);
    }
  });
});
