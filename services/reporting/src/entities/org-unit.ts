import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which employer (and division) a division or department belongs to, learnt from events. Lets a
 * caller scoped to a department ask for "their" employer, and checks a unit argument against a
 * scope, without reporting reading dossier's tables.
 */
@Entity({ name: 'org_unit', schema: 'reporting' })
export class OrgUnitEntity {
  @PrimaryColumn('uuid', { name: 'unit_id' })
  unitId: string;

  @Column('text')
  kind: 'DIVISION' | 'DEPARTMENT';

  @Column('uuid', { name: 'employer_id' })
  employerId: string;

  /** The division of a department; null for a division. */
  @Column('uuid', { name: 'division_id', nullable: true })
  divisionId: string | null;

  @Column('timestamptz', { name: 'as_of', nullable: true })
  asOf: Date | null;

  @Column('bigint', { name: 'source_seq', nullable: true })
  sourceSeq: string | null;
}
