import { OrgUnitEntity } from './org-unit.js';
import { AbsenceSegmentEntity, EmploymentFactEntity, EventLogEntity, SickCaseFactEntity } from './read-model.js';
import { SavedSelectionEntity } from './saved-selection.js';

export * from './org-unit.js';
export * from './read-model.js';
export * from './saved-selection.js';

export const ENTITIES = [
  OrgUnitEntity,
  EventLogEntity,
  EmploymentFactEntity,
  SickCaseFactEntity,
  AbsenceSegmentEntity,
  SavedSelectionEntity,
];
