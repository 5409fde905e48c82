import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One sick case as statistics need it, from dossier's events. Columns dossier states only at the
 * report are nullable: a recovery or change may arrive before the report it belongs to.
 */
@Entity({ name: 'absence_fact', schema: 'reporting' })
export class AbsenceFactEntity {
  @PrimaryColumn('uuid', { name: 'sick_case_id' })
  sickCaseId: string;

  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  @Column('uuid', { name: 'employer_id', nullable: true })
  employerId: string | null;

  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('date', { name: 'first_sick_day', nullable: true })
  firstSickDay: string | null;

  @Column('date', { name: 'recovered_on', nullable: true })
  recoveredOn: string | null;

  /** Share of contract hours not worked, as the employer reported it (not a medical degree). */
  @Column('int', { name: 'absence_percentage', nullable: true })
  absencePercentage: number | null;

  /** When the stored percentage was stated; an older event never overwrites a newer one. */
  @Column('timestamptz', { name: 'percentage_as_of', nullable: true })
  percentageAsOf: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
