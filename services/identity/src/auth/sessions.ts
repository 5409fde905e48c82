import { randomUUID } from 'node:crypto';
import { domainError } from '@poortwachter/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '../entities/index.js';
import type { IdentitySettings } from '../settings.js';
import { signAccessToken } from './access-token.js';
import { identityOf } from './identity-of.js';
import { reportRevokedUser } from './revocations.js';
import type { SigningKeys } from './signing-keys.js';
import { randomToken, tokenHash } from './tokens.js';

export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  /** When the refresh token stops working unless used: the idle timeout, capped by the absolute one. */
  refreshTokenExpiresAt: Date;
  user: UserEntity;
}

interface SessionRow {
  id: string;
  user_id: string;
  last_seen_at: Date;
  absolute_expires_at: Date;
  revoked_at: Date | null;
  used_at: Date | null;
}

const refused = {
  invalid: () => domainError('INVALID_REFRESH_TOKEN', 'The session is no longer valid. Sign in again.'),
  reused: () =>
    domainError('REFRESH_TOKEN_REUSED', 'This refresh token was already used; the session has been ended for safety. Sign in again.'),
  revoked: () => domainError('SESSION_REVOKED', 'The session has ended. Sign in again.'),
  expired: () => domainError('SESSION_EXPIRED', 'The session has expired. Sign in again.'),
};

/**
 * Sessions: a short-lived ES256 access token plus a refresh token kept (hashed) server-side. Each
 * refresh rotates the token; the session is the token family, so presenting a token that was
 * already rotated away (a stolen copy, or the thief's after the user refreshed) ends the family.
 */
export class Sessions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SigningKeys,
    private readonly settings: IdentitySettings,
  ) {}

  async issue(user: UserEntity, manager: EntityManager = this.dataSource.manager): Promise<IssuedSession> {
    const sessionId = randomUUID();
    const now = Date.now();
    const absolute = new Date(now + this.settings.absoluteTimeoutSeconds * 1000);
    await manager.query(
      `INSERT INTO identity.sessions (id, user_id, created_at, last_seen_at, absolute_expires_at) VALUES ($1, $2, $3, $3, $4)`,
      [sessionId, user.id, new Date(now), absolute],
    );
    await manager.query(`UPDATE identity.users SET last_login_at = $2 WHERE id = $1`, [user.id, new Date(now)]);
    return this.tokens(manager, user, sessionId, new Date(now), absolute);
  }

  private async tokens(manager: EntityManager, user: UserEntity, sessionId: string, now: Date, absolute: Date): Promise<IssuedSession> {
    const refreshToken = randomToken();
    await manager.query(`INSERT INTO identity.refresh_tokens (token_hash, session_id, created_at) VALUES ($1, $2, $3)`, [
      tokenHash(refreshToken),
      sessionId,
      now,
    ]);
    const accessTokenExpiresAt = new Date(Math.min(now.getTime() + this.settings.accessTokenTtlSeconds * 1000, absolute.getTime()));
    const accessToken = await signAccessToken({ ...identityOf(user), sessionId }, await this.keys.current(), accessTokenExpiresAt);
    const refreshTokenExpiresAt = new Date(Math.min(now.getTime() + this.settings.idleTimeoutSeconds * 1000, absolute.getTime()));
    return { sessionId, accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, user };
  }

  /** Rotates the refresh token. Reuse of a rotated token revokes the whole session (family). */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    if (refreshToken.length === 0 || refreshToken.length > 200) throw refused.invalid();
    const hash = tokenHash(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: SessionRow[] = await manager.query(
        `SELECT s.id, s.user_id, s.last_seen_at, s.absolute_expires_at, s.revoked_at, t.used_at
           FROM identity.refresh_tokens t JOIN identity.sessions s ON s.id = t.session_id
          WHERE t.token_hash = $1
          FOR UPDATE OF s, t`,
        [hash],
      );
      const row = rows[0];
      if (!row) return { error: refused.invalid() };
      if (row.revoked_at) return { error: refused.revoked() };
      if (row.used_at) {
        await this.revokeWith(manager, row.id, 'refresh-token-reuse');
        return { error: refused.reused() };
      }
      const now = new Date();
      const idleDeadline = row.last_seen_at.getTime() + this.settings.idleTimeoutSeconds * 1000;
      if (now.getTime() >= idleDeadline || now >= row.absolute_expires_at) {
        await this.revokeWith(manager, row.id, now >= row.absolute_expires_at ? 'absolute-timeout' : 'idle-timeout');
        return { error: refused.expired() };
      }
      const user = await manager.getRepository(UserEntity).findOneBy({ id: row.user_id });
      if (!user || user.blocked) {
        await this.revokeWith(manager, row.id, 'user-blocked');
        return { error: refused.revoked() };
      }
      await manager.query(`UPDATE identity.refresh_tokens SET used_at = $2 WHERE token_hash = $1`, [hash, now]);
      await manager.query(`UPDATE identity.sessions SET last_seen_at = $2 WHERE id = $1`, [row.id, now]);
      return { session: await this.tokens(manager, user, row.id, now, row.absolute_expires_at) };
    });
    // Thrown after the transaction so a revocation for reuse or timeout is committed, not rolled back.
    if ('error' in outcome) throw outcome.error;
    return outcome.session;
  }

  private async revokeWith(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    // A CTE so the driver answers with plain rows (an UPDATE answers [rows, count]).
    const ended: { user_id: string }[] = await manager.query(
      `WITH ended AS (
         UPDATE identity.sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING user_id
       ) SELECT user_id FROM ended`,
      [sessionId, reason],
    );
    for (const row of ended) reportRevokedUser(row.user_id);
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.revokeWith(this.dataSource.manager, sessionId, reason);
  }

  /** Logout by refresh token (what a browser holds in its cookie); unknown tokens are ignored. */
  async revokeByRefreshToken(refreshToken: string, reason: string): Promise<string | null> {
    const rows: { session_id: string }[] = await this.dataSource.query(
      `SELECT session_id FROM identity.refresh_tokens WHERE token_hash = $1`,
      [tokenHash(refreshToken)],
    );
    const sessionId = rows[0]?.session_id ?? null;
    if (sessionId) await this.revoke(sessionId, reason);
    return sessionId;
  }

  /** Password change, block, activation: every session of the user ends at once. */
  async revokeAllForUser(userId: string, reason: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE identity.sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
    reportRevokedUser(userId);
  }

  /** Whether a session is still usable; lets the gateway refuse access tokens of an ended session. */
  async isActive(sessionId: string): Promise<boolean> {
    const rows: { ok: boolean }[] = await this.dataSource.query(
      `SELECT (revoked_at IS NULL AND absolute_expires_at > now()) AS ok FROM identity.sessions WHERE id = $1`,
      [sessionId],
    );
    return rows[0]?.ok ?? false;
  }
}
