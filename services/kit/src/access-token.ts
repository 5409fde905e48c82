import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JWK } from 'jose';
import type { Identity } from './roles.js';
import { ROLES } from './roles.js';

/** The same issuer and audience as the development tokens, so the gateway's checks carry over. */
export const ACCESS_TOKEN_ISSUER = 'poortwachter-identity';
export const ACCESS_TOKEN_AUDIENCE = 'poortwachter-gateway';
export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

export interface JsonWebKeySet {
  keys: JWK[];
}

export class InvalidAccessToken extends Error {}

/**
 * Verifies an access token against a JWKS document (what the gateway does with the keys it fetched
 * from identity). Only ES256 with a known `kid` and the access-token type is accepted, so neither a
 * development HS256 token nor a trust token passes as an access token.
 */
export async function verifyAccessToken(token: string, jwks: JsonWebKeySet): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      typ: ACCESS_TOKEN_TYPE,
    });
    const role = payload.role as Identity['role'];
    // A user's token belongs to a session (logout, refresh); a partner client's token does not.
    const sessionOk = role === 'API_CLIENT' ? payload.sessionId === undefined : typeof payload.sessionId === 'string';
    if (typeof payload.sub !== 'string' || !ROLES.includes(role) || !sessionOk) throw new InvalidAccessToken('malformed token');
    const identity: Identity = { sub: payload.sub, role };
    if (typeof payload.sessionId === 'string') identity.sessionId = payload.sessionId;
    if (typeof payload.personId === 'string') identity.personId = payload.personId;
    if (payload.scope) identity.scope = payload.scope as Identity['scope'];
    if (role === 'API_CLIENT') {
      if (!Array.isArray(payload.apiScopes) || !payload.apiScopes.every((scope) => typeof scope === 'string')) {
        throw new InvalidAccessToken('malformed token');
      }
      identity.apiScopes = payload.apiScopes as string[];
    }
    return identity;
  } catch (error) {
    if (error instanceof InvalidAccessToken) throw error;
    if (error instanceof joseErrors.JOSEError) throw new InvalidAccessToken(error.code);
    throw error;
  }
}

/**
 * What the gateway needs: verifies access tokens against identity's JWKS, fetched through
 * `fetchJwks` (e.g. the `jwks` query), cached, and fetched again when a token names a key id the
 * cache does not know yet (a rotation), at most once per `minRefetchMs`.
 */
export class JwksAccessTokenVerifier {
  private jwks: JsonWebKeySet | null = null;
  private fetchedAt = 0;
  private inflight: Promise<JsonWebKeySet> | null = null;

  constructor(
    private readonly fetchJwks: () => Promise<JsonWebKeySet>,
    private readonly options: { maxAgeMs?: number; minRefetchMs?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The cached key set (fetched when missing or stale); what the gateway republishes. */
  async keySet(): Promise<JsonWebKeySet> {
    return this.load(false);
  }

  private async load(force: boolean): Promise<JsonWebKeySet> {
    const age = this.now() - this.fetchedAt;
    if (this.jwks && !force && age < (this.options.maxAgeMs ?? 300_000)) return this.jwks;
    if (this.jwks && force && age < (this.options.minRefetchMs ?? 30_000)) return this.jwks;
    this.inflight ??= this.fetchJwks().finally(() => {
      this.inflight = null;
    });
    this.jwks = await this.inflight;
    this.fetchedAt = this.now();
    return this.jwks;
  }

  async verify(token: string): Promise<Identity> {
    const jwks = await this.load(false);
    try {
      return await verifyAccessToken(token, jwks);
    } catch (error) {
      if (!(error instanceof InvalidAccessToken) || error.message !== 'ERR_JWKS_NO_MATCHING_KEY') throw error;
      return verifyAccessToken(token, await this.load(true));
    }
  }
}
