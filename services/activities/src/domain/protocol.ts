import { addDays, addMonths, daysBetween, toDayNumber } from './dates.js';

export const ACTIVITY_ROLES = ['WG', 'BA', 'CM'] as const;
export type ActivityRole = (typeof ACTIVITY_ROLES)[number];

export const ACTIVITY_KINDS = ['ACTION', 'REMINDER', 'UWV', 'SIGNAL'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATUSES = ['OPEN', 'HANDLED', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** What makes a protocol row produce an activity: every sick report's term, or the nth report within a year. */
export const PROTOCOL_TRIGGERS = ['SICK_REPORT', 'FREQUENT_3', 'FREQUENT_4'] as const;
export type ProtocolTrigger = (typeof PROTOCOL_TRIGGERS)[number];

export interface ProtocolRowSpec {
  id: string;
  code: string;
  title: string;
  role: ActivityRole;
  kind: ActivityKind;
  /** Days after day 0 (the first sick day of the term) on which the activity appears. */
  signalDay: number;
  deadlineDay: number;
  trigger: ProtocolTrigger;
}

/** The facts of a `sick-case.reported` event the engine needs. */
export interface SickReport {
  sickCaseId: string;
  personId: string;
  firstSickDay: string;
  /** Day 0 of the 104-week term this period belongs to (earlier than firstSickDay for a relapse). */
  termStartDay: string;
  /** Days between the term's periods that were not sick; they push every later date back. */
  termGapDays: number;
}

export interface PlannedActivity {
  protocolRowId: string;
  code: string;
  title: string;
  role: ActivityRole;
  kind: ActivityKind;
  signalDate: string;
  deadline: string;
  sickCaseId: string;
  personId: string;
  /**
   * Identity of the activity across redeliveries and relapses: trajectory activities belong to
   * the term (a relapse must not duplicate them), frequent-absence ones to the single report.
   */
  generationKey: string;
  /** First sick day of the period that carries the activity; a later period may take it over. */
  periodStart: string;
}

export function termKey(report: Pick<SickReport, 'personId' | 'termStartDay'>): string {
  return `term:${report.personId}:${report.termStartDay}`;
}

/**
 * Sick days of the term already behind us when this period starts. Protocol rows whose signal
 * day lies before it were reached in an earlier period and already exist; the rest are still due.
 */
export function sickDaysBeforePeriod(report: SickReport): number {
  const elapsed = daysBetween(report.termStartDay, report.firstSickDay);
  if (elapsed < 0)
    throw new RangeError(
      `termStartDay ${report.termStartDay} lies after firstSickDay ${report.firstSickDay}`,
    );
  if (!Number.isInteger(report.termGapDays) || report.termGapDays < 0 || report.termGapDays > elapsed) {
    throw new RangeError(
      `termGapDays ${report.termGapDays} does not fit a term from ${report.termStartDay} to ${report.firstSickDay}`,
    );
  }
  return elapsed - report.termGapDays;
}

/** Signal date and deadline of a row in a term: day 0 plus the row's days plus the days not sick in between. */
export function rowDates(
  row: Pick<ProtocolRowSpec, 'signalDay' | 'deadlineDay'>,
  termStartDay: string,
  termGapDays: number,
) {
  return {
    signalDate: addDays(termStartDay, row.signalDay + termGapDays),
    deadline: addDays(termStartDay, row.deadlineDay + termGapDays),
  };
}

function plan(
  row: ProtocolRowSpec,
  report: SickReport,
  dates: { signalDate: string; deadline: string },
  generationKey: string,
): PlannedActivity {
  return {
    protocolRowId: row.id,
    code: row.code,
    title: row.title,
    role: row.role,
    kind: row.kind,
    ...dates,
    sickCaseId: report.sickCaseId,
    personId: report.personId,
    generationKey,
    periodStart: report.firstSickDay,
  };
}

/**
 * The trajectory activities a sick report makes due. A new term gets every SICK_REPORT row; a
 * relapse in a running term only the rows not yet reached, shifted by the term's gap days.
 */
export function planTrajectory(rows: readonly ProtocolRowSpec[], report: SickReport): PlannedActivity[] {
  const reached = sickDaysBeforePeriod(report);
  const key = termKey(report);
  return rows
    .filter((row) => row.trigger === 'SICK_REPORT' && row.signalDay >= reached)
    .map((row) =>
      plan(row, report, rowDates(row, report.termStartDay, report.termGapDays), `${key}:${row.code}`),
    );
}

export interface ReportRef {
  sickCaseId: string;
  firstSickDay: string;
}

/**
 * Which sick report within the twelve months up to and including this one's first sick day this
 * is (1 = the only one). Reports on the same day are ordered by id so the count is stable.
 */
export function reportNumberWithinYear(current: ReportRef, history: readonly ReportRef[]): number {
  const windowStart = toDayNumber(addMonths(current.firstSickDay, -12));
  const day = toDayNumber(current.firstSickDay);
  const counted = new Set<string>([current.sickCaseId]);
  for (const other of history) {
    const otherDay = toDayNumber(other.firstSickDay);
    const before = otherDay < day || (otherDay === day && other.sickCaseId < current.sickCaseId);
    if (before && otherDay > windowStart) counted.add(other.sickCaseId);
  }
  return counted.size;
}

/** The 3rd report within a year raises the employer's signal, the 4th the bedrijfsarts consultation. */
export function frequentAbsenceTrigger(reportNumber: number): ProtocolTrigger | null {
  if (reportNumber === 3) return 'FREQUENT_3';
  if (reportNumber === 4) return 'FREQUENT_4';
  return null;
}

/** Frequent-absence activities count from this report's own first sick day. */
export function planFrequentAbsence(
  rows: readonly ProtocolRowSpec[],
  report: SickReport,
  reportNumber: number,
): PlannedActivity[] {
  const trigger = frequentAbsenceTrigger(reportNumber);
  if (!trigger) return [];
  return rows
    .filter((row) => row.trigger === trigger)
    .map((row) =>
      plan(row, report, rowDates(row, report.firstSickDay, 0), `case:${report.sickCaseId}:${row.code}`),
    );
}

export interface OpenActivityRef {
  id: string;
  kind: ActivityKind;
  signalDate: string;
  /** Closed by an import as done in an earlier system; set together with `deadline`. */
  imported?: boolean;
  deadline?: string;
}

/**
 * On recovery, activities not yet due fall away, and reminders already shown close: once the
 * employee works again there is nothing left to remind the employer of. Steps an import closed
 * fall away too when the trajectory never reached them (signalled after the recovery, or a reminder
 * still running at the recovery); imported steps reached before it stay done.
 */
export function planRecovery(open: readonly OpenActivityRef[], recoveredOn: string): string[] {
  const recovered = toDayNumber(recoveredOn);
  return open
    .filter((activity) => {
      if (toDayNumber(activity.signalDate) > recovered) return true;
      if (activity.kind !== 'REMINDER') return false;
      return !activity.imported || toDayNumber(activity.deadline ?? activity.signalDate) > recovered;
    })
    .map((activity) => activity.id);
}

/** Reminders leave the action list about six weeks after they appeared. */
export const REMINDER_VISIBLE_DAYS = 42;
export const DEFAULT_DAYS_AHEAD = 28;
export const MAX_DAYS_AHEAD = 366;

/** The date bounds of the action list: due up to `today + daysAhead`; reminders only while recent. */
export function actionListWindow(today: string, daysAhead: number) {
  return {
    signalUntil: addDays(today, daysAhead),
    // Shown on signal days 0..41; gone on the 42nd day after the signal date.
    reminderSignalFrom: addDays(today, 1 - REMINDER_VISIBLE_DAYS),
  };
}

/** Which activity role a caller works: the action list shows that role's activities. */
export function activityRoleOf(role: string): ActivityRole | null {
  switch (role) {
    case 'EMPLOYER':
      return 'WG';
    case 'OCCUPATIONAL_PHYSICIAN':
      return 'BA';
    case 'CASE_MANAGER':
      return 'CM';
    default:
      return null;
  }
}
