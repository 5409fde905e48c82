import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { canSeeDepartment, canSeeDivision, orgVisibility } from '../access.js';
import { DepartmentEntity, DivisionEntity, EmployerEntity } from '../entities/index.js';
import { Department, Division, Employer } from '../graphql/types.js';
import { dossierLoaders } from '../loaders.js';
import { ApiScope } from '../domain/rules.js';

@Resolver(() => Employer)
export class EmployerResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => [Employer], { description: 'The employers the caller works for or with, by name.' })
  async employers(@Ctx() ctx: SubgraphContext): Promise<EmployerEntity[]> {
    ctx.actor.require();
    if (!ctx.actor.hasApiScope(ApiScope.PERSONS_READ)) ctx.actor.requireApiScope(ApiScope.ORGANISATION_READ);
    const visibility = await orgVisibility(ctx, this.deps.dataSource);
    const repository = this.deps.dataSource.getRepository(EmployerEntity);
    if (visibility.all) return repository.find({ order: { name: 'ASC', id: 'ASC' } });
    if (visibility.employerIds.size === 0) return [];
    return repository.find({ where: { id: In([...visibility.employerIds]) }, order: { name: 'ASC', id: 'ASC' } });
  }

  @FieldResolver(() => [Division], { description: 'The employer’s divisions in your scope, by name; empty when none are visible to you.' })
  async divisions(@Root() employer: EmployerEntity, @Ctx() ctx: SubgraphContext): Promise<DivisionEntity[]> {
    const [divisions, visibility] = await Promise.all([
      dossierLoaders(ctx, this.deps.dataSource).divisionsByEmployer.load(employer.id),
      orgVisibility(ctx, this.deps.dataSource),
    ]);
    return divisions.filter((division) => canSeeDivision(visibility, division));
  }
}

@Resolver(() => Division)
export class DivisionResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => Employer, { description: 'The employer the division belongs to.' })
  async employer(@Root() division: DivisionEntity, @Ctx() ctx: SubgraphContext): Promise<EmployerEntity> {
    return (await dossierLoaders(ctx, this.deps.dataSource).employer.load(division.employerId))!;
  }

  @FieldResolver(() => [Department], { description: 'The division’s departments in your scope, by name; empty when none are visible to you.' })
  async departments(@Root() division: DivisionEntity, @Ctx() ctx: SubgraphContext): Promise<DepartmentEntity[]> {
    const [departments, visibility] = await Promise.all([
      dossierLoaders(ctx, this.deps.dataSource).departmentsByDivision.load(division.id),
      orgVisibility(ctx, this.deps.dataSource),
    ]);
    return departments.filter((department) => canSeeDepartment(visibility, department));
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => Division, { description: 'The division the department belongs to.' })
  async division(@Root() department: DepartmentEntity, @Ctx() ctx: SubgraphContext): Promise<DivisionEntity> {
    return (await dossierLoaders(ctx, this.deps.dataSource).division.load(department.divisionId))!;
  }

  @FieldResolver(() => Employer, { description: 'The employer the department belongs to.' })
  async employer(@Root() department: DepartmentEntity, @Ctx() ctx: SubgraphContext): Promise<EmployerEntity> {
    return (await dossierLoaders(ctx, this.deps.dataSource).employer.load(department.employerId))!;
  }
}
