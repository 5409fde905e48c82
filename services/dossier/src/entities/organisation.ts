import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'employer' })
export class EmployerEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Whether a new employee (wizard or partner API) gets an invitation for the employee portal. */
  @Column('boolean', { name: 'invite_employees_on_creation', default: false })
  inviteEmployeesOnCreation: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'division' })
export class DivisionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'employer_id' })
  employerId: string;

  @Column('text')
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'department' })
export class DepartmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'division_id' })
  divisionId: string;

  /** Copied from the division (kept consistent by a composite foreign key) so scope checks need no join. */
  @Column('uuid', { name: 'employer_id' })
  employerId: string;

  @Column('text')
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
