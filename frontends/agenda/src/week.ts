import { parseDate, toIsoDate } from '@poortwachter/ui';

/** Monday (local time) of the week that contains `date`. */
export function mondayOf(date: Date): Date {
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return monday;
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  next.setDate(next.getDate() + days);
  return next;
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: Date): number {
  const thursday = addDays(mondayOf(date), 3);
  const firstThursday = addDays(mondayOf(new Date(thursday.getFullYear(), 0, 4)), 3);
  return 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}

/** The week shown: from `?week=YYYY-MM-DD` (any day of it) or the current week. */
export function weekFromParam(param: string | null, today: Date = new Date()): Date {
  if (param && /^\d{4}-\d{2}-\d{2}$/.test(param)) {
    const parsed = parseDate(param);
    if (!Number.isNaN(parsed.getTime())) return mondayOf(parsed);
  }
  return mondayOf(today);
}

/** The 7 days of a week as `YYYY-MM-DD`. */
export function daysOfWeek(monday: Date): string[] {
  return Array.from({ length: 7 }, (_, i) => toIsoDate(addDays(monday, i)));
}

/** Groups items by their local calendar day (`YYYY-MM-DD`), each day sorted by start time. */
export function groupByDay<T extends { startsAt: string }>(items: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const day = toIsoDate(new Date(item.startsAt));
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return days;
}
