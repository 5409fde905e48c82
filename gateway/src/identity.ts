import { randomUUID } from 'node:crypto';
import { InvalidSessionToken, signIdentity, verifySessionToken, type Identity } from '@poortwachter/kit';

/** What every subgraph fetch of one incoming request carries; built once per request. */
export interface GatewayContext {
  /** The verified caller; null = anonymous (may still call `login`). */
  identity: Identity | null;
  requestId: string;
  /** Signed identity headers plus the request id, reused verbatim by every subgraph fetch. */
  subgraphHeaders: Record<string, string>;
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

const MAX_CACHED_TOKENS = 5000;
/** A token is re-verified at least this often, so a future revocation check is never far behind. */
const CACHE_TTL_MS = 30_000;

/**
 * DEVELOPMENT LOGIN until identity issue #4: access tokens are HS256 JWTs signed by the identity
 * subgraph with SESSION_SIGNING_SECRET (kit `issueSessionToken`). Issue #4 replaces this with
 * sessions, rotating keys and partner client credentials; only this class needs to change.
 *
 * Verification results are cached per token for a short while: a client sends the same token with
 * every request, and verifying the JWT each time would cost more than the rest of the gateway's
 * own work for a small query.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, CachedIdentity>();

  constructor(
    private readonly sessionSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** `Authorization` header → identity; no header → null (anonymous); anything else invalid → throws. */
  async identityFrom(authorization: string | undefined): Promise<Identity | null> {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization);
    if (!match) throw new AuthenticationFailed('the Authorization header is not "Bearer <token>"');
    const token = match[1]!;
    const now = this.now();
    const cached = this.cache.get(token);
    if (cached && cached.validUntil > now) return cached.identity;
    let identity: Identity;
    let expiresAt: number;
    try {
      identity = await verifySessionToken(token, this.sessionSecret);
      expiresAt = expiryOf(token) ?? now;
    } catch (error) {
      this.cache.delete(token);
      if (error instanceof InvalidSessionToken) throw new AuthenticationFailed(error.message);
      throw error;
    }
    if (this.cache.size >= MAX_CACHED_TOKENS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(token, { identity, validUntil: Math.min(expiresAt, now + CACHE_TTL_MS) });
    return identity;
  }
}

/** The `exp` claim in ms; the signature has already been checked by the caller. */
function expiryOf(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
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
): GatewayContext {
  return {
    identity,
    requestId,
    subgraphHeaders: { ...signIdentity(identity, signingSecret), 'x-request-id': requestId },
  };
}
