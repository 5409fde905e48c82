import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { DEMO_PASSWORD, demoId, runService, type Identity, type RunningService } from '@poortwachter/kit';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTotpSecret, service } from '../src/index.js';
import { gql } from './helpers.js';

const admin: Identity = { sub: demoId('user', 8), role: 'ADMIN' };
const START = `mutation S($u: String!, $p: String!) { startLogin(username: $u, password: $p) { challengeId methods enrolmentRequired passwordChangeRequired } }`;
const COMPLETE = `mutation C($id: ID!, $code: String) { completeLogin(challengeId: $id, code: $code) { refreshToken user { id username } } }`;
const REFRESH = `mutation R($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }`;
const RESET_REQUEST = `mutation R($u: String!) { requestPasswordReset(username: $u) }`;
const RESET_STATUS = `query S($t: String!) { passwordResetStatus(token: $t) }`;
const RESET = `mutation R($input: ResetPasswordInput!) { resetPassword(input: $input) { username role } }`;
const CHOOSE = `mutation C($id: ID!, $p: String!, $r: String!) { chooseOwnPassword(challengeId: $id, password: $p, passwordRepeat: $r) { challengeId methods passwordChangeRequired } }`;

interface Challenge {
  challengeId: string;
  methods: string[];
  enrolmentRequired: boolean;
  passwordChangeRequired: boolean;
}

let db: DatabaseServer;
let running: RunningService;

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
});

afterAll(async () => {
  await running?.close();
  await db?.stop();
});

const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
const totp = (username: string, timestamp = Date.now()) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demoTotpSecret(username)), digits: 6, period: 30 }).generate({ timestamp });
const start = (u: string, p = DEMO_PASSWORD) => gql<{ startLogin: Challenge }>(running.url, START, { u, p });

