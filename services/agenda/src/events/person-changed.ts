import type { DataSource } from 'typeorm';

/** The `person.changed` payload dossier publishes (ids and non-medical facts only). */
export interface PersonChanged {
  personId: string;
  employerId: string | null;
  divisionId?: string | null;
  departmentId?: string | null;
  active: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class MalformedPersonChanged extends Error {}

function optionalUuid(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && UUID.test(value)) return value;
  throw new MalformedPersonChanged(`person.changed: ${field} is not a UUID`);
}

/**
 * Upserts the placement. Replaying the same event is a no-op (the row already holds these values),
 * so at-least-once delivery is harmless.
 */
export async function applyPersonChanged(dataSource: DataSource, payload: Partial<PersonChanged>): Promise<void> {
  const personId = optionalUuid(payload.personId, 'personId');
  if (!personId) throw new MalformedPersonChanged('person.changed: personId is missing');
  await dataSource.query(
    `INSERT INTO agenda.person_placement (person_id, employer_id, division_id, department_id, active)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (person_id) DO UPDATE
        SET employer_id = EXCLUDED.employer_id, division_id = EXCLUDED.division_id,
            department_id = EXCLUDED.department_id, active = EXCLUDED.active, updated_at = now()
      WHERE (person_placement.employer_id, person_placement.division_id, person_placement.department_id, person_placement.active)
            IS DISTINCT FROM (EXCLUDED.employer_id, EXCLUDED.division_id, EXCLUDED.department_id, EXCLUDED.active)`,
    [
      personId,
      optionalUuid(payload.employerId, 'employerId'),
      optionalUuid(payload.divisionId, 'divisionId'),
      optionalUuid(payload.departmentId, 'departmentId'),
      payload.active !== false,
    ],
  );
}
