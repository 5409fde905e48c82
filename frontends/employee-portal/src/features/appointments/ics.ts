import { createEvent, type EventAttributes } from 'ics';
import type { OwnAppointment } from './operations';

export interface IcsTexts {
  /** The event's title, e.g. "Spreekuur bedrijfsarts met dr. Marieke Bos". */
  title: string;
  description: string;
}

/**
 * One appointment as an iCalendar file. Times go out in UTC (the API's timestamps), so any
 * calendar shows them in its own time zone; the uid is stable, so importing twice updates the event.
 */
export function appointmentIcs(appointment: OwnAppointment, texts: IcsTexts): string {
  const attributes: EventAttributes = {
    start: Date.parse(appointment.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(appointment.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: texts.title,
    description: texts.description,
    ...(appointment.location ? { location: appointment.location } : {}),
    ...(appointment.videoUrl ? { url: appointment.videoUrl } : {}),
    status: appointment.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
    uid: `${appointment.id}@poortwachter`,
    productId: 'poortwachter/employee-portal',
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('ics: no output');
  return value;
}

/** A file name for the download: `afspraak-2026-03-12.ics`. */
export function icsFileName(prefix: string, appointment: OwnAppointment): string {
  return `${prefix}-${appointment.startsAt.slice(0, 10)}.ics`;
}
