import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@poortwachter/kit';
import { System } from '@poortwachter/infra';

/**
 * Revocation through the real gateway and identity: the gateway caches a verified token for up to
 * 30 seconds, but a mutation that ends a user's sessions makes it drop that user's tokens at once
 * (identity's revokedUserIds answer extension), so the very next request is refused.
 */
let system: System;

const VIEWER = '{ viewer { id username } }';
type Viewer = { viewer: { id: string; username: string } | null };

beforeAll(async () => {
  system = await System.start();
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

/** Signs in and uses the token twice, so the gateway certainly holds it in its cache. */
async function cachedSession(username: string): Promise<{ token: string; userId: string }> {
  const token = await system.login(username);
  const first = await system.query<Viewer>(VIEWER, {}, token);
  expect(first.status).toBe(200);
  expect(first.data?.viewer?.username).toBe(username);
  expect((await system.query<Viewer>(VIEWER, {}, token)).status).toBe(200);
  return { token, userId: first.data!.viewer!.id };
}

describe('revocation takes effect at once on the gateway', () => {
  it('an administrator blocks a user: that user\'s existing token is refused on the very next request', async () => {
    const admin = await system.login('beheerder.demo');
    const bystander = await cachedSession('werkgever.demo');
    const { token, userId } = await cachedSession('teamleider.demo');

    const blocked = await system.query<{ setUserBlocked: { id: string } }>(
      'mutation Block($id: ID!) { setUserBlocked(userId: $id, blocked: true) { id } }',
      { id: userId },
      admin,
    );
    expect(blocked.errors).toBeUndefined();
    expect(blocked.data?.setUserBlocked.id).toBe(userId);
    // The extension is for the gateway only.
    expect((blocked as { extensions?: unknown }).extensions).toBeUndefined();

    const after = await system.query<Viewer>(VIEWER, {}, token);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Other users keep working, and so does the administrator.
    expect((await system.query<Viewer>(VIEWER, {}, bystander.token)).data?.viewer?.username).toBe('werkgever.demo');
    expect((await system.query<Viewer>(VIEWER, {}, admin)).status).toBe(200);

    // Unblocking does not bring the ended session back.
    await system.query('mutation Unblock($id: ID!) { setUserBlocked(userId: $id, blocked: false) { id } }', { id: userId }, admin);
    expect((await system.query<Viewer>(VIEWER, {}, token)).status).toBe(401);
    system.forgetSession('teamleider.demo');
  });

  it('a user changes their password: the old token is refused at once', async () => {
    const { token } = await cachedSession('casemanager.demo');
    const changed = await system.query<{ changePassword: boolean }>(
      'mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) }',
      { input: { currentPassword: DEMO_PASSWORD, password: 'Zonnebloem-Akker-42', passwordRepeat: 'Zonnebloem-Akker-42' } },
      token,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.changePassword).toBe(true);
    expect((changed as { extensions?: unknown }).extensions).toBeUndefined();

    const after = await system.query<Viewer>(VIEWER, {}, token);
    expect(after.status).toBe(401);
    system.forgetSession('casemanager.demo');
    // The new password signs in again.
    const fresh = await system.login('casemanager.demo', 'Zonnebloem-Akker-42');
    expect((await system.query<Viewer>(VIEWER, {}, fresh)).data?.viewer?.username).toBe('casemanager.demo');
  });
});
