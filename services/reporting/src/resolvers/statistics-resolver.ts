import {
  domainError,
  forbidden,
  type Actor,
  type ServiceDeps,
  type SubgraphContext,
} from '@poortwachter/kit';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { todayIn } from '../domain/dates.js';
import { summarize, type DurationClass } from '../domain/duration-classes.js';
import type { ReportingOptions } from '../options.js';
import { DurationClassCount } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The facts a caller may count, as SQL. Statistics are for the employer's HR and the arbodienst's
 * administrator; an employerId narrows the result and must lie within the caller's scope.
 */
export async function factScope(
  dataSource: DataSource,
  actor: Actor,
  employerId: string | null,
  params: Params,
): Promise<string> {
  const identity = actor.requireRole('EMPLOYER', 'ADMIN');
  if (employerId !== null && !UUID.test(employerId)) {
    throw domainError('BAD_USER_INPUT', 'employerId is not a valid id.', { field: 'employerId' });
  }
  const conditions: string[] = [];
  if (employerId !== null) conditions.push(`f.employer_id = ${params.add(employerId.toLowerCase())}::uuid`);
  if (identity.role === 'EMPLOYER') {
    const scope = actor.scope;
    if (
      employerId !== null &&
      !actor.coversUnit({ employerId }) &&
      !(await unitsBelongTo(dataSource, employerId, scope.divisionIds, scope.departmentIds))
    ) {
      throw forbidden(`the statistics of employer ${employerId}`);
    }
    conditions.push(`(f.employer_id = ANY(${params.add(scope.employerIds)}::uuid[])
      OR f.division_id = ANY(${params.add(scope.divisionIds)}::uuid[])
      OR f.department_id = ANY(${params.add(scope.departmentIds)}::uuid[]))`);
  }
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}

/** Whether a caller scoped to divisions or departments works within the employer. */
async function unitsBelongTo(
  dataSource: DataSource,
  employerId: string,
  divisionIds: string[],
  departmentIds: string[],
): Promise<boolean> {
  const unitIds = [...divisionIds, ...departmentIds];
  if (unitIds.length === 0) return false;
  const rows: unknown[] = await dataSource.query(
    `SELECT 1 FROM reporting.org_unit WHERE unit_id = ANY($1::uuid[]) AND employer_id = $2 LIMIT 1`,
    [unitIds, employerId.toLowerCase()],
  );
  return rows.length > 0;
}

@Resolver()
export class StatisticsResolver {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly options: ReportingOptions,
  ) {}

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
    const params = new Params();
    const scope = await factScope(this.deps.dataSource, ctx.actor, employerId ?? null, params);
    const today = params.add(todayIn());
    const { shortMaxDays, mediumMaxDays, longMaxDays } = this.options.boundaries;
    const rows: { durationClass: DurationClass; count: number }[] = await this.deps.dataSource.query(
      `SELECT CASE WHEN o.days <= ${params.add(shortMaxDays)} THEN 'SHORT'
                   WHEN o.days <= ${params.add(mediumMaxDays)} THEN 'MEDIUM'
                   WHEN o.days <= ${params.add(longMaxDays)} THEN 'LONG'
                   ELSE 'EXTRA_LONG' END AS "durationClass",
              count(*)::int AS count
         FROM (SELECT ${today}::date - f.first_sick_day + 1 AS days
                 FROM reporting.absence_fact f
                WHERE f.first_sick_day <= ${today}::date
                  AND (f.recovered_on IS NULL OR f.recovered_on > ${today}::date)
                  AND ${scope}) o
        GROUP BY 1`,
      params.values,
    );
    return summarize(
      Object.fromEntries(rows.map((row) => [row.durationClass, row.count])),
      this.options.boundaries,
    );
  }
}
