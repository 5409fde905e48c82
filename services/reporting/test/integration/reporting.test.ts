import { EventBus, runService, type Identity, type RunningService } from '@poortwachter/kit';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/domain/dates.js';
import { reportingService, service } from '../../src/index.js';
import { applyCase, sickCasePayload } from '../events.js';
import { graphql, newId, scope, waitFor } from '../helpers.js';

let db: DatabaseServer;
let running: RunningService;
let dossier: EventBus;
let pool: pg.Pool;

const today = todayIn();
const daysAgo = (days: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

const E1 = newId();
const E2 = newId();
const E3 = newId();
const DIV1 = newId();
const DEP1 = newId();
const DEP2 = newId();

const employer1: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [E1] }) };
const teamLeader: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ departmentIds: [DEP2] }) };
const admin: Identity = { sub: newId(), role: 'ADMIN' };

const QUERY = `query ($employerId: ID) { openAbsenceByDurationClass(employerId: $employerId) { durationClass label minDays maxDays count share } }`;
interface ClassCount {
  durationClass: string;
  label: string;
  count: number;
  share: number;
}

async function byClass(url: string, identity: Identity | null, employerId?: string) {
  return graphql<{ openAbsenceByDurationClass: ClassCount[] }>(
    url,
    identity,
    QUERY,
    employerId ? { employerId } : {},
  );
}

const counts = (rows: ClassCount[]) => rows.map((row) => row.count);

async function fact(
  employerId: string,
  firstSickDay: string,
  options: { departmentId?: string; recoveredOn?: string } = {},
) {
  await applyCase(running.deps.dataSource, {
    personId: newId(),
    employerId,
    divisionId: employerId === E1 ? DIV1 : null,
    departmentId: options.departmentId ?? null,
    firstSickDay,
    recoveredOn: options.recoveredOn ?? null,
  });
}

beforeAll(async () => {
  db = await startTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: false });
  dossier = await EventBus.start({ connectionString: db.url, service: 'dossier' });
  // E1: 1 and 7 days short; 8 and 42 medium; 43 and 365 long; 366 extra long (department 2).
  for (const days of [0, 6, 7, 41, 42, 364]) await fact(E1, daysAgo(days), { departmentId: DEP1 });
  await fact(E1, daysAgo(365), { departmentId: DEP2 });
  // Not open today: recovered, not yet started. Still open: recovery only tomorrow.
  await fact(E1, daysAgo(20), { departmentId: DEP1, recoveredOn: daysAgo(2) });
  await fact(E1, daysAgo(-3), { departmentId: DEP1 });
  await fact(E1, daysAgo(10), { departmentId: DEP2, recoveredOn: daysAgo(-1) });
  // E2: two short ones.
  await fact(E2, daysAgo(1));
  await fact(E2, daysAgo(2));
});

afterAll(async () => {
  await dossier?.stop();
  await running?.close();
  await pool?.end();
  await db?.stop();
});

