import { runService, type Identity, type RunningService } from '@poortwachter/kit';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildReadModel } from '../../src/events/projection.js';
import { service } from '../../src/index.js';
import { applyCase, applyEmployment } from '../events.js';
import { graphql, newId, scope } from '../helpers.js';

/*
 * Hand-computed cases (every number below is worked out in the comments, not by the code):
 *
 * P1 full-timer (1.0, dept A) since 2020, sick 10–19 Jan 2025 (recovered 20 Jan), 100 %, work accident.
 * P2 part-timer (0.5, dept A), sick from 25 Jan 100 %, from 1 Feb 50 % (not a new report), recovered 11 Feb.
 * P3 part-timer (0.8, dept B), sick 20 Dec 2024 – 4 Jan 2025 (recovered 5 Jan): crosses the period start.
 * P4 full-timer (1.0, dept A) until 14 Feb, then 0.6 in dept B from 15 Feb; sick 10–19 Feb (recovered 20 Feb):
 *    crosses the employment change, 5 days in each employment.
 * P5 starts 16 Mar 2025 (1.0, dept B), sick 20–24 Mar (recovered 25 Mar).
 */
let db: DatabaseServer;
let running: RunningService;
let pool: pg.Pool;

const E = newId();
const OTHER = newId();
const DIV = newId();
const DEP_A = newId();
const DEP_B = newId();
const [P1, P2, P3, P4, P5] = [newId(), newId(), newId(), newId(), newId()];

const admin: Identity = { sub: newId(), role: 'ADMIN' };
const hr: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [E] }) };
const teamLeaderB: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ departmentIds: [DEP_B] }) };
const otherHr: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [OTHER] }) };
const partner: Identity = { sub: newId(), role: 'API_CLIENT', scope: scope({ employerIds: [E] }), apiScopes: ['reports:read'] };
const partnerWithoutScope: Identity = { sub: newId(), role: 'API_CLIENT', scope: scope({ employerIds: [E] }), apiScopes: ['persons:read'] };
const caseManager: Identity = { sub: newId(), role: 'CASE_MANAGER', scope: scope({ employerIds: [E] }) };

const QUERY = `query ($input: AbsenceStatisticsInput!) {
  absenceStatistics(input: $input) {
    from to grouping breakdown weighting
    rows {
      period { key start end days }
      department { id }
      absencePercentage reportFrequency averageDuration zeroAbsencePercentage
      sickDays employedDays averageEmployees employees employeesWithAbsence newReports endedCases
      durationClasses { durationClass count share }
    }
  }
}`;

interface Row {
  period: { key: string; start: string; end: string; days: number };
  department: { id: string } | null;
  absencePercentage: number | null;
  reportFrequency: number | null;
  averageDuration: number | null;
  zeroAbsencePercentage: number | null;
  sickDays: number;
  employedDays: number;
  averageEmployees: number;
  employees: number;
  employeesWithAbsence: number;
  newReports: number;
  endedCases: number;
  durationClasses: { durationClass: string; count: number; share: number }[];
}

async function statistics(identity: Identity | null, input: Record<string, unknown>) {
  return graphql<{ absenceStatistics: { from: string; to: string; rows: Row[] } }>(running.url, identity, QUERY, {
    input,
  });
}

async function rows(input: Record<string, unknown>, identity: Identity = admin): Promise<Row[]> {
  const { data, errors } = await statistics(identity, input);
  expect(errors).toBeUndefined();
  return data!.absenceStatistics.rows;
}

const Q1 = { from: '2025-01-01', to: '2025-03-31' };

