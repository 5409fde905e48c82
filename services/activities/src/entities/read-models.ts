import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What activities knows of a sick case, from dossier's events. Columns are nullable because a
 * recovery may arrive before the report it belongs to.
 */
@Entity({ name: 'sick_case_ref', schema: 'activities' })
export class SickCaseRefEntity {
  @PrimaryColumn('uuid', { name: 'sick_case_id' })
  sickCaseId: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'employer_id', nullable: true })
  employerId: string | null;

  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('date', { name: 'first_sick_day', nullable: true })
  firstSickDay: string | null;

  @Column('date', { name: 'term_start_day', nullable: true })
  termStartDay: string | null;

  @Column('int', { name: 'term_gap_days', nullable: true })
  termGapDays: number | null;

  @Column('text')
  status: 'OPEN' | 'RECOVERED';

  @Column('date', { name: 'recovered_on', nullable: true })
  recoveredOn: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Where a person works now, from `person.changed`: decides who sees the person's activities. */
@Entity({ name: 'person_placement', schema: 'activities' })
export class PersonPlacementEntity {
  @PrimaryColumn('uuid', { name: 'person_id' })
  personId: string;

  /** Null while the person has no employment. */
  @Column('uuid', { name: 'employer_id', nullable: true })
  employerId: string | null;

  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('boolean')
  active: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