describe('openAbsenceByDurationClass', () => {
  it("counts an employer's open absence per class, in SQL from the read model", async () => {
    const { data, errors } = await byClass(running.url, employer1);
    expect(errors).toBeUndefined();
    const rows = data!.openAbsenceByDurationClass;
    expect(rows.map((row) => [row.durationClass, row.label, row.count])).toEqual([
      ['SHORT', 'Kort (1–7 dagen)', 2],
      ['MEDIUM', 'Middellang (8–42 dagen)', 3],
      ['LONG', 'Lang (43–365 dagen)', 2],
      ['EXTRA_LONG', 'Extra lang (> 365 dagen)', 1],
    ]);
    expect(rows.map((row) => row.share)).toEqual([2 / 8, 3 / 8, 2 / 8, 1 / 8]);
    expect((await byClass(running.url, employer1, E1)).data!.openAbsenceByDurationClass).toEqual(rows);
  });

  it("refuses another employer's id and roles without statistics", async () => {
    expect((await byClass(running.url, employer1, E2)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const caseManager: Identity = { sub: newId(), role: 'CASE_MANAGER', scope: scope({ employerIds: [E1] }) };
    expect((await byClass(running.url, caseManager)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const employee: Identity = { sub: newId(), role: 'EMPLOYEE', personId: newId() };
    expect((await byClass(running.url, employee)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await byClass(running.url, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await byClass(running.url, admin, 'not-an-id')).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('limits a team leader to their department, within their employer', async () => {
    expect(counts((await byClass(running.url, teamLeader)).data!.openAbsenceByDurationClass)).toEqual([
      0, 1, 0, 1,
    ]);
    expect(counts((await byClass(running.url, teamLeader, E1)).data!.openAbsenceByDurationClass)).toEqual([
      0, 1, 0, 1,
    ]);
    expect((await byClass(running.url, teamLeader, E2)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives the administrator everything, or one employer, and zeros where nothing is open', async () => {
    expect(counts((await byClass(running.url, admin)).data!.openAbsenceByDurationClass)).toEqual([
      4, 3, 2, 1,
    ]);
    expect(counts((await byClass(running.url, admin, E2)).data!.openAbsenceByDurationClass)).toEqual([
      2, 0, 0, 0,
    ]);
    const none = (await byClass(running.url, admin, E3)).data!.openAbsenceByDurationClass;
    expect(none.map((row) => [row.count, row.share])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('uses configured class boundaries', async () => {
    const custom = await runService(
      reportingService({ boundaries: { shortMaxDays: 3, mediumMaxDays: 10, longMaxDays: 100 } }),
      {
        port: 0,
        databaseUrl: db.url,
        seedDemo: false,
      },
    );
    try {
      const rows = (await byClass(custom.url, employer1)).data!.openAbsenceByDurationClass;
      // 1, 7, 8, 42, 43, 365, 366 days and 11 (recovering tomorrow).
      expect(rows.map((row) => [row.label, row.count])).toEqual([
        ['Kort (1–3 dagen)', 1],
        ['Middellang (4–10 dagen)', 2],
        ['Lang (11–100 dagen)', 3],
        ['Extra lang (> 100 dagen)', 2],
      ]);
    } finally {
      await custom.close();
    }
  });
});

describe('the absence read model', () => {
  const factOf = async (sickCaseId: string) =>
    (
      await pool.query(
        `SELECT employer_id AS "employerId", first_sick_day::text AS "firstSickDay", recovered_on::text AS "recoveredOn", absence_percentage AS "absencePercentage"
           FROM reporting.sick_case WHERE sick_case_id = $1`,
        [sickCaseId],
      )
    ).rows[0];
  const logged = async (sickCaseId: string) =>
    (await pool.query(`SELECT count(*)::int AS n FROM reporting.event_log WHERE subject_id = $1`, [sickCaseId])).rows[0].n;

  it('ends right when the recovery arrives before the report, and redelivery changes nothing', async () => {
    const sickCaseId = newId();
    const personId = newId();
    const spec = { sickCaseId, personId, employerId: E3, firstSickDay: daysAgo(30), absencePercentage: 50 };
    const reportedAt = new Date(Date.now() - 60_000).toISOString();
    const report = sickCasePayload(spec, reportedAt);
    await dossier.publish('sick-case.recovered', {
      ...sickCasePayload({ ...spec, recoveredOn: daysAgo(1) }, reportedAt),
      recoveredAt: new Date(Date.now() - 30_000).toISOString(),
    });
    await waitFor(async () => (await factOf(sickCaseId))?.recoveredOn === daysAgo(1), 'the recovery');
    await dossier.publish('sick-case.reported', report);
    const expected = { employerId: E3, firstSickDay: daysAgo(30), recoveredOn: daysAgo(1), absencePercentage: 50 };
    const sentinel = newId();
    await dossier.publish('sick-case.reported', { ...report, sickCaseId: sentinel });
    await waitFor(async () => (await factOf(sentinel)) !== undefined, 'the sentinel');
    // The older report, arriving late, does not undo the recovery.
    expect(await factOf(sickCaseId)).toEqual(expected);
    expect(await logged(sickCaseId)).toBe(2);
    // Only the sentinel (30 days, medium) is open in E3.
    expect(counts((await byClass(running.url, admin, E3)).data!.openAbsenceByDurationClass)).toEqual([
      0, 1, 0, 0,
    ]);

    // The same report delivered again is recognised and not logged twice.
    await dossier.publish('sick-case.reported', report);
    const sentinel2 = newId();
    await dossier.publish('sick-case.reported', { ...report, sickCaseId: sentinel2 });
    await waitFor(async () => (await factOf(sentinel2)) !== undefined, 'the second sentinel');
    expect(await logged(sickCaseId)).toBe(2);
    expect(await factOf(sickCaseId)).toEqual(expected);
  });
});
