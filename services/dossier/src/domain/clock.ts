import type { IsoDate } from './term.js';

/** Dutch employers, Dutch law: "today" is the calendar date in Amsterdam, not on the server. */
export const BUSINESS_TIME_ZONE = 'Europe/Amsterdam';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInBusinessZone(now: Date = new Date()): IsoDate {
  return formatter.format(now);
}
