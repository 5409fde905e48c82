import type { Actor } from '@poortwachter/kit';
import type { DataSource } from 'typeorm';
import type { ActivityKind, ActivityRole, ActivityStatus } from '../domain/protocol.js';
import type { Activity, ActivitySortField, SortDirection } from './types.js';

export interface PersonActivitiesQuery {
  personId: string;
  statuses: readonly ActivityStatus[] | null;
  role: ActivityRole | null;
  search: string | null;
  sort: ActivitySortField;
  direction: SortDirection;
  offset: number;
  limit: number;
}

const SORT_COLUMNS: Record<Exclude<ActivitySortField, 'CURRENT_FIRST'>, string> = {
  DEADLINE: 'a.deadline',
  SIGNAL_DATE: 'a.signal_date',
  TITLE: 'lower(a.title)',
  ROLE: 'a.role',
  STATUS: "CASE a.status WHEN 'OPEN' THEN 0 WHEN 'HANDLED' THEN 1 ELSE 2 END",
};

const CURRENT_FIRST = `(a.status = 'OPEN') DESC, CASE WHEN a.status = 'OPEN' THEN a.deadline END ASC,
  COALESCE(a.handled_at::date, a.deadline) DESC, a.signal_date DESC`;

/** Escapes LIKE wildcards so a search for "50%" looks for those characters. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Partner software reads activities only with this OAuth scope. */
export const ACTIVITIES_READ_SCOPE = 'activities:read';

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The unit an activity belongs to is the person's current placement (who employs them now decides
 * who follows up), else the unit the sick case was reported in.
 */
export const FROM = `
  FROM activities.activity a
  LEFT JOIN activities.person_placement pp ON pp.person_id = a.person_id AND pp.employer_id IS NOT NULL
  LEFT JOIN activities.sick_case_ref r ON r.sick_case_id = a.sick_case_id`;

export const UNIT = {
  employer: 'CASE WHEN pp.person_id IS NULL THEN r.employer_id ELSE pp.employer_id END',
  division: 'CASE WHEN pp.person_id IS NULL THEN r.division_id ELSE pp.division_id END',
  department: 'CASE WHEN pp.person_id IS NULL THEN r.department_id ELSE pp.department_id END',
};

export const COLUMNS = `
  a.id, a.title, a.role, a.kind, a.signal_date::text AS "signalDate", a.deadline::text AS "deadline", a.status,
  a.conclusion, a.remarks, a.handled_at AS "handledAt", a.sick_case_id AS "sickCaseId", a.person_id AS "personId",
  a.follow_up_of AS "followUpOfId", a.document_id AS "documentId"`;

/**
 * The SQL condition limiting activities to what the caller may see, or null when they see none.
 * Employees see no activities: the trajectory is the employer's and the arbodienst's work.
 */
export function visibilityCondition(actor: Actor, params: Params): string | null {
  if (!actor.isAuthenticated || !actor.hasApiScope(ACTIVITIES_READ_SCOPE)) return null;
  return unitCondition(actor, params);
}

/** The unit part of the visibility, without the partner read scope (writes check their own scope). */
export function unitCondition(actor: Actor, params: Params): string | null {
  const filter = actor.unitFilter();
  switch (filter.kind) {
    case 'all':
      return 'TRUE';
    case 'units':
      return `(${UNIT.employer} = ANY(${params.add(filter.employerIds)}::uuid[])
           OR ${UNIT.division} = ANY(${params.add(filter.divisionIds)}::uuid[])
           OR ${UNIT.department} = ANY(${params.add(filter.departmentIds)}::uuid[]))`;
    default:
      return null;
  }
}

export interface ActivityListFilter {
  personId?: string | null;
  sickCaseId?: string | null;
  status?: ActivityStatus | null;
  role?: ActivityRole | null;
  kind?: ActivityKind | null;
}

export class ActivityQueries {
  constructor(private readonly dataSource: DataSource) {}

  private async select(
    actor: Actor,
    where: (params: Params) => string,
    orderBy: string,
  ): Promise<Activity[]> {
    const params = new Params();
    const visible = visibilityCondition(actor, params);
    if (visible === null) return [];
    return this.dataSource.query(
      `SELECT ${COLUMNS} ${FROM} WHERE ${visible} AND ${where(params)} ORDER BY ${orderBy}`,
      params.values,
    );
  }

