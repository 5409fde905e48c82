import { forbidden, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import { canSeeEmployment, canSeeSickCase, visiblePersonIds } from '../access.js';
import {
  DepartmentEntity,
  DivisionEntity,
  EmployerEntity,
  EmploymentEntity,
  PersonEntity,
  SickCaseEntity,
  employmentCovers,
  partTimeFactor,
} from '../entities/index.js';
import { Address, Department, Division, Employer, Employment, Person, PersonPage, SickCase } from '../graphql/types.js';
import { PersonListArgs } from '../graphql/persons.js';
import { isPlanner, seesPersonDetail } from '../persons/field-access.js';
import { dossierLoaders } from '../loaders.js';
import { listPersons, normalisePage } from '../queries.js';
import { todayInBusinessZone } from '../domain/clock.js';
import { ApiScope, isUuid, personNotFound } from '../domain/rules.js';

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => Person, { nullable: true, description: 'One person; PERSON_NOT_FOUND when missing or outside your scope.' })
  async person(@Arg('id', () => ID, { description: 'The person’s id (`Person.id`).' }) id: string, @Ctx() ctx: SubgraphContext): Promise<PersonEntity> {
    ctx.actor.require();
    ctx.actor.requireApiScope(ApiScope.PERSONS_READ);
    if (!isUuid(id)) throw personNotFound(id);
    const [person, visible] = await Promise.all([
      dossierLoaders(ctx, this.deps.dataSource).person.load(id),
      visiblePersonIds(ctx, this.deps.dataSource, [id]),
    ]);
    if (!person || !visible.has(id)) {
      ctx.accessLog.denied('person', person ? id : null);
      throw personNotFound(id);
    }
    ctx.accessLog.read('person', [id]);
    return person;
  }

  @Query(() => PersonPage, {
    description:
      'Persons in your scope, searched, sorted and paged on the server. By name the Dutch way unless `sort` says otherwise: ' +
      'surname without tussenvoegsel, so "Vries, J. de" files under V. Codes: INVALID_PAGE, INVALID_SEARCH.',
  })
  async persons(
    @Args(() => PersonListArgs) { filter, sort, page }: PersonListArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<{ items: PersonEntity[]; total: number }> {
    ctx.actor.require();
    ctx.actor.requireApiScope(ApiScope.PERSONS_READ);
    const result = await listPersons(this.deps.dataSource, ctx.actor, filter ?? {}, normalisePage(page), todayInBusinessZone(), sort ?? null);
    // Nested hops back to these persons (SickCase.person) then cost no statement.
    const loaders = dossierLoaders(ctx, this.deps.dataSource);
    for (const person of result.items) loaders.person.prime(person.id, person);
    ctx.accessLog.read(
      'person',
      result.items.map((person) => person.id),
    );
    return result;
  }

  @Query(() => Person, { nullable: true, description: 'The signed-in employee’s own person; null for every other role.' })
  async me(@Ctx() ctx: SubgraphContext): Promise<PersonEntity | null> {
    const identity = ctx.actor.require();
    if (identity.role !== 'EMPLOYEE' || !identity.personId || !isUuid(identity.personId)) return null;
    const person = await dossierLoaders(ctx, this.deps.dataSource).person.load(identity.personId);
    if (person) ctx.accessLog.read('person', [person.id]);
    return person;
  }

  @FieldResolver(() => String, { description: 'First name and last name, e.g. "Anna de Vries", for display.' })
  fullName(@Root() person: PersonEntity): string {
    return `${person.firstName} ${person.lastName}`;
  }

  @FieldResolver(() => Address, {
    nullable: true,
    description: 'The home address; null when no part of it is registered, and for roles without a screen that needs it (casemanager, planner).',
  })
  address(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): Address | null {
    if (!seesPersonDetail(ctx.actor, 'address')) return null;
    const { street, houseNumber, postalCode, city } = person;
    if (street === null && houseNumber === null && postalCode === null && city === null) return null;
    return { street, houseNumber, postalCode, city };
  }

  @FieldResolver(() => [Employment], { description: 'Employments in your scope, latest start first (the history). Empty for the planner, who gets `placement`.' })
  async employments(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): Promise<EmploymentEntity[]> {
    if (isPlanner(ctx.actor)) return [];
    const employments = await dossierLoaders(ctx, this.deps.dataSource).employmentsByPerson.load(person.id);
    return employments.filter((employment) => canSeeEmployment(ctx.actor, employment));
  }

  @FieldResolver(() => Employment, { nullable: true, description: 'The employment in your scope that runs today (the latest started one).' })
  async currentEmployment(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): Promise<EmploymentEntity | null> {
    const today = todayInBusinessZone();
    const employments = await this.employments(person, ctx);
    return employments.find((employment) => employmentCovers(employment, today)) ?? null;
  }

  @FieldResolver()
  dateOfBirth(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): string | null {
    return seesPersonDetail(ctx.actor, 'dateOfBirth') ? person.dateOfBirth : null;
  }

  @FieldResolver()
  gender(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): string | null {
    return seesPersonDetail(ctx.actor, 'gender') ? person.gender : null;
  }

  @FieldResolver()
  email(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): string | null {
    return seesPersonDetail(ctx.actor, 'contact') ? person.email : null;
  }

  @FieldResolver()
  phone(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): string | null {
    return seesPersonDetail(ctx.actor, 'contact') ? person.phone : null;
  }

  @FieldResolver()
  personnelNumber(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): string | null {
    return seesPersonDetail(ctx.actor, 'personnelNumber') ? person.personnelNumber : null;
  }

  @FieldResolver(() => [SickCase], { description: 'Sick cases in your scope, latest first.' })
  async sickCases(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): Promise<SickCaseEntity[]> {
    if (!ctx.actor.hasApiScope(ApiScope.SICK_CASES_READ)) throw forbidden(`sick cases without the scope ${ApiScope.SICK_CASES_READ}`);
    const sickCases = await dossierLoaders(ctx, this.deps.dataSource).sickCasesByPerson.load(person.id);
    return sickCases.filter((sickCase) => canSeeSickCase(ctx.actor, sickCase));
  }
}

@Resolver(() => Employment)
export class EmploymentResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => Employer, { description: 'The employer the contract is with.' })
  async employer(@Root() employment: EmploymentEntity, @Ctx() ctx: SubgraphContext): Promise<EmployerEntity> {
    return (await dossierLoaders(ctx, this.deps.dataSource).employer.load(employment.employerId))!;
  }

  @FieldResolver(() => Division, { nullable: true, description: 'The division the person works in; null when the employer has not assigned one.' })
  async division(@Root() employment: EmploymentEntity, @Ctx() ctx: SubgraphContext): Promise<DivisionEntity | null> {
    return employment.divisionId ? dossierLoaders(ctx, this.deps.dataSource).division.load(employment.divisionId) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department the person works in; null when the employer has not assigned one.' })
  async department(@Root() employment: EmploymentEntity, @Ctx() ctx: SubgraphContext): Promise<DepartmentEntity | null> {
    return employment.departmentId ? dossierLoaders(ctx, this.deps.dataSource).department.load(employment.departmentId) : null;
  }

  @FieldResolver(() => Float, { description: 'Contract hours over the full-time week, at most 1.' })
  partTimeFactor(@Root() employment: EmploymentEntity): number {
    return partTimeFactor(employment);
  }
}
