import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from './columns.js';

/**
 * Contract hours per weekday, Monday first. Several weeks describe a rotating schedule
 * (e.g. even and odd weeks); `hoursPerWeek` is then the average week.
 */
export interface WorkPattern {
  weeks: number[][];
}

@Entity({ name: 'employment' })
export class EmploymentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'employer_id' })
  employerId: string;

  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('text', { name: 'job_title', nullable: true })
  jobTitle: string | null;

  @Column('date', { name: 'start_date' })
  startDate: string;

  @Column('date', { name: 'end_date', nullable: true })
  endDate: string | null;

  @Column('numeric', { name: 'hours_per_week', precision: 5, scale: 2, transformer: numericTransformer })
  hoursPerWeek: number;

  @Column('numeric', { name: 'full_time_hours_per_week', precision: 5, scale: 2, transformer: numericTransformer })
  fullTimeHoursPerWeek: number;

  @Column('jsonb', { name: 'work_pattern', nullable: true })
  workPattern: WorkPattern | null;

  /** The employer's contact person for this employee (usually the manager). */
  @Column('text', { name: 'contact_person', nullable: true })
  contactPerson: string | null;

  // The text tabs of the Dienstverband folder (manual: Functioneren, Functie inhoud, Taken, Opmerkingen, Overig).
  @Column('text', { nullable: true })
  functioning: string | null;

  @Column('text', { name: 'job_content', nullable: true })
  jobContent: string | null;

  @Column('text', { nullable: true })
  tasks: string | null;

  @Column('text', { nullable: true })
  remarks: string | null;

  @Column('text', { nullable: true })
  other: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * Part-time factor as used by the Dutch absence statistics: contract hours over the employer's
 * full-time week, at most 1 (overtime contracts do not weigh more than a full-time job).
 */
export function partTimeFactor(employment: Pick<EmploymentEntity, 'hoursPerWeek' | 'fullTimeHoursPerWeek'>): number {
  const factor = employment.hoursPerWeek / employment.fullTimeHoursPerWeek;
  return Math.round(Math.min(1, factor) * 10_000) / 10_000;
}

/** Whether the employment runs on `date` (inclusive bounds). */
export function employmentCovers(employment: Pick<EmploymentEntity, 'startDate' | 'endDate'>, date: string): boolean {
  return employment.startDate <= date && (employment.endDate === null || employment.endDate >= date);
}
