import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { DEMO_PASSWORD, demoId, runService, type Identity, type RunningService } from '@poortwachter/kit';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTotpSecret, service } from '../src/index.js';
import { gql } from './helpers.js';

/** The answer extension the gateway reads to drop cached tokens of users whose sessions ended. */
const admin: Identity = { sub: demoId('user', 8), role: 'ADMIN' };
const teamLeader = demoId('user', 3);
const caseManager = demoId('user', 6);
const employer2: Identity = { sub: demoId('user', 4), role: 'EMPLOYER', scope: { employerIds: [demoId('employer', 2)], divisionIds: [], departmentIds: [] } };

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

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string } }[];
  extensions?: { revokedUserIds?: string[] };
}

const call = async (query: string, variables: Record<string, unknown> = {}, as: Identity | null = null) =>
  (await gql(running.url, query, variables, as)) as Answer;
const revoked = (answer: Answer) => answer.extensions?.revokedUserIds;

async function signIn(username: string): Promise<{ refreshToken: string; userId: string }> {
  const started = await call(`mutation S($u: String!, $p: String!) { startLogin(username: $u, password: $p) { challengeId } }`, {
    u: username,
    p: DEMO_PASSWORD,
  });
  const challengeId = (started.data!.startLogin as { challengeId: string }).challengeId;
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demoTotpSecret(username)), digits: 6, period: 30 }).generate();
  const completed = await call(`mutation C($id: ID!, $code: String) { completeLogin(challengeId: $id, code: $code) { refreshToken user { id } } }`, {
    id: challengeId,
    code,
  });
  expect(completed.errors).toBeUndefined();
  // Signing in ends nobody's session.
  expect(revoked(completed)).toBeUndefined();
  const session = completed.data!.completeLogin as { refreshToken: string; user: { id: string } };
  return { refreshToken: session.refreshToken, userId: session.user.id };
}

describe('revokedUserIds answer extension', () => {
  it('names the user whose sessions an administrator ends: block, access change, second-factor reset, provisional password', async () => {
    const block = await call(`mutation B($id: ID!) { setUserBlocked(userId: $id, blocked: true) { id } }`, { id: teamLeader }, admin);
    expect(block.errors).toBeUndefined();
    expect(revoked(block)).toEqual([teamLeader]);
    // Unblocking ends nothing.
    const unblock = await call(`mutation B($id: ID!) { setUserBlocked(userId: $id, blocked: false) { id } }`, { id: teamLeader }, admin);
    expect(unblock.errors).toBeUndefined();
    expect(revoked(unblock)).toBeUndefined();

    const access = await call(
      `mutation A($input: UpdateUserAccessInput!) { updateUserAccess(input: $input) { id role } }`,
      { input: { userId: caseManager, role: 'CASE_MANAGER', scope: { employerIds: [demoId('employer', 1)] } } },
      admin,
    );
    expect(access.errors).toBeUndefined();
    expect(revoked(access)).toEqual([caseManager]);

    const factor = await call(`mutation R($id: ID!) { resetTwoFactor(userId: $id) { id } }`, { id: caseManager }, admin);
    expect(revoked(factor)).toEqual([caseManager]);
    const provisional = await call(`mutation P($id: ID!) { setProvisionalPassword(userId: $id) { provisionalPassword } }`, { id: teamLeader }, admin);
    expect(revoked(provisional)).toEqual([teamLeader]);
  });

  it('is absent when the mutation is refused or nothing ends', async () => {
    const refused = await call(`mutation B($id: ID!) { setUserBlocked(userId: $id, blocked: true) { id } }`, { id: teamLeader }, employer2);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(revoked(refused)).toBeUndefined();
    const query = await call(`{ sessionActive }`, {}, employer2);
    expect(revoked(query)).toBeUndefined();
    const wrong = await call(
      `mutation C($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      { input: { currentPassword: 'niet-het-wachtwoord', password: 'Zonnebloem-Akker-42', passwordRepeat: 'Zonnebloem-Akker-42' } },
      employer2,
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(revoked(wrong)).toBeUndefined();
  });

  it("names the caller after their own password change", async () => {
    const changed = await call(
      `mutation C($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      { input: { currentPassword: DEMO_PASSWORD, password: 'Zonnebloem-Akker-42', passwordRepeat: 'Zonnebloem-Akker-42' } },
      employer2,
    );
    expect(changed.errors).toBeUndefined();
    expect(revoked(changed)).toEqual([employer2.sub]);
  });

  it('names the user after a logout and after refresh-token reuse ended the session', async () => {
    const first = await signIn('werknemer.demo');
    const logout = await call(`mutation L($t: String) { logout(refreshToken: $t) }`, { t: first.refreshToken });
    expect(logout.data!.logout).toBe(true);
    expect(revoked(logout)).toEqual([first.userId]);
    // Logging out an already ended session ends nothing new.
    expect(revoked(await call(`mutation L($t: String) { logout(refreshToken: $t) }`, { t: first.refreshToken }))).toBeUndefined();

    const second = await signIn('bedrijfsarts.demo');
    const REFRESH = `mutation R($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }`;
    const rotated = await call(REFRESH, { t: second.refreshToken });
    expect(rotated.errors).toBeUndefined();
    expect(revoked(rotated)).toBeUndefined();
    const reused = await call(REFRESH, { t: second.refreshToken });
    expect(reused.errors?.[0]?.extensions?.code).toBe('REFRESH_TOKEN_REUSED');
    expect(revoked(reused)).toEqual([second.userId]);
  });
});
