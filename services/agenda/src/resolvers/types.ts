import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../entities/index.js';

export const AppointmentStatusEnum = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, s])) as {
  [S in AppointmentStatus]: S;
};
registerEnumType(AppointmentStatusEnum, {
  name: 'AppointmentStatus',
  description: 'Whether an appointment is still to take place, took place or was cancelled.',
  valuesConfig: {
    PLANNED: { description: 'Planned; still to take place.' },
    CANCELLED: { description: 'Cancelled; it will not take place.' },
    DONE: { description: 'Took place.' },
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

@ObjectType('Appointment', { description: 'An appointment of a person with a professional of the arbodienst.' })
export class Appointment {
  @Field(() => ID, { description: 'Stable id of the appointment.' })
  id: string;

  personId: string;

  @Field(() => DateTimeResolver, { description: 'When the appointment starts (ISO 8601 date-time, UTC).' })
  startsAt: Date;

  @Field(() => DateTimeResolver, { description: 'When the appointment ends (ISO 8601 date-time, UTC); after `startsAt`.' })
  endsAt: Date;

  @Field(() => String, { description: 'Name of the professional whose agenda holds the appointment.' })
  professionalName: string;

  @Field(() => String, { description: 'Role code of that professional, e.g. `OCCUPATIONAL_PHYSICIAN`, `CASE_MANAGER`.' })
  professionalRole: string;

  @Field(() => String, { description: 'What the appointment is, e.g. "Spreekuur bedrijfsarts".' })
  kind: string;

  @Field(() => String, { nullable: true, description: 'Address, for appointments in person.' })
  location: string | null;

  @Field(() => String, { nullable: true, description: 'Link to join, for video consultations.' })
  videoUrl: string | null;

  @Field(() => AppointmentStatusEnum, { description: 'Planned, done or cancelled; cancelled appointments stay listed.' })
  status: AppointmentStatus;
}
