import { randomUUID } from 'node:crypto';
import { InvalidAccessToken, signIdentity, type Identity } from '@poortwachter/kit';
import { decodeProtectedHeader } from 'jose';

/** Where a field of a login response sits in the response data, so the gateway can move tokens into cookies. */
export interface SessionLocation {
  /** Response keys from `data` down to the AuthSession object (aliases resolved). */
  path: string[];
  /** Response keys (aliases) under which each token field was selected. */
  refreshToken: string[];
  refreshTokenExpiresAt: string[];
  trustToken: string[];
  trustTokenExpiresAt: string[];
}

/** What every subgraph fetch of one incoming request carries; built once per request. */
export interface GatewayContext {
  /** The verified caller; null = anonymous (may still sign in). */
  identity: Identity | null;
  requestId: string;
  /** Signed identity headers plus the request id, reused verbatim by every subgraph fetch. */
  subgraphHeaders: Record<string, string>;
  /** The bearer token of this request (to forget it from the cache after a logout). */
  token?: string | null;
  /**
   * Filled by the session plugin for the HTTP layer. A nested object because Apollo Server hands
   * plugins a shallow copy of the context.
   */
  outcome: RequestOutcome;
}

export interface RequestOutcome {
  /** Where sign-in/refresh answers hold tokens that must become cookies. */
  sessionLocations?: SessionLocation[];
  /** The operation logs out: the bearer token leaves the cache. */
  loggingOut?: boolean;
}

/** A refused bearer token. The HTTP layer answers 401 with code UNAUTHENTICATED. */
export class AuthenticationFailed extends Error {
  constructor(public readonly reason: string) {
    super('The access token is invalid or has expired. Sign in again.');
  }
}

interface CachedIdentity {
  identity: Identity;
  /** Epoch ms after which the entry must be verified again. */
  validUntil: number;
}

export interface TokenVerifierOptions {
  /** Verifies identity's ES256 access tokens (JWKS); null = every token is refused. */
  accessTokens?: { verify(token: string): Promise<Identity> } | null;
  /** Asks identity whether the session behind a token is still active; null = no revocation check. */
  sessionActive?: ((identity: Identity) => Promise<boolean>) | null;
}

const MAX_CACHED_TOKENS = 5000;
/** A token is verified again at least this often, including the revocation check. */
const CACHE_TTL_MS = 30_000;

