import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  isCalendarDate,
  todayIn,
  toDayNumber,
} from '../../src/domain/dates.js';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['', false],
    [20250101, false],
  ])('isCalendarDate(%j) = %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-02-29', 365, '2025-02-28'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-30', 1, '2025-03-31'], // daylight saving starts in the Netherlands
    ['2025-03-01', -1, '2025-02-28'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2025-02-28', -12, '2024-02-28'],
    ['2025-03-01', -12, '2024-03-01'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-05-15', -12, '2024-05-15'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2025-02-01', '2025-03-01')).toBe(28);
    expect(toDayNumber('1970-01-02')).toBe(1);
  });

  it('rejects a malformed date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(/calendar date/);
  });

  it('takes today in the Dutch time zone', () => {
    expect(todayIn('Europe/Amsterdam', new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
    expect(todayIn('Europe/Amsterdam', new Date('2025-01-01T22:59:00Z'))).toBe('2025-01-01');
  });
});
