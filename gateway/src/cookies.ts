/** Cookie names: the refresh token only ever travels to /auth, the trust token only to /graphql (startLogin). */
export const REFRESH_COOKIE = 'pw_refresh';
export const TRUST_COOKIE = 'pw_trust';
export const REFRESH_COOKIE_PATH = '/auth';
export const TRUST_COOKIE_PATH = '/graphql';
/** The manual: after a successful SMS code the browser is trusted for 24 hours. */
export const TRUST_MAX_AGE_SECONDS = 24 * 3600;

const COOKIE_VALUE = /^[A-Za-z0-9._~+/=-]{1,1024}$/;

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    // The first occurrence wins (the most specific path comes first); junk is ignored.
    if (!cookies.has(name) && COOKIE_VALUE.test(value)) cookies.set(name, value);
  }
  return cookies;
}

export interface CookieOptions {
  path: string;
  /** Seconds; undefined = a browser-session cookie; 0 = delete. */
  maxAge?: number;
  secure: boolean;
}

/** Always HttpOnly and SameSite=Strict: scripts never read these tokens and other sites never send them. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  if (!COOKIE_VALUE.test(value) && value !== '') throw new Error(`cookie ${name}: unexpected characters in the value`);
  const parts = [`${name}=${value}`, `Path=${options.path}`, 'HttpOnly', 'SameSite=Strict'];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAge))}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Seconds from now until an ISO timestamp, or undefined when it is not one. */
export function secondsUntil(iso: unknown, now: number = Date.now()): number | undefined {
  if (typeof iso !== 'string') return undefined;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.floor((at - now) / 1000));
}

export function refreshCookie(token: string, expiresAt: unknown, secure: boolean): string {
  return serializeCookie(REFRESH_COOKIE, token, { path: REFRESH_COOKIE_PATH, maxAge: secondsUntil(expiresAt), secure });
}

export function trustCookie(token: string, expiresAt: unknown, secure: boolean): string {
  const maxAge = Math.min(secondsUntil(expiresAt) ?? TRUST_MAX_AGE_SECONDS, TRUST_MAX_AGE_SECONDS);
  return serializeCookie(TRUST_COOKIE, token, { path: TRUST_COOKIE_PATH, maxAge, secure });
}

export function clearRefreshCookie(secure: boolean): string {
  return serializeCookie(REFRESH_COOKIE, '', { path: REFRESH_COOKIE_PATH, maxAge: 0, secure });
}
