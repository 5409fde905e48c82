import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AGENDA_ROLES, APPOINTMENT_STATUSES, type AgendaRole, type AppointmentStatus } from '../entities/index.js';

export const AppointmentStatusEnum = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, s])) as {
  [S in AppointmentStatus]: S;
};
registerEnumType(AppointmentStatusEnum, {
  name: 'AppointmentStatus',
  description: 'Where an appointment is in its life: planned, confirmed or moved (all still to take place), cancelled, held, or missed.',
  valuesConfig: {
    PLANNED: { description: 'Planned; still to take place.' },
    CONFIRMED: { description: 'The employee confirmed it; still to take place.' },
    MOVED: { description: 'Moved to another time or place (the times shown are the new ones); still to take place.' },
    CANCELLED: { description: 'Cancelled; it will not take place. Its slot is free again.' },
    HELD: { description: 'Took place.' },
    NO_SHOW: { description: 'The employee did not come; the employer gets a follow-up activity.' },
  },
});

export const AgendaRoleEnum = Object.fromEntries(AGENDA_ROLES.map((r) => [r, r])) as { [R in AgendaRole]: R };
registerEnumType(AgendaRoleEnum, {
  name: 'AgendaRole',
  description: "The professional whose agenda it is.",
  valuesConfig: {
    OCCUPATIONAL_PHYSICIAN: { description: 'Bedrijfsarts.' },
    CASE_MANAGER: { description: 'Casemanager.' },
    OTHER: { description: 'Another professional of the arbodienst (e.g. an arbeidsdeskundige).' },
  },
});

export const AppointmentOutcomeEnum = { HELD: 'HELD', NO_SHOW: 'NO_SHOW' } as const;
export type AppointmentOutcome = keyof typeof AppointmentOutcomeEnum;
registerEnumType(AppointmentOutcomeEnum, {
  name: 'AppointmentOutcome',
  description: 'What happened at an appointment whose time has come.',
  valuesConfig: {
    HELD: { description: 'It took place.' },
    NO_SHOW: { description: 'The employee did not come (creates a follow-up activity for the employer).' },
  },
});

/** Dossier owns Person; agenda only adds `appointments`. */
@ObjectType('Person')
@Directive('@key(fields: "id")')
export class PersonRef {
  @Field(() => ID, { description: 'Stable id of the person.' })
  id: string;
}

export function personRef(id: string): PersonRef {
  return Object.assign(new PersonRef(), { id });
}

/** Activities owns Activity; agenda adds the appointments that carry it out. */
@ObjectType('Activity')
@Directive('@key(fields: "id")')
export class ActivityRef {
  @Field(() => ID, { description: 'Stable id of the activity.' })
  id: string;
}

@ObjectType('Appointment', { description: 'An appointment of a person with a professional of the arbodienst.' })
export class Appointment {
  @Field(() => ID, { description: 'Stable id of the appointment; also the calendar UID of its `.ics` file.' })
  id: string;

  personId: string;

  @Field(() => ID, { description: 'The agenda (professional) that holds the appointment.' })
  agendaId: string;

  @Field(() => DateTimeResolver, { description: 'When the appointment starts (ISO 8601 date-time, UTC).' })
  startsAt: Date;

  @Field(() => DateTimeResolver, { description: 'When the appointment ends (ISO 8601 date-time, UTC); after `startsAt`.' })
  endsAt: Date;

  @Field(() => String, { description: 'Name of the professional whose agenda holds the appointment.' })
  professionalName: string;

  @Field(() => String, { description: 'Role code of that professional, e.g. `OCCUPATIONAL_PHYSICIAN`, `CASE_MANAGER`.' })
  professionalRole: string;

  @Field(() => String, { description: 'What the appointment is, e.g. "Spreekuur probleemanalyse".' })
  kind: string;

  @Field(() => String, { nullable: true, description: 'Address, for appointments in person.' })
  location: string | null;

  /** Resolved per caller: employer roles and partner software never receive it. */
  videoUrl: string | null;

  /** Resolved per caller, like `videoUrl`. */
  whatToBring: string | null;

  @Field(() => AppointmentStatusEnum, { description: 'Where the appointment is in its life; cancelled appointments stay listed.' })
  status: AppointmentStatus;

  @Field(() => Int, { description: 'Raised by every change. Send it back as `expectedVersion` when moving, cancelling or registering the outcome.' })
  version: number;

  /** SEQUENCE of the calendar file. */
  sequence: number;

  @Field(() => ID, { nullable: true, description: 'The trajectory activity (e.g. "Spreekuur probleemanalyse") this appointment carries out, if any.' })
  activityId: string | null;

  locationId: string | null;
}

@ObjectType('WorkingHours', { description: 'One block of working time on a weekday, in Dutch local time.' })
export class WorkingHours {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday: number;

  @Field(() => String, { description: 'Start, "HH:MM".' })
  startTime: string;

  @Field(() => String, { description: 'End, "HH:MM" (exclusive).' })
  endTime: string;
}

@ObjectType('AgendaLocation', { description: 'Where a professional holds consultations: an address, or by video.' })
export class AgendaLocation {
  @Field(() => ID, { description: 'Stable id of the location.' })
  id: string;

