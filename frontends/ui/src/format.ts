import { useMemo } from 'react';
import { useLocale, type Locale } from './i18n';

const INTL_LOCALE: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Parses a calendar date `YYYY-MM-DD` as a local date, so it never shifts a day across time zones. */
export function parseDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return new Date(value);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** Formats a local date as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD` or dates). */
export function daysBetween(from: string | Date, to: string | Date): number {
  const a = typeof from === 'string' ? parseDate(from) : from;
  const b = typeof to === 'string' ? parseDate(to) : to;
  const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

export interface Formatters {
  /** 12-03-2026 / 12/03/2026 */
  date(value: string | Date | null | undefined): string;
  /** donderdag 12 maart 2026 */
  dateLong(value: string | Date): string;
  /** do 12 mrt */
  dayShort(value: string | Date): string;
  /** 12-03-2026 09:30 */
  dateTime(value: string | Date): string;
  /** 09:30 */
  time(value: string | Date): string;
  /** 50% (input 0–100) */
  percent(value: number): string;
  /** 33,3% (input 0–1) */
  share(value: number): string;
  number(value: number): string;
}

export function createFormatters(locale: Locale): Formatters {
  const tag = INTL_LOCALE[locale];
  const toDate = (value: string | Date) => (typeof value === 'string' ? (value.length === 10 ? parseDate(value) : new Date(value)) : value);
  const date = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateLong = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const dayShort = new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short' });
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
  const number = new Intl.NumberFormat(tag);
  const share = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  return {
    date: (value) => (value ? date.format(toDate(value)) : '—'),
    dateLong: (value) => dateLong.format(toDate(value)),
    dayShort: (value) => dayShort.format(toDate(value)),
    dateTime: (value) => `${date.format(toDate(value))} ${time.format(toDate(value))}`,
    time: (value) => time.format(toDate(value)),
    percent: (value) => share.format(value / 100),
    share: (value) => share.format(value),
    number: (value) => number.format(value),
  };
}

/** Locale-aware formatters that follow the language switch. */
export function useFormat(): Formatters {
  const { locale } = useLocale();
  return useMemo(() => createFormatters(locale), [locale]);
}
