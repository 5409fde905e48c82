import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The agenda of one professional (bedrijfsarts, casemanager, ...). */
@Entity({ name: 'agenda' })
export class AgendaEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The professional's name as patients see it on an invitation. */
  @Column('text')
  name: string;

  /** The professional's role, e.g. `OCCUPATIONAL_PHYSICIAN`. */
  @Column('text')
  role: string;

  /** The professional's account in identity, when they have one. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
