import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** What an invitation's calendar file says about one appointment. */
export interface CalendarAppointment {
  id: string;
  /** Raised on every move or cancellation, so calendars replace the earlier version (RFC 5545 SEQUENCE). */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  kind: string;
  professionalName: string;
  location: string | null;
  videoUrl: string | null;
  whatToBring: string | null;
  cancelled: boolean;
}

const ORGANIZER = {
  name: process.env.AGENDA_ORGANIZER_NAME ?? 'Arbodienst Poortwachter',
  email: process.env.AGENDA_ORGANIZER_EMAIL ?? 'planning@poortwachter.example',
};

/** The UID stays the appointment's for its whole life, so a move or cancel updates the same calendar item. */
export const calendarUid = (appointmentId: string) => `${appointmentId}@agenda.poortwachter`;

/**
 * An iCalendar file (METHOD:REQUEST, or METHOD:CANCEL for a cancelled appointment) that a mail
 * program or phone calendar adds, moves or removes. Texts are Dutch, like the invitation letter.
 */
export function appointmentCalendar(appointment: CalendarAppointment): string {
  const calendar = ical({
    name: 'Poortwachter afspraken',
    prodId: { company: 'Poortwachter', product: 'Agenda', language: 'NL' },
    method: appointment.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const description = [
    `Met ${appointment.professionalName}.`,
    appointment.videoUrl ? `Videogesprek: ${appointment.videoUrl}` : null,
    appointment.location ? `Adres: ${appointment.location}` : null,
    appointment.whatToBring ? `Meenemen: ${appointment.whatToBring}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  calendar.createEvent({
    id: calendarUid(appointment.id),
    sequence: appointment.sequence,
    start: appointment.startsAt,
    end: appointment.endsAt,
    stamp: new Date(),
    summary: `${appointment.kind} – ${appointment.professionalName}`,
    description,
    location: appointment.location ?? (appointment.videoUrl ? 'Videogesprek' : null),
    url: appointment.videoUrl,
    organizer: ORGANIZER,
    status: appointment.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
