import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { DateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canSeeSickCase } from '../access.js';
import { SickCaseCommands } from '../commands/sick-cases.js';
import {
  AbsenceCoursePointEntity,
  DepartmentEntity,
  DivisionEntity,
  EmployerEntity,
  PersonEntity,
  SickCaseEntity,
} from '../entities/index.js';
import {
  AbsenceCoursePoint,
  Department,
  Division,
  Employer,
  Person,
  ReportRecoveryInput,
  ReportSicknessInput,
  SickCase,
  SickCasePage,
  SickCasesArgs,
  UpdateSickCaseInput,
} from '../graphql/types.js';
import { dossierLoaders } from '../loaders.js';
import { isPlanner } from '../persons/field-access.js';
import { listSickCases, normalisePage } from '../queries.js';
import { todayInBusinessZone } from '../domain/clock.js';
import { ApiScope, isUuid, sickCaseNotFound } from '../domain/rules.js';
import { isoDateOf, periodDurationDays, termDates, type IsoDate } from '../domain/term.js';

@Resolver(() => SickCase)
export class SickCaseResolver {
  private readonly commands: SickCaseCommands;

  constructor(private readonly deps: ServiceDeps) {
    this.commands = new SickCaseCommands(deps);
  }

  @Query(() => SickCase, { nullable: true, description: 'One sick case; SICK_CASE_NOT_FOUND when missing or outside your scope.' })
  async sickCase(@Arg('id', () => ID, { description: 'The sick case’s id (`SickCase.id`).' }) id: string, @Ctx() ctx: SubgraphContext): Promise<SickCaseEntity> {
    ctx.actor.require();
    ctx.actor.requireApiScope(ApiScope.SICK_CASES_READ);
    if (!isUuid(id)) throw sickCaseNotFound(id);
    const sickCase = await dossierLoaders(ctx, this.deps.dataSource).sickCase.load(id);
    if (!sickCase || !canSeeSickCase(ctx.actor, sickCase)) {
      ctx.accessLog.denied('sick-case', sickCase?.personId ?? null);
      throw sickCaseNotFound(id);
    }
    ctx.accessLog.read('sick-case', [sickCase.personId]);
    return sickCase;
  }

