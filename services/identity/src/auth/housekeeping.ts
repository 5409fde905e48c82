import type { DataSource } from 'typeorm';

/** How long ended sessions, used links and outbox messages are kept for support questions. */
const KEEP_DAYS = 30;

/**
 * Deletes what can no longer be used: expired sign-in challenges, sessions ended or expired a while
 * ago (their refresh tokens go with them), spent links and old dev-outbox messages. The access log
 * is not touched: it is append-only by law.
 */
export async function sweepExpired(dataSource: DataSource): Promise<void> {
  await dataSource.query(`DELETE FROM identity.login_challenges WHERE expires_at < now() - interval '1 day'`);
  await dataSource.query(
    `DELETE FROM identity.sessions
      WHERE coalesce(revoked_at, absolute_expires_at) < now() - make_interval(days => $1)`,
    [KEEP_DAYS],
  );
  await dataSource.query(
    `DELETE FROM identity.invitations i
      WHERE coalesce(i.used_at, i.revoked_at, i.expires_at) < now() - make_interval(days => $1)
        AND NOT EXISTS (SELECT 1 FROM identity.invitation_requests r WHERE r.invitation_id = i.id AND r.handled_at IS NULL)`,
    [KEEP_DAYS],
  );
  await dataSource.query(`DELETE FROM identity.outbox WHERE created_at < now() - make_interval(days => $1)`, [KEEP_DAYS]);
  await dataSource.query(`DELETE FROM identity.rate_limits WHERE expire < $1`, [Date.now()]);
}

/** Runs the sweep every quarter of an hour while the data source is open; never keeps the process alive. */
export function scheduleSweep(dataSource: DataSource, intervalMs = 15 * 60_000): NodeJS.Timeout {
  const timer = setInterval(() => {
    if (!dataSource.isInitialized) return;
    sweepExpired(dataSource).catch((error: unknown) => console.error('[identity] sweep failed', error));
  }, intervalMs);
  timer.unref();
  return timer;
}
