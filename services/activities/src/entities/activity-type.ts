import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActivityKind, ActivityRole } from '../domain/protocol.js';

export const ACTIVITY_TYPE_CATEGORIES = ['WG_ACTION', 'WG_REMINDER', 'WG_REQUEST'] as const;
export type ActivityTypeCategory = (typeof ACTIVITY_TYPE_CATEGORIES)[number];

/**
 * The catalogue of activity types (manual, Bijlage I): actions the protocol puts on the action
 * list, reminders that let the employer ask for support, and requests an employer can make from a
 * person's dossier outside any trajectory.
 */
@Entity({ name: 'activity_type', schema: 'activities' })
export class ActivityTypeEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  category: ActivityTypeCategory;

  @Column('text')
  title: string;

  @Column('text')
  role: ActivityRole;

  @Column('text')
  kind: ActivityKind;

  /** The number the catalogue shows ("14. WG – Importeren document"); unique. */
  @Column('int')
  position: number;

  /** Activities of this type record a document of the dossier (the import of an own document). */
  @Column('boolean', { name: 'links_document', default: false })
  linksDocument: boolean;
}