beforeAll(async () => {
  db = await startTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: false });
  const ds = running.deps.dataSource;
  const unitA = { employerId: E, divisionId: DIV, departmentId: DEP_A };
  const unitB = { employerId: E, divisionId: DIV, departmentId: DEP_B };
  await applyEmployment(ds, { personId: P1, ...unitA, startDate: '2020-01-01', partTimeFactor: 1 });
  await applyEmployment(ds, { personId: P2, ...unitA, startDate: '2020-01-01', partTimeFactor: 0.5 });
  await applyEmployment(ds, { personId: P3, ...unitB, startDate: '2020-01-01', partTimeFactor: 0.8 });
  await applyEmployment(ds, { personId: P4, ...unitA, startDate: '2020-01-01', endDate: '2025-02-14', partTimeFactor: 1 });
  await applyEmployment(ds, { personId: P4, ...unitB, startDate: '2025-02-15', partTimeFactor: 0.6 });
  await applyEmployment(ds, { personId: P5, ...unitB, startDate: '2025-03-16', partTimeFactor: 1 });
  // Someone of another employer, who must never show up in E's figures.
  const outsider = newId();
  await applyEmployment(ds, { personId: outsider, employerId: OTHER, startDate: '2020-01-01', partTimeFactor: 1 });
  await applyCase(ds, { personId: outsider, employerId: OTHER, firstSickDay: '2025-01-02', recoveredOn: '2025-03-01' });

  await applyCase(ds, { personId: P1, ...unitA, firstSickDay: '2025-01-10', recoveredOn: '2025-01-20', workAccident: true });
  await applyCase(ds, {
    personId: P2,
    ...unitA,
    firstSickDay: '2025-01-25',
    course: [{ from: '2025-02-01', absencePercentage: 50 }],
    recoveredOn: '2025-02-11',
  });
  await applyCase(ds, { personId: P3, ...unitB, firstSickDay: '2024-12-20', recoveredOn: '2025-01-05' });
  await applyCase(ds, { personId: P4, ...unitA, firstSickDay: '2025-02-10', recoveredOn: '2025-02-20' });
  await applyCase(ds, { personId: P5, ...unitB, firstSickDay: '2025-03-20', recoveredOn: '2025-03-25' });
});

afterAll(async () => {
  await running?.close();
  await pool?.end();
  await db?.stop();
});

