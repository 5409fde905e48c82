import { randomUUID } from 'node:crypto';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { DEMO_PASSWORD, demoId, runService, type Identity, type RunningService } from '@poortwachter/kit';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTotpSecret, hashPassword, service, sweepExpired, verifyAccessToken, type JsonWebKeySet } from '../src/index.js';
import { gql } from './helpers.js';

const START = `mutation Start($username: String!, $password: String!, $trustToken: String) {
  startLogin(username: $username, password: $password, trustToken: $trustToken) {
    challengeId methods enrolmentRequired smsSentTo session { accessToken refreshToken user { username } }
  }
}`;
const SESSION_FIELDS = `accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt trustToken trustTokenExpiresAt user { id username role personId }`;
const BEGIN_TOTP = `mutation B($id: ID!) { beginTotpEnrolment(challengeId: $id) { secret otpauthUri qrCodeDataUrl } }`;
const BEGIN_SMS = `mutation B($id: ID!, $phone: String!) { beginSmsEnrolment(challengeId: $id, phoneNumber: $phone) { sentTo } }`;
const CONFIRM = `mutation C($id: ID!, $code: String!) { confirmTwoFactorEnrolment(challengeId: $id, code: $code) { recoveryCodes session { ${SESSION_FIELDS} } } }`;
const COMPLETE = `mutation C($id: ID!, $code: String, $recoveryCode: String) { completeLogin(challengeId: $id, code: $code, recoveryCode: $recoveryCode) { ${SESSION_FIELDS} } }`;
const REFRESH = `mutation R($token: String!) { refreshSession(refreshToken: $token) { ${SESSION_FIELDS} } }`;
const LOGOUT = `mutation L($token: String) { logout(refreshToken: $token) }`;
const JWKS = `{ jwks { keys { kty crv x y kid alg use } } }`;

interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  trustToken: string | null;
  user: { id: string; username: string; role: string; personId: string | null };
}
interface Challenge {
  challengeId: string;
  methods: string[];
  enrolmentRequired: boolean;
  smsSentTo: string | null;
  session: Session | null;
}

let db: DatabaseServer;
let running: RunningService;

beforeAll(async () => {
  process.env.SMS_MIN_INTERVAL_SECONDS = '1';
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
});

afterAll(async () => {
  delete process.env.SMS_MIN_INTERVAL_SECONDS;
  await running?.close();
  await db?.stop();
});

let passwordHash: string;

/** A fresh account without a second factor, as after activation. */
async function account(username: string, role = 'CASE_MANAGER', personId: string | null = null): Promise<string> {
  passwordHash ??= await hashPassword(DEMO_PASSWORD);
  await running.deps.dataSource.query(
    `INSERT INTO identity.users (id, username, display_name, role, person_id, password_hash) VALUES ($1, $2, $2, $3, $4, $5)`,
    [randomUUID(), username, role, personId, passwordHash],
  );
  return username;
}

const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

async function start(username: string, password = DEMO_PASSWORD, trustToken: string | null = null) {
  return gql<{ startLogin: Challenge }>(running.url, START, { username, password, trustToken });
}

function totpFor(secret: string, timestamp = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp });
}

/** Signs in a demo user for the first time with the authenticator app; returns the secret and the session. */
async function enrolTotp(username: string, timestamp = Date.now()): Promise<{ secret: string; session: Session; recoveryCodes: string[] }> {
  const challenge = (await start(username)).data!.startLogin;
  expect(challenge).toMatchObject({ enrolmentRequired: true, methods: ['TOTP', 'SMS'] });
  const enrolment = await gql<{ beginTotpEnrolment: { secret: string; otpauthUri: string; qrCodeDataUrl: string } }>(running.url, BEGIN_TOTP, {
    id: challenge.challengeId,
  });
  const { secret } = enrolment.data!.beginTotpEnrolment;
  const confirmed = await gql<{ confirmTwoFactorEnrolment: { recoveryCodes: string[]; session: Session } }>(running.url, CONFIRM, {
    id: challenge.challengeId,
    code: totpFor(secret, timestamp),
  });
  expect(confirmed.errors).toBeUndefined();
  return { secret, ...confirmed.data!.confirmTwoFactorEnrolment };
}

