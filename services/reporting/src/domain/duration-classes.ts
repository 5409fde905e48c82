import { daysBetween } from './dates.js';

/**
 * Duration classes of open absence (Dutch national standard as used by Vernet). The boundaries
 * are configurable; the classes and their order are not.
 */
export const DURATION_CLASSES = ['SHORT', 'MEDIUM', 'LONG', 'EXTRA_LONG'] as const;
export type DurationClass = (typeof DURATION_CLASSES)[number];

export interface DurationClassBoundaries {
  /** Last day of a short absence. */
  shortMaxDays: number;
  mediumMaxDays: number;
  longMaxDays: number;
}

export const VERNET_BOUNDARIES: DurationClassBoundaries = {
  shortMaxDays: 7,
  mediumMaxDays: 42,
  longMaxDays: 365,
};

const NAMES: Record<DurationClass, string> = {
  SHORT: 'Kort',
  MEDIUM: 'Middellang',
  LONG: 'Lang',
  EXTRA_LONG: 'Extra lang',
};

export class InvalidBoundariesError extends Error {}

export function validateBoundaries(boundaries: DurationClassBoundaries): DurationClassBoundaries {
  const { shortMaxDays, mediumMaxDays, longMaxDays } = boundaries;
  const values = [shortMaxDays, mediumMaxDays, longMaxDays];
  if (!values.every((value) => Number.isInteger(value) && value >= 1)) {
    throw new InvalidBoundariesError('Duration class boundaries must be whole numbers of days, at least 1.');
  }
  if (!(shortMaxDays < mediumMaxDays && mediumMaxDays < longMaxDays)) {
    throw new InvalidBoundariesError('Duration class boundaries must increase: short < medium < long.');
  }
  return boundaries;
}

/** Reads `7,42,365` (last day of short, medium and long); empty means the Vernet default. */
export function parseBoundaries(text: string | undefined): DurationClassBoundaries {
  if (text === undefined || text.trim() === '') return VERNET_BOUNDARIES;
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => !/^\d+$/.test(part))) {
    throw new InvalidBoundariesError(
      `Duration class boundaries must be three day numbers like "7,42,365", not "${text}".`,
    );
  }
  const [shortMaxDays, mediumMaxDays, longMaxDays] = parts.map(Number) as [number, number, number];
  return validateBoundaries({ shortMaxDays, mediumMaxDays, longMaxDays });
}

export interface DurationClassRange {
  durationClass: DurationClass;
  minDays: number;
  /** Null for the open-ended last class. */
  maxDays: number | null;
  label: string;
}

export function classRanges(boundaries: DurationClassBoundaries = VERNET_BOUNDARIES): DurationClassRange[] {
  const { shortMaxDays, mediumMaxDays, longMaxDays } = validateBoundaries(boundaries);
  const range = (durationClass: DurationClass, minDays: number, maxDays: number): DurationClassRange => ({
    durationClass,
    minDays,
    maxDays,
    label: `${NAMES[durationClass]} (${minDays}–${maxDays} dagen)`,
  });
  return [
    range('SHORT', 1, shortMaxDays),
    range('MEDIUM', shortMaxDays + 1, mediumMaxDays),
    range('LONG', mediumMaxDays + 1, longMaxDays),
    {
      durationClass: 'EXTRA_LONG',
      minDays: longMaxDays + 1,
      maxDays: null,
      label: `${NAMES.EXTRA_LONG} (> ${longMaxDays} dagen)`,
    },
  ];
}

/** Calendar days of an open absence, the first sick day and today included. */
export function openDurationDays(firstSickDay: string, today: string): number {
  return daysBetween(firstSickDay, today) + 1;
}

/** The class of an absence of `days` calendar days; null for one that has not started. */
export function classify(
  days: number,
  boundaries: DurationClassBoundaries = VERNET_BOUNDARIES,
): DurationClass | null {
  if (days < 1) return null;
  if (days <= boundaries.shortMaxDays) return 'SHORT';
  if (days <= boundaries.mediumMaxDays) return 'MEDIUM';
  if (days <= boundaries.longMaxDays) return 'LONG';
  return 'EXTRA_LONG';
}

export interface DurationClassCount extends DurationClassRange {
  count: number;
  /** count / total, 0 when nothing is open. */
  share: number;
}

/** Every class, in order, with its count (0 when absent) and share of the total. */
export function summarize(
  counts: Partial<Record<DurationClass, number>>,
  boundaries: DurationClassBoundaries = VERNET_BOUNDARIES,
): DurationClassCount[] {
  const ranges = classRanges(boundaries);
  const total = ranges.reduce((sum, range) => sum + (counts[range.durationClass] ?? 0), 0);
  return ranges.map((range) => {
    const count = counts[range.durationClass] ?? 0;
    return { ...range, count, share: total === 0 ? 0 : count / total };
  });
}
