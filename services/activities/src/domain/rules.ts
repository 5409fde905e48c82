import { domainError } from '@poortwachter/kit';
import type { ActivityRole } from './protocol.js';

/** Stable error codes of the activities API. Partners switch on them; never rename one. */
export const ActivityErrorCode = {
  ACTIVITY_NOT_FOUND: 'ACTIVITY_NOT_FOUND',
  ACTIVITY_ALREADY_CLOSED: 'ACTIVITY_ALREADY_CLOSED',
  PERSON_NOT_FOUND: 'PERSON_NOT_FOUND',
  SICK_CASE_NOT_FOUND: 'SICK_CASE_NOT_FOUND',
  UNKNOWN_ACTIVITY_TYPE: 'UNKNOWN_ACTIVITY_TYPE',
  INVALID_DEADLINE: 'INVALID_DEADLINE',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
} as const;
export type ActivityErrorCode = (typeof ActivityErrorCode)[keyof typeof ActivityErrorCode];

/** Partner software changes activities only with this OAuth scope. */
export const ACTIVITIES_WRITE_SCOPE = 'activities:write';

export const MAX_CONCLUSION_LENGTH = 2000;
export const MAX_REMARKS_LENGTH = 2000;
/** A deadline further away than this is a typo rather than a plan; the 104-week term ends well before. */
export const MAX_DEADLINE_DAYS_AHEAD = 800;

export const activityNotFound = (id: string) =>
  domainError(ActivityErrorCode.ACTIVITY_NOT_FOUND, `Activity ${id} does not exist or is not visible to you.`, { id });
export const personNotFound = (id: string) =>
  domainError(ActivityErrorCode.PERSON_NOT_FOUND, `Person ${id} does not exist or is not visible to you.`, { id });
export const sickCaseNotFound = (id: string) =>
  domainError(ActivityErrorCode.SICK_CASE_NOT_FOUND, `Sick case ${id} does not exist or does not belong to this person.`, {
    id,
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot exist, and must not reach Postgres as a cast error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Refuses text longer than `max` characters (code points, as a user counts them). */
export function checkLength(field: string, value: string | null | undefined, max: number): void {
  if (value !== null && value !== undefined && [...value].length > max) {
    throw domainError(ActivityErrorCode.TEXT_TOO_LONG, `${field} may be at most ${max} characters long.`, { field, max });
  }
}

/**
 * The activity role a caller works in when changing activities: partner software acts for the
 * employer. Null for the administrator (every role) — other roles may not change activities.
 */
export function writingRoleOf(role: string): ActivityRole | 'ALL' | null {
  switch (role) {
    case 'EMPLOYER':
    case 'API_CLIENT':
      return 'WG';
    case 'OCCUPATIONAL_PHYSICIAN':
      return 'BA';
    case 'CASE_MANAGER':
      return 'CM';
    case 'ADMIN':
      return 'ALL';
    default:
      return null;
  }
}
