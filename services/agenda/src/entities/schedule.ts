import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One block of working time of an agenda on a weekday, in Amsterdam local time. */
@Entity({ name: 'working_hours' })
export class WorkingHoursEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agenda_id' })
  agendaId: string;

  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  @Column('smallint')
  weekday: number;

  @Column('smallint', { name: 'start_minute' })
  startMinute: number;

  @Column('smallint', { name: 'end_minute' })
  endMinute: number;
}

/** Where a professional holds consultations: an address, or video. */
@Entity({ name: 'location' })
export class LocationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agenda_id' })
  agendaId: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('boolean')
  video: boolean;

  @Column('int')
  position: number;
}

/** A period in which the professional is away (holiday, course); no booking overlaps it. */
@Entity({ name: 'absence' })
export class AbsenceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agenda_id' })
  agendaId: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;
}
