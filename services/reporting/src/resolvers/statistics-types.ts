import { DateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  BREAKDOWNS,
  GROUPINGS,
  WEIGHTINGS,
  WORK_ACCIDENT_FILTERS,
  type Breakdown,
  type Grouping,
  type Weighting,
  type WorkAccidentFilter,
} from '../domain/statistics.js';
import { DurationClassCount } from './types.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const GroupingEnum = enumOf(GROUPINGS);
registerEnumType(GroupingEnum, {
  name: 'StatisticsGrouping',
  description: 'How the period is cut into rows.',
  valuesConfig: {
    TOTAL: { description: 'One row for the whole period.' },
    YEAR: { description: 'One row per calendar year (cut to the period).' },
    QUARTER: { description: 'One row per calendar quarter (cut to the period).' },
    MONTH: { description: 'One row per calendar month (cut to the period).' },
    ISO_WEEK: { description: 'One row per ISO 8601 week, Monday to Sunday (cut to the period); at most 160 weeks.' },
    ROLLING_12_MONTHS: {
      description:
        'One row per month of the period, each covering the 12 months ending with that month (so it looks back before the period start).',
    },
  },
});

export const BreakdownEnum = enumOf(BREAKDOWNS);
registerEnumType(BreakdownEnum, {
  name: 'StatisticsBreakdown',
  description: 'The organisational level of each row.',
  valuesConfig: {
    NONE: { description: 'Everything in scope together.' },
    EMPLOYER: { description: 'One row per employer per period row.' },
    DIVISION: { description: 'One row per division (null unit: employments without a division).' },
    DEPARTMENT: { description: 'One row per department (null unit: employments without a department).' },
  },
});

export const WeightingEnum = enumOf(WEIGHTINGS);
registerEnumType(WeightingEnum, {
  name: 'StatisticsWeighting',
  description: 'How employees are weighed in the absence percentage.',
  valuesConfig: {
    PART_TIME_FACTOR: {
      description: 'By part-time factor (contract hours ÷ full-time hours): the Dutch national standard (Vernet, CBS).',
    },
    HEADCOUNT: { description: 'Every employee counts as one, whatever their hours.' },
  },
});

export const WorkAccidentEnum = enumOf(WORK_ACCIDENT_FILTERS);
registerEnumType(WorkAccidentEnum, {
  name: 'WorkAccidentFilter',
  description: 'Whether sick cases reported as a work accident count.',
  valuesConfig: {
    INCLUDE: { description: 'All sick cases.' },
    EXCLUDE: { description: 'Leave out cases reported as a work accident.' },
    ONLY: { description: 'Only cases reported as a work accident.' },
  },
});

@InputType('DurationClassBoundariesInput', {
  description: 'Last day of the short, medium and long class (e.g. 7, 42, 365); each larger than the one before.',
})
export class DurationClassBoundariesInput {
  @Field(() => Int, { description: 'Last day of a short absence (default 7).' })
  shortMaxDays: number;

  @Field(() => Int, { description: 'Last day of a medium absence (default 42).' })
  mediumMaxDays: number;

  @Field(() => Int, { description: 'Last day of a long absence (default 365); longer is extra long.' })
  longMaxDays: number;
}

@InputType('AbsenceStatisticsInput', {
  description: 'What to compute: the period, its rows, the units and the calculation method.',
})
export class AbsenceStatisticsInput {
  @Field(() => DateResolver, { description: 'First day of the period (YYYY-MM-DD), not after today.' })
  from: Date;

  @Field(() => DateResolver, {
    description:
      'Last day of the period (YYYY-MM-DD), inclusive; not before `from` (PERIOD_END_BEFORE_START), at most 3660 days after it (PERIOD_TOO_LONG). Days after today are left out.',
  })
  to: Date;

  @Field(() => GroupingEnum, { description: 'How the period is cut into rows.' })
  grouping: Grouping;

  @Field(() => BreakdownEnum, { nullable: true, defaultValue: 'NONE', description: 'Organisational level of the rows.' })
  breakdown: Breakdown;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Only these employers, divisions or departments (any mix). Each must lie in your scope, else UNIT_OUT_OF_SCOPE with the index in extensions.field. Omitted: everything in your scope.',
  })
  unitIds: string[] | null;

  @Field(() => DurationClassBoundariesInput, {
    nullable: true,
    description: 'Duration class boundaries; omitted: the configured ones (Vernet: 7, 42, 365).',
  })
  durationClasses: DurationClassBoundariesInput | null;

  @Field(() => WeightingEnum, { nullable: true, defaultValue: 'PART_TIME_FACTOR', description: 'How employees are weighed.' })
  weighting: Weighting;

  @Field(() => WorkAccidentEnum, { nullable: true, defaultValue: 'INCLUDE', description: 'Whether work-accident cases count.' })
  workAccidents: WorkAccidentFilter;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Employer')
