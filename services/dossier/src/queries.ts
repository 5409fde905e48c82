import type { Actor } from '@poortwachter/kit';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { PersonEntity, SickCaseEntity } from './entities/index.js';
import { DossierErrorCode, PAGE_DEFAULT_LIMIT, PAGE_MAX_LIMIT, SEARCH_MAX_LENGTH, dossierError, isUuid } from './domain/rules.js';
import type { IsoDate } from './domain/term.js';

/*
 * The list queries. Scope is part of the SQL (never a filter after loading), so page sizes and
 * totals are right and a caller can never count persons outside their scope.
 */

export interface Page {
  offset: number;
  limit: number;
}

export function normalisePage(page: { offset?: number | null; limit?: number | null } | null | undefined): Page {
  const offset = page?.offset ?? 0;
  const limit = page?.limit ?? PAGE_DEFAULT_LIMIT;
  if (!Number.isInteger(offset) || offset < 0) {
    throw dossierError(DossierErrorCode.INVALID_PAGE, 'The page offset must be 0 or more.', { field: 'offset' });
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX_LIMIT) {
    throw dossierError(DossierErrorCode.INVALID_PAGE, `The page limit must be from 1 to ${PAGE_MAX_LIMIT}.`, { field: 'limit' });
  }
  return { offset, limit };
}

