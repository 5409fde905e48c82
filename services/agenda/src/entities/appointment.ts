import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const APPOINTMENT_STATUSES = ['PLANNED', 'CANCELLED', 'DONE'] as const;
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
