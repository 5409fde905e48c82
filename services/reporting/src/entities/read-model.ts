import { Column, Entity, PrimaryColumn } from 'typeorm';

/*
 * The statistics read model (written in SQL by src/events/projection.ts, read in SQL by
 * src/queries). Declared here so the tables are visible next to the others.
 */

/** Every event reporting received, once; the tables below are derived from it. */
@Entity({ name: 'event_log', schema: 'reporting' })
export class EventLogEntity {
  @PrimaryColumn('bigint')
  seq: string;

  @Column('text')
  event: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId: string;

  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('jsonb')
  payload: Record<string, unknown>;

  /** md5 of event name and payload: a redelivered event is recognised and ignored. */
  @Column('text', { unique: true })
  digest: string;
}

@Entity({ name: 'employment', schema: 'reporting' })
export class EmploymentFactEntity {
  @PrimaryColumn('uuid', { name: 'employment_id' })
  employmentId: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'employer_id' })
  employerId: string;

  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('date', { name: 'start_date' })
  startDate: string;

  @Column('date', { name: 'end_date', nullable: true })
  endDate: string | null;

  /** Contract hours ÷ full-time hours, as dossier computes it from the work pattern. */
  @Column('numeric', { name: 'part_time_factor', precision: 6, scale: 4 })
  partTimeFactor: string;
}

@Entity({ name: 'sick_case', schema: 'reporting' })
export class SickCaseFactEntity {
  @PrimaryColumn('uuid', { name: 'sick_case_id' })
  sickCaseId: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'employment_id', nullable: true })
  employmentId: string | null;

  @Column('uuid', { name: 'employer_id' })
  employerId: string;

  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('date', { name: 'first_sick_day' })
  firstSickDay: string;

  /** First day fit for work again; the last sick day is the day before. */
  @Column('date', { name: 'recovered_on', nullable: true })
  recoveredOn: string | null;

  /** Share of contract hours not worked now (not a medical degree). */
  @Column('int', { name: 'absence_percentage' })
  absencePercentage: number;

  @Column('boolean', { name: 'work_accident' })
  workAccident: boolean;
}

/** One step of a case's absence course: sick from `fromDay` to `toDay` (inclusive; null = open) at `fraction`. */
@Entity({ name: 'absence_segment', schema: 'reporting' })
export class AbsenceSegmentEntity {
  @PrimaryColumn('uuid', { name: 'sick_case_id' })
  sickCaseId: string;

  @PrimaryColumn('date', { name: 'from_day' })
  fromDay: string;

  @Column('date', { name: 'to_day', nullable: true })
  toDay: string | null;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('numeric', { precision: 5, scale: 4 })
  fraction: string;
}
