import { BUSINESS_TIME_ZONE, todayIn } from '@poortwachter/kit';
import type { IsoDate } from './term.js';

export { BUSINESS_TIME_ZONE };

/** Dutch employers, Dutch law: "today" is the calendar date in Amsterdam, not on the server. */
export function todayInBusinessZone(now: Date = new Date()): IsoDate {
  return todayIn(BUSINESS_TIME_ZONE, now);
}
