import { domainError, forbidden, type Actor, type Role } from '@poortwachter/kit';
import type { EntityManager } from 'typeorm';

/** The widgets of "Mijn Dashboard" (employer manual, "Mijn Dashboard"), in their canonical order. */
export const DASHBOARD_WIDGETS = [
  'ACTION_LIST',
  'CURRENT_ABSENCE',
  'SICK_REPORT',
  'RECENT_DOSSIERS',
  'OPEN_ABSENCE_ANALYSIS',
  'MONTHLY_ABSENCE_PERCENTAGE',
  'MANAGEMENT_REPORTS',
] as const;
export type DashboardWidget = (typeof DASHBOARD_WIDGETS)[number];

/**
 * The widgets a role may place: each one asks only what that role may see (the statistics are the
 * employer's management information; reporting serves them to employer and administrator only; the
 * planner works from the agenda and has no dashboard widgets).
 */
const WIDGETS_BY_ROLE: Partial<Record<Role, readonly DashboardWidget[]>> = {
  EMPLOYER: DASHBOARD_WIDGETS,
  ADMIN: DASHBOARD_WIDGETS,
  CASE_MANAGER: ['ACTION_LIST', 'CURRENT_ABSENCE', 'SICK_REPORT', 'RECENT_DOSSIERS'],
  OCCUPATIONAL_PHYSICIAN: ['ACTION_LIST', 'CURRENT_ABSENCE', 'RECENT_DOSSIERS'],
  PLANNER: [],
};

export function availableWidgets(role: Role): readonly DashboardWidget[] {
  return WIDGETS_BY_ROLE[role] ?? [];
}

/** Until the user chooses: every widget of the role except the management reports (a page of their own). */
export function defaultWidgets(role: Role): DashboardWidget[] {
  return availableWidgets(role).filter((widget) => widget !== 'MANAGEMENT_REPORTS');
}

export const RECENT_DOSSIERS_DAYS = { default: 14, min: 1, max: 365 } as const;

export interface UnitSelection {
  employerId: string;
  divisionId: string | null;
  departmentId: string | null;
}

export interface DashboardSettingsValues {
  widgets: DashboardWidget[];
  available: DashboardWidget[];
  recentDossiersDays: number;
  unit: UnitSelection | null;
}

