import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Read model of where a person works, filled from dossier's `person.changed` events. Agenda
 * needs it to decide who may see a person's appointments without reading dossier's tables.
 */
@Entity({ name: 'person_placement' })
export class PersonPlacementEntity {
  @PrimaryColumn('uuid', { name: 'person_id' })
  personId: string;

  @Column('uuid', { name: 'employer_id', nullable: true })
  employerId: string | null;

  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('boolean')
  active: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