async function jwks(): Promise<JsonWebKeySet> {
  const result = await gql<{ jwks: JsonWebKeySet }>(running.url, JWKS);
  return { keys: result.data!.jwks.keys.map((key) => Object.fromEntries(Object.entries(key).filter(([, v]) => v !== null))) };
}

describe('password step', () => {
  it('is case-sensitive and answers wrong case, wrong password and unknown user identically', async () => {
    const results = [await start('Casemanager.demo'), await start('casemanager.demo', `${DEMO_PASSWORD}x`), await start('niemand.hier')];
    for (const result of results) {
      expect(result.data).toBeNull();
      expect(codeOf(result)).toBe('INVALID_CREDENTIALS');
      expect(result.errors![0]!.message).toBe(results[0]!.errors![0]!.message);
    }
    const ok = await start('casemanager.demo');
    expect(ok.errors).toBeUndefined();
    // Demo logins come with a known authenticator secret (printed by `npm start`).
    expect(ok.data!.startLogin).toMatchObject({ enrolmentRequired: false, methods: ['TOTP'], session: null });
    const done = await gql<{ completeLogin: Session }>(running.url, COMPLETE, {
      id: ok.data!.startLogin.challengeId,
      code: totpFor(demoTotpSecret('casemanager.demo')),
    });
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeLogin.user.username).toBe('casemanager.demo');
  });

  it('throttles brute force per account with growing locks, even for the right password, and for unknown names alike', async () => {
    await running.deps.dataSource.query(
      `INSERT INTO identity.users (id, username, display_name, role, password_hash) VALUES ($1, 'doelwit.test', 'Doelwit', 'CASE_MANAGER', $2)`,
      [randomUUID(), await hashPassword(DEMO_PASSWORD)],
    );
    for (const username of ['doelwit.test', 'bestaat.niet']) {
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) codes.push(codeOf(await start(username, `Fout-wachtwoord-${i}`))!);
      expect(codes).toEqual(Array(6).fill('INVALID_CREDENTIALS'));
      const locked = await start(username, DEMO_PASSWORD);
      expect(codeOf(locked)).toBe('TOO_MANY_ATTEMPTS');
      expect((locked.errors![0]!.extensions as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    }
    // Other accounts are not affected.
    expect((await start('werkgever.demo')).errors).toBeUndefined();
  });
});