export class EmployerRef {
  @Field(() => ID, { description: 'Stable id of the employer (client organisation).' })
  id: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Division')
export class DivisionRef {
  @Field(() => ID, { description: 'Stable id of the division.' })
  id: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Department')
export class DepartmentRef {
  @Field(() => ID, { description: 'Stable id of the department.' })
  id: string;
}

@ObjectType('StatisticsPeriod', { description: 'The days one row covers.' })
export class StatisticsPeriod {
  @Field(() => String, {
    description: 'Label of the row: TOTAL, 2025, 2025-Q1, 2025-03, 2025-W09; for rolling rows the last month (2025-03).',
  })
  key: string;

  @Field(() => DateResolver, { description: 'First day counted in this row.' })
  start: string;

  @Field(() => DateResolver, { description: 'Last day counted in this row (inclusive).' })
  end: string;

  @Field(() => Int, { description: 'Calendar days from start to end, both included.' })
  days: number;
}

@ObjectType('AbsenceStatisticsRow', {
  description:
    'The figures of one period row and unit. Formulas (Dutch national standard): ZVP = Σ sick calendar days × part-time factor × absence fraction ÷ Σ employed calendar days × part-time factor × 100, counting only days inside the row and the employment; ZMF = new reports × 365 ÷ Σ employed calendar days (= reports ÷ average headcount, annualised); GZVD = Σ calendar days of cases whose last sick day lies in the row ÷ their number; nulverzuim = employees without a sick day in the row ÷ employees × 100.',
})
export class AbsenceStatisticsRow {
  @Field(() => StatisticsPeriod, { description: 'Which days this row covers.' })
  period: StatisticsPeriod;

  @Field(() => EmployerRef, { nullable: true, description: 'The employer of this row (breakdown EMPLOYER).' })
  employer: EmployerRef | null;

  @Field(() => DivisionRef, { nullable: true, description: 'The division of this row (breakdown DIVISION; null: no division).' })
  division: DivisionRef | null;

  @Field(() => DepartmentRef, {
    nullable: true,
    description: 'The department of this row (breakdown DEPARTMENT; null: no department).',
  })
  department: DepartmentRef | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Verzuimpercentage (ZVP), 0–100, unrounded; null when nobody was employed in the row.',
  })
  absencePercentage: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Meldingsfrequentie (ZMF): new sick reports per employee per year; null when nobody was employed.',
  })
  reportFrequency: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Gemiddelde verzuimduur (GZVD) in calendar days of the cases that ended in the row; null when none ended.',
  })
  averageDuration: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Nulverzuim: share (0–100) of employees without any sick day in the row; null when nobody was employed.',
  })
  zeroAbsencePercentage: number | null;

  @Field(() => Float, { description: 'Σ sick calendar days × weight × absence fraction (the ZVP numerator).' })
  sickDays: number;

  @Field(() => Float, { description: 'Σ employed calendar days × weight (the ZVP denominator).' })
  employedDays: number;

  @Field(() => Float, { description: 'Average number of employees (headcount) over the row.' })
  averageEmployees: number;

  @Field(() => Int, { description: 'Employees with an employment in the row.' })
  employees: number;

  @Field(() => Int, { description: 'Employees with at least one sick day in the row.' })
  employeesWithAbsence: number;

  @Field(() => Int, {
    description: 'Sick reports whose first sick day lies in the row (a change from full to partial absence is not a new report).',
  })
  newReports: number;

  @Field(() => Int, { description: 'Sick cases whose last sick day lies in the row.' })
  endedCases: number;

  @Field(() => [DurationClassCount], {
    description:
      'Sick cases with sick days in the row by duration class, the duration counted from the first sick day to the last sick day or the end of the row.',
  })
  durationClasses: DurationClassCount[];
}

@ObjectType('AbsenceStatistics', { description: 'The result of absenceStatistics.' })
export class AbsenceStatistics {
  @Field(() => DateResolver, { description: 'First day counted.' })
  from: string;

  @Field(() => DateResolver, { description: 'Last day counted: the requested end, or today when that lies ahead.' })
  to: string;

  @Field(() => GroupingEnum, { description: 'The grouping asked for.' })
  grouping: Grouping;

  @Field(() => BreakdownEnum, { description: 'The breakdown asked for.' })
  breakdown: Breakdown;

  @Field(() => WeightingEnum, { description: 'The weighting used.' })
  weighting: Weighting;

  @Field(() => [AbsenceStatisticsRow], {
    description: 'One row per period row and unit, by period then unit; every unit has every period row.',
  })
  rows: AbsenceStatisticsRow[];
}

@ObjectType('MonthlyAbsencePercentage', { description: 'The absence percentage (ZVP) of one calendar month.' })
export class MonthlyAbsencePercentage {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month: string;

  @Field(() => DateResolver, { description: 'First day counted (the 1st).' })
  start: string;

  @Field(() => DateResolver, { description: 'Last day counted: the month’s last day, or today for the current month.' })
  end: string;

  @Field(() => Float, {
    nullable: true,
    description: 'ZVP 0–100, weighted by part-time factor, unrounded; null when nobody was employed that month.',
  })
  absencePercentage: number | null;

  @Field(() => Int, { description: 'Sick reports that started in the month.' })
  newReports: number;
}
