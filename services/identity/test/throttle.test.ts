import { describe, expect, it } from 'vitest';
import { LoginThrottle, SimpleLimit } from '../src/auth/throttle.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
}

describe('login throttle (memory store)', () => {
  it('locks an account after five failures, with a lock that grows with every further failure', async () => {
    const throttle = new LoginThrottle(null, 'memory');
    const keys = { account: 'iemand', address: null };
    for (let i = 0; i < 5; i++) await throttle.recordFailure(keys);
    expect(await codeOf(throttle.assertAllowed(keys))).toBeUndefined();
    await throttle.recordFailure(keys);
    const first = await throttle.assertAllowed(keys).catch((error) => error.extensions.retryAfterSeconds as number);
    await throttle.recordFailure(keys);
    const second = await throttle.assertAllowed(keys).catch((error) => error.extensions.retryAfterSeconds as number);
    expect(first).toBe(5);
    expect(second).toBe(10);
  });

  it('locks a client address that tries many accounts, independent of the accounts', async () => {
    const throttle = new LoginThrottle(null, 'memory');
    for (let i = 0; i < 21; i++) await throttle.recordFailure({ account: `naam${i}`, address: '203.0.113.7' });
    expect(await codeOf(throttle.assertAllowed({ account: 'nieuwe.naam', address: '203.0.113.7' }))).toBe('TOO_MANY_ATTEMPTS');
    expect(await codeOf(throttle.assertAllowed({ account: 'nieuwe.naam', address: '198.51.100.1' }))).toBeUndefined();
  });

  it('clears the account count after a success', async () => {
    const throttle = new LoginThrottle(null, 'memory');
    const keys = { account: 'iemand', address: null };
    for (let i = 0; i < 5; i++) await throttle.recordFailure(keys);
    await throttle.recordSuccess(keys);
    await throttle.recordFailure(keys);
    expect(await codeOf(throttle.assertAllowed(keys))).toBeUndefined();
  });
});

describe('simple limit', () => {
  it('allows n per window and then refuses with TOO_MANY_ATTEMPTS', async () => {
    const limit = new SimpleLimit(null, 'memory', 'test', 2, 60);
    await limit.consume('a');
    await limit.assertAvailable('a');
    await limit.consume('a');
    expect(await codeOf(limit.assertAvailable('a'))).toBe('TOO_MANY_ATTEMPTS');
    expect(await codeOf(limit.consume('a'))).toBe('TOO_MANY_ATTEMPTS');
    expect(await limit.tryConsume('b')).toBe(true);
  });
});
