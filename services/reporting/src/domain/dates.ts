/** Calendar-date arithmetic is shared by all subgraphs; it lives in the kit. */
export { isCalendarDate, daysBetween, todayIn } from '@poortwachter/kit';
