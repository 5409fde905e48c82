import { byKey, groupByKey, type SubgraphContext } from '@poortwachter/kit';
import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import {
  AbsenceCoursePointEntity,
  DepartmentEntity,
  DivisionEntity,
  EmployerEntity,
  EmploymentEntity,
  PersonEntity,
  SickCaseEntity,
} from './entities/index.js';

export interface DossierLoaders {
  employer: DataLoader<string, EmployerEntity | null>;
  division: DataLoader<string, DivisionEntity | null>;
  department: DataLoader<string, DepartmentEntity | null>;
  divisionsByEmployer: DataLoader<string, DivisionEntity[]>;
  departmentsByDivision: DataLoader<string, DepartmentEntity[]>;
  person: DataLoader<string, PersonEntity | null>;
  employmentsByPerson: DataLoader<string, EmploymentEntity[]>;
  sickCase: DataLoader<string, SickCaseEntity | null>;
  sickCasesByPerson: DataLoader<string, SickCaseEntity[]>;
  courseBySickCase: DataLoader<string, AbsenceCoursePointEntity[]>;
}

/**
 * Every hop from a list to related rows goes through one of these per-request loaders, so a page of
 * fifty persons with their employments and cases costs the same few statements as a page of ten.
 */
export function dossierLoaders(ctx: SubgraphContext, dataSource: DataSource): DossierLoaders {
  const get = <V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>) =>
    ctx.loaders.get<string, V>(`dossier.${name}`, batch);
  const repo = <T extends object>(entity: new () => T) => dataSource.getRepository(entity);

  return {
    employer: get('employer', async (ids) => byKey(ids, await repo(EmployerEntity).findBy({ id: In([...ids]) }), (row) => row.id)),
    division: get('division', async (ids) => byKey(ids, await repo(DivisionEntity).findBy({ id: In([...ids]) }), (row) => row.id)),
    department: get('department', async (ids) =>
      byKey(ids, await repo(DepartmentEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    ),
    divisionsByEmployer: get('divisionsByEmployer', async (ids) =>
      groupByKey(ids, await repo(DivisionEntity).find({ where: { employerId: In([...ids]) }, order: { name: 'ASC' } }), (row) => row.employerId),
    ),
    departmentsByDivision: get('departmentsByDivision', async (ids) =>
      groupByKey(ids, await repo(DepartmentEntity).find({ where: { divisionId: In([...ids]) }, order: { name: 'ASC' } }), (row) => row.divisionId),
    ),
    person: get('person', async (ids) => byKey(ids, await repo(PersonEntity).findBy({ id: In([...ids]) }), (row) => row.id)),
    employmentsByPerson: get('employmentsByPerson', async (ids) =>
      groupByKey(
        ids,
        await repo(EmploymentEntity).find({ where: { personId: In([...ids]) }, order: { startDate: 'DESC', id: 'ASC' } }),
        (row) => row.personId,
      ),
    ),
    sickCase: get('sickCase', async (ids) => byKey(ids, await repo(SickCaseEntity).findBy({ id: In([...ids]) }), (row) => row.id)),
    sickCasesByPerson: get('sickCasesByPerson', async (ids) =>
      groupByKey(
        ids,
        await repo(SickCaseEntity).find({ where: { personId: In([...ids]) }, order: { firstSickDay: 'DESC', id: 'ASC' } }),
        (row) => row.personId,
      ),
    ),
    courseBySickCase: get('courseBySickCase', async (ids) =>
      groupByKey(
        ids,
        await repo(AbsenceCoursePointEntity).find({ where: { sickCaseId: In([...ids]) }, order: { from: 'ASC' } }),
        (row) => row.sickCaseId,
      ),
    ),
  };
}
