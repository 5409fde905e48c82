import { describe, expect, it } from 'vitest';
import { todayIn } from '../../src/domain/dates.js';
import {
  classify,
  classRanges,
  InvalidBoundariesError,
  openDurationDays,
  parseBoundaries,
  summarize,
  VERNET_BOUNDARIES,
} from '../../src/domain/duration-classes.js';

describe('duration classes', () => {
  it('has the Vernet boundaries and Dutch labels by default', () => {
    expect(classRanges()).toEqual([
      { durationClass: 'SHORT', minDays: 1, maxDays: 7, label: 'Kort (1–7 dagen)' },
      { durationClass: 'MEDIUM', minDays: 8, maxDays: 42, label: 'Middellang (8–42 dagen)' },
      { durationClass: 'LONG', minDays: 43, maxDays: 365, label: 'Lang (43–365 dagen)' },
      { durationClass: 'EXTRA_LONG', minDays: 366, maxDays: null, label: 'Extra lang (> 365 dagen)' },
    ]);
  });

  it.each([
    [0, null],
    [1, 'SHORT'],
    [7, 'SHORT'],
    [8, 'MEDIUM'],
    [42, 'MEDIUM'],
    [43, 'LONG'],
    [365, 'LONG'],
    [366, 'EXTRA_LONG'],
    [800, 'EXTRA_LONG'],
  ])('an absence of %i days is %s', (days, expected) => {
    expect(classify(days)).toBe(expected);
  });

  it('counts the first sick day and today', () => {
    expect(openDurationDays('2025-03-03', '2025-03-03')).toBe(1);
    expect(openDurationDays('2025-03-03', '2025-03-09')).toBe(7);
    expect(openDurationDays('2024-02-28', '2024-03-01')).toBe(3);
    expect(openDurationDays('2025-02-28', '2025-03-01')).toBe(2);
  });

  it('uses configured boundaries', () => {
    const boundaries = parseBoundaries(' 3, 10 ,100');
    expect(boundaries).toEqual({ shortMaxDays: 3, mediumMaxDays: 10, longMaxDays: 100 });
    expect(classify(4, boundaries)).toBe('MEDIUM');
    expect(classify(101, boundaries)).toBe('EXTRA_LONG');
    expect(classRanges(boundaries).map((range) => range.label)).toEqual([
      'Kort (1–3 dagen)',
      'Middellang (4–10 dagen)',
      'Lang (11–100 dagen)',
      'Extra lang (> 100 dagen)',
    ]);
    expect(parseBoundaries(undefined)).toBe(VERNET_BOUNDARIES);
    expect(parseBoundaries('')).toBe(VERNET_BOUNDARIES);
  });

  it.each(['7,42', '7,42,x', '42,7,365', '0,42,365', '7,7,365', '7.5,42,365'])(
    'refuses boundaries "%s"',
    (text) => {
      expect(() => parseBoundaries(text)).toThrow(InvalidBoundariesError);
    },
  );

  it('returns every class with count and share', () => {
    const result = summarize({ SHORT: 3, LONG: 1 });
    expect(result.map((row) => [row.durationClass, row.count, row.share])).toEqual([
      ['SHORT', 3, 0.75],
      ['MEDIUM', 0, 0],
      ['LONG', 1, 0.25],
      ['EXTRA_LONG', 0, 0],
    ]);
  });

  it('gives share 0 when nothing is open', () => {
    expect(summarize({}).map((row) => [row.count, row.share])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('takes today in the Dutch time zone', () => {
    expect(todayIn('Europe/Amsterdam', new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
  });
});