describe('authenticator app (TOTP)', () => {
  it('enrols with QR code and secret, issues a verifiable ES256 session and ten recovery codes', async () => {
    await account('werknemer.test', 'EMPLOYEE', demoId('person', 50));
    const challenge = (await start('werknemer.test')).data!.startLogin;
    const enrolment = (
      await gql<{ beginTotpEnrolment: { secret: string; otpauthUri: string; qrCodeDataUrl: string } }>(running.url, BEGIN_TOTP, {
        id: challenge.challengeId,
      })
    ).data!.beginTotpEnrolment;
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.otpauthUri).toContain('issuer=Poortwachter');
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await gql(running.url, CONFIRM, { id: challenge.challengeId, code: '000000' === totpFor(enrolment.secret) ? '111111' : '000000' });
    expect(codeOf(wrong)).toBe('INVALID_CODE');
    const confirmed = await gql<{ confirmTwoFactorEnrolment: { recoveryCodes: string[]; session: Session } }>(running.url, CONFIRM, {
      id: challenge.challengeId,
      code: totpFor(enrolment.secret),
    });
    expect(confirmed.errors).toBeUndefined();
    const { recoveryCodes, session } = confirmed.data!.confirmTwoFactorEnrolment;
    expect(recoveryCodes).toHaveLength(10);
    // Secrets the service must read back are encrypted at rest; recovery codes are only hashed.
    const [stored] = await running.deps.dataSource.query(`SELECT totp_secret FROM identity.two_factor WHERE user_id = $1`, [session.user.id]);
    expect(stored.totp_secret).toMatch(/^v1:/);
    expect(stored.totp_secret).not.toContain(enrolment.secret);
    const keys = await running.deps.dataSource.query(`SELECT private_jwk::text AS jwk FROM identity.signing_keys`);
    expect(keys.every((row: { jwk: string }) => !row.jwk.includes('"d"'))).toBe(true);
    const codes = await running.deps.dataSource.query(`SELECT encode(code_hash, 'hex') AS h FROM identity.recovery_codes WHERE user_id = $1`, [
      session.user.id,
    ]);
    expect(codes).toHaveLength(10);
    expect(JSON.stringify(codes)).not.toContain(recoveryCodes[0]!.replace(/-/g, ''));
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(session.user).toMatchObject({ username: 'werknemer.test', role: 'EMPLOYEE', personId: demoId('person', 50) });
    expect(session.trustToken).toBeNull();

    const identity = await verifyAccessToken(session.accessToken, await jwks());
    expect(identity).toMatchObject({ sub: session.user.id, role: 'EMPLOYEE', personId: demoId('person', 50) });
    expect(identity.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const header = JSON.parse(Buffer.from(session.accessToken.split('.')[0]!, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect((await jwks()).keys.map((key) => key.kid)).toContain(header.kid);
    // Enrolment is a one-time step of this challenge.
    expect(codeOf(await gql(running.url, BEGIN_TOTP, { id: challenge.challengeId }))).toBe('LOGIN_CHALLENGE_INVALID');
  });

  it('refuses a replayed TOTP code, accepts the next time step, and each recovery code once', async () => {
    const now = Date.now();
    const { secret } = await enrolTotp(await account('planner.test', 'PLANNER'), now);
    const second = (await start('planner.test')).data!.startLogin;
    expect(second).toMatchObject({ enrolmentRequired: false, methods: ['TOTP'] });
    // The code used at enrolment, again: a replay.
    const replay = await gql(running.url, COMPLETE, { id: second.challengeId, code: totpFor(secret, now) });
    expect(codeOf(replay)).toBe('INVALID_CODE');
    const next = await gql<{ completeLogin: Session }>(running.url, COMPLETE, { id: second.challengeId, code: totpFor(secret, now + 30_000) });
    expect(next.errors).toBeUndefined();
    expect(next.data!.completeLogin.user.username).toBe('planner.test');
    // The same code in a new challenge: refused as well.
    const third = (await start('planner.test')).data!.startLogin;
    expect(codeOf(await gql(running.url, COMPLETE, { id: third.challengeId, code: totpFor(secret, now + 30_000) }))).toBe('INVALID_CODE');
  });

  it('accepts each recovery code once', async () => {
    const { recoveryCodes } = await enrolTotp(await account('arts.test', 'OCCUPATIONAL_PHYSICIAN'));
    const first = (await start('arts.test')).data!.startLogin;
    const used = await gql<{ completeLogin: Session }>(running.url, COMPLETE, { id: first.challengeId, recoveryCode: recoveryCodes[3]!.toUpperCase() });
    expect(used.errors).toBeUndefined();
    const again = (await start('arts.test')).data!.startLogin;
    expect(codeOf(await gql(running.url, COMPLETE, { id: again.challengeId, recoveryCode: recoveryCodes[3] }))).toBe('INVALID_CODE');
  });

  it('ends a challenge after five wrong codes', async () => {
    const { secret } = await enrolTotp(await account('teamleider.test'));
    const challenge = (await start('teamleider.test')).data!.startLogin;
    const right = totpFor(secret, Date.now() + 30_000);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect(codeOf(await gql(running.url, COMPLETE, { id: challenge.challengeId, code: wrong }))).toBe('INVALID_CODE');
    expect(codeOf(await gql(running.url, COMPLETE, { id: challenge.challengeId, code: right }))).toBe('LOGIN_CHALLENGE_INVALID');
  });
});

describe('SMS', () => {
  it('enrols a Dutch mobile number typed without +31, sends the code to the outbox and trusts the browser for 24 hours', async () => {
    const challenge = (await start(await account('sms.test', 'ADMIN'))).data!.startLogin;
    expect(codeOf(await gql(running.url, BEGIN_SMS, { id: challenge.challengeId, phone: '0201234567' }))).toBe('INVALID_PHONE_NUMBER');
    const sent = await gql<{ beginSmsEnrolment: { sentTo: string } }>(running.url, BEGIN_SMS, { id: challenge.challengeId, phone: '06 12345678' });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.beginSmsEnrolment.sentTo).toBe('+31 6 •••• 5678');
    const outbox = await gql<{ devOutbox: { kind: string; to: string; text: string; purpose: string }[] }>(
      running.url,
      `query O($to: String) { devOutbox(limit: 5, to: $to) { kind to text purpose } }`,
      { to: '+31612345678' },
    );
    const sms = outbox.data!.devOutbox[0]!;
    expect(sms).toMatchObject({ kind: 'SMS', to: '+31612345678', purpose: 'login-code' });
    const code = /(\d{6})/.exec(sms.text)![1]!;
    // Switching to another number while its send is refused (too soon) must not let the first code confirm it.
    const switched = await gql(running.url, BEGIN_SMS, { id: challenge.challengeId, phone: '0687654321' });
    expect(codeOf(switched)).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await gql(running.url, CONFIRM, { id: challenge.challengeId, code }))).toBe('INVALID_CODE');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await gql(running.url, BEGIN_SMS, { id: challenge.challengeId, phone: '06 12345678' })).errors).toBeUndefined();
    const resent = await gql<{ devOutbox: { text: string }[] }>(running.url, `query O($to: String) { devOutbox(limit: 1, to: $to) { text } }`, {
      to: '+31612345678',
    });
    const latestCode = /(\d{6})/.exec(resent.data!.devOutbox[0]!.text)![1]!;
    const confirmed = await gql<{ confirmTwoFactorEnrolment: { recoveryCodes: string[]; session: Session } }>(running.url, CONFIRM, {
      id: challenge.challengeId,
      code: latestCode,
    });
    expect(confirmed.errors).toBeUndefined();
    const { trustToken } = confirmed.data!.confirmTwoFactorEnrolment.session;
    expect(trustToken).toBeTruthy();

    // The trusted browser skips the SMS step; without the token (or with a forged one) a code is needed.
    const trusted = await start('sms.test', DEMO_PASSWORD, trustToken);
    expect(trusted.data!.startLogin.session?.user.username).toBe('sms.test');
    const forged = await start('sms.test', DEMO_PASSWORD, `${trustToken!.slice(0, -4)}AAAA`);
    expect(forged.data!.startLogin).toMatchObject({ session: null, methods: ['SMS'] });
    // A trust token is not an access token.
    await expect(verifyAccessToken(trustToken!, await jwks())).rejects.toThrow();
  });
});