describe('absenceStatistics: the formulas on hand-computed cases', () => {
  it.each([
    {
      what: 'January: P1 10 days, P2 7 full days × 0.5, P3 4 days (from the period start) × 0.8',
      key: '2025-01',
      // sick 10 + 3.5 + 3.2 = 16.7; employed 31 × (1 + 0.5 + 0.8 + 1) = 102.3
      sickDays: 16.7,
      employedDays: 102.3,
      zvp: (16.7 / 102.3) * 100,
      // new reports P1, P2; headcount days 4 × 31 = 124
      newReports: 2,
      zmf: (2 * 365) / 124,
      // ended: P3 (16 days, 20 Dec – 4 Jan) and P1 (10 days)
      endedCases: 2,
      gzvd: 13,
      // 4 employees, P1 P2 P3 absent
      employees: 4,
      nulverzuim: 25,
      // P2 counted to 31 Jan: 7 days short; P1 10 and P3 16 medium
      classes: [1, 2, 0, 0],
    },
    {
      what: 'February: P2 10 days at 50 % × 0.5, P4 5 days × 1.0 in dept A and 5 days × 0.6 in dept B',
      key: '2025-02',
      // sick 2.5 + 5 + 3 = 10.5; employed 28 + 14 + 22.4 + 14 + 8.4 = 86.8
      sickDays: 10.5,
      employedDays: 86.8,
      zvp: (10.5 / 86.8) * 100,
      // only P4 is new: P2's step to 50 % is not a new report; headcount days 4 × 28 = 112
      newReports: 1,
      zmf: 365 / 112,
      // P2 17 days (25 Jan – 10 Feb) and P4 10 days
      endedCases: 2,
      gzvd: 13.5,
      employees: 4,
      nulverzuim: 50,
      // P2 17 days and P4 10 days: both medium
      classes: [0, 2, 0, 0],
    },
    {
      what: 'March: P5 started on the 16th, sick 5 days',
      key: '2025-03',
      // employed 31 + 15.5 + 24.8 + 18.6 + 16 = 105.9
      sickDays: 5,
      employedDays: 105.9,
      zvp: (5 / 105.9) * 100,
      newReports: 1,
      // headcount days 4 × 31 + 16 = 140
      zmf: 365 / 140,
      endedCases: 1,
      gzvd: 5,
      employees: 5,
      nulverzuim: 80,
      classes: [1, 0, 0, 0],
    },
  ])('$what', async (expected) => {
    const month = (await rows({ ...Q1, grouping: 'MONTH', unitIds: [E] })).find((row) => row.period.key === expected.key)!;
    expect(month.sickDays).toBeCloseTo(expected.sickDays, 6);
    expect(month.employedDays).toBeCloseTo(expected.employedDays, 6);
    expect(month.absencePercentage).toBeCloseTo(expected.zvp, 9);
    expect(month.newReports).toBe(expected.newReports);
    expect(month.reportFrequency).toBeCloseTo(expected.zmf, 9);
    expect(month.endedCases).toBe(expected.endedCases);
    expect(month.averageDuration).toBeCloseTo(expected.gzvd, 9);
    expect(month.employees).toBe(expected.employees);
    expect(month.zeroAbsencePercentage).toBeCloseTo(expected.nulverzuim, 9);
    expect(month.durationClasses.map((entry) => entry.count)).toEqual(expected.classes);
  });

  it('gives the quarter as the sums of its months, not the average of their percentages', async () => {
    const [quarter] = await rows({ ...Q1, grouping: 'QUARTER', unitIds: [E] });
    expect(quarter!.period).toEqual({ key: '2025-Q1', start: '2025-01-01', end: '2025-03-31', days: 90 });
    // 32.2 / 295.0; reports 4 × 365 / 376 headcount days; ended 16+10+17+10+5 = 58 over 5; nobody without absence
    expect(quarter!.absencePercentage).toBeCloseTo((32.2 / 295) * 100, 9);
    expect(quarter!.reportFrequency).toBeCloseTo((4 * 365) / 376, 9);
    expect(quarter!.averageDuration).toBeCloseTo(11.6, 9);
    expect(quarter!.zeroAbsencePercentage).toBe(0);
    expect(quarter!.averageEmployees).toBeCloseTo(376 / 90, 9);
    const [total] = await rows({ ...Q1, grouping: 'TOTAL', unitIds: [E] });
    expect(total!.period.key).toBe('TOTAL');
    expect(total!.absencePercentage).toBeCloseTo(quarter!.absencePercentage!, 12);
  });

  it('cuts years at the calendar and counts only the days inside each', async () => {
    const years = await rows({ from: '2024-12-01', to: '2025-01-31', grouping: 'YEAR', unitIds: [E] });
    expect(years.map((row) => [row.period.key, row.period.start, row.period.end])).toEqual([
      ['2024', '2024-12-01', '2024-12-31'],
      ['2025', '2025-01-01', '2025-01-31'],
    ]);
    // December: P3 12 days × 0.8 = 9.6 over 102.3
    expect(years[0]!.absencePercentage).toBeCloseTo((9.6 / 102.3) * 100, 9);
    expect(years[1]!.absencePercentage).toBeCloseTo((16.7 / 102.3) * 100, 9);
  });

  it('groups by ISO week (Monday to Sunday)', async () => {
    const [week] = await rows({ from: '2025-01-06', to: '2025-01-12', grouping: 'ISO_WEEK', unitIds: [E] });
    expect(week!.period).toEqual({ key: '2025-W02', start: '2025-01-06', end: '2025-01-12', days: 7 });
    // P1 sick 10–12 Jan: 3 days over 7 × 3.3 = 23.1
    expect(week!.absencePercentage).toBeCloseTo((3 / 23.1) * 100, 9);
  });

  it('looks back 12 months in a rolling row', async () => {
    const rolling = await rows({ from: '2025-03-01', to: '2025-03-31', grouping: 'ROLLING_12_MONTHS', unitIds: [E] });
    expect(rolling).toHaveLength(1);
    expect(rolling[0]!.period).toEqual({ key: '2025-03', start: '2024-04-01', end: '2025-03-31', days: 365 });
    // employed 365 + 182.5 + 292 + 320 + 27 + 16 = 1202.5; sick 12.8 + 10 + 6 + 8 + 5 = 41.8
    expect(rolling[0]!.employedDays).toBeCloseTo(1202.5, 6);
    expect(rolling[0]!.absencePercentage).toBeCloseTo((41.8 / 1202.5) * 100, 9);
  });

  it('breaks down by department, each employment counting where it was', async () => {
    const february = (await rows({ from: '2025-02-01', to: '2025-02-28', grouping: 'MONTH', breakdown: 'DEPARTMENT', unitIds: [E] }));
    const byDepartment = Object.fromEntries(february.map((row) => [row.department?.id, row]));
    expect(Object.keys(byDepartment).sort()).toEqual([DEP_A, DEP_B].sort());
    // A: (2.5 + 5) / (28 + 14 + 14); B: 3 / (22.4 + 8.4)
    expect(byDepartment[DEP_A]!.absencePercentage).toBeCloseTo((7.5 / 56) * 100, 9);
    expect(byDepartment[DEP_B]!.absencePercentage).toBeCloseTo((3 / 30.8) * 100, 9);
    // P4's case was reported in dept A
    expect(byDepartment[DEP_A]!.newReports).toBe(1);
    expect(byDepartment[DEP_B]!.newReports).toBe(0);
  });

  it('weighs by headcount when asked, and leaves out work accidents when asked', async () => {
    const [headcount] = await rows({ from: '2025-01-01', to: '2025-01-31', grouping: 'TOTAL', weighting: 'HEADCOUNT', unitIds: [E] });
    // P1 10 + P2 7 + P3 4 = 21 over 4 × 31
    expect(headcount!.absencePercentage).toBeCloseTo((21 / 124) * 100, 9);
    const [excluded] = await rows({ from: '2025-01-01', to: '2025-01-31', grouping: 'TOTAL', workAccidents: 'EXCLUDE', unitIds: [E] });
    expect(excluded!.absencePercentage).toBeCloseTo((6.7 / 102.3) * 100, 9);
    expect(excluded!.newReports).toBe(1);
    const [only] = await rows({ from: '2025-01-01', to: '2025-01-31', grouping: 'TOTAL', workAccidents: 'ONLY', unitIds: [E] });
    expect(only!.sickDays).toBeCloseTo(10, 9);
  });

  it('uses the duration class boundaries given', async () => {
    const [january] = await rows({
      from: '2025-01-01',
      to: '2025-01-31',
      grouping: 'TOTAL',
      unitIds: [E],
      durationClasses: { shortMaxDays: 10, mediumMaxDays: 15, longMaxDays: 20 },
    });
    // 7 and 10 days short, 16 days long
    expect(january!.durationClasses.map((entry) => entry.count)).toEqual([2, 0, 1, 0]);
  });
});