  /** One statement for all requested sick cases. */
  bySickCases(actor: Actor, sickCaseIds: readonly string[]): Promise<Activity[]> {
    return this.select(
      actor,
      (params) => `a.sick_case_id = ANY(${params.add(sickCaseIds)}::uuid[])`,
      'a.signal_date, a.deadline, a.title',
    );
  }

  /** Current work first (open, by deadline), then what was closed, newest first: as the dossier lists them. */
  byPersons(actor: Actor, personIds: readonly string[]): Promise<Activity[]> {
    return this.select(
      actor,
      (params) => `a.person_id = ANY(${params.add(personIds)}::uuid[])`,
      `${CURRENT_FIRST}, a.title, a.id`,
    );
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<Activity[]> {
    return this.select(actor, (params) => `a.id = ANY(${params.add(ids)}::uuid[])`, 'a.id');
  }

  /**
   * Open activities of the given roles signalled up to `signalUntil`; reminders only from
   * `reminderSignalFrom`; with `overdueBefore`, only those whose deadline lies before that day.
   */
  actionList(
    actor: Actor,
    roles: readonly ActivityRole[],
    window: { signalUntil: string; reminderSignalFrom: string; overdueBefore?: string | null },
  ): Promise<Activity[]> {
    return this.select(
      actor,
      (params) => `a.status = 'OPEN'
        AND a.role = ANY(${params.add(roles)}::text[])
        AND a.signal_date <= ${params.add(window.signalUntil)}::date
        AND (a.kind <> 'REMINDER' OR a.signal_date >= ${params.add(window.reminderSignalFrom)}::date)
        ${window.overdueBefore ? `AND a.deadline < ${params.add(window.overdueBefore)}::date` : ''}`,
      'a.deadline, a.signal_date, a.title, a.id',
    );
  }

  /**
   * One page of a person's activities and the total, in one statement. CURRENT_FIRST puts the open
   * work first, earliest deadline first (what is due now), then what was closed, newest first.
   */
  async personPage(actor: Actor, query: PersonActivitiesQuery): Promise<{ items: Activity[]; total: number }> {
    const params = new Params();
    const visible = visibilityCondition(actor, params);
    if (visible === null) return { items: [], total: 0 };
    const conditions = [visible, `a.person_id = ${params.add(query.personId)}::uuid`];
    if (query.statuses?.length) conditions.push(`a.status = ANY(${params.add(query.statuses)}::text[])`);
    if (query.role) conditions.push(`a.role = ${params.add(query.role)}`);
    if (query.search) conditions.push(`a.title ILIKE ${params.add(likePattern(query.search))}`);
    const direction = query.direction === 'DESC' ? 'DESC' : 'ASC';
    const order =
      query.sort === 'CURRENT_FIRST' ? CURRENT_FIRST : `${SORT_COLUMNS[query.sort]} ${direction}, a.deadline ${direction}`;
    const rows: (Activity & { total: string })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total ${FROM}
        WHERE ${conditions.join(' AND ')}
        ORDER BY ${order}, a.title, a.id
        LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}`,
      params.values,
    );
    if (rows.length === 0 && query.offset > 0) {
      // Beyond the last page: still report how many there are.
      const [{ total }] = (await this.dataSource.query(
        `SELECT count(*) AS total ${FROM} WHERE ${conditions.join(' AND ')}`,
        params.values.slice(0, -2),
      )) as { total: string }[];
      return { items: [], total: Number(total) };
    }
    return { items: rows.map(({ total: _total, ...row }) => row as Activity), total: Number(rows[0]?.total ?? 0) };
  }

  /** Activities matching every given criterion, by signal date. */
  list(actor: Actor, filter: ActivityListFilter): Promise<Activity[]> {
    return this.select(
      actor,
      (params) => {
        const conditions = ['TRUE'];
        if (filter.personId) conditions.push(`a.person_id = ${params.add(filter.personId)}::uuid`);
        if (filter.sickCaseId) conditions.push(`a.sick_case_id = ${params.add(filter.sickCaseId)}::uuid`);
        if (filter.status) conditions.push(`a.status = ${params.add(filter.status)}`);
        if (filter.role) conditions.push(`a.role = ${params.add(filter.role)}`);
        if (filter.kind) conditions.push(`a.kind = ${params.add(filter.kind)}`);
        return conditions.join(' AND ');
      },
      'a.signal_date, a.deadline, a.title, a.id',
    );
  }
}
