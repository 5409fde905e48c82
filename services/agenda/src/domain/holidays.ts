import { addDays } from '@poortwachter/kit';

/**
 * Dutch public holidays on which the arbodienst holds no consultations, computed rather than
 * listed so every year works: the Easter-based days (Gregorian computus), Koningsdag (27 April,
 * or 26 April when the 27th is a Sunday) and Bevrijdingsdag in lustrum years (when it is a day off
 * under most collective agreements; other years it is a working day).
 */
export interface PublicHoliday {
  date: string;
  name: string;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Koningsdag: 27 April, moved to Saturday 26 April when the 27th falls on a Sunday. */
export function kingsDay(year: number): string {
  const sunday = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0;
  return `${year}-04-${sunday ? '26' : '27'}`;
}

const cache = new Map<number, PublicHoliday[]>();

export function dutchPublicHolidays(year: number): PublicHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const list: PublicHoliday[] = [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag' },
    { date: easter, name: 'Eerste Paasdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    { date: kingsDay(year), name: 'Koningsdag' },
    ...(year % 5 === 0 ? [{ date: `${year}-05-05`, name: 'Bevrijdingsdag' }] : []),
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), name: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: `${year}-12-${pad(25)}`, name: 'Eerste Kerstdag' },
    { date: `${year}-12-${pad(26)}`, name: 'Tweede Kerstdag' },
  ].sort((x, y) => x.date.localeCompare(y.date));
  cache.set(year, list);
  return list;
}

/** The holiday on a calendar date (YYYY-MM-DD), or null. */
export function publicHolidayOn(date: string): PublicHoliday | null {
  return dutchPublicHolidays(Number(date.slice(0, 4))).find((holiday) => holiday.date === date) ?? null;
}
