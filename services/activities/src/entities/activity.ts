import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ActivityKind, ActivityRole, ActivityStatus } from '../domain/protocol.js';

/** Why the system (not a user) closed an activity; a relapse may reopen what a recovery closed. */
export type ClosedReason = 'RECOVERY';

@Entity({ name: 'activity', schema: 'activities' })
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'sick_case_id', nullable: true })
  sickCaseId: string | null;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'protocol_row_id', nullable: true })
  protocolRowId: string | null;

  /** Term or report the activity was generated for; unique, so redelivered events change nothing. */
  @Column('text', { name: 'generation_key', nullable: true })
  generationKey: string | null;

  /** The catalogue type a user created the activity from; null for protocol rows. */
  @Column('text', { name: 'activity_type_code', nullable: true })
  activityTypeCode: string | null;

  /** The handled activity whose conclusion created this one. */
  @Column('uuid', { name: 'follow_up_of', nullable: true })
  followUpOf: string | null;

  /** The dossier document an "Importeren document" activity records (owned by dossier). */
  @Column('uuid', { name: 'document_id', nullable: true })
  documentId: string | null;

  /** First sick day of the period carrying the activity. */
  @Column('date', { name: 'period_start', nullable: true })
  periodStart: string | null;

  @Column('text')
  title: string;

  @Column('text')
  role: ActivityRole;

  @Column('text')
  kind: ActivityKind;

  @Column('date', { name: 'signal_date' })
  signalDate: string;

  @Column('date')
  deadline: string;

  @Column('text')
  status: ActivityStatus;

  @Column('text', { nullable: true })
  conclusion: string | null;

  @Column('text', { nullable: true })
  remarks: string | null;

  @Column('timestamptz', { name: 'handled_at', nullable: true })
  handledAt: Date | null;

  @Column('text', { name: 'closed_reason', nullable: true })
  closedReason: ClosedReason | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
