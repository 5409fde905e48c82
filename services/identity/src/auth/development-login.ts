import { issueSessionToken, secret, type Identity } from '@poortwachter/kit';
import type { DataSource } from 'typeorm';
import { AccessLogEntryEntity, UserEntity } from '../entities/index.js';
import { burnVerification, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';

/**
 * DEVELOPMENT LOGIN — the temporary username + password login until issue #4 adds invitations,
 * the mandatory second factor (TOTP/SMS), throttling and refreshable sessions. It issues the
 * kit's HS256 access token directly; issue #4 replaces this module, not its callers' contract.
 */
export const SESSION_TTL_SECONDS = 8 * 3600;

export type LoginOutcome =
  | { ok: true; user: UserEntity; accessToken: string; expiresAt: Date }
  | { ok: false; reason: 'unknown-user' | 'wrong-password' | 'blocked' | 'no-password' };

export function identityOf(user: UserEntity): Identity {
  const identity: Identity = {
    sub: user.id,
    role: user.role,
    scope: { employerIds: user.employerIds, divisionIds: user.divisionIds, departmentIds: user.departmentIds },
  };
  if (user.personId) identity.personId = user.personId;
  return identity;
}

export async function developmentLogin(dataSource: DataSource, username: string, password: string): Promise<LoginOutcome> {
  const user =
    username.length > 0 && username.length <= 200
      ? // `=` on text is case-sensitive in Postgres: "Werknemer.demo" is not "werknemer.demo".
        await dataSource.getRepository(UserEntity).findOneBy({ username })
      : null;
  const tooLong = password.length > MAX_PASSWORD_LENGTH;

  let outcome: LoginOutcome;
  if (!user) {
    if (!tooLong) await burnVerification(password);
    outcome = { ok: false, reason: 'unknown-user' };
  } else if (!user.passwordHash) {
    if (!tooLong) await burnVerification(password);
    outcome = { ok: false, reason: 'no-password' };
  } else if (tooLong || !(await verifyPassword(user.passwordHash, password))) {
    outcome = { ok: false, reason: 'wrong-password' };
  } else if (user.blocked) {
    // Checked after the password so a blocked account cannot be probed without knowing it.
    outcome = { ok: false, reason: 'blocked' };
  } else {
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + SESSION_TTL_SECONDS) * 1000);
    const accessToken = await issueSessionToken(identityOf(user), secret('SESSION_SIGNING_SECRET'), SESSION_TTL_SECONDS);
    outcome = { ok: true, user, accessToken, expiresAt };
  }

  await dataSource.getRepository(AccessLogEntryEntity).insert({
    at: new Date(),
    event: outcome.ok ? 'login.success' : 'login.failure',
    outcome: outcome.ok ? 'success' : 'failure',
    userId: user?.id ?? null,
    role: user?.role ?? null,
    onBehalfOf: null,
    purpose: 'authentication',
    accessPoint: 'identity:login',
    personId: null,
    source: 'identity',
    sourceKey: null,
  });
  return outcome;
}
