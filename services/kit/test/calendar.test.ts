import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, InvalidDateError, isCalendarDate, todayIn } from '../src/calendar.js';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-2-1')).toBe(false);
    expect(isCalendarDate(20250201)).toBe(false);
    expect(() => addDays('2025-13-01', 1)).toThrow(InvalidDateError);
  });

  it('counts days across leap days and daylight-saving changes', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-10', '2025-01-01')).toBe(-9);
    expect(addDays('2024-02-29', 728)).toBe('2026-02-26');
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-15', -12)).toBe('2024-03-15');
  });

  it('knows the date in Amsterdam, not on the server', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(todayIn('Europe/Amsterdam', new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayIn('UTC', new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });
});