  @Field(() => String, { description: 'Name, e.g. "Spreekkamer Tiel" or "Videogesprek".' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Street address; null for video.' })
  address: string | null;

  @Field(() => Boolean, { description: 'True for video consultations: each appointment gets its own link.' })
  video: boolean;
}

@ObjectType('AgendaAbsence', { description: 'A period in which the professional is away; nothing can be booked over it.' })
export class AgendaAbsence {
  @Field(() => DateTimeResolver, { description: 'Start of the absence.' })
  startsAt: Date;

  @Field(() => DateTimeResolver, { description: 'End of the absence.' })
  endsAt: Date;
}

@ObjectType('Agenda', { description: 'The agenda of one professional of the arbodienst.' })
export class Agenda {
  @Field(() => ID, { description: 'Stable id of the agenda.' })
  id: string;

  @Field(() => String, { description: 'The professional\'s name, e.g. "dr. Marieke Bos".' })
  name: string;

  @Field(() => AgendaRoleEnum, { description: 'Bedrijfsarts, casemanager or another professional.' })
  role: AgendaRole;

  @Field(() => Boolean, { description: "True when this is the signed-in professional's own agenda." })
  own: boolean;

  employerIds: string[];
  userId: string | null;
}

@ObjectType('AgendaEntry', {
  description:
    'One occupied slot in an agenda. The appointment is there when the caller may see its person; otherwise only "busy" (bezet) ' +
    'with the times, without name or kind.',
})
export class AgendaEntry {
  @Field(() => ID, { description: 'Stable id of the slot (the appointment id).' })
  id: string;

  @Field(() => ID, { description: 'The agenda the slot is in.' })
  agendaId: string;

  @Field(() => DateTimeResolver, { description: 'Start of the slot.' })
  startsAt: Date;

  @Field(() => DateTimeResolver, { description: 'End of the slot.' })
  endsAt: Date;

  @Field(() => Boolean, { description: 'True when the slot is shown only as busy ("bezet"): `appointment` is then null.' })
  busy: boolean;

  @Field(() => Appointment, { nullable: true, description: 'The appointment, when its person is in your scope; null for "bezet".' })
  appointment: Appointment | null;
}

@ObjectType('SlotProposal', { description: 'A free slot in the agenda of a professional who serves the person\'s employer.' })
export class SlotProposal {
  @Field(() => ID, { description: 'The agenda with the free slot.' })
  agendaId: string;

  @Field(() => String, { description: 'The professional\'s name.' })
  professionalName: string;

  @Field(() => DateTimeResolver, { description: 'Start of the free slot.' })
  startsAt: Date;

  @Field(() => DateTimeResolver, { description: 'End of the free slot.' })
  endsAt: Date;

  @Field(() => Boolean, { description: 'True when the slot ends on or before the deadline day; false for the earliest slots after it when none is left before.' })
  beforeDeadline: boolean;
}

@InputType('SlotProposalsInput', { description: 'What to look for free slots for.' })
export class SlotProposalsInput {
  @Field(() => ID, { description: 'The person (employee) to invite.' })
  personId: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD, "uiterlijk op") the consultation may take place, e.g. the activity\'s deadline.' })
  deadline?: string | null;

  @Field(() => AgendaRoleEnum, { nullable: true, defaultValue: 'OCCUPATIONAL_PHYSICIAN', description: 'Whose agendas to search.' })
  role?: AgendaRole | null;

  @Field(() => [ID], { nullable: true, description: 'Only these agendas (default: every agenda of the role that serves the person\'s employer and that you may plan in).' })
  agendaIds?: string[] | null;

  @Field(() => Int, { nullable: true, defaultValue: 30, description: 'Length of the consultation in minutes (10–240).' })
  durationMinutes?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 6, description: 'How many slots at most (1–20).' })
  limit?: number | null;
}

@InputType('PlanAppointmentInput', { description: 'A new appointment. Codes: see `planAppointment`.' })
export class PlanAppointmentInput {
  @Field(() => ID, { description: 'The agenda (professional) to book in.' })
  agendaId: string;

  @Field(() => ID, { description: 'The person (employee) to invite.' })
  personId: string;

  @Field(() => ID, { nullable: true, description: 'The trajectory activity the consultation carries out (e.g. "Spreekuur probleemanalyse"); its planning step is then handled.' })
  activityId?: string | null;

  @Field(() => DateTimeResolver, { description: 'Start; must lie in the future, on a working day and inside working hours.' })
  startsAt: Date;

  @Field(() => Int, { nullable: true, defaultValue: 30, description: 'Length in minutes (10–240).' })
  durationMinutes?: number | null;

  @Field(() => String, { description: 'What the appointment is, e.g. "Spreekuur probleemanalyse" (no medical content).' })
  kind: string;

  @Field(() => ID, { nullable: true, description: "One of the agenda's locations (default: its first)." })
  locationId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the employee should bring, for the invitation (no medical content).' })
  whatToBring?: string | null;
}

@InputType('MoveAppointmentInput', { description: 'A new time (and optionally place) for an appointment.' })
export class MoveAppointmentInput {
  @Field(() => ID, { description: 'The appointment to move.' })
  appointmentId: string;

  @Field(() => Int, { description: 'The `version` you saw; a newer one means someone else changed it (APPOINTMENT_VERSION_CONFLICT).' })
  expectedVersion: number;

  @Field(() => DateTimeResolver, { description: 'The new start.' })
  startsAt: Date;

  @Field(() => Int, { nullable: true, description: 'The new length in minutes (default: unchanged).' })
  durationMinutes?: number | null;

  @Field(() => ID, { nullable: true, description: 'A new location of the same agenda (default: unchanged).' })
  locationId?: string | null;
}

@InputType('ChangeAppointmentInput', { description: 'Which appointment, at which version.' })
export class ChangeAppointmentInput {
  @Field(() => ID, { description: 'The appointment.' })
  appointmentId: string;

  @Field(() => Int, { description: 'The `version` you saw (APPOINTMENT_VERSION_CONFLICT when it changed since).' })
  expectedVersion: number;
}
