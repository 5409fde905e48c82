import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A mail or SMS as sent; the development outbox page and the tests read these. */
@Entity({ name: 'outbox' })
export class OutboxMessageEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: 'MAIL' | 'SMS';

  @Column('text')
  recipient: string;

  @Column('text', { nullable: true })
  subject: string | null;

  @Column('text')
  text: string;

  @Column('text', { nullable: true })
  html: string | null;

  /** e.g. `invitation`, `login-code`: lets a test or the outbox page find the right message. */
  @Column('text')
  purpose: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
