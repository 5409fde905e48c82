import { EventBus, runService, type RunningService } from '@poortwachter/kit';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { service } from '../../src/index.js';
import { STANDARD_PROTOCOL, TRAJECTORY_CODES } from '../fixtures/standard-protocol.js';
import { newId, waitFor } from '../helpers.js';

interface Row {
  id: string;
  sickCaseId: string;
  code: string;
  role: string;
  kind: string;
  signalDate: string;
  deadline: string;
  status: string;
}

let db: DatabaseServer;
let running: RunningService | null = null;
let dossier: EventBus;
let pool: pg.Pool;

const EMPLOYER = newId();

async function start(): Promise<void> {
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: false });
}

async function stop(): Promise<void> {
  await running?.close();
  running = null;
}

async function activitiesOfPerson(personId: string): Promise<Row[]> {
  const result = await pool.query<Row>(
    `SELECT a.id, a.sick_case_id AS "sickCaseId", r.code, a.role, a.kind, a.signal_date::text AS "signalDate",
            a.deadline::text AS deadline, a.status
       FROM activities.activity a JOIN activities.protocol_row r ON r.id = a.protocol_row_id
      WHERE a.person_id = $1 ORDER BY r.position`,
    [personId],
  );
  return result.rows;
}

function reported(
  personId: string,
  firstSickDay: string,
  extra: Partial<{ sickCaseId: string; termStartDay: string; termGapDays: number }> = {},
) {
  return {
    sickCaseId: extra.sickCaseId ?? newId(),
    personId,
    employerId: EMPLOYER,
    divisionId: null,
    departmentId: null,
    firstSickDay,
    absencePercentage: 100,
    termStartDay: extra.termStartDay ?? firstSickDay,
    termGapDays: extra.termGapDays ?? 0,
    reportedAt: new Date().toISOString(),
  };
}

/** Waits until the person has `count` activities matching the filter. */
const waitForActivities = (personId: string, count: number, filter: (row: Row) => boolean = () => true) =>
  waitFor(async () => {
    const rows = await activitiesOfPerson(personId);
    return rows.filter(filter).length === count ? rows : undefined;
  }, `${count} activities of ${personId}`);

beforeAll(async () => {
  db = await startTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
  await start();
  dossier = await EventBus.start({ connectionString: db.url, service: 'dossier' });
});

afterAll(async () => {
  await dossier?.stop();
  await stop();
  await pool?.end();
  await db?.stop();
});

describe('the standard protocol migration', () => {
  it('seeds exactly the Bijlage II table', async () => {
    const { rows } = await pool.query(
      `SELECT r.id, r.code, r.title, r.role, r.kind, r.signal_day AS "signalDay", r.deadline_day AS "deadlineDay", r.trigger
         FROM activities.protocol_row r JOIN activities.protocol p ON p.id = r.protocol_id
        WHERE p.employer_id IS NULL ORDER BY r.position`,
    );
    expect(rows).toEqual(STANDARD_PROTOCOL);
  });

  it('seeds the activity type catalogue of Bijlage I', async () => {
    const { rows } = await pool.query(
      `SELECT category, count(*)::int AS n FROM activities.activity_type GROUP BY category ORDER BY category`,
    );
    expect(rows).toEqual([
      { category: 'WG_ACTION', n: 5 },
      { category: 'WG_REMINDER', n: 5 },
      { category: 'WG_REQUEST', n: 5 },
    ]);
  });
});

