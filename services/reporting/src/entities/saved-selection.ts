import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A statistics request a user saved under a name (the wizard's step 4), to run again later. */
@Entity({ name: 'saved_selection', schema: 'reporting' })
export class SavedSelectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  name: string;

  /** The AbsenceStatisticsInput as given (dates as YYYY-MM-DD). */
  @Column('jsonb')
  input: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
