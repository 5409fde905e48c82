import { AbsenceFactEntity } from './absence-fact.js';
import { OrgUnitEntity } from './org-unit.js';

export * from './absence-fact.js';
export * from './org-unit.js';

export const ENTITIES = [AbsenceFactEntity, OrgUnitEntity];