describe('sessions', () => {
  it('rotates refresh tokens; reusing an old one revokes the whole family', async () => {
    const { session } = await enrolTotp(await account('hr.test', 'EMPLOYER'));
    const rotated = await gql<{ refreshSession: Session }>(running.url, REFRESH, { token: session.refreshToken });
    expect(rotated.errors).toBeUndefined();
    const fresh = rotated.data!.refreshSession;
    expect(fresh.refreshToken).not.toBe(session.refreshToken);
    const identity = await verifyAccessToken(fresh.accessToken, await jwks());
    expect(identity.sessionId).toBe((await verifyAccessToken(session.accessToken, await jwks())).sessionId);

    // Attack: the stolen, already rotated token is presented.
    expect(codeOf(await gql(running.url, REFRESH, { token: session.refreshToken }))).toBe('REFRESH_TOKEN_REUSED');
    // The legitimate holder's newer token is now refused too: the family is revoked.
    expect(codeOf(await gql(running.url, REFRESH, { token: fresh.refreshToken }))).toBe('SESSION_REVOKED');
    expect(codeOf(await gql(running.url, REFRESH, { token: 'onzin' }))).toBe('INVALID_REFRESH_TOKEN');
  });

  it('refuses the refresh token of a logged-out session, also when logged out by access token', async () => {
    const { secret, session } = await enrolTotp(await account('hr2.test', 'EMPLOYER'));
    const mine = await verifyAccessToken(session.accessToken, await jwks());
    expect((await gql<{ sessionActive: boolean }>(running.url, `{ sessionActive }`, {}, mine)).data!.sessionActive).toBe(true);
    const out = await gql<{ logout: boolean }>(running.url, LOGOUT, { token: session.refreshToken });
    // The gateway's revocation check now refuses the access token of the ended session.
    expect((await gql<{ sessionActive: boolean }>(running.url, `{ sessionActive }`, {}, mine)).data!.sessionActive).toBe(false);
    expect(out.data!.logout).toBe(true);
    expect(codeOf(await gql(running.url, REFRESH, { token: session.refreshToken }))).toBe('SESSION_REVOKED');

    const challenge = (await start('hr2.test')).data!.startLogin;
    const second = (await gql<{ completeLogin: Session }>(running.url, COMPLETE, { id: challenge.challengeId, code: totpFor(secret, Date.now() + 30_000) }))
      .data!.completeLogin;
    const identity: Identity = await verifyAccessToken(second.accessToken, await jwks());
    expect((await gql<{ logout: boolean }>(running.url, LOGOUT, {}, identity)).data!.logout).toBe(true);
    expect(codeOf(await gql(running.url, REFRESH, { token: second.refreshToken }))).toBe('SESSION_REVOKED');
  });

  it('expires after 30 idle minutes and after 12 hours in total', async () => {
    const { session } = await enrolTotp(await account('cm.test'));
    const { sessionId } = await verifyAccessToken(session.accessToken, await jwks());
    const idleMs = new Date(session.refreshTokenExpiresAt).getTime() - Date.now();
    expect(idleMs).toBeGreaterThan(29 * 60_000);
    expect(idleMs).toBeLessThanOrEqual(30 * 60_000);
    await running.deps.dataSource.query(`UPDATE identity.sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`, [sessionId]);
    expect(codeOf(await gql(running.url, REFRESH, { token: session.refreshToken }))).toBe('SESSION_EXPIRED');

    const challenge = (await start('cm.test')).data!.startLogin;
    expect(challenge.enrolmentRequired).toBe(false);
    const [row] = await running.deps.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM absolute_expires_at - created_at) AS seconds FROM identity.sessions WHERE id = $1`,
      [sessionId],
    );
    expect(Number(row.seconds)).toBe(12 * 3600);

    // Housekeeping removes long-ended sessions with their refresh tokens, and nothing still usable.
    await running.deps.dataSource.query(`UPDATE identity.sessions SET revoked_at = now() - interval '31 days' WHERE id = $1`, [sessionId]);
    await sweepExpired(running.deps.dataSource);
    expect(await running.deps.dataSource.query(`SELECT id FROM identity.sessions WHERE id = $1`, [sessionId])).toHaveLength(0);
    expect(await running.deps.dataSource.query(`SELECT 1 FROM identity.refresh_tokens WHERE session_id = $1`, [sessionId])).toHaveLength(0);
    expect(await running.deps.dataSource.query(`SELECT 1 FROM identity.two_factor`)).not.toHaveLength(0);
  });
});
