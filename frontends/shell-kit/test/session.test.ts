import { describe, expect, it, vi } from 'vitest';
import { createSessionStore, SESSION_STORAGE_KEY, type Session } from '../src/session';

const session = (expiresAt: string): Session => ({
  accessToken: 'token-1',
  expiresAt,
  user: { id: 'u1', username: 'werknemer.demo', displayName: 'Sanne de Vries', role: 'EMPLOYEE', personId: 'p1' },
});

describe('session store', () => {
  it('keeps the session in sessionStorage and restores it', () => {
    sessionStorage.clear();
    const store = createSessionStore(sessionStorage, () => Date.parse('2026-03-01T10:00:00Z'));
    const listener = vi.fn();
    store.subscribe(listener);
    store.signIn(session('2026-03-01T11:00:00Z'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY)!).accessToken).toBe('token-1');
    const restored = createSessionStore(sessionStorage, () => Date.parse('2026-03-01T10:30:00Z'));
    expect(restored.get()?.user.username).toBe('werknemer.demo');
  });

  it('drops an expired or malformed session on start', () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session('2026-03-01T11:00:00Z')));
    expect(createSessionStore(sessionStorage, () => Date.parse('2026-03-01T12:00:00Z')).get()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'x', user: { role: 'HACKER' } }));
    expect(createSessionStore(sessionStorage).get()).toBeNull();
  });

  it('signs out with a reason and forgets the token', () => {
    sessionStorage.clear();
    const store = createSessionStore(sessionStorage, () => 0);
    store.signIn(session('2999-01-01T00:00:00Z'));
    store.signOut('expired');
    expect(store.get()).toBeNull();
    expect(store.lastSignOut()).toBe('expired');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