interface Row {
  dashboard_widgets: string[] | null;
  recent_dossiers_days: number;
  unit_employer_id: string | null;
  unit_division_id: string | null;
  unit_department_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only unit-scoped roles and the administrator have a dashboard; employees and partner clients do not. */
export function requireDashboardUser(actor: Actor): { userId: string; role: Role } {
  const identity = actor.require();
  if (identity.role === 'API_CLIENT' || identity.role === 'EMPLOYEE') throw forbidden('the employer dashboard settings');
  return { userId: identity.sub, role: identity.role };
}

/** Whether the caller's current scope still covers a remembered unit (scopes change; stale choices fall away). */
function covered(actor: Actor, unit: UnitSelection): boolean {
  if (actor.seesAllUnits) return true;
  // The most specific level decides: a user scoped to one department must pick that department.
  return actor.coversUnit(unit);
}

export async function dashboardSettingsOf(manager: EntityManager, actor: Actor): Promise<DashboardSettingsValues> {
  const { userId, role } = requireDashboardUser(actor);
  const [row]: Row[] = await manager.query(
    `SELECT dashboard_widgets, recent_dossiers_days, unit_employer_id, unit_division_id, unit_department_id
       FROM identity.user_settings WHERE user_id = $1`,
    [userId],
  );
  const available = [...availableWidgets(role)];
  // A widget the role lost since (a role change) is dropped rather than shown and refused.
  const widgets = row?.dashboard_widgets
    ? row.dashboard_widgets.filter((widget): widget is DashboardWidget => available.includes(widget as DashboardWidget))
    : defaultWidgets(role);
  const unit: UnitSelection | null = row?.unit_employer_id
    ? { employerId: row.unit_employer_id, divisionId: row.unit_division_id, departmentId: row.unit_department_id }
    : null;
  return {
    widgets,
    available,
    recentDossiersDays: row?.recent_dossiers_days ?? RECENT_DOSSIERS_DAYS.default,
    unit: unit && covered(actor, unit) ? unit : null,
  };
}

export interface DashboardPatch {
  widgets?: readonly string[] | null;
  recentDossiersDays?: number | null;
}

/** Checks a change of widgets or period; each bad value fails with BAD_USER_INPUT and its field. */
export function validateDashboardPatch(role: Role, patch: DashboardPatch): { widgets?: DashboardWidget[]; recentDossiersDays?: number } {
  const valid: { widgets?: DashboardWidget[]; recentDossiersDays?: number } = {};
  if (patch.widgets !== undefined && patch.widgets !== null) {
    const available = availableWidgets(role);
    const seen = new Set<string>();
    for (const widget of patch.widgets) {
      if (!available.includes(widget as DashboardWidget)) {
        throw domainError('BAD_USER_INPUT', `The widget ${widget} is not available to your role.`, { field: 'input.widgets', widget });
      }
      if (seen.has(widget)) throw domainError('BAD_USER_INPUT', `The widget ${widget} is listed twice.`, { field: 'input.widgets', widget });
      seen.add(widget);
    }
    valid.widgets = [...patch.widgets] as DashboardWidget[];
  }
  if (patch.recentDossiersDays !== undefined && patch.recentDossiersDays !== null) {
    const days = patch.recentDossiersDays;
    if (!Number.isInteger(days) || days < RECENT_DOSSIERS_DAYS.min || days > RECENT_DOSSIERS_DAYS.max) {
      throw domainError('BAD_USER_INPUT', `recentDossiersDays must be a whole number from 1 to ${RECENT_DOSSIERS_DAYS.max}.`, {
        field: 'input.recentDossiersDays',
      });
    }
    valid.recentDossiersDays = days;
  }
  return valid;
}

export async function saveDashboard(
  manager: EntityManager,
  userId: string,
  patch: { widgets?: DashboardWidget[]; recentDossiersDays?: number },
): Promise<void> {
  await manager.query(
    `INSERT INTO identity.user_settings (user_id, dashboard_widgets, recent_dossiers_days, updated_at)
     VALUES ($1, $2::text[], COALESCE($3::integer, ${RECENT_DOSSIERS_DAYS.default}), now())
     ON CONFLICT (user_id) DO UPDATE
        SET dashboard_widgets = CASE WHEN $4 THEN EXCLUDED.dashboard_widgets ELSE identity.user_settings.dashboard_widgets END,
            recent_dossiers_days = COALESCE($3::integer, identity.user_settings.recent_dossiers_days),
            updated_at = now()`,
    [userId, patch.widgets ?? null, patch.recentDossiersDays ?? null, patch.widgets !== undefined],
  );
}

/**
 * Checks a unit choice: a path from the employer down (a division needs its employer, a department
 * its division), ids well-formed, and inside the caller's scope (else FORBIDDEN). The data
 * subgraphs still bound every list by the scope; the choice only narrows it.
 */
export function validateUnitSelection(actor: Actor, unit: { employerId?: string | null; divisionId?: string | null; departmentId?: string | null }): UnitSelection {
  const employerId = unit.employerId ?? null;
  const divisionId = unit.divisionId || null;
  const departmentId = unit.departmentId || null;
  for (const [field, value] of [
    ['input.employerId', employerId],
    ['input.divisionId', divisionId],
    ['input.departmentId', departmentId],
  ] as const) {
    if (value !== null && !UUID.test(value)) throw domainError('BAD_USER_INPUT', `${field} is not a unit id.`, { field });
  }
  if (!employerId) throw domainError('BAD_USER_INPUT', 'Choose an employer first.', { field: 'input.employerId' });
  if (departmentId && !divisionId) throw domainError('BAD_USER_INPUT', 'A department needs its division.', { field: 'input.divisionId' });
  const selection = { employerId, divisionId, departmentId };
  if (!covered(actor, selection)) throw forbidden('units outside your scope');
  return selection;
}

export async function saveUnitSelection(manager: EntityManager, userId: string, unit: UnitSelection | null): Promise<void> {
  await manager.query(
    `INSERT INTO identity.user_settings (user_id, unit_employer_id, unit_division_id, unit_department_id, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (user_id) DO UPDATE
        SET unit_employer_id = EXCLUDED.unit_employer_id, unit_division_id = EXCLUDED.unit_division_id,
            unit_department_id = EXCLUDED.unit_department_id, updated_at = now()`,
    [userId, unit?.employerId ?? null, unit?.divisionId ?? null, unit?.departmentId ?? null],
  );
}

/**
 * The operations through which the employer shell opens a person's dossier (access points as the
 * access log records them: `<subgraph>:<operation name>`). Lists read many persons at once and do
 * not count as opening one.
 */
export const DOSSIER_OPENING_ACCESS_POINTS = ['dossier:PersonDossier'] as const;

/** "Recente dossiers": the persons this user opened within the period, most recent first, from the access log. */
export async function recentDossiers(
  manager: EntityManager,
  userId: string,
  days: number,
  limit: number,
): Promise<{ personId: string; openedAt: Date }[]> {
  const rows: { person_id: string; opened_at: Date }[] = await manager.query(
    `SELECT person_id, max(at) AS opened_at
       FROM identity.access_log_entry
      WHERE user_id = $1 AND event = 'person.read' AND outcome = 'success' AND person_id IS NOT NULL
        AND access_point = ANY($2::text[]) AND at >= now() - make_interval(days => $3)
      GROUP BY person_id
      ORDER BY opened_at DESC, person_id
      LIMIT $4`,
    [userId, [...DOSSIER_OPENING_ACCESS_POINTS], days, limit],
  );
  return rows.map((row) => ({ personId: row.person_id, openedAt: row.opened_at }));
}
