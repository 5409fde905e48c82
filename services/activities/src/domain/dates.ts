/** Calendar-date arithmetic is shared by all subgraphs; it lives in the kit. */
export {
  InvalidDateError,
  isCalendarDate,
  toDayNumber,
  fromDayNumber,
  addDays,
  daysBetween,
  addMonths,
  todayIn,
} from '@poortwachter/kit';
