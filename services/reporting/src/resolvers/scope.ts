import { domainError, forbidden, type Actor, type UnitRef } from '@poortwachter/kit';
import type { DataSource } from 'typeorm';
import { StatisticsErrorCode } from '../domain/statistics.js';
import type { CountScope } from '../queries/absence-statistics.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who may count: the employer's HR (within their units), the arbodienst administrator (all) and
 * partner software with `reports:read` (within its employer). Nothing outside the scope is ever
 * part of the SQL.
 */
export function countScope(actor: Actor): CountScope {
  actor.requireRole('EMPLOYER', 'ADMIN', 'API_CLIENT');
  actor.requireApiScope('reports:read');
  if (actor.seesAllUnits) return { kind: 'all' };
  return { kind: 'units', ...actor.scope };
}

/** Where a division or department lies, as learnt from dossier's events; other ids are employers. */
export async function unitRefs(dataSource: DataSource, ids: readonly string[]): Promise<Map<string, UnitRef>> {
  const rows: { unitId: string; kind: string; employerId: string; divisionId: string | null }[] = ids.length
    ? await dataSource.query(
        `SELECT unit_id AS "unitId", kind, employer_id AS "employerId", division_id AS "divisionId"
           FROM reporting.org_unit WHERE unit_id = ANY($1::uuid[])`,
        [ids],
      )
    : [];
  const known = new Map(rows.map((row) => [row.unitId, row]));
  return new Map(
    ids.map((id) => {
      const row = known.get(id);
      if (!row) return [id, { employerId: id }];
      return [
        id,
        row.kind === 'DEPARTMENT'
          ? { employerId: row.employerId, divisionId: row.divisionId, departmentId: id }
          : { employerId: row.employerId, divisionId: id },
      ];
    }),
  );
}

/** Refuses the first unit the caller may not count, naming it by its index in the argument. */
export async function requireUnitsInScope(
  dataSource: DataSource,
  actor: Actor,
  unitIds: readonly string[],
  field: string,
): Promise<void> {
  if (actor.seesAllUnits || unitIds.length === 0) return;
  const refs = await unitRefs(dataSource, unitIds);
  unitIds.forEach((id, index) => {
    if (!actor.coversUnit(refs.get(id)!))
      throw domainError(StatisticsErrorCode.UNIT_OUT_OF_SCOPE, 'This unit lies outside your scope.', {
        field: `${field}.${index}`,
      });
  });
}

/** An optional single employer id argument, checked like a unit. */
export async function optionalEmployer(
  dataSource: DataSource,
  actor: Actor,
  employerId: string | null | undefined,
  field = 'employerId',
): Promise<string[]> {
  if (employerId === null || employerId === undefined) return [];
  if (!UUID.test(employerId)) throw domainError('BAD_USER_INPUT', `${field} is not a valid id.`, { field });
  const id = employerId.toLowerCase();
  if (!actor.seesAllUnits && !actor.coversUnit({ employerId: id })) {
    // A team leader may name the employer their department belongs to; the figures stay theirs.
    const refs = await unitRefs(dataSource, [...actor.scope.divisionIds, ...actor.scope.departmentIds]);
    if (![...refs.values()].some((ref) => ref.employerId === id)) throw forbidden(`the statistics of employer ${id}`);
  }
  return [id];
}
