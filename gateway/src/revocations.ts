/** Identity's answer extension naming the users whose sessions the operation ended. */
export const REVOKED_USERS_EXTENSION = 'revokedUserIds';

/** Called with the users whose cached tokens must be checked with identity again. */
export type RevokedUsersListener = (userIds: string[]) => void;

const MAX_IDS = 1000;

/**
 * Takes identity's `revokedUserIds` out of a subgraph answer (it is for the gateway, not for
 * clients) and returns the ids; the answer object is changed in place.
 */
export function takeRevokedUsers(answer: unknown): string[] {
  if (typeof answer !== 'object' || answer === null) return [];
  const container = answer as { extensions?: unknown };
  const extensions = container.extensions;
  if (typeof extensions !== 'object' || extensions === null || !(REVOKED_USERS_EXTENSION in extensions)) return [];
  const record = extensions as Record<string, unknown>;
  const value = record[REVOKED_USERS_EXTENSION];
  delete record[REVOKED_USERS_EXTENSION];
  if (Object.keys(record).length === 0) delete container.extensions;
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_IDS).filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 128);
}
