import type { Actor, ServiceDeps } from '@poortwachter/kit';
import type { AgendaRole } from '../entities/index.js';
import { Agenda } from '../resolvers/types.js';

interface AgendaRow {
  id: string;
  name: string;
  role: AgendaRole;
  user_id: string | null;
  employer_ids: string[];
}

function toAgenda(row: AgendaRow, actor: Actor): Agenda {
  return Object.assign(new Agenda(), {
    id: row.id,
    name: row.name,
    role: row.role,
    userId: row.user_id,
    employerIds: row.employer_ids,
    own: row.user_id !== null && row.user_id === actor.userId,
  });
}

/** Roles that look at the agendas of the professionals serving their employers. */
const BY_EMPLOYER = ['EMPLOYER', 'PLANNER', 'API_CLIENT'] as const;
/** Professionals work in their own agenda only. */
const OWN_AGENDA = ['OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER'] as const;

/**
 * The employers a caller's scope reaches: its employer ids plus the employers of the divisions
 * and departments in it (from the placement read model), so a team lead sees the doctors of the
 * team's employer.
 */
export async function employersInScope(deps: ServiceDeps, actor: Actor): Promise<string[]> {
  const scope = actor.scope;
  if (scope.divisionIds.length === 0 && scope.departmentIds.length === 0) return scope.employerIds;
  const rows: { employer_id: string }[] = await deps.dataSource.query(
    `SELECT DISTINCT employer_id FROM agenda.person_placement
      WHERE employer_id IS NOT NULL AND (division_id = ANY($1::uuid[]) OR department_id = ANY($2::uuid[]))`,
    [scope.divisionIds, scope.departmentIds],
  );
  return [...new Set([...scope.employerIds, ...rows.map((row) => row.employer_id)])];
}

/**
 * The agendas a caller may look at: the administrator all; employer roles, planners and partner
 * software those of the professionals serving their employers; a bedrijfsarts or casemanager
 * their own. Employees none (they see their appointments, not agendas).
 */
export async function visibleAgendas(
  deps: ServiceDeps,
  actor: Actor,
  filter: { ids?: readonly string[] | null; role?: AgendaRole | null; employerId?: string | null } = {},
): Promise<Agenda[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (actor.seesAllUnits) {
    // every agenda
  } else if (actor.hasRole(...OWN_AGENDA)) {
    conditions.push(`user_id = ${param(actor.userId)}`);
  } else if (actor.hasRole(...BY_EMPLOYER)) {
    conditions.push(`employer_ids && ${param(await employersInScope(deps, actor))}::uuid[]`);
  } else {
    return [];
  }
  if (filter.ids) conditions.push(`id = ANY(${param(filter.ids)}::uuid[])`);
  if (filter.role) conditions.push(`role = ${param(filter.role)}`);
  if (filter.employerId) conditions.push(`${param(filter.employerId)}::uuid = ANY(employer_ids)`);
  const rows: AgendaRow[] = await deps.dataSource.query(
    `SELECT id, name, role, user_id, employer_ids FROM agenda.agenda
      ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY CASE role WHEN 'OCCUPATIONAL_PHYSICIAN' THEN 0 WHEN 'CASE_MANAGER' THEN 1 ELSE 2 END, name, id`,
    params,
  );
  return rows.map((row) => toAgenda(row, actor));
}

/** Planning, moving and cancelling: the planner and the administrator in any agenda they see, a professional in their own. */
export function mayPlanIn(actor: Actor, agenda: Agenda): boolean {
  if (actor.seesAllUnits || actor.hasRole('PLANNER')) return true;
  return actor.hasRole(...OWN_AGENDA) && agenda.own;
}

/** Whether the caller sees the persons in an agenda it may look at without a person check: the admin, and the owner. */
export function seesWholeAgenda(actor: Actor, agenda: Agenda): boolean {
  return actor.seesAllUnits || (actor.hasRole(...OWN_AGENDA) && agenda.own);
}

/** Video links and what-to-bring are for the employee and the arbodienst, never for employer roles or partner software. */
export function seesConsultationDetails(actor: Actor): boolean {
  return actor.hasRole('EMPLOYEE', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN');
}
