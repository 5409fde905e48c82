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

/**
 * Who may receive the daily digest, from identity's `user.changed`: role, scope and opt-in only
 * (no e-mail address or name; identity sends the mail).
 */
@Entity({ name: 'digest_recipient', schema: 'activities' })
export class DigestRecipientEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  role: string;

  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  /** Not blocked and activated. */
  @Column('boolean')
  active: boolean;

  @Column('boolean', { name: 'daily_digest' })
  dailyDigest: boolean;

  @Column('uuid', { name: 'employer_ids', array: true })
  employerIds: string[];

  @Column('uuid', { name: 'division_ids', array: true })
  divisionIds: string[];

  @Column('uuid', { name: 'department_ids', array: true })
  departmentIds: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One row per digest published: the daily job runs at most once per user and day. */
@Entity({ name: 'digest_sent', schema: 'activities' })
export class DigestSentEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @PrimaryColumn('date', { name: 'digest_date' })
  digestDate: string;

  @Column('int', { name: 'overdue_count' })
  overdueCount: number;

  @Column('int', { name: 'due_count' })
  dueCount: number;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt: Date;
}
