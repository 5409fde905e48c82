import type { ServiceDeps } from '@poortwachter/kit';
import type { EntityManager } from 'typeorm';
import { appointmentCalendar } from '../domain/ics.js';
import type { AppointmentStatus } from '../entities/index.js';
import type { Appointment } from '../resolvers/types.js';

/** What changed, for `appointment.changed`. */
export type AppointmentChange = 'MOVED' | 'CANCELLED' | 'CONFIRMED' | 'HELD' | 'NO_SHOW';

/**
 * Payload of `appointment.planned` and `appointment.changed`: ids, the person's unit (for the
 * employer notice), the facts an invitation needs and the calendar file itself, so the mail
 * carries exactly the `.ics` the portal offers. Never medical content.
 */
export interface AppointmentEvent {
  appointmentId: string;
  agendaId: string;
  personId: string;
  employerId: string | null;
  divisionId: string | null;
  departmentId: string | null;
  activityId: string | null;
  change: 'PLANNED' | AppointmentChange;
  status: AppointmentStatus;
  startsAt: string;
  endsAt: string;
  /** For a move: when it was before. */
  previousStartsAt: string | null;
  kind: string;
  professionalName: string;
  professionalRole: string;
  location: string | null;
  videoUrl: string | null;
  whatToBring: string | null;
  sequence: number;
  /** The iCalendar file (REQUEST, or CANCEL for a cancellation). */
  calendarFile: string;
  changedBy: string | null;
}

export function calendarFileOf(appointment: Appointment): string {
  return appointmentCalendar({
    id: appointment.id,
    sequence: appointment.sequence,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    kind: appointment.kind,
    professionalName: appointment.professionalName,
    location: appointment.location,
    videoUrl: appointment.videoUrl,
    whatToBring: appointment.whatToBring,
    cancelled: appointment.status === 'CANCELLED',
  });
}

/** Publishes in the caller's transaction: no event without the change, no change without the event. */
export async function publishAppointment(
  deps: ServiceDeps,
  manager: EntityManager,
  appointment: Appointment,
  change: AppointmentEvent['change'],
  options: { previousStartsAt?: Date | null; changedBy: string | null },
): Promise<void> {
  if (!deps.bus) return;
  const [placement]: { employer_id: string | null; division_id: string | null; department_id: string | null }[] = await manager.query(
    `SELECT employer_id, division_id, department_id FROM agenda.person_placement WHERE person_id = $1`,
    [appointment.personId],
  );
  const payload: AppointmentEvent = {
    appointmentId: appointment.id,
    agendaId: appointment.agendaId,
    personId: appointment.personId,
    employerId: placement?.employer_id ?? null,
    divisionId: placement?.division_id ?? null,
    departmentId: placement?.department_id ?? null,
    activityId: appointment.activityId,
    change,
    status: appointment.status,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    previousStartsAt: options.previousStartsAt?.toISOString() ?? null,
    kind: appointment.kind,
    professionalName: appointment.professionalName,
    professionalRole: appointment.professionalRole,
    location: appointment.location,
    videoUrl: appointment.videoUrl,
    whatToBring: appointment.whatToBring,
    sequence: appointment.sequence,
    calendarFile: calendarFileOf(appointment),
    changedBy: options.changedBy,
  };
  await deps.bus.publish(change === 'PLANNED' ? 'appointment.planned' : 'appointment.changed', payload, { manager });
}
