import { addDays } from '@poortwachter/kit';
import { amsterdamInstant, amsterdamMoment } from './amsterdam-time.js';
import { publicHolidayOn } from './holidays.js';

/** One block of working time on a weekday, in Amsterdam minutes since midnight. */
export interface WorkingBlock {
  weekday: number;
  startMinutes: number;
  endMinutes: number;
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** Why a moment cannot be booked; the codes are the API's error codes. */
export type Refusal =
  | { code: 'PUBLIC_HOLIDAY'; holiday: string }
  | { code: 'OUTSIDE_WORKING_HOURS' }
  | { code: 'PROFESSIONAL_ABSENT' }
  | { code: 'SLOT_TAKEN' };

export const overlaps = (a: Interval, b: Interval) => a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

/**
 * Whether an interval can go into an agenda: not on a public holiday, inside one working block
 * of its weekday (same Amsterdam day), not during an absence, not over another appointment.
 * The order gives the most telling reason first.
 */
export function refusalFor(
  wanted: Interval,
  blocks: readonly WorkingBlock[],
  absences: readonly Interval[],
  busy: readonly Interval[],
): Refusal | null {
  const start = amsterdamMoment(wanted.startsAt);
  const end = amsterdamMoment(new Date(wanted.endsAt.getTime() - 1));
  const holiday = publicHolidayOn(start.date);
  if (holiday) return { code: 'PUBLIC_HOLIDAY', holiday: holiday.name };
  const endMinutes = end.minutes + 1;
  const inBlock =
    start.date === end.date &&
    blocks.some((block) => block.weekday === start.weekday && block.startMinutes <= start.minutes && endMinutes <= block.endMinutes);
  if (!inBlock) return { code: 'OUTSIDE_WORKING_HOURS' };
  if (absences.some((absence) => overlaps(absence, wanted))) return { code: 'PROFESSIONAL_ABSENT' };
  if (busy.some((other) => overlaps(other, wanted))) return { code: 'SLOT_TAKEN' };
  return null;
}

/**
 * Free slots of `durationMinutes` in one agenda, on the grid of its working blocks (every
 * `stepMinutes` from a block's start), from `from` up to `until`, earliest first, at most `limit`.
 */
export function freeSlots(options: {
  blocks: readonly WorkingBlock[];
  absences: readonly Interval[];
  busy: readonly Interval[];
  from: Date;
  until: Date;
  durationMinutes: number;
  stepMinutes?: number;
  limit: number;
}): Interval[] {
  const { blocks, absences, busy, from, until, durationMinutes, limit } = options;
  const step = options.stepMinutes ?? 15;
  const slots: Interval[] = [];
  if (blocks.length === 0) return slots;
  let date = amsterdamMoment(from).date;
  const lastDate = amsterdamMoment(until).date;
  while (date <= lastDate && slots.length < limit) {
    const weekday = amsterdamMoment(amsterdamInstant(date, 12 * 60)).weekday;
    if (!publicHolidayOn(date)) {
      const todays = blocks.filter((block) => block.weekday === weekday).sort((a, b) => a.startMinutes - b.startMinutes);
      for (const block of todays) {
        for (let minute = block.startMinutes; minute + durationMinutes <= block.endMinutes && slots.length < limit; minute += step) {
          const startsAt = amsterdamInstant(date, minute);
          const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
          if (startsAt.getTime() < from.getTime() || endsAt.getTime() > until.getTime()) continue;
          const slot = { startsAt, endsAt };
          if (absences.some((absence) => overlaps(absence, slot)) || busy.some((other) => overlaps(other, slot))) continue;
          slots.push(slot);
        }
      }
    }
    date = addDays(date, 1);
  }
  return slots;
}
