import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const SICK_CASE_STATUSES = ['OPEN', 'RECOVERED'] as const;
export type SickCaseStatus = (typeof SICK_CASE_STATUSES)[number];

/**
 * One sick period ("ziekmelding" up to "hersteldmelding"). Deliberately without any medical field:
 * an employer may record only the facts below (AVG / Dutch DPA policy on sick employees).
 */
@Entity({ name: 'sick_case' })
export class SickCaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'employment_id', nullable: true })
  employmentId: string | null;

  /** The unit of the employment at the report, copied: scope checks and statistics stay stable when someone moves. */
  @Column('uuid', { name: 'employer_id' })
  employerId: string;

  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('date', { name: 'first_sick_day' })
  firstSickDay: string;

  @Column('text')
  status: SickCaseStatus;

  /** The latest value of the absence course (0 once recovered). */
  @Column('smallint', { name: 'absence_percentage' })
  absencePercentage: number;

  @Column('date', { name: 'expected_recovery_date', nullable: true })
  expectedRecoveryDate: string | null;

  @Column('date', { name: 'recovered_on', nullable: true })
  recoveredOn: string | null;

  @Column('date', { name: 'term_start_day' })
  termStartDay: string;

  @Column('integer', { name: 'term_gap_days' })
  termGapDays: number;

  @Column('boolean', { name: 'work_accident' })
  workAccident: boolean;

  /** Whether a safety-net scheme (vangnet) applies; which one is medical context and not recorded. */
  @Column('boolean', { name: 'safety_net' })
  safetyNet: boolean;

  @Column('boolean', { name: 'third_party_liable' })
  thirdPartyLiable: boolean;

  /** Where the employee stays while sick and can be visited, when not at home. */
  @Column('text', { nullable: true })
  whereabouts: string | null;

  @Column('text', { name: 'contact_phone', nullable: true })
  contactPhone: string | null;

  /** The employer's question for the bedrijfsarts or casemanager; the form warns: no medical information. */
  @Column('text', { name: 'question_for_professional', nullable: true })
  questionForProfessional: string | null;

  /** The "opmerking" tab of the sick report. */
  @Column('text', { nullable: true })
  remarks: string | null;

  @Column('timestamptz', { name: 'reported_at' })
  reportedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One step of the absence course: from this date on, this share of the contract hours is not worked. */
@Entity({ name: 'absence_course_point' })
export class AbsenceCoursePointEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'sick_case_id' })
  sickCaseId: string;

  @Column('date', { name: 'from_date' })
  from: string;

  @Column('smallint', { name: 'absence_percentage' })
  absencePercentage: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