/** A full demo sign-in with the demo authenticator secret; `step` picks a later time step for a second login. */
async function signIn(username: string, password = DEMO_PASSWORD, step = 0) {
  const challenge = (await start(username, password)).data!.startLogin;
  const result = await gql<{ completeLogin: { refreshToken: string; user: { id: string } } }>(running.url, COMPLETE, {
    id: challenge.challengeId,
    code: totp(username, Date.now() + step * 30_000),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.completeLogin;
}

async function latestMail(to: string, purpose: string) {
  const result = await gql<{ devOutbox: { text: string; purpose: string }[] }>(
    running.url,
    `query O($to: String) { devOutbox(limit: 10, to: $to) { text purpose } }`,
    { to },
  );
  return result.data!.devOutbox.find((mail) => mail.purpose === purpose) ?? null;
}

describe('forgot password', () => {
  it('mails a single-use link; the new password works, the old one and all sessions end', async () => {
    const before = await signIn('werkgever.demo');
    expect((await gql<{ requestPasswordReset: boolean }>(running.url, RESET_REQUEST, { u: 'werkgever.demo' })).data!.requestPasswordReset).toBe(true);
    const mail = await latestMail('werkgever.demo@poortwachter.example', 'password-reset');
    expect(mail!.text).toContain('werkgever.demo');
    const link = /(http\S+\/wachtwoord-herstellen\?token=\S+)/.exec(mail!.text)![1]!;
    expect(link.startsWith('http://localhost:3001/')).toBe(true);
    const token = decodeURIComponent(new URL(link).searchParams.get('token')!);
    expect((await gql<{ passwordResetStatus: string }>(running.url, RESET_STATUS, { t: token })).data!.passwordResetStatus).toBe('VALID');
    // A reset token is not an activation token.
    expect((await gql<{ invitationStatus: string }>(running.url, `query S($t: String!) { invitationStatus(token: $t) }`, { t: token })).data!.invitationStatus).toBe(
      'UNKNOWN',
    );

    expect(codeOf(await gql(running.url, RESET, { input: { token, password: 'Password1234', passwordRepeat: 'Password1234' } }))).toBe('PASSWORD_TOO_COMMON');
    const fresh = 'Herfstblad-Molen-88';
    const done = await gql<{ resetPassword: { username: string } }>(running.url, RESET, { input: { token, password: fresh, passwordRepeat: fresh } });
    expect(done.errors).toBeUndefined();
    expect(done.data!.resetPassword.username).toBe('werkgever.demo');

    expect(codeOf(await gql(running.url, REFRESH, { t: before.refreshToken }))).toBe('SESSION_REVOKED');
    expect(codeOf(await start('werkgever.demo'))).toBe('INVALID_CREDENTIALS');
    await signIn('werkgever.demo', fresh, 1);
    expect(codeOf(await gql(running.url, RESET, { input: { token, password: 'Ander-Wachtwoord-99', passwordRepeat: 'Ander-Wachtwoord-99' } }))).toBe(
      'RESET_LINK_USED',
    );
  });

  it('answers the same for an unknown username and sends nothing', async () => {
    const before = await gql<{ devOutbox: unknown[] }>(running.url, `{ devOutbox(limit: 500) { id } }`);
    expect((await gql<{ requestPasswordReset: boolean }>(running.url, RESET_REQUEST, { u: 'Werkgever.demo' })).data!.requestPasswordReset).toBe(true);
    const after = await gql<{ devOutbox: unknown[] }>(running.url, `{ devOutbox(limit: 500) { id } }`);
    expect(after.data!.devOutbox).toHaveLength(before.data!.devOutbox.length);
  });
});

describe('administrator', () => {
  it('blocking ends every session at once and refuses sign-in', async () => {
    const session = await signIn('teamleider.demo');
    const forbidden = await gql(running.url, `mutation B($id: ID!) { setUserBlocked(userId: $id, blocked: true) { id } }`, { id: session.user.id }, {
      sub: demoId('user', 2),
      role: 'EMPLOYER',
    });
    expect(codeOf(forbidden)).toBe('FORBIDDEN');
    const blocked = await gql(running.url, `mutation B($id: ID!) { setUserBlocked(userId: $id, blocked: true) { id } }`, { id: session.user.id }, admin);
    expect(blocked.errors).toBeUndefined();
    expect(codeOf(await gql(running.url, REFRESH, { t: session.refreshToken }))).toBe('SESSION_REVOKED');
    expect(codeOf(await start('teamleider.demo'))).toBe('INVALID_CREDENTIALS');
  });

  it('a provisional password must be replaced, under the same rules, before the second factor', async () => {
    const userId = demoId('user', 4); // werkgever2.demo
    const set = await gql<{ setProvisionalPassword: { provisionalPassword: string } }>(
      running.url,
      `mutation P($id: ID!) { setProvisionalPassword(userId: $id) { provisionalPassword user { username } } }`,
      { id: userId },
      admin,
    );
    expect(set.errors).toBeUndefined();
    const provisional = set.data!.setProvisionalPassword.provisionalPassword;
    expect(provisional).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    expect(codeOf(await start('werkgever2.demo'))).toBe('INVALID_CREDENTIALS');

    const challenge = (await start('werkgever2.demo', provisional)).data!.startLogin;
    expect(challenge.passwordChangeRequired).toBe(true);
    expect(codeOf(await gql(running.url, COMPLETE, { id: challenge.challengeId, code: totp('werkgever2.demo') }))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(codeOf(await gql(running.url, CHOOSE, { id: challenge.challengeId, p: provisional, r: provisional }))).toBe('PASSWORD_REUSED');
    expect(codeOf(await gql(running.url, CHOOSE, { id: challenge.challengeId, p: 'kort', r: 'kort' }))).toBe('PASSWORD_TOO_SHORT');
    const own = 'Wintertuin-Brug-31';
    const chosen = await gql<{ chooseOwnPassword: Challenge }>(running.url, CHOOSE, { id: challenge.challengeId, p: own, r: own });
    expect(chosen.errors).toBeUndefined();
    expect(chosen.data!.chooseOwnPassword).toMatchObject({ passwordChangeRequired: false, methods: ['TOTP'] });
    const done = await gql<{ completeLogin: { user: { username: string } } }>(running.url, COMPLETE, {
      id: challenge.challengeId,
      code: totp('werkgever2.demo'),
    });
    expect(done.errors).toBeUndefined();
    expect(codeOf(await start('werkgever2.demo', provisional))).toBe('INVALID_CREDENTIALS');
  });

  it('resetting the second factor makes the next sign-in enrol again', async () => {
    const reset = await gql(running.url, `mutation R($id: ID!) { resetTwoFactor(userId: $id) { username } }`, { id: demoId('user', 7) }, admin);
    expect(reset.errors).toBeUndefined();
    expect((await start('planner.demo')).data!.startLogin).toMatchObject({ enrolmentRequired: true, methods: ['TOTP', 'SMS'] });
  });
});

describe('change password', () => {
  it('needs the current password and ends every session', async () => {
    const session = await signIn('casemanager.demo');
    const me: Identity = { sub: session.user.id, role: 'CASE_MANAGER' };
    const CHANGE = `mutation C($input: ChangePasswordInput!) { changePassword(input: $input) }`;
    expect(codeOf(await gql(running.url, CHANGE, { input: { currentPassword: 'fout', password: 'Lentewind-Dijk-64', passwordRepeat: 'Lentewind-Dijk-64' } }, me))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(codeOf(await gql(running.url, CHANGE, { input: { currentPassword: DEMO_PASSWORD, password: 'Lentewind-Dijk-64', passwordRepeat: 'x' } }, me))).toBe(
      'PASSWORD_MISMATCH',
    );
    const changed = await gql<{ changePassword: boolean }>(
      running.url,
      CHANGE,
      { input: { currentPassword: DEMO_PASSWORD, password: 'Lentewind-Dijk-64', passwordRepeat: 'Lentewind-Dijk-64' } },
      me,
    );
    expect(changed.data!.changePassword).toBe(true);
    expect(codeOf(await gql(running.url, REFRESH, { t: session.refreshToken }))).toBe('SESSION_REVOKED');
    expect(codeOf(await gql(running.url, CHANGE, { input: { currentPassword: DEMO_PASSWORD, password: 'A', passwordRepeat: 'A' } }, null))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('changing the second factor', () => {
  it('needs the password and the current factor; the new phone replaces the app and other sessions end', async () => {
    const session = await signIn('bedrijfsarts.demo');
    const me: Identity = { sub: session.user.id, role: 'OCCUPATIONAL_PHYSICIAN' };
    const STARTC = `mutation S($p: String!) { startFactorChange(password: $p) { challengeId methods enrolmentRequired } }`;
    const VERIFY = `mutation V($id: ID!, $code: String) { verifyCurrentFactor(challengeId: $id, code: $code) { challengeId methods enrolmentRequired } }`;
    expect(codeOf(await gql(running.url, STARTC, { p: 'fout' }, me))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await gql(running.url, STARTC, { p: DEMO_PASSWORD }, null))).toBe('UNAUTHENTICATED');
    const started = await gql<{ startFactorChange: Challenge }>(running.url, STARTC, { p: DEMO_PASSWORD }, me);
    expect(started.data!.startFactorChange).toMatchObject({ methods: ['TOTP'], enrolmentRequired: false });
    const id = started.data!.startFactorChange.challengeId;
    // The password alone does not allow enrolling another factor.
    expect(codeOf(await gql(running.url, `mutation B($id: ID!) { beginTotpEnrolment(challengeId: $id) { secret } }`, { id }))).toBe('ALREADY_ENROLLED');
    // Someone else's session cannot use this challenge.
    expect(codeOf(await gql(running.url, VERIFY, { id, code: totp('bedrijfsarts.demo', Date.now() + 30_000) }, admin))).toBe('LOGIN_CHALLENGE_INVALID');
    const verified = await gql<{ verifyCurrentFactor: Challenge }>(running.url, VERIFY, { id, code: totp('bedrijfsarts.demo', Date.now() + 30_000) }, me);
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyCurrentFactor.enrolmentRequired).toBe(true);

    const sent = await gql(running.url, `mutation B($id: ID!) { beginSmsEnrolment(challengeId: $id, phoneNumber: "+31687654321") { sentTo } }`, { id });
    expect(sent.errors).toBeUndefined();
    const sms = await gql<{ devOutbox: { text: string }[] }>(running.url, `{ devOutbox(limit: 1, to: "+31687654321") { text } }`);
    const code = /(\d{6})/.exec(sms.data!.devOutbox[0]!.text)![1]!;
    const confirmed = await gql<{ confirmTwoFactorEnrolment: { recoveryCodes: string[] } }>(
      running.url,
      `mutation C($id: ID!, $code: String!) { confirmTwoFactorEnrolment(challengeId: $id, code: $code) { recoveryCodes } }`,
      { id, code },
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmTwoFactorEnrolment.recoveryCodes).toHaveLength(10);
    expect(codeOf(await gql(running.url, REFRESH, { t: session.refreshToken }))).toBe('SESSION_REVOKED');
    expect((await start('bedrijfsarts.demo')).data!.startLogin.methods).toEqual(['SMS']);
  });
});