describe('sick-case.reported', () => {
  const person = newId();
  const event = reported(person, '2025-03-03');

  it('creates the trajectory with the protocol dates', async () => {
    await dossier.publish('sick-case.reported', event);
    const rows = await waitForActivities(person, TRAJECTORY_CODES.length);
    expect(rows.map((row) => row.code)).toEqual(TRAJECTORY_CODES);
    for (const row of rows) {
      const spec = STANDARD_PROTOCOL.find((candidate) => candidate.code === row.code)!;
      expect(row).toMatchObject({
        sickCaseId: event.sickCaseId,
        role: spec.role,
        kind: spec.kind,
        status: 'OPEN',
        signalDate: addDays('2025-03-03', spec.signalDay),
        deadline: addDays('2025-03-03', spec.deadlineDay),
      });
    }
  });

  it('changes nothing when the same event arrives twice', async () => {
    const before = await activitiesOfPerson(person);
    await dossier.publish('sick-case.reported', event);
    await dossier.publish('sick-case.reported', event);
    // Jobs of a queue are handled in order: once the sentinel is handled, so are the duplicates.
    const sentinel = newId();
    await dossier.publish('sick-case.reported', reported(sentinel, '2025-03-03'));
    await waitForActivities(sentinel, TRAJECTORY_CODES.length);
    expect(await activitiesOfPerson(person)).toEqual(before);
  });

  it('closes the steps an imported case already handled in its previous system', async () => {
    const imported = newId();
    await dossier.publish('sick-case.reported', { ...reported(imported, '2025-01-06'), handledBefore: '2025-03-01' });
    const rows = await waitForActivities(imported, TRAJECTORY_CODES.length);
    for (const row of rows) {
      expect(row.status, `${row.code} due ${row.deadline}`).toBe(row.deadline < '2025-03-01' ? 'HANDLED' : 'OPEN');
    }
    expect(rows.some((row) => row.status === 'HANDLED')).toBe(true);
    expect(rows.some((row) => row.status === 'OPEN')).toBe(true);
  });

  it('on recovery cancels what is not yet due and closes reminders', async () => {
    await dossier.publish('sick-case.recovered', {
      sickCaseId: event.sickCaseId,
      personId: person,
      recoveredOn: '2025-03-20',
    });
    const rows = await waitForActivities(
      person,
      1,
      (row) => row.code === 'BA_PROBLEEMANALYSE' && row.status === 'CANCELLED',
    );
    const status = Object.fromEntries(rows.map((row) => [row.code, row.status]));
    expect(status).toMatchObject({
      WG_INZETBAARHEIDSGESPREK: 'OPEN',
      CM_SCREENING_WEEK_1: 'OPEN',
      WG_REMINDER_SPREEKUUR_BA: 'CANCELLED',
      WG_REMINDER_ONDERSTEUNING_CM: 'CANCELLED',
      WG_PLAN_VAN_AANPAK: 'CANCELLED',
      WG_EINDEVALUATIE_PVA: 'CANCELLED',
    });
  });

  it('a relapse within the term continues its trajectory without duplicates', async () => {
    // Recovered on 20 March after 17 sick days; sick again from 30 March: 10 gap days.
    const relapse = reported(person, '2025-03-30', { termStartDay: '2025-03-03', termGapDays: 10 });
    await dossier.publish('sick-case.reported', relapse);
    const rows = await waitForActivities(
      person,
      1,
      (row) => row.code === 'BA_PROBLEEMANALYSE' && row.status === 'OPEN',
    );
    expect(rows).toHaveLength(TRAJECTORY_CODES.length);
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row]));
    expect(byCode.BA_PROBLEEMANALYSE).toMatchObject({
      sickCaseId: relapse.sickCaseId,
      signalDate: '2025-04-14',
      deadline: '2025-04-24',
    });
    expect(byCode.WG_PLAN_VAN_AANPAK).toMatchObject({
      sickCaseId: relapse.sickCaseId,
      status: 'OPEN',
      signalDate: '2025-04-24',
    });
    // Reached in the first period: stays with the first case, dates unchanged.
    expect(byCode.WG_INZETBAARHEIDSGESPREK).toMatchObject({
      sickCaseId: event.sickCaseId,
      status: 'OPEN',
      signalDate: '2025-03-03',
    });
    expect(byCode.WG_REMINDER_SPREEKUUR_BA).toMatchObject({
      sickCaseId: event.sickCaseId,
      status: 'CANCELLED',
    });

    // The first case's report arriving again must not take the trajectory back.
    await dossier.publish('sick-case.reported', event);
    const sentinel = newId();
    await dossier.publish('sick-case.reported', reported(sentinel, '2025-03-03'));
    await waitForActivities(sentinel, TRAJECTORY_CODES.length);
    expect(await activitiesOfPerson(person)).toEqual(rows);
  });

  it('a recovery that arrives before its report still ends right', async () => {
    const other = newId();
    const late = reported(other, '2025-05-05');
    await dossier.publish('sick-case.recovered', {
      sickCaseId: late.sickCaseId,
      personId: other,
      recoveredOn: '2025-05-12',
    });
    await waitFor(
      async () =>
        (
          await pool.query(`SELECT 1 FROM activities.sick_case_ref WHERE sick_case_id = $1`, [
            late.sickCaseId,
          ])
        ).rowCount === 1,
      'the recovery',
    );
    await dossier.publish('sick-case.reported', late);
    const rows = await waitForActivities(other, TRAJECTORY_CODES.length);
    const open = rows.filter((row) => row.status === 'OPEN').map((row) => row.code);
    expect(open).toEqual(['WG_INZETBAARHEIDSGESPREK', 'CM_SCREENING_WEEK_1']);
  });
});