/** `%term%` for ILIKE with the user's own wildcards taken literally; null when there is nothing to search. */
export function searchPattern(search: string | null | undefined): string | null {
  const term = search?.trim() ?? '';
  if (term.length === 0) return null;
  if (term.length > SEARCH_MAX_LENGTH) {
    throw dossierError(DossierErrorCode.INVALID_SEARCH, `The search text may be at most ${SEARCH_MAX_LENGTH} characters.`, { field: 'search' });
  }
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const PERSON_SEARCH = (alias: string) =>
  `((${alias}.first_name || ' ' || ${alias}.last_name) ILIKE :search OR ${alias}.personnel_number ILIKE :search)`;

/** Ids in filters that are not UUIDs cannot match anything; they must not become SQL cast errors. */
function unmatchable(...ids: (string | null | undefined)[]): boolean {
  return ids.some((id) => id !== null && id !== undefined && !isUuid(id));
}

export interface PersonListFilter {
  search?: string | null;
  lastName?: string | null;
  includePartnerName?: boolean | null;
  employerId?: string | null;
  divisionId?: string | null;
  departmentId?: string | null;
  activeOnly?: boolean | null;
  absent?: boolean | null;
}

export interface PersonListSort {
  field: string;
  direction?: string | null;
}

/** The SQL of each sortable column; employment columns read the listed employment `le` (see below). */
const PERSON_SORT_SQL: Record<string, string> = {
  NAME: 'p.sort_name',
  PERSONNEL_NUMBER: 'lower(p.personnel_number)',
  EMPLOYER: 'lower(lemp.name)',
  DIVISION: 'lower(ldiv.name)',
  DEPARTMENT: 'lower(ldep.name)',
  CONTACT_PERSON: 'lower(le.contact_person)',
  JOB_TITLE: 'lower(le.job_title)',
  START_DATE: 'le.start_date',
  END_DATE: 'le.end_date',
};

/**
 * The persons list: scope, filters, search, sort and paging in one statement that returns the ids
 * of the page with the total, then one statement for the rows. The employment columns (werkgever,
 * divisie, afdeling, contactpersoon, functie, in dienst, uit dienst) sort by the "listed
 * employment": the one in the caller's scope that runs today, else the latest started — the same
 * rule as `Person.listedEmployment`, so the column shown is the column sorted.
 */
export async function listPersons(
  dataSource: DataSource,
  actor: Actor,
  filter: PersonListFilter,
  page: Page,
  today: IsoDate,
  sort: PersonListSort | null = null,
): Promise<{ items: PersonEntity[]; total: number }> {
  const scope = actor.unitFilter();
  const search = searchPattern(filter.search);
  const lastName = searchPattern(filter.lastName);
  if (scope.kind === 'none' || unmatchable(filter.employerId, filter.divisionId, filter.departmentId)) return { items: [], total: 0 };

  const parameters: unknown[] = [];
  const param = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const where: string[] = [];
  let scopeSql = (alias: string) => `${alias}.person_id = p.id`;
  if (scope.kind === 'person') where.push(`p.id = ${param(scope.personId)}`);
  if (scope.kind === 'units') {
    const employers = param(scope.employerIds);
    const divisions = param(scope.divisionIds);
    const departments = param(scope.departmentIds);
    const inScope = (alias: string) =>
      `(${alias}.employer_id = ANY(${employers}::uuid[]) OR ${alias}.division_id = ANY(${divisions}::uuid[]) OR ${alias}.department_id = ANY(${departments}::uuid[]))`;
    scopeSql = (alias: string) => `${alias}.person_id = p.id AND ${inScope(alias)}`;
    where.push(`EXISTS (SELECT 1 FROM dossier.employment se WHERE ${scopeSql('se')})`);
  }
  // Only placed when used: Postgres refuses a parameter the statement never mentions.
  let todayRef: string | null = null;
  const todayParam = () => (todayRef ??= param(today));
  const employmentConditions: string[] = [];
  if (filter.employerId) employmentConditions.push(`fe.employer_id = ${param(filter.employerId)}`);
  if (filter.divisionId) employmentConditions.push(`fe.division_id = ${param(filter.divisionId)}`);
  if (filter.departmentId) employmentConditions.push(`fe.department_id = ${param(filter.departmentId)}`);
  if (filter.activeOnly) employmentConditions.push(`fe.start_date <= ${todayParam()}::date AND (fe.end_date IS NULL OR fe.end_date >= ${todayParam()}::date)`);
  if (employmentConditions.length > 0) {
    // One employment in scope must meet all conditions: "active in department X", not "once in X, active elsewhere".
    where.push(`EXISTS (SELECT 1 FROM dossier.employment fe WHERE ${scopeSql('fe')} AND ${employmentConditions.join(' AND ')})`);
  }
  const partner = filter.includePartnerName === true;
  if (search) {
    const term = param(search);
    where.push(
      `((p.first_name || ' ' || p.last_name) ILIKE ${term} OR p.personnel_number ILIKE ${term}${partner ? ` OR p.partner_last_name ILIKE ${term}` : ''})`,
    );
  }
  if (lastName) {
    const term = param(lastName);
    where.push(`(p.last_name ILIKE ${term}${partner ? ` OR p.partner_last_name ILIKE ${term}` : ''})`);
  }
  if (filter.absent !== null && filter.absent !== undefined) {
    // Only open cases the caller may see count, or the filter would reveal a case at another employer.
    const openCaseScope = scope.kind === 'units' ? ` AND ${scopeSql('oc').replace('oc.person_id = p.id AND ', '')}` : '';
    where.push(`${filter.absent ? '' : 'NOT '}EXISTS (SELECT 1 FROM dossier.sick_case oc WHERE oc.person_id = p.id AND oc.status = 'OPEN'${openCaseScope})`);
  }

  const whereParameterCount = parameters.length;
  const sortSql = PERSON_SORT_SQL[sort?.field ?? 'NAME'] ?? PERSON_SORT_SQL.NAME!;
  const direction = sort?.direction === 'DESC' ? 'DESC' : 'ASC';
  const needsEmployment = !['NAME', 'PERSONNEL_NUMBER'].includes(sort?.field ?? 'NAME');
  const listedScope = scope.kind === 'units' ? scopeSql('le') : 'le.person_id = p.id';
  const joins = needsEmployment
    ? `LEFT JOIN LATERAL (
         SELECT le.* FROM dossier.employment le WHERE ${listedScope}
          ORDER BY (le.start_date <= ${todayParam()}::date AND (le.end_date IS NULL OR le.end_date >= ${todayParam()}::date)) DESC, le.start_date DESC, le.id
          LIMIT 1
       ) le ON true
       LEFT JOIN dossier.employer lemp ON lemp.id = le.employer_id
       LEFT JOIN dossier.division ldiv ON ldiv.id = le.division_id
       LEFT JOIN dossier.department ldep ON ldep.id = le.department_id`
    : '';
  const sql = `
    SELECT p.id, count(*) OVER () AS total
      FROM dossier.person p ${joins}
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${sortSql} ${direction} NULLS LAST, p.sort_name ASC, p.id ASC
     OFFSET ${param(page.offset)} LIMIT ${param(page.limit)}`;
  const rows: { id: string; total: string }[] = await dataSource.query(sql, parameters);
  if (rows.length === 0) {
    // Beyond the last page the window gives no total: count separately (rare).
    if (page.offset === 0) return { items: [], total: 0 };
    const [count] = await dataSource.query(
      `SELECT count(*)::int AS total FROM dossier.person p ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      parameters.slice(0, whereParameterCount),
    );
    return { items: [], total: count.total };
  }
  const persons = await dataSource.getRepository(PersonEntity).findBy({ id: In(rows.map((row) => row.id)) });
  const byId = new Map(persons.map((person) => [person.id, person]));
  return { items: rows.map((row) => byId.get(row.id)!).filter(Boolean), total: Number(rows[0]!.total) };
}

export interface SickCaseListFilter {
  status?: string | null;
  personId?: string | null;
  employerId?: string | null;
  divisionId?: string | null;
  departmentId?: string | null;
  search?: string | null;
}

export async function listSickCases(
  dataSource: DataSource,
  actor: Actor,
  filter: SickCaseListFilter,
  page: Page,
): Promise<{ items: SickCaseEntity[]; total: number }> {
  const scope = actor.unitFilter();
  const search = searchPattern(filter.search);
  if (scope.kind === 'none' || unmatchable(filter.personId, filter.employerId, filter.divisionId, filter.departmentId)) {
    return { items: [], total: 0 };
  }

  const qb: SelectQueryBuilder<SickCaseEntity> = dataSource.getRepository(SickCaseEntity).createQueryBuilder('c');
  if (scope.kind === 'person') qb.andWhere('c.person_id = :selfId', { selfId: scope.personId });
  if (scope.kind === 'units') qb.andWhere(`(${unitScopeSql('c')})`, unitScopeParams(scope));
  if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
  if (filter.personId) qb.andWhere('c.person_id = :personId', { personId: filter.personId });
  if (filter.employerId) qb.andWhere('c.employer_id = :employerId', { employerId: filter.employerId });
  if (filter.divisionId) qb.andWhere('c.division_id = :divisionId', { divisionId: filter.divisionId });
  if (filter.departmentId) qb.andWhere('c.department_id = :departmentId', { departmentId: filter.departmentId });
  if (search) qb.andWhere(`EXISTS (SELECT 1 FROM dossier.person sp WHERE sp.id = c.person_id AND ${PERSON_SEARCH('sp')})`, { search });

  const [total, items] = await Promise.all([
    qb.getCount(),
    qb.clone().orderBy('c.firstSickDay', 'DESC').addOrderBy('c.id', 'ASC').offset(page.offset).limit(page.limit).getMany(),
  ]);
  return { items, total };
}

export function unitScopeSql(alias: string): string {
  return [
    `${alias}.employer_id = ANY(CAST(:scopeEmployerIds AS uuid[]))`,
    `${alias}.division_id = ANY(CAST(:scopeDivisionIds AS uuid[]))`,
    `${alias}.department_id = ANY(CAST(:scopeDepartmentIds AS uuid[]))`,
  ].join(' OR ');
}

export function unitScopeParams(scope: { employerIds: string[]; divisionIds: string[]; departmentIds: string[] }) {
  return { scopeEmployerIds: scope.employerIds, scopeDivisionIds: scope.divisionIds, scopeDepartmentIds: scope.departmentIds };
}
