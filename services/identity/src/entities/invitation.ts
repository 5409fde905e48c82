import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A single-use activation link. The token itself only ever exists in the mail; the table holds its
 * SHA-256, so reading the database does not let anyone activate an account.
 */
@Entity({ name: 'invitations' })
export class InvitationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text', { default: 'ACTIVATION' })
  purpose: 'ACTIVATION' | 'PASSWORD_RESET';

  @Column('bytea', { name: 'token_hash' })
  tokenHash: Buffer;

  /** The address the link was sent to; activation asks for it again. */
  @Column('text')
  email: string;

  @Column('uuid', { name: 'invited_by', nullable: true })
  invitedBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  /** Set when a newer invitation for the same account replaced this one. */
  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
