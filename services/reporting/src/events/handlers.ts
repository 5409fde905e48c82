import type { EventBus, ServiceDeps } from '@poortwachter/kit';
import type { DataSource, EntityManager } from 'typeorm';
import {
  parsePersonChanged,
  parseSickCaseChanged,
  parseSickCaseRecovered,
  parseSickCaseReported,
  type SickCaseChangedEvent,
  type SickCaseRecoveredEvent,
  type SickCaseReportedEvent,
  type UnitFacts,
} from './payloads.js';

/** Remembers which employer a division and department belong to. */
async function rememberUnits(manager: EntityManager | DataSource, units: UnitFacts | null): Promise<void> {
  if (!units) return;
  const ids: string[] = [];
  const kinds: string[] = [];
  if (units.divisionId) {
    ids.push(units.divisionId);
    kinds.push('DIVISION');
  }
  if (units.departmentId) {
    ids.push(units.departmentId);
    kinds.push('DEPARTMENT');
  }
  if (ids.length === 0) return;
  await manager.query(
    `INSERT INTO reporting.org_unit (unit_id, kind, employer_id)
     SELECT t.unit_id, t.kind, $3 FROM unnest($1::uuid[], $2::text[]) AS t(unit_id, kind)
     ON CONFLICT (unit_id) DO UPDATE SET kind = EXCLUDED.kind, employer_id = EXCLUDED.employer_id`,
    [ids, kinds, units.employerId],
  );
}

/**
 * Every handler is one upsert keyed on the sick case, and each column keeps the fact of its own
 * event, so any order of delivery (a recovery before its report, a redelivered report after a
 * change) ends in the same row.
 */
const PERCENTAGE_NEWER = `(absence_fact.percentage_as_of IS NULL OR EXCLUDED.percentage_as_of IS NULL OR EXCLUDED.percentage_as_of >= absence_fact.percentage_as_of)`;

export async function handleSickCaseReported(
  dataSource: DataSource,
  event: SickCaseReportedEvent,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO reporting.absence_fact
              (sick_case_id, person_id, employer_id, division_id, department_id, first_sick_day, absence_percentage, percentage_as_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::timestamptz, now()))
       ON CONFLICT (sick_case_id) DO UPDATE
          SET person_id = EXCLUDED.person_id, employer_id = EXCLUDED.employer_id, division_id = EXCLUDED.division_id,
              department_id = EXCLUDED.department_id, first_sick_day = EXCLUDED.first_sick_day,
              absence_percentage = CASE WHEN ${PERCENTAGE_NEWER} THEN EXCLUDED.absence_percentage ELSE absence_fact.absence_percentage END,
              percentage_as_of = CASE WHEN ${PERCENTAGE_NEWER} THEN EXCLUDED.percentage_as_of ELSE absence_fact.percentage_as_of END,
              updated_at = now()`,
      [
        event.sickCaseId,
        event.personId,
        event.employerId,
        event.divisionId,
        event.departmentId,
        event.firstSickDay,
        event.absencePercentage,
        event.asOf,
      ],
    );
    await rememberUnits(manager, event);
  });
}

export async function handleSickCaseChanged(
  dataSource: DataSource,
  event: SickCaseChangedEvent,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const percentageAsOf = event.absencePercentage === null ? null : (event.asOf ?? new Date());
    await manager.query(
      `INSERT INTO reporting.absence_fact
              (sick_case_id, person_id, employer_id, division_id, department_id, first_sick_day, absence_percentage, percentage_as_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (sick_case_id) DO UPDATE
          SET person_id = COALESCE(EXCLUDED.person_id, absence_fact.person_id),
              employer_id = CASE WHEN $9::boolean THEN EXCLUDED.employer_id ELSE absence_fact.employer_id END,
              division_id = CASE WHEN $9::boolean THEN EXCLUDED.division_id ELSE absence_fact.division_id END,
              department_id = CASE WHEN $9::boolean THEN EXCLUDED.department_id ELSE absence_fact.department_id END,
              first_sick_day = COALESCE(EXCLUDED.first_sick_day, absence_fact.first_sick_day),
              absence_percentage = CASE WHEN EXCLUDED.absence_percentage IS NOT NULL AND ${PERCENTAGE_NEWER}
                                        THEN EXCLUDED.absence_percentage ELSE absence_fact.absence_percentage END,
              percentage_as_of = CASE WHEN EXCLUDED.absence_percentage IS NOT NULL AND ${PERCENTAGE_NEWER}
                                      THEN EXCLUDED.percentage_as_of ELSE absence_fact.percentage_as_of END,
              updated_at = now()`,
      [
        event.sickCaseId,
        event.personId,
        event.units?.employerId ?? null,
        event.units?.divisionId ?? null,
        event.units?.departmentId ?? null,
        event.firstSickDay,
        event.absencePercentage,
        percentageAsOf,
        event.units !== null,
      ],
    );
    await rememberUnits(manager, event.units);
  });
}

export async function handleSickCaseRecovered(
  dataSource: DataSource,
  event: SickCaseRecoveredEvent,
): Promise<void> {
  await dataSource.query(
    `INSERT INTO reporting.absence_fact (sick_case_id, person_id, recovered_on)
     VALUES ($1, $2, $3)
     ON CONFLICT (sick_case_id) DO UPDATE
        SET recovered_on = EXCLUDED.recovered_on, person_id = COALESCE(absence_fact.person_id, EXCLUDED.person_id), updated_at = now()`,
    [event.sickCaseId, event.personId, event.recoveredOn],
  );
}

export async function subscribeHandlers(bus: EventBus, deps: ServiceDeps): Promise<void> {
  const { dataSource } = deps;
  await bus.subscribe('sick-case.reported', (payload) =>
    handleSickCaseReported(dataSource, parseSickCaseReported(payload)),
  );
  await bus.subscribe('sick-case.changed', (payload) =>
    handleSickCaseChanged(dataSource, parseSickCaseChanged(payload)),
  );
  await bus.subscribe('sick-case.recovered', (payload) =>
    handleSickCaseRecovered(dataSource, parseSickCaseRecovered(payload)),
  );
  await bus.subscribe('person.changed', (payload) =>
    rememberUnits(dataSource, parsePersonChanged(payload).units),
  );
}
