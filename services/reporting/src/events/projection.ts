import type { DataSource, EntityManager } from 'typeorm';

/** Events that describe one sick case; each carries the whole current state of the case. */
export const SICK_CASE_EVENTS = ['sick-case.reported', 'sick-case.changed', 'sick-case.recovered'] as const;
export type LoggedEvent = (typeof SICK_CASE_EVENTS)[number] | 'employment.changed' | 'person.changed';

export interface LogEntry {
  event: LoggedEvent;
  /** The sick case, employment or person the event is about. */
  subjectId: string;
  personId: string | null;
  occurredAt: Date;
  payload: object;
}

/*
 * The read model is a pure function of the event log: for every subject the newest event wins
 * (by the time dossier stated it, then by arrival). Incremental handling and the rebuild run the
 * same statements, once narrowed to one subject and once over everything, so they cannot drift.
 */

const SICK_CASE_SELECT = (where: string) => `
  INSERT INTO reporting.sick_case
         (sick_case_id, person_id, employment_id, employer_id, division_id, department_id, first_sick_day,
          recovered_on, absence_percentage, work_accident, course, as_of, source_seq)
  SELECT DISTINCT ON (l.subject_id)
         l.subject_id, (l.payload->>'personId')::uuid, (l.payload->>'employmentId')::uuid,
         (l.payload->>'employerId')::uuid, (l.payload->>'divisionId')::uuid, (l.payload->>'departmentId')::uuid,
         (l.payload->>'firstSickDay')::date, (l.payload->>'recoveredOn')::date,
         coalesce((l.payload->>'absencePercentage')::int, 100), coalesce((l.payload->>'workAccident')::boolean, false),
         coalesce(l.payload->'absenceCourse', '[]'::jsonb), l.occurred_at, l.seq
    FROM reporting.event_log l
   WHERE l.event IN ('sick-case.reported', 'sick-case.changed', 'sick-case.recovered') ${where}
   ORDER BY l.subject_id, l.occurred_at DESC, l.seq DESC`;

/**
 * Turns each case's absence course into segments of constant absence: a point lasts until the
 * next point or the last sick day (the day before `recovered_on`); points at 0 % add nothing.
 */
const SEGMENT_SELECT = (where: string) => `
  INSERT INTO reporting.absence_segment (sick_case_id, from_day, to_day, person_id, fraction, work_accident)
  SELECT s.sick_case_id, s.from_day, s.to_day, s.person_id, s.fraction, s.work_accident
    FROM (SELECT c.sick_case_id, pt.from_day, c.person_id, c.work_accident, c.recovered_on,
                 pt.percentage / 100.0 AS fraction,
                 least(lead(pt.from_day) OVER (PARTITION BY c.sick_case_id ORDER BY pt.from_day) - 1,
                       c.recovered_on - 1) AS to_day
            FROM reporting.sick_case c
           CROSS JOIN LATERAL (
                 SELECT DISTINCT ON (q.from_day) q.from_day, q.percentage
                   FROM (SELECT greatest((point->>'from')::date, c.first_sick_day) AS from_day,
                                (point->>'absencePercentage')::int AS percentage, ord
                           FROM jsonb_array_elements(c.course) WITH ORDINALITY AS a(point, ord)
                         UNION ALL
                         SELECT c.first_sick_day, c.absence_percentage, 0
                          WHERE jsonb_array_length(c.course) = 0) q
                  ORDER BY q.from_day, q.ord DESC) pt
           WHERE TRUE ${where}) s
   WHERE (s.recovered_on IS NULL OR s.from_day < s.recovered_on) AND s.fraction > 0`;

const EMPLOYMENT_SELECT = (where: string) => `
  INSERT INTO reporting.employment
         (employment_id, person_id, employer_id, division_id, department_id, start_date, end_date, part_time_factor, as_of, source_seq)
  SELECT DISTINCT ON (l.subject_id)
         l.subject_id, (l.payload->>'personId')::uuid, (l.payload->>'employerId')::uuid,
         (l.payload->>'divisionId')::uuid, (l.payload->>'departmentId')::uuid,
         (l.payload->>'startDate')::date, (l.payload->>'endDate')::date,
         (l.payload->>'partTimeFactor')::numeric, l.occurred_at, l.seq
    FROM reporting.event_log l
   WHERE l.event = 'employment.changed' ${where}
   ORDER BY l.subject_id, l.occurred_at DESC, l.seq DESC`;

/** Which employer (and division) each division and department belongs to, the newest statement winning. */
const UNIT_FACTS = (from: string) => `
  SELECT (p->>'departmentId')::uuid AS unit_id, 'DEPARTMENT' AS kind, (p->>'employerId')::uuid AS employer_id,
         (p->>'divisionId')::uuid AS division_id, occurred_at, seq
    FROM ${from} WHERE p->>'departmentId' IS NOT NULL AND p->>'employerId' IS NOT NULL
  UNION ALL
  SELECT (p->>'divisionId')::uuid, 'DIVISION', (p->>'employerId')::uuid, NULL, occurred_at, seq
    FROM ${from} WHERE p->>'divisionId' IS NOT NULL AND p->>'employerId' IS NOT NULL`;

