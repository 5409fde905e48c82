import type { UnitScope } from '@poortwachter/kit';
import type { DataSource } from 'typeorm';
import { windowStart, type Breakdown, type Grouping, type StatisticsRequest } from '../domain/statistics.js';

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** What the caller may count: everything (administrator) or the units of their scope. */
export type CountScope = { kind: 'all' } | ({ kind: 'units' } & UnitScope);

/** Rows of `alias` (with employer_id, division_id, department_id) inside the units. */
export function unitCondition(alias: string, units: UnitScope, params: Params): string {
  return `(${alias}.employer_id = ANY(${params.add(units.employerIds)}::uuid[])
        OR ${alias}.division_id = ANY(${params.add(units.divisionIds)}::uuid[])
        OR ${alias}.department_id = ANY(${params.add(units.departmentIds)}::uuid[]))`;
}

const UNIT_COLUMN: Record<Breakdown, string | null> = {
  NONE: null,
  EMPLOYER: 'employer_id',
  DIVISION: 'division_id',
  DEPARTMENT: 'department_id',
};

/**
 * The rows of the result as [bucket_start, bucket_end] with a key. Calendar rows are cut to the
 * period; a rolling row is the 12 months ending with each month of the period (cut at its end).
 */
function bucketSql(grouping: Grouping, from: string, to: string): string {
  const calendar = (unit: string, step: string, key: string) => `
    SELECT to_char(b, '${key}') AS bucket_key,
           greatest(b::date, ${from}::date) AS bucket_start,
           least((b + interval '${step}' - interval '1 day')::date, ${to}::date) AS bucket_end
      FROM generate_series(date_trunc('${unit}', ${from}::date), ${to}::date, interval '${step}') AS b`;
  switch (grouping) {
    case 'TOTAL':
      return `SELECT 'TOTAL' AS bucket_key, ${from}::date AS bucket_start, ${to}::date AS bucket_end`;
    case 'YEAR':
      return calendar('year', '1 year', 'YYYY');
    case 'QUARTER':
      return calendar('quarter', '3 months', 'YYYY-"Q"Q');
    case 'MONTH':
      return calendar('month', '1 month', 'YYYY-MM');
    case 'ISO_WEEK':
      return calendar('week', '1 week', 'IYYY-"W"IW');
    case 'ROLLING_12_MONTHS':
      return `
    SELECT to_char(m, 'YYYY-MM') AS bucket_key,
           (m - interval '11 months')::date AS bucket_start,
           least((m + interval '1 month' - interval '1 day')::date, ${to}::date) AS bucket_end
      FROM generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') AS m`;
  }
}

export interface StatisticsRow {
  bucketKey: string;
  bucketStart: string;
  bucketEnd: string;
  unitId: string | null;
  /** Σ employed calendar days × weight (part-time factor or 1). */
  employedDays: number;
  /** Σ employed calendar days, unweighted: the average headcount's numerator. */
  headcountDays: number;
  /** Σ sick calendar days × weight × absence fraction, inside employment and the row. */
  sickDays: number;
  employees: number;
  employeesWithAbsence: number;
  newReports: number;
  endedCases: number;
  endedCaseDays: number;
  shortCases: number;
  mediumCases: number;
  longCases: number;
  extraLongCases: number;
}

/**
 * All statistics of DESIGN.md in one statement: calendar rows from generate_series, employment
 * exposure and sick days as overlaps of date ranges (only days inside the row, the employment and
 * the absence count), reports and case durations from the sick cases. Each sum is computed per
 * row and unit in Postgres; JavaScript only divides.
 */
