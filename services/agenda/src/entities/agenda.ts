import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const AGENDA_ROLES = ['OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'OTHER'] as const;
export type AgendaRole = (typeof AGENDA_ROLES)[number];

/** The agenda of one professional (bedrijfsarts, casemanager, ...). */
@Entity({ name: 'agenda' })
export class AgendaEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The professional's name as patients see it on an invitation. */
  @Column('text')
  name: string;

  /** The professional's role: `OCCUPATIONAL_PHYSICIAN`, `CASE_MANAGER` or `OTHER`. */
  @Column('text')
  role: AgendaRole;

  /** The client employers this professional serves; planning and the employer's agenda view follow it. */
  @Column('uuid', { name: 'employer_ids', array: true })
  employerIds: string[];

  /** The professional's account in identity, when they have one. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