const UPSERT_UNITS = `
  ON CONFLICT (unit_id) DO UPDATE
     SET kind = EXCLUDED.kind, employer_id = EXCLUDED.employer_id, division_id = EXCLUDED.division_id,
         as_of = EXCLUDED.as_of, source_seq = EXCLUDED.source_seq
   WHERE (reporting.org_unit.as_of, reporting.org_unit.source_seq) < (EXCLUDED.as_of, EXCLUDED.source_seq)
      OR reporting.org_unit.as_of IS NULL`;

/**
 * Stores one event and brings its subject up to date. Returns false for an event already logged
 * (a redelivery), which then changes nothing. Serialised per subject by an advisory lock, so two
 * events of one case handled at once still see each other.
 */
export async function applyEvent(manager: EntityManager, entry: LogEntry): Promise<boolean> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [entry.subjectId]);
  const inserted: { seq: string }[] = await manager.query(
    `INSERT INTO reporting.event_log (event, subject_id, person_id, occurred_at, payload, digest)
     VALUES ($1, $2, $3, $4, $5::jsonb, md5($1 || ($5::jsonb)::text))
     ON CONFLICT (digest) DO NOTHING
     RETURNING seq`,
    [entry.event, entry.subjectId, entry.personId, entry.occurredAt, JSON.stringify(entry.payload)],
  );
  if (inserted.length === 0) return false;
  const seq = inserted[0]!.seq;

  await manager.query(
    `INSERT INTO reporting.org_unit (unit_id, kind, employer_id, division_id, as_of, source_seq)
     SELECT DISTINCT ON (unit_id) unit_id, kind, employer_id, division_id, occurred_at, seq
       FROM (${UNIT_FACTS(`(SELECT payload AS p, occurred_at, seq FROM reporting.event_log WHERE seq = $1) l`)}) u
      ORDER BY unit_id, occurred_at DESC, seq DESC
     ${UPSERT_UNITS}`,
    [seq],
  );

  if ((SICK_CASE_EVENTS as readonly string[]).includes(entry.event)) {
    await manager.query(`DELETE FROM reporting.absence_segment WHERE sick_case_id = $1`, [entry.subjectId]);
    await manager.query(`DELETE FROM reporting.sick_case WHERE sick_case_id = $1`, [entry.subjectId]);
    await manager.query(SICK_CASE_SELECT('AND l.subject_id = $1'), [entry.subjectId]);
    await manager.query(SEGMENT_SELECT('AND c.sick_case_id = $1'), [entry.subjectId]);
  } else if (entry.event === 'employment.changed') {
    await manager.query(`DELETE FROM reporting.employment WHERE employment_id = $1`, [entry.subjectId]);
    await manager.query(EMPLOYMENT_SELECT('AND l.subject_id = $1'), [entry.subjectId]);
  }
  return true;
}

export async function logAndApply(dataSource: DataSource, entry: LogEntry): Promise<boolean> {
  return dataSource.transaction((manager) => applyEvent(manager, entry));
}

/** Throws the read model away and derives it again from the event log, in one transaction. */
export async function rebuildReadModel(dataSource: DataSource): Promise<{ sickCases: number; employments: number; segments: number }> {
  const run = async (manager: EntityManager) => {
    await manager.query(
      `TRUNCATE reporting.absence_segment, reporting.sick_case, reporting.employment, reporting.org_unit`,
    );
    await manager.query(EMPLOYMENT_SELECT(''));
    await manager.query(SICK_CASE_SELECT(''));
    await manager.query(SEGMENT_SELECT(''));
    await manager.query(
      `INSERT INTO reporting.org_unit (unit_id, kind, employer_id, division_id, as_of, source_seq)
       SELECT DISTINCT ON (unit_id) unit_id, kind, employer_id, division_id, occurred_at, seq
         FROM (${UNIT_FACTS(`(SELECT payload AS p, occurred_at, seq FROM reporting.event_log) l`)}) u
        ORDER BY unit_id, occurred_at DESC, seq DESC`,
    );
    await manager.query(`ANALYZE reporting.absence_segment`);
    await manager.query(`ANALYZE reporting.sick_case`);
    await manager.query(`ANALYZE reporting.employment`);
    const [counts] = await manager.query(
      `SELECT (SELECT count(*) FROM reporting.sick_case)::int AS "sickCases",
              (SELECT count(*) FROM reporting.employment)::int AS employments,
              (SELECT count(*) FROM reporting.absence_segment)::int AS segments`,
    );
    return counts as { sickCases: number; employments: number; segments: number };
  };
  return dataSource.transaction(run);
}