export async function queryAbsenceStatistics(
  dataSource: DataSource,
  request: StatisticsRequest,
  scope: CountScope,
): Promise<StatisticsRow[]> {
  const params = new Params();
  const from = params.add(request.from);
  const to = params.add(request.to);
  const start = params.add(windowStart(request));
  const column = UNIT_COLUMN[request.breakdown];
  const unitOf = (alias: string) => (column ? `${alias}.${column}` : 'NULL::uuid');
  const filters = (alias: string) => {
    const conditions: string[] = [];
    if (scope.kind === 'units') conditions.push(unitCondition(alias, scope, params));
    if (request.unitIds.length > 0) {
      const ids = params.add(request.unitIds);
      conditions.push(
        `(${alias}.employer_id = ANY(${ids}::uuid[]) OR ${alias}.division_id = ANY(${ids}::uuid[]) OR ${alias}.department_id = ANY(${ids}::uuid[]))`,
      );
    }
    return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
  };
  const weight = request.weighting === 'HEADCOUNT' ? '1' : 'e.part_time_factor';
  const accident = (alias: string) =>
    request.workAccidents === 'EXCLUDE'
      ? `NOT ${alias}.work_accident`
      : request.workAccidents === 'ONLY'
        ? `${alias}.work_accident`
        : 'TRUE';
  const { shortMaxDays, mediumMaxDays, longMaxDays } = request.boundaries;
  const short = params.add(shortMaxDays);
  const medium = params.add(mediumMaxDays);
  const long = params.add(longMaxDays);

  const sql = `
    WITH buckets AS MATERIALIZED (${bucketSql(request.grouping, from, to)}),
    emp AS MATERIALIZED (
      SELECT e.person_id, e.start_date, e.end_date, e.part_time_factor, ${unitOf('e')} AS unit_id
        FROM reporting.employment e
       WHERE e.start_date <= ${to}::date AND (e.end_date IS NULL OR e.end_date >= ${start}::date)
         AND ${filters('e')}),
    exposure AS (
      SELECT b.bucket_start, e.unit_id,
             sum((least(e.end_date, b.bucket_end) - greatest(e.start_date, b.bucket_start) + 1) * ${weight}) AS employed_days,
             sum(least(e.end_date, b.bucket_end) - greatest(e.start_date, b.bucket_start) + 1) AS headcount_days,
             count(DISTINCT e.person_id) AS employees
        FROM buckets b
        JOIN emp e ON e.start_date <= b.bucket_end AND (e.end_date IS NULL OR e.end_date >= b.bucket_start)
       GROUP BY 1, 2),
    sick AS (
      SELECT b.bucket_start, e.unit_id,
             sum((least(s.to_day, e.end_date, b.bucket_end) - greatest(s.from_day, e.start_date, b.bucket_start) + 1)
                 * ${weight} * s.fraction) AS sick_days,
             count(DISTINCT s.person_id) AS employees_with_absence
        FROM reporting.absence_segment s
        JOIN emp e ON e.person_id = s.person_id
                  AND e.start_date <= coalesce(s.to_day, ${to}::date) AND (e.end_date IS NULL OR e.end_date >= s.from_day)
        JOIN buckets b ON s.from_day <= b.bucket_end AND (s.to_day IS NULL OR s.to_day >= b.bucket_start)
       WHERE s.from_day <= ${to}::date AND (s.to_day IS NULL OR s.to_day >= ${start}::date) AND ${accident('s')}
         AND least(s.to_day, e.end_date, b.bucket_end) >= greatest(s.from_day, e.start_date, b.bucket_start)
       GROUP BY 1, 2),
    cases AS (
      SELECT b.bucket_start, b.bucket_end, c.first_sick_day, c.recovered_on, ${unitOf('c')} AS unit_id,
             least(coalesce(c.recovered_on - 1, b.bucket_end), b.bucket_end) - c.first_sick_day + 1 AS duration
        FROM reporting.sick_case c
        JOIN buckets b ON c.first_sick_day <= b.bucket_end AND (c.recovered_on IS NULL OR c.recovered_on > b.bucket_start)
       WHERE c.first_sick_day <= ${to}::date AND (c.recovered_on IS NULL OR c.recovered_on > ${start}::date)
         AND ${filters('c')} AND ${accident('c')}),
    reports AS (
      SELECT bucket_start, unit_id,
             count(*) FILTER (WHERE first_sick_day >= bucket_start) AS new_reports,
             count(*) FILTER (WHERE recovered_on - 1 <= bucket_end) AS ended_cases,
             coalesce(sum(recovered_on - first_sick_day) FILTER (WHERE recovered_on - 1 <= bucket_end), 0) AS ended_case_days,
             count(*) FILTER (WHERE duration <= ${short}::int) AS short_cases,
             count(*) FILTER (WHERE duration > ${short}::int AND duration <= ${medium}::int) AS medium_cases,
             count(*) FILTER (WHERE duration > ${medium}::int AND duration <= ${long}::int) AS long_cases,
             count(*) FILTER (WHERE duration > ${long}::int) AS extra_long_cases
        FROM cases GROUP BY 1, 2),
    units AS (
      SELECT DISTINCT unit_id FROM exposure
      UNION SELECT DISTINCT unit_id FROM reports
      UNION SELECT NULL::uuid WHERE ${column ? 'FALSE' : 'TRUE'})
    SELECT b.bucket_key AS "bucketKey", b.bucket_start::text AS "bucketStart", b.bucket_end::text AS "bucketEnd",
           u.unit_id AS "unitId",
           coalesce(x.employed_days, 0)::float8 AS "employedDays",
           coalesce(x.headcount_days, 0)::float8 AS "headcountDays",
           coalesce(s.sick_days, 0)::float8 AS "sickDays",
           coalesce(x.employees, 0)::int AS employees,
           coalesce(s.employees_with_absence, 0)::int AS "employeesWithAbsence",
           coalesce(r.new_reports, 0)::int AS "newReports",
           coalesce(r.ended_cases, 0)::int AS "endedCases",
           coalesce(r.ended_case_days, 0)::int AS "endedCaseDays",
           coalesce(r.short_cases, 0)::int AS "shortCases",
           coalesce(r.medium_cases, 0)::int AS "mediumCases",
           coalesce(r.long_cases, 0)::int AS "longCases",
           coalesce(r.extra_long_cases, 0)::int AS "extraLongCases"
      FROM buckets b
     CROSS JOIN units u
      LEFT JOIN exposure x ON x.bucket_start = b.bucket_start AND x.unit_id IS NOT DISTINCT FROM u.unit_id
      LEFT JOIN sick s ON s.bucket_start = b.bucket_start AND s.unit_id IS NOT DISTINCT FROM u.unit_id
      LEFT JOIN reports r ON r.bucket_start = b.bucket_start AND r.unit_id IS NOT DISTINCT FROM u.unit_id
     ORDER BY b.bucket_start, u.unit_id NULLS FIRST`;
  return dataSource.query(sql, params.values);
}

/** The figures of DESIGN.md from one row's sums; null where a figure has no denominator. */
export function figures(row: StatisticsRow) {
  const days = Math.round((Date.parse(row.bucketEnd) - Date.parse(row.bucketStart)) / 86_400_000) + 1;
  return {
    days,
    absencePercentage: row.employedDays > 0 ? (row.sickDays / row.employedDays) * 100 : null,
    averageEmployees: row.headcountDays / days,
    reportFrequency: row.headcountDays > 0 ? (row.newReports * 365) / row.headcountDays : null,
    averageDuration: row.endedCases > 0 ? row.endedCaseDays / row.endedCases : null,
    zeroAbsencePercentage:
      row.employees > 0 ? ((row.employees - row.employeesWithAbsence) / row.employees) * 100 : null,
  };
}
