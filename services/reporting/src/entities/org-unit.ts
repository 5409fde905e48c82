import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which employer a division or department belongs to, learnt from events. Lets a caller scoped to
 * a department ask for "their" employer without reporting reading dossier's tables.
 */
@Entity({ name: 'org_unit', schema: 'reporting' })
export class OrgUnitEntity {
  @PrimaryColumn('uuid', { name: 'unit_id' })
  unitId: string;

  @Column('text')
  kind: 'DIVISION' | 'DEPARTMENT';

  @Column('uuid', { name: 'employer_id' })
  employerId: string;
}
