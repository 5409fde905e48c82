import { domainError } from '@poortwachter/kit';
import { daysBetween } from './dates.js';
import { validateBoundaries, InvalidBoundariesError, type DurationClassBoundaries } from './duration-classes.js';

/** How the period is cut into rows (the wizard's step 1). */
export const GROUPINGS = ['TOTAL', 'YEAR', 'QUARTER', 'MONTH', 'ISO_WEEK', 'ROLLING_12_MONTHS'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Which organisational level each row is for. */
export const BREAKDOWNS = ['NONE', 'EMPLOYER', 'DIVISION', 'DEPARTMENT'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * How employees are weighed (the wizard's step 2): by part-time factor, the national standard, or
 * every employee as one whole person.
 */
export const WEIGHTINGS = ['PART_TIME_FACTOR', 'HEADCOUNT'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

export const WORK_ACCIDENT_FILTERS = ['INCLUDE', 'EXCLUDE', 'ONLY'] as const;
export type WorkAccidentFilter = (typeof WORK_ACCIDENT_FILTERS)[number];

/** A request for statistics after validation: dates as YYYY-MM-DD, `to` inclusive and not after today. */
export interface StatisticsRequest {
  from: string;
  to: string;
  grouping: Grouping;
  breakdown: Breakdown;
  unitIds: string[];
  boundaries: DurationClassBoundaries;
  weighting: Weighting;
  workAccidents: WorkAccidentFilter;
}

/** Longest period one request may cover, and the most rows it may produce. */
export const MAX_PERIOD_DAYS = 10 * 366;
export const MAX_WEEK_ROWS = 160;

export const StatisticsErrorCode = {
  PERIOD_END_BEFORE_START: 'PERIOD_END_BEFORE_START',
  PERIOD_TOO_LONG: 'PERIOD_TOO_LONG',
  PERIOD_IN_FUTURE: 'PERIOD_IN_FUTURE',
  UNIT_OUT_OF_SCOPE: 'UNIT_OUT_OF_SCOPE',
  INVALID_DURATION_CLASSES: 'INVALID_DURATION_CLASSES',
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StatisticsInputValues {
  from: string;
  to: string;
  grouping: Grouping;
  breakdown?: Breakdown | null;
  unitIds?: string[] | null;
  durationClasses?: DurationClassBoundaries | null;
  weighting?: Weighting | null;
  workAccidents?: WorkAccidentFilter | null;
}

/**
 * Checks the input (with the argument path in `field`) and cuts the period off at today: days
 * that have not happened yet are neither sick nor employed.
 */
export function validateStatisticsInput(
  input: StatisticsInputValues,
  defaults: DurationClassBoundaries,
  today: string,
  path = 'input',
): StatisticsRequest {
  for (const field of ['from', 'to'] as const) {
    if (!ISO_DATE.test(input[field]))
      throw domainError('BAD_USER_INPUT', `${field} must be a date (YYYY-MM-DD).`, { field: `${path}.${field}` });
  }
  if (input.to < input.from)
    throw domainError(StatisticsErrorCode.PERIOD_END_BEFORE_START, 'The period ends before it starts.', {
      field: `${path}.to`,
    });
  if (input.from > today)
    throw domainError(StatisticsErrorCode.PERIOD_IN_FUTURE, 'The period starts after today.', {
      field: `${path}.from`,
    });
  const to = input.to > today ? today : input.to;
  if (daysBetween(input.from, to) + 1 > MAX_PERIOD_DAYS)
    throw domainError(StatisticsErrorCode.PERIOD_TOO_LONG, `A period may span at most ${MAX_PERIOD_DAYS} days.`, {
      field: `${path}.to`,
      maxDays: MAX_PERIOD_DAYS,
    });
  if (!(GROUPINGS as readonly string[]).includes(input.grouping))
    throw domainError('BAD_USER_INPUT', `Unknown grouping ${String(input.grouping)}.`, { field: `${path}.grouping` });
  if (input.grouping === 'ISO_WEEK' && (daysBetween(input.from, to) + 1) / 7 > MAX_WEEK_ROWS)
    throw domainError(StatisticsErrorCode.PERIOD_TOO_LONG, `Grouped by week, a period may span at most ${MAX_WEEK_ROWS} weeks.`, {
      field: `${path}.to`,
      maxDays: MAX_WEEK_ROWS * 7,
    });
  const unitIds = input.unitIds ?? [];
  unitIds.forEach((id, index) => {
    if (!UUID.test(id))
      throw domainError('BAD_USER_INPUT', 'Not a valid unit id.', { field: `${path}.unitIds.${index}` });
  });
  let boundaries = defaults;
  if (input.durationClasses) {
    try {
      boundaries = validateBoundaries(input.durationClasses);
    } catch (error) {
      if (!(error instanceof InvalidBoundariesError)) throw error;
      throw domainError(StatisticsErrorCode.INVALID_DURATION_CLASSES, error.message, {
        field: `${path}.durationClasses`,
      });
    }
  }
  return {
    from: input.from,
    to,
    grouping: input.grouping,
    breakdown: input.breakdown ?? 'NONE',
    unitIds: unitIds.map((id) => id.toLowerCase()),
    boundaries,
    weighting: input.weighting ?? 'PART_TIME_FACTOR',
    workAccidents: input.workAccidents ?? 'INCLUDE',
  };
}

/** The first day of the earliest row: rolling 12-month rows look back before the period. */
export function windowStart(request: Pick<StatisticsRequest, 'from' | 'grouping'>): string {
  if (request.grouping !== 'ROLLING_12_MONTHS') return request.from;
  const [year, month] = request.from.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1 - 11, 1));
  return start.toISOString().slice(0, 10);
}
