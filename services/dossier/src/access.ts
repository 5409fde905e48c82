import type { Actor, SubgraphContext, UnitRef } from '@poortwachter/kit';
import type { DataSource } from 'typeorm';
import type { DepartmentEntity, DivisionEntity, EmployerEntity, EmploymentEntity, SickCaseEntity } from './entities/index.js';
import { dossierLoaders } from './loaders.js';
import { ApiScope } from './domain/rules.js';

/*
 * Who may see what in the dossier. The rules build on the kit's Actor so they read the same in every
 * subgraph; this module adds what only dossier knows: employments, cases and the organisation tree.
 *
 * - ADMIN sees everything.
 * - EMPLOYEE sees their own person, employments and cases, and the units they work in.
 * - Unit-scoped roles (employer, case manager, physician, planner, API client) see the persons with an
 *   employment in their scope — and of those persons only the employments and cases that lie in
 *   their scope, so one employer never learns about a person's other job or its sick periods.
 * - API clients additionally need the OAuth scope for each kind of data.
 */

export function unitOf(row: { employerId: string; divisionId: string | null; departmentId: string | null }): UnitRef {
  return { employerId: row.employerId, divisionId: row.divisionId, departmentId: row.departmentId };
}

export function canSeeEmployment(actor: Actor, employment: EmploymentEntity): boolean {
  if (actor.seesAllUnits) return true;
  if (actor.role === 'EMPLOYEE') return actor.identity?.personId === employment.personId;
  return actor.coversUnit(unitOf(employment));
}

/** Whether the case lies in the caller's reach, regardless of API scopes (for writes, checked separately). */
export function coversSickCase(actor: Actor, sickCase: SickCaseEntity): boolean {
  if (actor.seesAllUnits) return true;
  if (actor.role === 'EMPLOYEE') return actor.identity?.personId === sickCase.personId;
  return actor.coversUnit(unitOf(sickCase));
}

export function canSeeSickCase(actor: Actor, sickCase: SickCaseEntity): boolean {
  return actor.hasApiScope(ApiScope.SICK_CASES_READ) && coversSickCase(actor, sickCase);
}

/** Whether a person lies in the caller's reach, given all of that person's employments (API scopes aside). */
export function coversPerson(actor: Actor, personId: string, employments: readonly EmploymentEntity[]): boolean {
  if (actor.seesAllUnits) return true;
  return actor.canSeePerson(personId, employments.map(unitOf));
}

export function canSeePersonWith(actor: Actor, personId: string, employments: readonly EmploymentEntity[]): boolean {
  return actor.hasApiScope(ApiScope.PERSONS_READ) && coversPerson(actor, personId, employments);
}

/** The persons among `ids` the caller may see; one batched employment lookup for all of them. */
export async function visiblePersonIds(ctx: SubgraphContext, dataSource: DataSource, ids: readonly string[]): Promise<Set<string>> {
  const loaders = dossierLoaders(ctx, dataSource);
  const employments = await loaders.employmentsByPerson.loadMany([...ids]);
  const visible = new Set<string>();
  ids.forEach((id, index) => {
    const rows = employments[index];
    if (rows instanceof Error) throw rows;
    if (canSeePersonWith(ctx.actor, id, rows ?? [])) visible.add(id);
  });
  return visible;
}

/**
 * Which parts of the organisation tree the caller sees. `full*` units are visible with everything
 * below them; the plain sets also hold the ancestors of a narrower scope (a team leader of one
 * department sees its division and employer, but not their other departments).
 */
export interface OrgVisibility {
  all: boolean;
  employerIds: Set<string>;
  divisionIds: Set<string>;
  departmentIds: Set<string>;
  fullEmployerIds: Set<string>;
  fullDivisionIds: Set<string>;
}

const visibilityCache = new WeakMap<SubgraphContext, Promise<OrgVisibility>>();

export function orgVisibility(ctx: SubgraphContext, dataSource: DataSource): Promise<OrgVisibility> {
  let cached = visibilityCache.get(ctx);
  if (!cached) {
    cached = computeOrgVisibility(ctx, dataSource);
    visibilityCache.set(ctx, cached);
  }
  return cached;
}

async function computeOrgVisibility(ctx: SubgraphContext, dataSource: DataSource): Promise<OrgVisibility> {
  const none = (): OrgVisibility => ({
    all: false,
    employerIds: new Set(),
    divisionIds: new Set(),
    departmentIds: new Set(),
    fullEmployerIds: new Set(),
    fullDivisionIds: new Set(),
  });
  const { actor } = ctx;
  if (!actor.hasApiScope(ApiScope.ORGANISATION_READ) && !actor.hasApiScope(ApiScope.PERSONS_READ)) return none();
  const filter = actor.unitFilter();
  const loaders = dossierLoaders(ctx, dataSource);
  switch (filter.kind) {
    case 'all':
      return { ...none(), all: true };
    case 'none':
      return none();
    case 'person': {
      const visibility = none();
      for (const employment of await loaders.employmentsByPerson.load(filter.personId)) {
        visibility.employerIds.add(employment.employerId);
        if (employment.divisionId) visibility.divisionIds.add(employment.divisionId);
        if (employment.departmentId) visibility.departmentIds.add(employment.departmentId);
      }
      return visibility;
    }
    case 'units': {
      const visibility = none();
      filter.employerIds.forEach((id) => (visibility.employerIds.add(id), visibility.fullEmployerIds.add(id)));
      filter.divisionIds.forEach((id) => (visibility.divisionIds.add(id), visibility.fullDivisionIds.add(id)));
      filter.departmentIds.forEach((id) => visibility.departmentIds.add(id));
      const [divisions, departments] = await Promise.all([
        loaders.division.loadMany(filter.divisionIds),
        loaders.department.loadMany(filter.departmentIds),
      ]);
      for (const division of divisions) {
        if (division && !(division instanceof Error)) visibility.employerIds.add(division.employerId);
      }
      for (const department of departments) {
        if (department && !(department instanceof Error)) {
          visibility.employerIds.add(department.employerId);
          visibility.divisionIds.add(department.divisionId);
        }
      }
      return visibility;
    }
  }
}

export function canSeeEmployer(visibility: OrgVisibility, employer: EmployerEntity): boolean {
  return visibility.all || visibility.employerIds.has(employer.id);
}

export function canSeeDivision(visibility: OrgVisibility, division: DivisionEntity): boolean {
  return visibility.all || visibility.fullEmployerIds.has(division.employerId) || visibility.divisionIds.has(division.id);
}

export function canSeeDepartment(visibility: OrgVisibility, department: DepartmentEntity): boolean {
  return (
    visibility.all ||
    visibility.fullEmployerIds.has(department.employerId) ||
    visibility.fullDivisionIds.has(department.divisionId) ||
    visibility.departmentIds.has(department.id)
  );
}
