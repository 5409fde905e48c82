import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One NEN 7513 line. Append-only: the database refuses UPDATE, DELETE and TRUNCATE (see the
 * migration), so not even a bug in this service can rewrite history.
 */
@Entity({ name: 'access_log_entry' })
export class AccessLogEntryEntity {
  /** A sequence rather than a UUID: it orders lines that share a timestamp. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  event: string;

  @Column('text')
  outcome: 'success' | 'denied' | 'failure';

  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text', { nullable: true })
  role: string | null;

  @Column('text', { name: 'on_behalf_of', nullable: true })
  onBehalfOf: string | null;

  @Column('text')
  purpose: string;

  @Column('text', { name: 'access_point' })
  accessPoint: string;

  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  @Column('text')
  source: string;

  /** `<pg-boss job id>:<index>` for lines that arrived as events, so a redelivered job adds nothing. */
  @Column('text', { name: 'source_key', nullable: true })
  sourceKey: string | null;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;
}
