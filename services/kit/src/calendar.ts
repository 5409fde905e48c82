/**
 * Calendar dates as `YYYY-MM-DD` strings, computed on UTC day numbers so that no time zone or
 * daylight-saving change can shift a protocol date or a term by a day. Shared by every subgraph
 * that reasons about sick days, deadlines and terms.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Dutch employers, Dutch law: "today" is the calendar date in Amsterdam, not on the server. */
export const BUSINESS_TIME_ZONE = 'Europe/Amsterdam';

export class InvalidDateError extends RangeError {
  constructor(public readonly value: unknown) {
    super(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
}

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: string): number {
  if (!isCalendarDate(date)) throw new InvalidDateError(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in days (negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (29 Feb → 28 Feb). */
export function addMonths(date: string, months: number): string {
  if (!isCalendarDate(date)) throw new InvalidDateError(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A JS Date (as the GraphQL `Date` scalar parses it: midnight UTC) to its calendar date. */
export function calendarDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at `now` in a time zone: a deadline falls on the day it is in the Netherlands. */
export function todayIn(timeZone = BUSINESS_TIME_ZONE, now: Date = new Date()): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}
