import { InvalidEventError, eventOptionalUuid, eventRecord, eventUuid, type ServiceDeps } from '@poortwachter/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, todayIn } from '../domain/dates.js';
import { REMINDER_VISIBLE_DAYS, type ActivityRole } from '../domain/protocol.js';
import { UNIT } from '../resolvers/activity-queries.js';

/** The digest looks this many days ahead for deadlines. */
export const DIGEST_DAYS_AHEAD = 7;
/** A mail lists at most this many activities per list; the totals say how many there are. */
export const MAX_DIGEST_ITEMS = 50;
/** 07:00 every day, in the business time zone. */
export const DIGEST_CRON = '0 7 * * *';

/** Which activities a user's digest is about: the employer's and the administrator's are WG's. */
export const DIGEST_ROLES: Readonly<Record<string, ActivityRole>> = {
  EMPLOYER: 'WG',
  OCCUPATIONAL_PHYSICIAN: 'BA',
  CASE_MANAGER: 'CM',
  ADMIN: 'WG',
};

export interface DigestItem {
  activityId: string;
  title: string;
  deadline: string;
  personId: string;
}

/** The `activity-digest.ready` payload (contract with identity, which mails it). */
export interface ActivityDigest {
  userId: string;
  date: string;
  overdue: DigestItem[];
  due: DigestItem[];
  overdueTotal: number;
  dueTotal: number;
}

export interface UserChangedEvent {
  userId: string;
  role: string;
  personId: string | null;
  active: boolean;
  dailyDigest: boolean;
  scope: { employerIds: string[]; divisionIds: string[]; departmentIds: string[] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidList(event: string, raw: Record<string, unknown>, field: string): string[] {
  const list: unknown = raw[field] ?? [];
  if (!Array.isArray(list) || !list.every((id): id is string => typeof id === 'string' && UUID.test(id))) {
    throw new InvalidEventError(`${event}: scope.${field} must be a list of UUIDs`);
  }
  return list.map((id) => id.toLowerCase());
}

export function parseUserChanged(payload: unknown): UserChangedEvent {
  const event = 'user.changed';
  const raw = eventRecord(event, payload);
  if (typeof raw.role !== 'string' || raw.role.length === 0) throw new InvalidEventError(`${event}: role must be a string`);
  for (const field of ['active', 'dailyDigest'] as const) {
    if (typeof raw[field] !== 'boolean') throw new InvalidEventError(`${event}: ${field} must be a boolean`);
  }
  const scope = raw.scope === undefined || raw.scope === null ? {} : eventRecord(event, raw.scope);
  return {
    userId: eventUuid(event, raw, 'userId'),
    role: raw.role,
    personId: eventOptionalUuid(event, raw, 'personId'),
    active: raw.active as boolean,
    dailyDigest: raw.dailyDigest as boolean,
    scope: {
      employerIds: uuidList(event, scope, 'employerIds'),
      divisionIds: uuidList(event, scope, 'divisionIds'),
      departmentIds: uuidList(event, scope, 'departmentIds'),
    },
  };
}

/** Keeps the recipient read model; the newest event wins, a redelivered one changes nothing. */
export async function handleUserChanged(dataSource: DataSource, event: UserChangedEvent): Promise<void> {
  await dataSource.query(
    `INSERT INTO activities.digest_recipient (user_id, role, person_id, active, daily_digest, employer_ids, division_ids, department_ids)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7::uuid[], $8::uuid[])
     ON CONFLICT (user_id) DO UPDATE
        SET role = EXCLUDED.role, person_id = EXCLUDED.person_id, active = EXCLUDED.active,
            daily_digest = EXCLUDED.daily_digest, employer_ids = EXCLUDED.employer_ids,
            division_ids = EXCLUDED.division_ids, department_ids = EXCLUDED.department_ids, updated_at = now()`,
    [
      event.userId,
      event.role,
      event.personId,
      event.active,
      event.dailyDigest,
      event.scope.employerIds,
      event.scope.divisionIds,
      event.scope.departmentIds,
    ],
  );
}

const ROLE_CASE = `CASE d.role ${Object.entries(DIGEST_ROLES)
  .map(([userRole, activityRole]) => `WHEN '${userRole}' THEN '${activityRole}'`)
  .join(' ')} END`;

/**
 * The digests of `date` for every active, opted-in recipient: their role's open activities in
 * their units whose deadline has passed (overdue) or falls within the next seven days (due).
 * Reminders count only while the action list still shows them. Recipients with nothing to report
 * get no digest. One statement for all recipients.
 */
export async function computeDigests(db: DataSource | EntityManager, date: string): Promise<ActivityDigest[]> {
  const rows = (await db.query(
    `SELECT d.user_id AS "userId", a.id AS "activityId", a.title, a.deadline::text AS deadline, a.person_id AS "personId"
       FROM activities.digest_recipient d
       JOIN activities.activity a ON a.status = 'OPEN' AND a.role = ${ROLE_CASE}
       LEFT JOIN activities.person_placement pp ON pp.person_id = a.person_id AND pp.employer_id IS NOT NULL
       LEFT JOIN activities.sick_case_ref r ON r.sick_case_id = a.sick_case_id
      WHERE d.active AND d.daily_digest
        AND a.deadline <= $1::date
        AND (a.kind <> 'REMINDER' OR a.signal_date >= $2::date)
        AND (d.role = 'ADMIN'
             OR ${UNIT.employer} = ANY(d.employer_ids)
             OR ${UNIT.division} = ANY(d.division_ids)
             OR ${UNIT.department} = ANY(d.department_ids))
      ORDER BY d.user_id, a.deadline, a.title, a.id`,
    [addDays(date, DIGEST_DAYS_AHEAD), addDays(date, 1 - REMINDER_VISIBLE_DAYS)],
  )) as (DigestItem & { userId: string })[];

  const digests = new Map<string, { overdue: DigestItem[]; due: DigestItem[] }>();
  for (const { userId, ...item } of rows) {
    const digest = digests.get(userId) ?? { overdue: [], due: [] };
    digests.set(userId, digest);
    (item.deadline < date ? digest.overdue : digest.due).push(item);
  }
  return [...digests].map(([userId, { overdue, due }]) => ({
    userId,
    date,
    overdue: overdue.slice(0, MAX_DIGEST_ITEMS),
    due: due.slice(0, MAX_DIGEST_ITEMS),
    overdueTotal: overdue.length,
    dueTotal: due.length,
  }));
}

/**
 * Publishes the day's digests. Each goes out in the transaction that records it in digest_sent,
 * so running the job twice on a day (a retry, a second instance) publishes nothing new.
 */
export async function runDailyDigest(deps: ServiceDeps, date: string = todayIn()): Promise<{ published: number; alreadySent: number }> {
  const digests = await computeDigests(deps.dataSource, date);
  let published = 0;
  for (const digest of digests) {
    const sent = await deps.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO activities.digest_sent (user_id, digest_date, overdue_count, due_count) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, digest_date) DO NOTHING RETURNING user_id`,
        [digest.userId, date, digest.overdueTotal, digest.dueTotal],
      )) as unknown[];
      if (inserted.length === 0) return false;
      await deps.bus?.publish('activity-digest.ready', digest, { manager });
      return true;
    });
    if (sent) published += 1;
  }
  return { published, alreadySent: digests.length - published };
}
