import { AccessLogEntryEntity } from './access-log-entry.js';
import { InvitationEntity } from './invitation.js';
import { OutboxMessageEntity } from './outbox-message.js';
import { UserEntity } from './user.js';

export { AccessLogEntryEntity, InvitationEntity, OutboxMessageEntity, UserEntity };
export const ENTITIES = [UserEntity, AccessLogEntryEntity, InvitationEntity, OutboxMessageEntity];