/**
 * Bearer tokens → identities.
 *
 * - ES256 access tokens from identity's sessions and partner clients, verified against identity's
 *   JWKS; a user token's session is checked with identity (`sessionActive`) whenever the token is
 *   verified, so a logged-out or revoked session is refused within the cache period.
 * - Nothing else: no HS256, no unsigned tokens, no development shortcut.
 *
 * Results are cached per token for a short while: a client sends the same token with every request,
 * and verifying (and asking identity) each time would cost more than the rest of the gateway's own
 * work for a small query.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, CachedIdentity>();
  private readonly pending = new Map<string, Promise<CachedIdentity>>();
  /** Counts `forgetUser` calls, so a verification can tell whether its user was revoked meanwhile. */
  private revocations = 0;
  /** User → the `revocations` count when it was last forgotten; only kept while verifications are in flight. */
  private readonly forgottenUsers = new Map<string, number>();
  /** Verifications running, including ones `forgetUser` took out of `pending`. */
  private inFlight = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly options: TokenVerifierOptions = {},
  ) {}

  /** `Authorization` header → identity; no header → null (anonymous); anything else invalid → throws. */
  async identityFrom(authorization: string | undefined): Promise<Identity | null> {
    const token = bearerToken(authorization);
    if (token === null) return null;
    const cached = this.cache.get(token);
    if (cached && cached.validUntil > this.now()) return cached.identity;
    let pending = this.pending.get(token);
    if (!pending) {
      // Concurrent requests with the same token share one verification and one session check.
      const verification: Promise<CachedIdentity> = this.verify(token).finally(() => {
        if (this.pending.get(token) === verification) this.pending.delete(token);
      });
      pending = verification;
      this.pending.set(token, pending);
    }
    return (await pending).identity;
  }

  /** Drops a token from the cache (after its session ended), so the next use is checked again. */
  forget(token: string): void {
    this.cache.delete(token);
  }

  /**
   * Drops every cached token of a user (an administrator blocked them, their password changed...),
   * so each is checked with identity again on its next use. A scan of the cache: revocations are
   * rare and the cache is bounded, so no index by user has to be kept in step on every insert.
   * A verification already in flight for the user is neither shared with later requests nor cached.
   */
  forgetUser(userId: string): void {
    for (const [token, entry] of this.cache) if (entry.identity.sub === userId) this.cache.delete(token);
    if (this.inFlight === 0) return;
    this.forgottenUsers.set(userId, ++this.revocations);
    // Unverified claims are good enough to pick tokens to check again: at worst one is checked twice.
    for (const token of this.pending.keys()) if (unverifiedSubject(token) === userId) this.pending.delete(token);
  }

  private async verify(token: string): Promise<CachedIdentity> {
    const now = this.now();
    const revocationsAtStart = this.revocations;
    this.inFlight++;
    try {
      return await this.verifyAndCache(token, now, revocationsAtStart);
    } finally {
      if (--this.inFlight === 0) this.forgottenUsers.clear();
    }
  }

  private async verifyAndCache(token: string, now: number, revocationsAtStart: number): Promise<CachedIdentity> {
    let identity: Identity;
    try {
      identity = await this.verifySignature(token);
      if (identity.sessionId && identity.role !== 'API_CLIENT' && this.options.sessionActive) {
        if (!(await this.options.sessionActive(identity))) throw new AuthenticationFailed('the session has ended');
      }
    } catch (error) {
      this.cache.delete(token);
      throw error;
    }
    const entry = { identity, validUntil: Math.min(expiryOf(token) ?? now, now + CACHE_TTL_MS) };
    // The session check may have answered before the user was revoked: use the answer for this
    // request (it raced the revocation), but do not keep it for the next ones.
    const revokedMeanwhile = (this.forgottenUsers.get(identity.sub) ?? 0) > revocationsAtStart;
    if (!revokedMeanwhile) {
      if (this.cache.size >= MAX_CACHED_TOKENS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(token, entry);
    }
    return entry;
  }

  private async verifySignature(token: string): Promise<Identity> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthenticationFailed('malformed token');
    }
    if (alg === 'ES256' && this.options.accessTokens) {
      try {
        return await this.options.accessTokens.verify(token);
      } catch (error) {
        if (error instanceof InvalidAccessToken) throw new AuthenticationFailed(error.message);
        throw error;
      }
    }
    throw new AuthenticationFailed(`tokens signed with ${alg ?? 'no algorithm'} are not accepted`);
  }
}

/** The token of an `Authorization: Bearer` header; null without a header; throws on anything else. */
export function bearerToken(authorization: string | undefined): string | null {
  if (authorization === undefined || authorization === '') return null;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization);
  if (!match) throw new AuthenticationFailed('the Authorization header is not "Bearer <token>"');
  return match[1]!;
}

function claimsOf(token: string): { exp?: unknown; sub?: unknown } | null {
  try {
    const payload: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null ? payload : null;
  } catch {
    return null;
  }
}

/** The `exp` claim in ms; the signature has already been checked by the caller. */
function expiryOf(token: string): number | null {
  const exp = claimsOf(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : null;
}

/** The `sub` claim WITHOUT checking the signature: only to choose tokens to verify again. */
function unverifiedSubject(token: string): string | null {
  const sub = claimsOf(token)?.sub;
  return typeof sub === 'string' ? sub : null;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's request id when it is harmless (for tracing across systems), else makes one. */
export function requestIdFrom(header: string | undefined): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

/** The per-request context: the identity is signed here, once, for all subgraph fetches. */
export function createContext(
  identity: Identity | null,
  requestId: string,
  signingSecret: string,
  request: { token?: string | null; clientAddress?: string | null } = {},
): GatewayContext {
  return {
    identity,
    requestId,
    token: request.token ?? null,
    outcome: {},
    subgraphHeaders: {
      ...signIdentity(identity, signingSecret, { clientAddress: request.clientAddress ?? null }),
      'x-request-id': requestId,
    },
  };
}
