import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const APPOINTMENT_STATUSES = ['PLANNED', 'CONFIRMED', 'MOVED', 'CANCELLED', 'HELD', 'NO_SHOW'] as const;
/** States in which the appointment holds its slot (the exclusion constraint counts these). */
export const ACTIVE_STATUSES = ['PLANNED', 'CONFIRMED', 'MOVED'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

@Entity({ name: 'appointment' })
export class AppointmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agenda_id' })
  agendaId: string;

  /** The person (owned by dossier) the appointment is with. */
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  /** What the appointment is, e.g. "Spreekuur bedrijfsarts". */
  @Column('text')
  kind: string;

  @Column('text', { nullable: true })
  location: string | null;

  @Column('text', { name: 'video_url', nullable: true })
  videoUrl: string | null;

  @Column('text')
  status: AppointmentStatus;

  /** The protocol activity (owned by activities) this appointment carries out, if any. */
  @Column('uuid', { name: 'activity_id', nullable: true })
  activityId: string | null;

  /** Raised by every change; a change sent with an older version is refused (optimistic concurrency). */
  @Column('int')
  version: number;

  /** The calendar file's SEQUENCE: raised by every move and cancellation. */
  @Column('int')
  sequence: number;

  @Column('uuid', { name: 'location_id', nullable: true })
  locationId: string | null;

  /** What the employee should bring, as the invitation says it (never medical content). */
  @Column('text', { name: 'what_to_bring', nullable: true })
  whatToBring: string | null;

  /** The user who planned it. */
  @Column('uuid', { name: 'planned_by', nullable: true })
  plannedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