describe('frequent absence', () => {
  const frequentCodes = (rows: Row[]) =>
    rows.filter((row) => row.code.includes('FREQUENT')).map((row) => [row.sickCaseId, row.code]);

  it('signals the 3rd report within twelve months and plans the bedrijfsarts at the 4th', async () => {
    const person = newId();
    const reports = ['2025-01-06', '2025-04-07', '2025-08-04', '2025-11-03'].map((day) =>
      reported(person, day),
    );
    for (const event of reports.slice(0, 3)) {
      await dossier.publish('sick-case.reported', event);
      await waitForActivities(
        person,
        1,
        (row) => row.sickCaseId === event.sickCaseId && row.code === 'WG_INZETBAARHEIDSGESPREK',
      );
    }
    let rows = await waitForActivities(person, 1, (row) => row.code === 'WG_FREQUENT_VERZUIM_3X');
    expect(frequentCodes(rows)).toEqual([[reports[2]!.sickCaseId, 'WG_FREQUENT_VERZUIM_3X']]);
    expect(rows.find((row) => row.code === 'WG_FREQUENT_VERZUIM_3X')).toMatchObject({
      role: 'WG',
      kind: 'SIGNAL',
      signalDate: '2025-08-04',
      deadline: '2025-08-09',
    });

    await dossier.publish('sick-case.reported', reports[3]);
    rows = await waitForActivities(person, 1, (row) => row.code === 'BA_SPREEKUUR_FREQUENT_VERZUIM_4X');
    expect(rows.find((row) => row.code === 'BA_SPREEKUUR_FREQUENT_VERZUIM_4X')).toMatchObject({
      sickCaseId: reports[3]!.sickCaseId,
      role: 'BA',
      signalDate: '2025-11-04',
      deadline: '2025-11-10',
    });
  });

  it('does not count reports older than twelve months', async () => {
    const person = newId();
    const days = ['2024-01-08', '2024-09-02', '2025-02-03'];
    for (const day of days) {
      const event = reported(person, day);
      await dossier.publish('sick-case.reported', event);
      await waitForActivities(
        person,
        1,
        (row) => row.sickCaseId === event.sickCaseId && row.code === 'WG_INZETBAARHEIDSGESPREK',
      );
    }
    expect(frequentCodes(await activitiesOfPerson(person))).toEqual([]);
  });
});

describe('a stopped service', () => {
  it('handles an event published while it was down once it starts again', async () => {
    await stop();
    const person = newId();
    await dossier.publish('sick-case.reported', reported(person, '2025-06-02'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await activitiesOfPerson(person)).toEqual([]);
    await start();
    await waitForActivities(person, TRAJECTORY_CODES.length);
  });
});
