/**
 * The sick term ("ziekteperiode" under the Wet verbetering poortwachter): pure date arithmetic on
 * calendar dates written as `YYYY-MM-DD`. Dates are counted as whole days since the Unix epoch in
 * UTC, so daylight-saving changes and leap years cannot shift a deadline by a day.
 *
 * Conventions (day 0 = the first sick day of the term):
 * - Periods add up: a new period that starts less than 28 days (4 weeks) after the previous one
 *   ended continues that term. The days between recovery and the new first sick day do not count
 *   as sick days, so every deadline of the term moves later by that gap.
 * - `recoveredOn` is the first day the employee is fit for work again; the gap between a recovery
 *   on day R and a new first sick day F is F − R days.
 */

import { addDays, daysBetween } from '@poortwachter/kit';

export type IsoDate = string;

/** Gap below which a new period continues the previous term (art. 7:629 lid 10 BW: "minder dan vier weken"). */
export const RELAPSE_WINDOW_DAYS = 28;
/** 104 weeks of wage payment during sickness. */
export const WAITING_PERIOD_DAYS = 104 * 7;
export const WEEK42_REPORT_WEEK = 42;
export const WIA_APPLICATION_WEEK = 93;

/** Calendar-date arithmetic is shared by all subgraphs; it lives in the kit. */
export {
  isCalendarDate as isIsoDate,
  toDayNumber,
  fromDayNumber,
  addDays,
  daysBetween,
  calendarDateOf as isoDateOf,
} from '@poortwachter/kit';
export interface Term {
  /** Day 0 of the term: the first sick day of its first period. */
  termStartDay: IsoDate;
  /** Days between periods of the term (recovered days); they push every deadline later. */
  termGapDays: number;
}

/** An earlier sick period of the same person, as far as the term rule needs it. */
export interface EarlierPeriod extends Term {
  firstSickDay: IsoDate;
  recoveredOn: IsoDate | null;
}

/**
 * The term a new period starting on `firstSickDay` belongs to. `earlier` are the person's earlier
 * periods (any order); only the latest one that ended on or before `firstSickDay` matters, because
 * an older one has either been continued by it or lies more than 4 weeks back.
 */
export function termForNewPeriod(firstSickDay: IsoDate, earlier: readonly EarlierPeriod[]): Term {
  const previous = latestEndedBefore(firstSickDay, earlier);
  if (previous?.recoveredOn) {
    const gap = daysBetween(previous.recoveredOn, firstSickDay);
    if (gap < RELAPSE_WINDOW_DAYS) {
      return { termStartDay: previous.termStartDay, termGapDays: previous.termGapDays + gap };
    }
  }
  return { termStartDay: firstSickDay, termGapDays: 0 };
}

function latestEndedBefore(firstSickDay: IsoDate, earlier: readonly EarlierPeriod[]): EarlierPeriod | null {
  let latest: EarlierPeriod | null = null;
  for (const period of earlier) {
    if (!period.recoveredOn || period.recoveredOn > firstSickDay) continue;
    if (!latest || period.recoveredOn > latest.recoveredOn!) latest = period;
  }
  return latest;
}

/** Whether a new period on `firstSickDay` continues an earlier term (a relapse within 4 weeks). */
export function isRelapse(firstSickDay: IsoDate, earlier: readonly EarlierPeriod[]): boolean {
  return termForNewPeriod(firstSickDay, earlier).termStartDay !== firstSickDay;
}

export interface TermDates {
  /** Day 0 + 104 weeks (+ gap): the day the waiting period for the WIA is complete. */
  waitingPeriodEndsOn: IsoDate;
  /** Last day of week 42 (+ gap): UWV must have the sick report "uiterlijk in de 42e week". */
  week42ReportDue: IsoDate;
  /** Last day of week 93 (+ gap): the WIA application with the reintegration report. */
  wiaApplicationDue: IsoDate;
}

/** Last day of week `week` of the term, counting day 0 as the first day of week 1. */
function endOfWeek(term: Term, week: number): IsoDate {
  return addDays(term.termStartDay, week * 7 - 1 + term.termGapDays);
}

export function termDates(term: Term): TermDates {
  return {
    waitingPeriodEndsOn: addDays(term.termStartDay, WAITING_PERIOD_DAYS + term.termGapDays),
    week42ReportDue: endOfWeek(term, WEEK42_REPORT_WEEK),
    wiaApplicationDue: endOfWeek(term, WIA_APPLICATION_WEEK),
  };
}

/** Calendar days of a period: from the first sick day up to recovery (exclusive) or `today` (inclusive). */
export function periodDurationDays(firstSickDay: IsoDate, recoveredOn: IsoDate | null, today: IsoDate): number {
  return recoveredOn ? daysBetween(firstSickDay, recoveredOn) : Math.max(0, daysBetween(firstSickDay, today) + 1);
}
