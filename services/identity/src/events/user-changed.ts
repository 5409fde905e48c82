import type { EventBus } from '@poortwachter/kit';
import type { EntityManager } from 'typeorm';
import type { UserEntity } from '../entities/index.js';
import { settingsOf } from '../settings-store.js';

/**
 * The `user.changed` payload: activities' digest read model and dossier's author names. The display
 * name is what colleagues see on notes and documents; no e-mail, no phone.
 */
export interface UserChangedEvent {
  userId: string;
  displayName: string;
  role: string;
  personId: string | null;
  /** Not blocked and activated: the account can sign in and receive mail. */
  active: boolean;
  dailyDigest: boolean;
  scope: { employerIds: string[]; divisionIds: string[]; departmentIds: string[] };
}

export function userChangedPayload(user: UserEntity, dailyDigest: boolean): UserChangedEvent {
  return {
    userId: user.id,
    displayName: user.displayName,
    role: user.role,
    personId: user.personId,
    active: !user.blocked && user.activatedAt !== null,
    dailyDigest,
    scope: { employerIds: [...user.employerIds], divisionIds: [...user.divisionIds], departmentIds: [...user.departmentIds] },
  };
}

/**
 * Publishes `user.changed` inside the caller's transaction, so consumers hear of exactly the
 * changes that were committed. Without a bus (SDL printing) there is nothing to tell.
 */
export async function publishUserChanged(bus: EventBus | null, manager: EntityManager, user: UserEntity): Promise<void> {
  if (!bus) return;
  const settings = await settingsOf(manager, user.id);
  await bus.publish('user.changed', userChangedPayload(user, settings.dailyDigest), { manager });
}
