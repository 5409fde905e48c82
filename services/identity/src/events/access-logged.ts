import type { AccessLogEntry as LoggedAccess } from '@poortwachter/kit';
import type { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OUTCOMES = new Set(['success', 'denied', 'failure']);

export class MalformedAccessLogEntry extends Error {}

function optionalUuid(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && UUID.test(value)) return value;
  throw new MalformedAccessLogEntry(`${field} is not a UUID`);
}

function requiredText(value: unknown, field: string): string {
  if (typeof value === 'string' && value.length > 0 && value.length <= 500) return value;
  throw new MalformedAccessLogEntry(`${field} is missing or too long`);
}

function row(entry: Partial<LoggedAccess>, sourceKey: string) {
  const at = new Date(requiredText(entry.at, 'at'));
  if (Number.isNaN(at.getTime())) throw new MalformedAccessLogEntry('at is not a timestamp');
  if (!OUTCOMES.has(entry.outcome as string)) throw new MalformedAccessLogEntry('outcome is invalid');
  return {
    source_key: sourceKey,
    at: at.toISOString(),
    event: requiredText(entry.event, 'event'),
    outcome: entry.outcome,
    user_id: optionalUuid(entry.userId, 'userId'),
    role: entry.role ?? null,
    on_behalf_of: entry.onBehalfOf ?? null,
    purpose: requiredText(entry.purpose, 'purpose'),
    access_point: requiredText(entry.accessPoint, 'accessPoint'),
    person_id: optionalUuid(entry.personId, 'personId'),
    source: requiredText(entry.source, 'source'),
  };
}

/**
 * Stores the lines of one `access.logged` job (one line, or an array of lines) in a single
 * statement. The unique `<job id>:<index>` key makes a redelivered job a no-op, so pg-boss's
 * at-least-once delivery never doubles a line.
 */
export async function storeAccessLogEntries(
  dataSource: DataSource,
  payload: Partial<LoggedAccess> | Partial<LoggedAccess>[],
  meta: { jobId: string },
): Promise<number> {
  const entries = Array.isArray(payload) ? payload : [payload];
  return insertRows(dataSource, entries.map((entry, index) => row(entry, `${meta.jobId}:${index}`)));
}

/**
 * Stores a whole batch of jobs in one statement. A malformed job is reported and skipped rather
 * than failing the batch, so one bad line never holds back everybody else's audit trail.
 */
export async function storeAccessLogJobs(
  dataSource: DataSource,
  jobs: { jobId: string; payload: Partial<LoggedAccess> | Partial<LoggedAccess>[] }[],
): Promise<number> {
  const rows: ReturnType<typeof row>[] = [];
  for (const job of jobs) {
    const entries = Array.isArray(job.payload) ? job.payload : [job.payload];
    try {
      rows.push(...entries.map((entry, index) => row(entry, `${job.jobId}:${index}`)));
    } catch (error) {
      if (!(error instanceof MalformedAccessLogEntry)) throw error;
      console.error(`[identity] skipped malformed access-log job ${job.jobId}: ${error.message}`);
    }
  }
  return insertRows(dataSource, rows);
}

async function insertRows(dataSource: DataSource, rows: ReturnType<typeof row>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted: unknown[] = await dataSource.query(
    `INSERT INTO identity.access_log_entry
       (source_key, at, event, outcome, user_id, role, on_behalf_of, purpose, access_point, person_id, source)
     SELECT r.source_key, r.at, r.event, r.outcome, r.user_id, r.role, r.on_behalf_of, r.purpose, r.access_point, r.person_id, r.source
       FROM jsonb_to_recordset($1::jsonb) AS r(
         source_key text, at timestamptz, event text, outcome text, user_id uuid, role text,
         on_behalf_of text, purpose text, access_point text, person_id uuid, source text)
     ON CONFLICT (source_key) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}
