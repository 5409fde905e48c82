import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isIsoDate,
  isRelapse,
  periodDurationDays,
  termDates,
  termForNewPeriod,
  type EarlierPeriod,
} from '../src/domain/term.js';

const period = (firstSickDay: string, recoveredOn: string | null, termStartDay = firstSickDay, termGapDays = 0): EarlierPeriod => ({
  firstSickDay,
  recoveredOn,
  termStartDay,
  termGapDays,
});

describe('calendar arithmetic', () => {
  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
  });

  it('steps over leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('is not shifted by daylight-saving changes', () => {
    // The Netherlands switch to summer time on the last Sunday of March.
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
  });
});

describe('term dates', () => {
  it('puts the deadlines on day 0 + 104 weeks, the last day of week 42 and of week 93', () => {
    // 2024-01-01 is a Monday, so the last days of weeks 42 and 93 are Sundays.
    expect(termDates({ termStartDay: '2024-01-01', termGapDays: 0 })).toEqual({
      waitingPeriodEndsOn: '2025-12-29',
      week42ReportDue: '2024-10-20',
      wiaApplicationDue: '2025-10-12',
    });
  });

  it('counts days across a leap day instead of adding calendar years', () => {
    // 2024-02-29 + 730 days is 2026-02-28; 2023-03-01 + 731 days is 2025-03-01 (the interval holds 2024-02-29).
    expect(termDates({ termStartDay: '2024-02-29', termGapDays: 0 }).waitingPeriodEndsOn).toBe('2026-02-26');
    expect(termDates({ termStartDay: '2023-03-01', termGapDays: 0 }).waitingPeriodEndsOn).toBe('2025-02-26');
  });

  it('moves every deadline later by the gap days of the term', () => {
    const dates = termDates({ termStartDay: '2024-01-01', termGapDays: 10 });
    expect(dates.waitingPeriodEndsOn).toBe('2026-01-08');
    expect(dates.week42ReportDue).toBe('2024-10-30');
    expect(dates.wiaApplicationDue).toBe('2025-10-22');
  });
});

describe('periods add up (the 4-week rule)', () => {
  const first = period('2024-01-01', '2024-02-01');

  it('continues the term when the new period starts less than 4 weeks after recovery', () => {
    const term = termForNewPeriod('2024-02-28', [first]); // 27 days after recovery
    expect(term).toEqual({ termStartDay: '2024-01-01', termGapDays: 27 });
    expect(isRelapse('2024-02-28', [first])).toBe(true);
    expect(termDates(term).waitingPeriodEndsOn).toBe(addDays('2025-12-29', 27));
  });

  it('starts a new term when the new period starts 4 weeks or more after recovery', () => {
    expect(termForNewPeriod('2024-02-29', [first])).toEqual({ termStartDay: '2024-02-29', termGapDays: 0 }); // exactly 28 days
    expect(isRelapse('2024-02-29', [first])).toBe(false);
    expect(termForNewPeriod('2024-06-01', [first])).toEqual({ termStartDay: '2024-06-01', termGapDays: 0 });
  });

  it('continues with no gap when sick again on the day of recovery', () => {
    expect(termForNewPeriod('2024-02-01', [first])).toEqual({ termStartDay: '2024-01-01', termGapDays: 0 });
  });

  it('adds the gaps of a chain of relapses', () => {
    const second = period('2024-02-11', '2024-03-01', '2024-01-01', 10);
    const term = termForNewPeriod('2024-03-21', [second, first]);
    expect(term).toEqual({ termStartDay: '2024-01-01', termGapDays: 30 });
  });

  it('looks only at the latest earlier period', () => {
    // The first period is long ago; the latest one is the one that counts.
    const older = period('2022-01-01', '2022-01-10');
    const latest = period('2024-01-01', '2024-01-10');
    expect(termForNewPeriod('2024-01-20', [latest, older])).toEqual({ termStartDay: '2024-01-01', termGapDays: 10 });
    expect(termForNewPeriod('2024-03-01', [older, latest])).toEqual({ termStartDay: '2024-03-01', termGapDays: 0 });
  });

  it('ignores open periods and periods that end after the new first sick day', () => {
    expect(termForNewPeriod('2024-02-10', [period('2024-01-01', null)])).toEqual({ termStartDay: '2024-02-10', termGapDays: 0 });
    expect(termForNewPeriod('2024-02-10', [period('2024-02-01', '2024-02-20')])).toEqual({ termStartDay: '2024-02-10', termGapDays: 0 });
  });

  it('starts a new term without earlier periods', () => {
    expect(termForNewPeriod('2024-05-05', [])).toEqual({ termStartDay: '2024-05-05', termGapDays: 0 });
  });
});

describe('period duration', () => {
  it('counts up to the recovery day exclusive, or up to today inclusive', () => {
    expect(periodDurationDays('2024-01-01', '2024-01-02', '2024-06-01')).toBe(1);
    expect(periodDurationDays('2024-01-01', null, '2024-01-01')).toBe(1);
    expect(periodDurationDays('2024-01-01', null, '2024-01-07')).toBe(7);
    expect(periodDurationDays('2024-01-10', null, '2024-01-07')).toBe(0);
  });
});
