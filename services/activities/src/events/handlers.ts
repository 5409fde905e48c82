import type { EventBus, ServiceDeps } from '@poortwachter/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { DIGEST_CRON, handleUserChanged, parseUserChanged, runDailyDigest } from '../digest/daily-digest.js';
import {
  planFrequentAbsence,
  planRecovery,
  planTrajectory,
  reportNumberWithinYear,
  type ActivityKind,
  type PlannedActivity,
  type ProtocolRowSpec,
} from '../domain/protocol.js';
import {
  parsePersonChanged,
  parseSickCaseChanged,
  parseSickCaseRecovered,
  parseSickCaseReported,
  type PersonChangedEvent,
  type SickCaseChangedEvent,
  type SickCaseRecoveredEvent,
  type SickCaseReportedEvent,
} from './payloads.js';

/**
 * Events for one person are handled one at a time across all queues (a report and a recovery
 * arrive in different queues), so counts and reassignments never race.
 */
async function lockPerson(manager: EntityManager, personId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('activities:person:' || $1, 0))`, [
    personId,
  ]);
}

/**
 * The rows in force for the employer: the newest standard version's rows, each replaced by the
 * row with the same code in the employer's newest own version (an employer version holds only the
 * rows in which it deviates). Read when the report arrives, so protocol changes apply from then on.
 */
export async function applicableProtocolRows(
  manager: EntityManager,
  employerId: string,
): Promise<ProtocolRowSpec[]> {
  return manager.query(
    `WITH standard AS (
            SELECT id FROM activities.protocol WHERE employer_id IS NULL ORDER BY version DESC LIMIT 1),
          own AS (
            SELECT id FROM activities.protocol WHERE employer_id = $1 ORDER BY version DESC LIMIT 1)
     SELECT COALESCE(o.id, s.id) AS id, s.code, COALESCE(o.title, s.title) AS title, COALESCE(o.role, s.role) AS role,
            COALESCE(o.kind, s.kind) AS kind, COALESCE(o.signal_day, s.signal_day) AS "signalDay",
            COALESCE(o.deadline_day, s.deadline_day) AS "deadlineDay", s.trigger
       FROM activities.protocol_row s
       LEFT JOIN activities.protocol_row o ON o.protocol_id = (SELECT id FROM own) AND o.code = s.code
      WHERE s.protocol_id = (SELECT id FROM standard)
      ORDER BY s.position`,
    [employerId],
  );
}

/**
 * Inserts planned activities. A redelivered event changes nothing (same generation key, same
 * period). A later period of the same term takes over what is still pending: rows a recovery
 * cancelled reopen with the relapse's dates; a user's own handling or cancelling stays.
 */
async function insertPlanned(manager: EntityManager, planned: PlannedActivity[]): Promise<void> {
  if (planned.length === 0) return;
  const column = <K extends keyof PlannedActivity>(key: K) => planned.map((activity) => activity[key]);
  await manager.query(
    `INSERT INTO activities.activity
            (sick_case_id, person_id, protocol_row_id, generation_key, period_start, title, role, kind, signal_date, deadline, status)
     SELECT t.sick_case_id, t.person_id, t.protocol_row_id, t.generation_key, t.period_start, t.title, t.role, t.kind, t.signal_date, t.deadline, 'OPEN'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::date[], $10::date[])
            AS t(sick_case_id, person_id, protocol_row_id, generation_key, period_start, title, role, kind, signal_date, deadline)
     ON CONFLICT (generation_key) DO UPDATE
        SET sick_case_id = EXCLUDED.sick_case_id,
            period_start = EXCLUDED.period_start,
            signal_date = EXCLUDED.signal_date,
            deadline = EXCLUDED.deadline,
            status = 'OPEN',
            closed_reason = NULL,
            updated_at = now()
      WHERE activity.period_start < EXCLUDED.period_start
        AND (activity.status = 'OPEN' OR (activity.status = 'CANCELLED' AND activity.closed_reason = 'RECOVERY'))`,
    [
      column('sickCaseId'),
      column('personId'),
      column('protocolRowId'),
      column('generationKey'),
      column('periodStart'),
      column('title'),
      column('role'),
      column('kind'),
      column('signalDate'),
      column('deadline'),
    ],
  );
}

/** Closes what a recovery makes moot among the activities this sick case carries. */
async function applyRecovery(manager: EntityManager, sickCaseId: string, recoveredOn: string): Promise<void> {
  // Steps an import closed as "done earlier" count as open here: a trajectory that ended with the
  // recovery never reached the steps after it, whatever the previous system (or the demo data) said.
  const open: { id: string; kind: ActivityKind; signalDate: string; deadline: string; imported: boolean }[] = await manager.query(
    `SELECT id, kind, signal_date::text AS "signalDate", deadline::text AS deadline, status <> 'OPEN' AS imported FROM activities.activity
      WHERE sick_case_id = $1 AND (status = 'OPEN' OR closed_reason = 'IMPORTED')`,
    [sickCaseId],
  );
  const ids = planRecovery(open, recoveredOn);
  if (ids.length === 0) return;
  await manager.query(
    `UPDATE activities.activity SET status = 'CANCELLED', closed_reason = 'RECOVERY', conclusion = NULL, updated_at = now()
      WHERE id = ANY($1::uuid[]) AND (status = 'OPEN' OR closed_reason = 'IMPORTED')`,
    [ids],
  );
}

export async function handleSickCaseReported(
  dataSource: DataSource,
  event: SickCaseReportedEvent,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await lockPerson(manager, event.personId);
    const [ref]: { recoveredOn: string | null }[] = await manager.query(
      `INSERT INTO activities.sick_case_ref
              (sick_case_id, person_id, employer_id, division_id, department_id, first_sick_day, term_start_day, term_gap_days, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'OPEN')
       ON CONFLICT (sick_case_id) DO UPDATE
          SET person_id = EXCLUDED.person_id, employer_id = EXCLUDED.employer_id, division_id = EXCLUDED.division_id,
              department_id = EXCLUDED.department_id, first_sick_day = EXCLUDED.first_sick_day,
              term_start_day = EXCLUDED.term_start_day, term_gap_days = EXCLUDED.term_gap_days, updated_at = now()
       RETURNING recovered_on::text AS "recoveredOn"`,
      [
        event.sickCaseId,
        event.personId,
        event.employerId,
        event.divisionId,
        event.departmentId,
        event.firstSickDay,
        event.termStartDay,
        event.termGapDays,
      ],
    );
    const rows = await applicableProtocolRows(manager, event.employerId);
    const history: { sickCaseId: string; firstSickDay: string }[] = await manager.query(
      `SELECT sick_case_id AS "sickCaseId", first_sick_day::text AS "firstSickDay"
         FROM activities.sick_case_ref WHERE person_id = $1 AND first_sick_day IS NOT NULL`,
      [event.personId],
    );
    const reportNumber = reportNumberWithinYear(event, history);
    await insertPlanned(manager, [
      ...planTrajectory(rows, event),
      ...planFrequentAbsence(rows, event, reportNumber),
    ]);
    if (event.handledBefore) {
      await manager.query(
        `UPDATE activities.activity
            SET status = 'HANDLED', closed_reason = 'IMPORTED', handled_at = now(), updated_at = now(),
                conclusion = 'Afgehandeld in het vorige systeem (import)'
          WHERE sick_case_id = $1 AND status = 'OPEN' AND deadline < $2`,
        [event.sickCaseId, event.handledBefore],
      );
    }
    // The recovery may have been handled before this report arrived.
    if (ref?.recoveredOn) await applyRecovery(manager, event.sickCaseId, ref.recoveredOn);
  });
}

export async function handleSickCaseRecovered(
  dataSource: DataSource,
  event: SickCaseRecoveredEvent,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await lockPerson(manager, event.personId);
    await manager.query(
      `INSERT INTO activities.sick_case_ref (sick_case_id, person_id, status, recovered_on)
       VALUES ($1, $2, 'RECOVERED', $3)
       ON CONFLICT (sick_case_id) DO UPDATE SET status = 'RECOVERED', recovered_on = EXCLUDED.recovered_on, updated_at = now()`,
      [event.sickCaseId, event.personId, event.recoveredOn],
    );
    await applyRecovery(manager, event.sickCaseId, event.recoveredOn);
  });
}

export async function handleSickCaseChanged(
  dataSource: DataSource,
  event: SickCaseChangedEvent,
): Promise<void> {
  if (event.employerId === undefined) return;
  await dataSource.query(
    `UPDATE activities.sick_case_ref SET employer_id = $2, division_id = $3, department_id = $4, updated_at = now() WHERE sick_case_id = $1`,
    [event.sickCaseId, event.employerId, event.divisionId ?? null, event.departmentId ?? null],
  );
}

export async function handlePersonChanged(dataSource: DataSource, event: PersonChangedEvent): Promise<void> {
  await dataSource.query(
    `INSERT INTO activities.person_placement (person_id, employer_id, division_id, department_id, active)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (person_id) DO UPDATE
        SET employer_id = EXCLUDED.employer_id, division_id = EXCLUDED.division_id,
            department_id = EXCLUDED.department_id, active = EXCLUDED.active, updated_at = now()`,
    [event.personId, event.employerId, event.divisionId, event.departmentId, event.active],
  );
}

export async function subscribeHandlers(bus: EventBus, deps: ServiceDeps): Promise<void> {
  const { dataSource } = deps;
  await bus.subscribe('sick-case.reported', (payload) =>
    handleSickCaseReported(dataSource, parseSickCaseReported(payload)),
  );
  await bus.subscribe('sick-case.recovered', (payload) =>
    handleSickCaseRecovered(dataSource, parseSickCaseRecovered(payload)),
  );
  await bus.subscribe('sick-case.changed', (payload) =>
    handleSickCaseChanged(dataSource, parseSickCaseChanged(payload)),
  );
  await bus.subscribe('person.changed', (payload) =>
    handlePersonChanged(dataSource, parsePersonChanged(payload)),
  );
  await bus.subscribe('user.changed', (payload) => handleUserChanged(dataSource, parseUserChanged(payload)));
  await bus.schedule('daily-digest', DIGEST_CRON, async () => {
    const { published } = await runDailyDigest(deps);
    if (published > 0) console.log(`[activities] daily digest: ${published} published`);
  });
}
