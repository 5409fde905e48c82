import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const HR_NOTE_FOLDERS = ['EMPLOYEE_EMPLOYER_MEETING', 'ABSENCE_MEETING', 'MANAGEMENT_MEETING', 'BACKGROUND'] as const;
export type HrNoteFolder = (typeof HR_NOTE_FOLDERS)[number];

/**
 * A note in the employer's P&O dossier of a person. It belongs to the unit of the employment it was
 * written under, so another employer of the same person never sees it. Never medical: the folders
 * are the employer's own and the form says so.
 */
@Entity({ name: 'hr_note' })
export class HrNoteEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'employer_id' })
  employerId: string;

  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('text')
  folder: HrNoteFolder;

  @Column('text')
  title: string;

  @Column('text')
  text: string;

  @Column('text', { name: 'author_user_id', nullable: true })
  authorUserId: string | null;

  @Column('text', { name: 'author_name' })
  authorName: string;

  @Column('text', { name: 'updated_by_name', nullable: true })
  updatedByName: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
