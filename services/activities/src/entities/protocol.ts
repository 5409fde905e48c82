import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import type { ActivityKind, ActivityRole, ProtocolTrigger } from '../domain/protocol.js';

/**
 * A version of the Poortwachter protocol: the standard one (no employer) or a client's own. The
 * newest version that applies to an employer generates its trajectories.
 */
@Entity({ name: 'protocol', schema: 'activities' })
export class ProtocolEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('int')
  version: number;

  /** Null for the standard protocol. */
  @Column('uuid', { name: 'employer_id', nullable: true })
  employerId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The administrator who made this version; null for versions shipped by a migration. */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  /** What changed against the previous version, in Dutch, for the version history. */
  @Column('text', { name: 'change_summary', nullable: true })
  changeSummary: string | null;

  @OneToMany(() => ProtocolRowEntity, (row) => row.protocol)
  rows: ProtocolRowEntity[];
}

/** One step of a protocol: who does what, from which day, before which day. */
@Entity({ name: 'protocol_row', schema: 'activities' })
export class ProtocolRowEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'protocol_id' })
  protocolId: string;

  @ManyToOne(() => ProtocolEntity, (protocol) => protocol.rows, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'protocol_id' })
  protocol: ProtocolEntity;

  @Column('int')
  position: number;

  @Column('text')
  code: string;

  @Column('text')
  title: string;

  @Column('text')
  role: ActivityRole;

  @Column('text')
  kind: ActivityKind;

  @Column('int', { name: 'signal_day' })
  signalDay: number;

  @Column('int', { name: 'deadline_day' })
  deadlineDay: number;

  @Column('text')
  trigger: ProtocolTrigger;
}
