import { AccessLogEntryEntity } from './access-log-entry.js';
import { UserEntity } from './user.js';

export { AccessLogEntryEntity, UserEntity };
export const ENTITIES = [UserEntity, AccessLogEntryEntity];
