import { BUSINESS_TIME_ZONE } from '@poortwachter/kit';

/**
 * Working hours, holidays and invitations speak Amsterdam wall-clock time; the database stores
 * instants. These helpers convert between the two without a date library, via Intl.
 */
const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface LocalMoment {
  /** Calendar date in Amsterdam, YYYY-MM-DD. */
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

export function amsterdamMoment(at: Date): LocalMoment {
  const parts = Object.fromEntries(partsFormatter.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const offsetFormatter = new Intl.DateTimeFormat('en-US', { timeZone: BUSINESS_TIME_ZONE, timeZoneName: 'longOffset' });

/** Offset of Amsterdam local time from UTC at an instant, in minutes (60 or 120). */
export function amsterdamOffsetMinutes(at: Date): number {
  const name = offsetFormatter.formatToParts(at).find((part) => part.type === 'timeZoneName')!.value; // "GMT+01:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant at which Amsterdam's clock shows `minutes` after midnight on `date` (YYYY-MM-DD). */
export function amsterdamInstant(date: string, minutes: number): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallClockAsUtc = Date.UTC(year, month - 1, day, 0, minutes);
  // The offset at the wall-clock moment read as UTC is right except within an hour of a DST switch,
  // where working hours never start; a second pass settles the switch hour itself.
  const first = wallClockAsUtc - amsterdamOffsetMinutes(new Date(wallClockAsUtc)) * 60_000;
  return new Date(wallClockAsUtc - amsterdamOffsetMinutes(new Date(first)) * 60_000);
}

/** "HH:MM" ↔ minutes since midnight. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