describe('absenceStatistics: scope and bad input', () => {
  it('counts only what the caller may see', async () => {
    const all = await rows({ ...Q1, grouping: 'TOTAL' }, admin);
    const employer = await rows({ ...Q1, grouping: 'TOTAL' }, hr);
    const onlyE = await rows({ ...Q1, grouping: 'TOTAL', unitIds: [E] }, admin);
    expect(employer[0]!.absencePercentage).toBeCloseTo(onlyE[0]!.absencePercentage!, 12);
    expect(all[0]!.employees).toBe(6);
    expect(employer[0]!.employees).toBe(5);
    expect((await rows({ ...Q1, grouping: 'TOTAL' }, partner))[0]!.employees).toBe(5);
    // The team leader of B sees February of B only: 3 / 30.8.
    const [february] = await rows({ from: '2025-02-01', to: '2025-02-28', grouping: 'TOTAL' }, teamLeaderB);
    expect(february!.absencePercentage).toBeCloseTo((3 / 30.8) * 100, 9);
    expect(february!.employees).toBe(2);
  });

  it.each([
    ['the end before the start', admin, { from: '2025-02-01', to: '2025-01-31', grouping: 'MONTH' }, 'PERIOD_END_BEFORE_START', 'input.to'],
    ['a span over ten years', admin, { from: '2010-01-01', to: '2025-01-31', grouping: 'YEAR' }, 'PERIOD_TOO_LONG', 'input.to'],
    ['too many weeks', admin, { from: '2020-01-01', to: '2025-01-31', grouping: 'ISO_WEEK' }, 'PERIOD_TOO_LONG', 'input.to'],
    ['a period in the future', admin, { from: '2999-01-01', to: '2999-01-31', grouping: 'MONTH' }, 'PERIOD_IN_FUTURE', 'input.from'],
    ['the employer for a team leader', teamLeaderB, { ...Q1, grouping: 'MONTH', unitIds: [DEP_B, E] }, 'UNIT_OUT_OF_SCOPE', 'input.unitIds.1'],
    ['another employer', otherHr, { ...Q1, grouping: 'MONTH', unitIds: [DEP_A] }, 'UNIT_OUT_OF_SCOPE', 'input.unitIds.0'],
    ['a malformed unit id', hr, { ...Q1, grouping: 'MONTH', unitIds: ['nope'] }, 'BAD_USER_INPUT', 'input.unitIds.0'],
    ['falling duration classes', hr, { ...Q1, grouping: 'MONTH', durationClasses: { shortMaxDays: 10, mediumMaxDays: 5, longMaxDays: 20 } }, 'INVALID_DURATION_CLASSES', 'input.durationClasses'],
  ])('refuses %s with a stable code', async (_what, identity, input, code, field) => {
    const { data, errors } = await statistics(identity, input);
    expect(data?.absenceStatistics ?? null).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code, field });
  });

  it('refuses an unknown grouping, roles without statistics and partners without reports:read', async () => {
    expect((await statistics(admin, { ...Q1, grouping: 'DECADE' })).errors?.[0]?.extensions?.code).toMatch(
      /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
    );
    expect((await statistics(caseManager, { ...Q1, grouping: 'MONTH' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await statistics(partnerWithoutScope, { ...Q1, grouping: 'MONTH' })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await statistics(null, { ...Q1, grouping: 'MONTH' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the read model after a rebuild', () => {
  const snapshot = async () => {
    const tables = {
      sick_case: 'sick_case_id',
      absence_segment: 'sick_case_id, from_day',
      employment: 'employment_id',
      org_unit: 'unit_id',
    };
    const result: Record<string, unknown[]> = {};
    for (const [table, order] of Object.entries(tables))
      result[table] = (await pool.query(`SELECT * FROM reporting.${table} ORDER BY ${order}`)).rows;
    return result;
  };

  it('is identical to the incrementally built one, and so are the figures', async () => {
    const before = await snapshot();
    const figuresBefore = await rows({ ...Q1, grouping: 'MONTH', breakdown: 'DEPARTMENT' });
    expect(before.absence_segment!.length).toBeGreaterThan(5);
    await rebuildReadModel(running.deps.dataSource);
    expect(await snapshot()).toEqual(before);
    expect(await rows({ ...Q1, grouping: 'MONTH', breakdown: 'DEPARTMENT' })).toEqual(figuresBefore);
  });
});

describe('saved selections', () => {
  const SAVE = `mutation ($name: String!, $input: AbsenceStatisticsInput!) { saveSelection(name: $name, input: $input) { id name input } }`;
  const LIST = `{ savedSelections { id name input } }`;
  const input = { from: '2025-01-01', to: '2025-03-31', grouping: 'MONTH', breakdown: 'DEPARTMENT', unitIds: [E] };

  it('are saved per user, replaced by name, reusable as input, and private', async () => {
    const saved = await graphql<{ saveSelection: { id: string; input: Record<string, unknown> } }>(running.url, hr, SAVE, { name: ' Q1 per afdeling ', input });
    expect(saved.errors).toBeUndefined();
    await graphql(running.url, hr, SAVE, { name: 'Q1 per afdeling', input: { ...input, grouping: 'QUARTER' } });
    const listed = await graphql<{ savedSelections: { id: string; name: string; input: Record<string, unknown> }[] }>(running.url, hr, LIST);
    expect(listed.data!.savedSelections.map((entry) => [entry.id, entry.name, entry.input.grouping])).toEqual([
      [saved.data!.saveSelection.id, 'Q1 per afdeling', 'QUARTER'],
    ]);
    const reused = await rows(listed.data!.savedSelections[0]!.input, hr);
    expect(reused.map((row) => row.period.key)).toEqual(['2025-Q1', '2025-Q1']);
    expect((await graphql<{ savedSelections: unknown[] }>(running.url, otherHr, LIST)).data!.savedSelections).toEqual([]);
    const empty = await graphql(running.url, hr, SAVE, { name: '  ', input });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await graphql(running.url, caseManager, LIST)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
