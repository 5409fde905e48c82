import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@poortwachter/kit';

/**
 * An account. The scope columns hold the organisational units a unit-scoped role works in; they
 * travel in the session token so every subgraph can authorize without asking identity.
 */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Compared case-sensitively, as the login is. */
  @Column('text')
  username: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { nullable: true })
  email: string | null;

  /** Argon2id PHC string; null while an invited account has not chosen a password yet. */
  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Column('text')
  role: Role;

  @Column('uuid', { name: 'person_id', nullable: true })
  personId: string | null;

  @Column('boolean', { default: false })
  blocked: boolean;

  /** Set with a provisional password: the next sign-in must choose an own password first. */
  @Column('boolean', { name: 'must_change_password', default: false })
  mustChangePassword: boolean;

  @Column('uuid', { name: 'employer_ids', array: true, default: () => "'{}'" })
  employerIds: string[];

  @Column('uuid', { name: 'division_ids', array: true, default: () => "'{}'" })
  divisionIds: string[];

  @Column('uuid', { name: 'department_ids', array: true, default: () => "'{}'" })
  departmentIds: string[];

  /** When the user first chose an own password (activation, or a provisional password replaced). */
  @Column('timestamptz', { name: 'activated_at', nullable: true })
  activatedAt: Date | null;

  @Column('timestamptz', { name: 'last_login_at', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
