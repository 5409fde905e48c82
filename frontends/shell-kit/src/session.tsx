import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { AuthEndpoints } from './auth';

export const ROLES = [
  'EMPLOYEE',
  'EMPLOYER',
  'OCCUPATIONAL_PHYSICIAN',
  'CASE_MANAGER',
  'PLANNER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  personId?: string | null;
}

export interface Session {
  accessToken: string;
  /** When the access token expires (ISO timestamp). */
  expiresAt: string;
  user: SessionUser;
}

/** Why the user is (back) on the login page. */
export type SignOutReason = 'expired' | 'logout';

export const SESSION_STORAGE_KEY = 'poortwachter.session';

function isSession(value: unknown): value is Session {
  const v = value as Session | null;
  return (
    !!v &&
    typeof v.accessToken === 'string' &&
    typeof v.expiresAt === 'string' &&
    !!v.user &&
    typeof v.user.id === 'string' &&
    typeof v.user.displayName === 'string' &&
    (ROLES as readonly string[]).includes(v.user.role)
  );
}

export interface SessionStore {
  get(): Session | null;
  /** The reason of the last sign-out, shown once on the login page. */
  lastSignOut(): SignOutReason | null;
  signIn(session: Session): void;
  signOut(reason: SignOutReason): void;
  /**
   * Tries once to get a new access token through the refresh cookie; signs out ('expired') when that
   * fails. Concurrent callers share one attempt, so a rotated refresh token is never sent twice.
   */
  refresh(): Promise<boolean>;
  subscribe(listener: () => void): () => void;
}

/**
 * The session lives in sessionStorage: it survives a reload but not closing the tab, and it is never
 * shared with other tabs. An expired token is dropped on read.
 */
export function createSessionStore(
  storage: Storage | undefined = globalThis.sessionStorage,
  now: () => number = Date.now,
  auth?: AuthEndpoints,
): SessionStore {
  const listeners = new Set<() => void>();
  let refreshing: Promise<boolean> | null = null;
  let reason: SignOutReason | null = null;
  let current: Session | null = null;
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(SESSION_STORAGE_KEY) ?? 'null');
    if (isSession(parsed) && Date.parse(parsed.expiresAt) > now()) current = parsed;
    else storage?.removeItem(SESSION_STORAGE_KEY);
  } catch {
    current = null;
  }
  const emit = () => listeners.forEach((l) => l());
  const store: SessionStore = {
    get: () => current,
    lastSignOut: () => reason,
    signIn(session) {
      current = session;
      reason = null;
      try {
        storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      } catch {
        // Without storage the session still works until the page is reloaded.
      }
      emit();
    },
    signOut(why) {
      if (!current && reason === why) return;
      if (why === 'logout') void auth?.logout(current?.accessToken);
      current = null;
      reason = why;
      try {
        storage?.removeItem(SESSION_STORAGE_KEY);
      } catch {
        // Nothing stored, nothing to remove.
      }
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      refreshing ??= (async () => {
        const renewed = auth ? await auth.refresh() : null;
        if (renewed && isSession(renewed)) {
          store.signIn(renewed);
          return true;
        }
        store.signOut('expired');
        return false;
      })().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
  };
  return store;
}

const SessionContext = createContext<SessionStore | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const session = useSyncExternalStore(store.subscribe, store.get);
  // Renew shortly before the access token runs out (or sign out when the session has ended), also while the page sits idle.
  useEffect(() => {
    if (!session) return;
    const remaining = Date.parse(session.expiresAt) - Date.now() - 30_000;
    const timer = setTimeout(() => void store.refresh(), Math.max(0, Math.min(remaining, 2_147_000_000)));
    return () => clearTimeout(timer);
  }, [session, store]);
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession must be used inside <SessionProvider>');
  return store;
}

export function useSession(): Session | null {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.get);
}