  @Query(() => SickCasePage, { description: 'Sick cases in your scope, latest first day first.' })
  async sickCases(
    @Args(() => SickCasesArgs) { filter, page }: SickCasesArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<{ items: SickCaseEntity[]; total: number }> {
    ctx.actor.require();
    ctx.actor.requireApiScope(ApiScope.SICK_CASES_READ);
    const result = await listSickCases(this.deps.dataSource, ctx.actor, filter ?? {}, normalisePage(page));
    const loaders = dossierLoaders(ctx, this.deps.dataSource);
    for (const sickCase of result.items) loaders.sickCase.prime(sickCase.id, sickCase);
    ctx.accessLog.read(
      'sick-case',
      result.items.map((sickCase) => sickCase.personId),
    );
    return result;
  }

  @Mutation(() => SickCase, { description: 'Reports a person sick. Starts (or continues) the 104-week term.' })
  async reportSickness(@Arg('input', () => ReportSicknessInput, { description: 'The sick report.' }) input: ReportSicknessInput, @Ctx() ctx: SubgraphContext): Promise<SickCaseEntity> {
    return this.commands.reportSickness(ctx, {
      personId: input.personId,
      firstSickDay: isoDateOf(input.firstSickDay),
      absencePercentage: input.absencePercentage ?? 100,
      expectedRecoveryDate: input.expectedRecoveryDate ? isoDateOf(input.expectedRecoveryDate) : null,
      workAccident: input.workAccident ?? false,
      safetyNet: input.safetyNet ?? false,
      thirdPartyLiable: input.thirdPartyLiable ?? false,
      whereabouts: input.whereabouts ?? null,
      contactPhone: input.contactPhone ?? null,
      questionForProfessional: input.questionForProfessional ?? null,
      remarks: input.remarks ?? null,
    });
  }

  @Mutation(() => SickCase, {
    description:
      'Changes the details of an open sick case (expected recovery, whereabouts, phone, remarks). ' +
      'Codes: SICK_CASE_NOT_FOUND, SICK_CASE_ALREADY_RECOVERED, EXPECTED_RECOVERY_BEFORE_FIRST_SICK_DAY, TEXT_TOO_LONG, INVALID_PHONE.',
  })
  async updateSickCase(@Arg('input', () => UpdateSickCaseInput, { description: 'The case and the details to change.' }) input: UpdateSickCaseInput, @Ctx() ctx: SubgraphContext): Promise<SickCaseEntity> {
    return this.commands.updateSickCase(ctx, {
      sickCaseId: input.sickCaseId,
      expectedRecoveryDate:
        input.expectedRecoveryDate === undefined ? undefined : input.expectedRecoveryDate === null ? null : isoDateOf(input.expectedRecoveryDate),
      whereabouts: input.whereabouts,
      contactPhone: input.contactPhone,
      remarks: input.remarks,
      questionForProfessional: input.questionForProfessional,
    });
  }

  @Mutation(() => SickCase, { description: 'Full recovery (percentage 0 or omitted) or a new absence percentage (partial recovery).' })
  async reportRecovery(@Arg('input', () => ReportRecoveryInput, { description: 'The case, the day and the remaining absence percentage.' }) input: ReportRecoveryInput, @Ctx() ctx: SubgraphContext): Promise<SickCaseEntity> {
    return this.commands.reportRecovery(ctx, {
      sickCaseId: input.sickCaseId,
      recoveredOn: isoDateOf(input.recoveredOn),
      absencePercentage: input.absencePercentage ?? null,
    });
  }

  @FieldResolver(() => Person, { description: 'The person who is absent.' })
  async person(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): Promise<PersonEntity> {
    // A visible case lies in one of the person's employments, so the person is visible too.
    return (await dossierLoaders(ctx, this.deps.dataSource).person.load(sickCase.personId))!;
  }

  @FieldResolver(() => Employer, { description: 'The employer at the sick report.' })
  async employer(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): Promise<EmployerEntity> {
    return (await dossierLoaders(ctx, this.deps.dataSource).employer.load(sickCase.employerId))!;
  }

  @FieldResolver(() => Division, { nullable: true, description: 'The division at the sick report (kept when the person moves later); null when none was assigned.' })
  async division(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): Promise<DivisionEntity | null> {
    return sickCase.divisionId ? dossierLoaders(ctx, this.deps.dataSource).division.load(sickCase.divisionId) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department at the sick report (kept when the person moves later); null when none was assigned.' })
  async department(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): Promise<DepartmentEntity | null> {
    return sickCase.departmentId ? dossierLoaders(ctx, this.deps.dataSource).department.load(sickCase.departmentId) : null;
  }

  // The planner plans consultations: the case's dates, status and person, not what the employer
  // reported about it (issue 14). Each of these fields resolves to null (the course to []) for them.
  @FieldResolver()
  absencePercentage(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): number | null {
    return isPlanner(ctx.actor) ? null : sickCase.absencePercentage;
  }

  @FieldResolver()
  workAccident(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): boolean | null {
    return isPlanner(ctx.actor) ? null : sickCase.workAccident;
  }

  @FieldResolver()
  safetyNet(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): boolean | null {
    return isPlanner(ctx.actor) ? null : sickCase.safetyNet;
  }

  @FieldResolver()
  thirdPartyLiable(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): boolean | null {
    return isPlanner(ctx.actor) ? null : sickCase.thirdPartyLiable;
  }

  @FieldResolver()
  whereabouts(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): string | null {
    return isPlanner(ctx.actor) ? null : sickCase.whereabouts;
  }

  @FieldResolver()
  contactPhone(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): string | null {
    return isPlanner(ctx.actor) ? null : sickCase.contactPhone;
  }

  @FieldResolver()
  questionForProfessional(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): string | null {
    return isPlanner(ctx.actor) ? null : sickCase.questionForProfessional;
  }

  @FieldResolver()
  remarks(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): string | null {
    return isPlanner(ctx.actor) ? null : sickCase.remarks;
  }

  @FieldResolver()
  expectedRecoveryDate(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): string | null {
    return isPlanner(ctx.actor) ? null : sickCase.expectedRecoveryDate;
  }

  @FieldResolver(() => [AbsenceCoursePoint], { description: 'The absence percentage over time, oldest first; ends with 0 at recovery. Empty for the planner.' })
  async absenceCourse(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): Promise<AbsenceCoursePointEntity[]> {
    if (isPlanner(ctx.actor)) return [];
    return dossierLoaders(ctx, this.deps.dataSource).courseBySickCase.load(sickCase.id);
  }

  @FieldResolver(() => DateResolver, { description: 'Day 0 of the term + 104 weeks + the term’s gap days.' })
  waitingPeriodEndsOn(@Root() sickCase: SickCaseEntity): IsoDate {
    return termDates(sickCase).waitingPeriodEndsOn;
  }

  @FieldResolver(() => DateResolver, { description: 'Last day of week 42 of the term (+ gap days): the sick report to UWV.' })
  week42ReportDue(@Root() sickCase: SickCaseEntity): IsoDate {
    return termDates(sickCase).week42ReportDue;
  }

  @FieldResolver(() => DateResolver, { description: 'Last day of week 93 of the term (+ gap days): the WIA application.' })
  wiaApplicationDue(@Root() sickCase: SickCaseEntity): IsoDate {
    return termDates(sickCase).wiaApplicationDue;
  }

  @FieldResolver(() => Int, { description: 'Calendar days of this period: up to recovery, or up to and including today.' })
  durationDays(@Root() sickCase: SickCaseEntity): number {
    return periodDurationDays(sickCase.firstSickDay, sickCase.recoveredOn, todayInBusinessZone());
  }
}
