import type http from 'node:http';
import { isIP } from 'node:net';
import { readBody, sendJson, type Identity } from '@poortwachter/kit';
import { clearRefreshCookie, parseCookies, REFRESH_COOKIE, refreshCookie } from './cookies.js';
import type { IdentityClient } from './identity-client.js';
import { IdentityUnavailable } from './identity-client.js';

/**
 * The caller's address: the socket peer, or with TRUST_PROXY=true the first X-Forwarded-For hop
 * (the client as the trusted proxy saw it). Without a trusted proxy the header is the client's own
 * claim and would let it dodge per-address throttling, so it is ignored.
 */
export function clientAddressOf(request: http.IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first && isIP(first)) return normalizeAddress(first);
  }
  const socket = request.socket.remoteAddress;
  return socket ? normalizeAddress(socket) : null;
}

function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function authError(response: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string>) {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] }, { ...headers, 'cache-control': 'no-store' });
}

export interface AuthEndpointOptions {
  identity: IdentityClient | null;
  secureCookies: boolean;
  trustProxy: boolean;
  /** Origins whose pages may call these endpoints (the shells); the gateway's own pages always may. */
  allowedOrigins: ReadonlySet<string>;
  /** Forgets a bearer token from the gateway's cache (its session has just ended). */
  forgetToken(token: string): void;
  /** Verifies a bearer token (logout without a cookie ends the token's own session). */
  identityFrom(authorization: string | undefined): Promise<Identity | null>;
}

const USER_FIELDS = 'user { id username displayName role personId }';
const REFRESH_MUTATION = `mutation GatewayRefresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt ${USER_FIELDS} }
}`;
const LOGOUT_MUTATION = 'mutation GatewayLogout($refreshToken: String) { logout(refreshToken: $refreshToken) }';

/**
 * Cookie-authenticated endpoints must not be triggerable by another site's form: besides
 * SameSite=Strict, they need a header a form cannot send (so a browser preflights cross-origin
 * calls) and, when the browser names an origin, one the gateway serves.
 */
function csrfRefusal(request: http.IncomingMessage, allowedOrigins: ReadonlySet<string>): string | null {
  const contentType = header(request, 'content-type') ?? '';
  const preflighted =
    contentType.toLowerCase().startsWith('application/json') || header(request, 'apollo-require-preflight') !== undefined;
  if (!preflighted) return 'Send content-type: application/json or the apollo-require-preflight header.';
  const origin = header(request, 'origin');
  const host = header(request, 'host');
  if (origin && !allowedOrigins.has(origin) && !(host && (origin === `http://${host}` || origin === `https://${host}`)))
    return `Origin ${origin} is not allowed.`;
  return null;
}

/** POST /auth/refresh and POST /auth/logout; returns false when the path is not one of them. */
export async function handleAuthEndpoint(
  pathname: string,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  baseHeaders: Record<string, string>,
  options: AuthEndpointOptions,
): Promise<void> {
  if (request.method !== 'POST') {
    sendJson(response, 405, { error: 'method not allowed' }, { ...baseHeaders, allow: 'POST, OPTIONS' });
    return;
  }
  const refused = csrfRefusal(request, options.allowedOrigins);
  if (refused) {
    authError(response, 403, 'CSRF_REJECTED', refused, baseHeaders);
    return;
  }
  await readBody(request, 4096);
  if (!options.identity) {
    authError(response, 503, 'SERVICE_UNAVAILABLE', 'Sessions are not available: no identity subgraph.', baseHeaders);
    return;
  }
  const refreshToken = parseCookies(header(request, 'cookie')).get(REFRESH_COOKIE);
  const clientAddress = clientAddressOf(request, options.trustProxy);

  if (pathname === '/auth/refresh') {
    if (!refreshToken) {
      authError(response, 401, 'NO_SESSION', 'There is no session to refresh. Sign in again.', baseHeaders);
      return;
    }
    const answer = await options.identity.call<{
      refreshSession: {
        accessToken: string;
        accessTokenExpiresAt: string;
        refreshToken: string;
        refreshTokenExpiresAt: string;
        user: unknown;
      } | null;
    }>(REFRESH_MUTATION, { refreshToken }, null, clientAddress);
    const session = answer.data?.refreshSession;
    if (!session) {
      const error = answer.errors?.[0];
      const code = typeof error?.extensions?.code === 'string' ? error.extensions.code : 'INVALID_REFRESH_TOKEN';
      if (code === 'INTERNAL_SERVER_ERROR') throw new IdentityUnavailable('refreshSession failed');
      authError(response, 401, code, error?.message ?? 'The session is no longer valid. Sign in again.', {
        ...baseHeaders,
        'set-cookie': clearRefreshCookie(options.secureCookies),
      });
      return;
    }
    sendJson(
      response,
      200,
      { accessToken: session.accessToken, accessTokenExpiresAt: session.accessTokenExpiresAt, user: session.user },
      {
        ...baseHeaders,
        'cache-control': 'no-store',
        'set-cookie': refreshCookie(session.refreshToken, session.refreshTokenExpiresAt, options.secureCookies),
      },
    );
    return;
  }

  // /auth/logout: end the cookie's session, else the bearer token's own; either way forget the token.
  const authorization = header(request, 'authorization');
  let bearer: string | null = null;
  let identity: Identity | null = null;
  const match = authorization ? /^Bearer[ ]+(\S+)\s*$/i.exec(authorization) : null;
  if (match) {
    bearer = match[1]!;
    identity = await options.identityFrom(authorization).catch(() => null);
  }
  if (refreshToken || identity) {
    const answer = await options.identity.call<{ logout: boolean }>(
      LOGOUT_MUTATION,
      { refreshToken: refreshToken ?? null },
      refreshToken ? null : identity,
      clientAddress,
    );
    if (answer.errors?.length && answer.data?.logout === undefined)
      throw new IdentityUnavailable(`logout: ${answer.errors[0]!.message}`);
  }
  if (bearer) options.forgetToken(bearer);
  response.writeHead(204, {
    ...baseHeaders,
    'cache-control': 'no-store',
    'set-cookie': clearRefreshCookie(options.secureCookies),
  });
  response.end();
}
