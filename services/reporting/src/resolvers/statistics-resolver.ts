import { domainError, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { todayIn } from '../domain/dates.js';
import { classRanges, summarize, type DurationClass } from '../domain/duration-classes.js';
import { validateStatisticsInput, type StatisticsRequest } from '../domain/statistics.js';
import type { ReportingOptions } from '../options.js';
import { figures, Params, queryAbsenceStatistics, unitCondition, type StatisticsRow } from '../queries/absence-statistics.js';
import { countScope, optionalEmployer, requireUnitsInScope } from './scope.js';
import {
  AbsenceStatistics,
  AbsenceStatisticsInput,
  AbsenceStatisticsRow,
  MonthlyAbsencePercentage,
} from './statistics-types.js';
import { DurationClassCount } from './types.js';

const isoDate = (date: Date | string) => (typeof date === 'string' ? date : date.toISOString().slice(0, 10));

export const MAX_MONTHS = 36;

function toRow(row: StatisticsRow, request: StatisticsRequest): AbsenceStatisticsRow {
  const computed = figures(row);
  const unit = row.unitId ? { id: row.unitId } : null;
  const counts: Partial<Record<DurationClass, number>> = {
    SHORT: row.shortCases,
    MEDIUM: row.mediumCases,
    LONG: row.longCases,
    EXTRA_LONG: row.extraLongCases,
  };
  return {
    period: { key: row.bucketKey, start: row.bucketStart, end: row.bucketEnd, days: computed.days },
    employer: request.breakdown === 'EMPLOYER' ? unit : null,
    division: request.breakdown === 'DIVISION' ? unit : null,
    department: request.breakdown === 'DEPARTMENT' ? unit : null,
    absencePercentage: computed.absencePercentage,
    reportFrequency: computed.reportFrequency,
    averageDuration: computed.averageDuration,
    zeroAbsencePercentage: computed.zeroAbsencePercentage,
    sickDays: row.sickDays,
    employedDays: row.employedDays,
    averageEmployees: computed.averageEmployees,
    employees: row.employees,
    employeesWithAbsence: row.employeesWithAbsence,
    newReports: row.newReports,
    endedCases: row.endedCases,
    durationClasses: summarize(counts, request.boundaries),
  };
}

@Resolver()
export class StatisticsResolver {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly options: ReportingOptions,
  ) {}

  /** Validates, checks the scope and runs the one statistics statement. */
  async compute(ctx: SubgraphContext, input: AbsenceStatisticsInput, path = 'input') {
    const scope = countScope(ctx.actor);
    const request = validateStatisticsInput(
      {
        ...input,
        from: isoDate(input.from),
        to: isoDate(input.to),
      },
      this.options.boundaries,
      todayIn(),
      path,
    );
    await requireUnitsInScope(this.deps.dataSource, ctx.actor, request.unitIds, `${path}.unitIds`);
    const rows = await queryAbsenceStatistics(this.deps.dataSource, request, scope);
    return { request, rows };
  }

  @Query(() => AbsenceStatistics, {
    description:
      'Absence statistics by the Dutch national standard (as Vernet and CBS use it): verzuimpercentage (ZVP), meldingsfrequentie (ZMF), gemiddelde verzuimduur (GZVD), nulverzuim and cases per duration class, per period row and unit. ' +
      'Computed in SQL from the reporting read model over calendar days; only days inside the period, the employment and the absence count, weighted by part-time factor and absence percentage. ' +
      'Counts only units in your scope (a team leader: their department). Roles: EMPLOYER, ADMIN, partner clients with reports:read. ' +
      'Errors: PERIOD_END_BEFORE_START, PERIOD_TOO_LONG, PERIOD_IN_FUTURE, UNIT_OUT_OF_SCOPE, INVALID_DURATION_CLASSES, BAD_USER_INPUT, each with extensions.field (e.g. input.to).',
  })
  async absenceStatistics(
    @Ctx() ctx: SubgraphContext,
    @Arg('input', () => AbsenceStatisticsInput, { description: 'Period, grouping, units and method.' })
    input: AbsenceStatisticsInput,
  ): Promise<AbsenceStatistics> {
    const { request, rows } = await this.compute(ctx, input);
    return {
      from: request.from,
      to: request.to,
      grouping: request.grouping,
      breakdown: request.breakdown,
      weighting: request.weighting,
      rows: rows.map((row) => toRow(row, request)),
    };
  }

  @Query(() => [MonthlyAbsencePercentage], {
    description:
      'The absence percentage (ZVP, weighted by part-time factor) per calendar month for the last `months` months, the current month (up to today) last. ' +
      'For the dashboard widget "Verzuimpercentage per maand": the same figures as absenceStatistics with grouping MONTH and breakdown NONE over your whole scope, or one employer. ' +
      'Every month is present, with a null percentage where nobody was employed.',
  })
  async monthlyAbsencePercentage(
    @Ctx() ctx: SubgraphContext,
    @Arg('months', () => Int, {
      nullable: true,
      defaultValue: 12,
      description: `How many months, 1–${MAX_MONTHS} (default 12); else BAD_USER_INPUT with field months.`,
    })
    months: number,
    @Arg('employerId', () => ID, {
      nullable: true,
      description: 'Only this employer (within your scope, else FORBIDDEN). Omitted: everything in your scope.',
    })
    employerId: string | null,
  ): Promise<MonthlyAbsencePercentage[]> {
    const scope = countScope(ctx.actor);
    if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS)
      throw domainError('BAD_USER_INPUT', `months must be from 1 to ${MAX_MONTHS}.`, { field: 'months' });
    const unitIds = await optionalEmployer(this.deps.dataSource, ctx.actor, employerId);
    const today = todayIn();
    const [year, month] = today.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(year, month - months, 1)).toISOString().slice(0, 10);
    const request = validateStatisticsInput(
      { from, to: today, grouping: 'MONTH', unitIds },
      this.options.boundaries,
      today,
    );
    const rows = await queryAbsenceStatistics(this.deps.dataSource, request, scope);
    return rows.map((row) => ({
      month: row.bucketKey,
      start: row.bucketStart,
      end: row.bucketEnd,
      absencePercentage: figures(row).absencePercentage,
      newReports: row.newReports,
    }));
  }

  @Query(() => [DurationClassCount], {
    description:
      "Open absence today by duration class (the dashboard's pie chart), in the caller's units or for one employer. " +
      'Always all four classes, in order, counts 0 included.',
  })
  async openAbsenceByDurationClass(
    @Ctx() ctx: SubgraphContext,
    @Arg('employerId', () => ID, {
      nullable: true,
      description:
        'Only this employer (an employer user: within your own scope, else FORBIDDEN). Omitted: every case in your scope; all employers for the administrator.',
    })
    employerId: string | null,
  ): Promise<DurationClassCount[]> {
    const scope = countScope(ctx.actor);
    const employerIds = await optionalEmployer(this.deps.dataSource, ctx.actor, employerId);
    const params = new Params();
    const conditions = ['TRUE'];
    if (scope.kind === 'units') conditions.push(unitCondition('c', scope, params));
    if (employerIds.length > 0) conditions.push(`c.employer_id = ${params.add(employerIds[0])}::uuid`);
    const today = params.add(todayIn());
    const ranges = classRanges(this.options.boundaries);
    const rows: { durationClass: DurationClass; count: number }[] = await this.deps.dataSource.query(
      `SELECT CASE WHEN o.days <= ${params.add(ranges[0]!.maxDays)} THEN 'SHORT'
                   WHEN o.days <= ${params.add(ranges[1]!.maxDays)} THEN 'MEDIUM'
                   WHEN o.days <= ${params.add(ranges[2]!.maxDays)} THEN 'LONG'
                   ELSE 'EXTRA_LONG' END AS "durationClass",
              count(*)::int AS count
         FROM (SELECT ${today}::date - c.first_sick_day + 1 AS days
                 FROM reporting.sick_case c
                WHERE c.first_sick_day <= ${today}::date
                  AND (c.recovered_on IS NULL OR c.recovered_on > ${today}::date)
                  AND ${conditions.join(' AND ')}) o
        GROUP BY 1`,
      params.values,
    );
    return summarize(
      Object.fromEntries(rows.map((row) => [row.durationClass, row.count])),
      this.options.boundaries,
    );
  }
}
