import { ActivityEntity } from './activity.js';
import { ActivityTypeEntity } from './activity-type.js';
import { ProtocolEntity, ProtocolRowEntity } from './protocol.js';
import { DigestRecipientEntity, DigestSentEntity, PersonPlacementEntity, SickCaseRefEntity } from './read-models.js';

export * from './activity.js';
export * from './activity-type.js';
export * from './protocol.js';
export * from './read-models.js';

export const ENTITIES = [
  ProtocolEntity,
  ProtocolRowEntity,
  ActivityTypeEntity,
  ActivityEntity,
  SickCaseRefEntity,
  PersonPlacementEntity,
  DigestRecipientEntity,
  DigestSentEntity,
];
