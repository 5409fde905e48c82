import { InvalidEventError, eventRecord, eventUuid, type EventBus, type ServiceDeps } from '@poortwachter/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { UserDirectoryEntity } from '../entities/index.js';

/** The part of identity's `user.changed` dossier keeps: who a user is shown as. */
export interface UserChangedFacts {
  userId: string;
  displayName: string;
  role: string;
}

const DISPLAY_NAME_MAX_LENGTH = 200;

/** Checks what dossier needs of the payload; other fields (scope, digest opt-in) are not its business. */
export function parseUserChanged(payload: unknown): UserChangedFacts {
  const event = 'user.changed';
  const raw = eventRecord(event, payload);
  if (typeof raw.role !== 'string' || raw.role.trim() === '') throw new InvalidEventError(`${event}: role must be a string`);
  const displayName = typeof raw.displayName === 'string' ? raw.displayName.trim() : '';
  if (displayName === '') throw new InvalidEventError(`${event}: displayName must be a non-empty string`);
  return {
    userId: eventUuid(event, raw, 'userId'),
    displayName: [...displayName].slice(0, DISPLAY_NAME_MAX_LENGTH).join(''),
    role: raw.role,
  };
}

/** Upsert on the user id: a redelivered event changes nothing, a rename replaces the name. */
export async function handleUserChanged(dataSource: DataSource, facts: UserChangedFacts): Promise<void> {
  await dataSource.query(
    `INSERT INTO dossier.user_directory (user_id, display_name, role)
     VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE
        SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, updated_at = now()
      WHERE (dossier.user_directory.display_name, dossier.user_directory.role) IS DISTINCT FROM (EXCLUDED.display_name, EXCLUDED.role)`,
    [facts.userId, facts.displayName, facts.role],
  );
}

/** The name identity gave this user, if dossier has heard of them. */
export async function directoryName(db: DataSource | EntityManager, userId: string | null | undefined): Promise<string | null> {
  if (!userId) return null;
  const row = await db.getRepository(UserDirectoryEntity).findOneBy({ userId: userId.toLowerCase() });
  return row?.displayName ?? null;
}

export async function subscribeHandlers(bus: EventBus, deps: ServiceDeps): Promise<void> {
  await bus.subscribe('user.changed', (payload) => handleUserChanged(deps.dataSource, parseUserChanged(payload)));
}
