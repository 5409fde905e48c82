import type { Actor } from '@poortwachter/kit';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
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
  employerId?: string | null;
  divisionId?: string | null;
  departmentId?: string | null;
  activeOnly?: boolean | null;
  absent?: boolean | null;
}

export async function listPersons(
  dataSource: DataSource,
  actor: Actor,
  filter: PersonListFilter,
  page: Page,
  today: IsoDate,
): Promise<{ items: PersonEntity[]; total: number }> {
  const scope = actor.unitFilter();
  const search = searchPattern(filter.search);
  if (scope.kind === 'none' || unmatchable(filter.employerId, filter.divisionId, filter.departmentId)) return { items: [], total: 0 };

  const qb = dataSource.getRepository(PersonEntity).createQueryBuilder('p');
  if (scope.kind === 'person') qb.andWhere('p.id = :selfId', { selfId: scope.personId });
  if (scope.kind === 'units') {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM dossier.employment se WHERE se.person_id = p.id AND (${unitScopeSql('se')}))`,
      unitScopeParams(scope),
    );
  }
  const employmentConditions: string[] = [];
  if (filter.employerId) employmentConditions.push('fe.employer_id = :employerId');
  if (filter.divisionId) employmentConditions.push('fe.division_id = :divisionId');
  if (filter.departmentId) employmentConditions.push('fe.department_id = :departmentId');
  if (filter.activeOnly) employmentConditions.push('fe.start_date <= :today AND (fe.end_date IS NULL OR fe.end_date >= :today)');
  if (employmentConditions.length > 0) {
    // One employment must meet all conditions: "active in department X", not "once in X, active elsewhere".
    qb.andWhere(`EXISTS (SELECT 1 FROM dossier.employment fe WHERE fe.person_id = p.id AND ${employmentConditions.join(' AND ')})`, {
      employerId: filter.employerId,
      divisionId: filter.divisionId,
      departmentId: filter.departmentId,
      today,
    });
  }
  if (search) qb.andWhere(PERSON_SEARCH('p'), { search });
  if (filter.absent !== null && filter.absent !== undefined) {
    // Only open cases the caller may see count, or the filter would reveal a case at another employer.
    const openCaseScope = scope.kind === 'units' ? ` AND (${unitScopeSql('oc')})` : '';
    qb.andWhere(
      `${filter.absent ? '' : 'NOT '}EXISTS (SELECT 1 FROM dossier.sick_case oc WHERE oc.person_id = p.id AND oc.status = 'OPEN'${openCaseScope})`,
      scope.kind === 'units' ? unitScopeParams(scope) : {},
    );
  }

  const [total, items] = await Promise.all([
    qb.getCount(),
    qb.clone().orderBy('p.lastName', 'ASC').addOrderBy('p.firstName', 'ASC').addOrderBy('p.id', 'ASC').offset(page.offset).limit(page.limit).getMany(),
  ]);
  return { items, total };
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
