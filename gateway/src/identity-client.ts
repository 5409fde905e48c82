import type { Identity, JsonWebKeySet } from '@poortwachter/kit';
import { signIdentity } from '@poortwachter/kit';
import type { GraphQLFormattedError } from 'graphql';
import type { JWK } from 'jose';
import { takeRevokedUsers, type RevokedUsersListener } from './revocations.js';

/** Identity could not be asked (down, timeout, not a GraphQL answer): the caller answers 503. */
export class IdentityUnavailable extends Error {
  readonly status = 503;
  constructor(cause: string) {
    super(`The identity service is unavailable (${cause}). Try again in a moment.`);
  }
}

export interface IdentityAnswer<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

const JWKS_QUERY = '{ jwks { keys { kty crv x y kid alg use } } }';
const SESSION_ACTIVE_QUERY = '{ sessionActive }';

/**
 * The gateway's own calls to the identity subgraph (keys, session checks, the cookie and OAuth
 * endpoints). They are signed like any forwarded request, with the caller's identity or anonymous,
 * so identity applies its usual rules and per-address throttling.
 */
export class IdentityClient {
  constructor(
    private readonly url: string,
    private readonly signingSecret: string,
    private readonly timeoutMs = 5000,
    /** Hears `revokedUserIds` of these calls too (a logout or a refresh-token reuse through /auth). */
    private readonly onRevokedUsers?: RevokedUsersListener,
  ) {}

  async call<T>(
    query: string,
    variables: Record<string, unknown> = {},
    identity: Identity | null = null,
    clientAddress: string | null = null,
  ): Promise<IdentityAnswer<T>> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          ...signIdentity(identity, this.signingSecret, { clientAddress }),
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new IdentityUnavailable((error as Error).message);
    }
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      throw new IdentityUnavailable(`HTTP ${response.status}`);
    }
    if (typeof answer !== 'object' || answer === null || !('data' in answer || 'errors' in answer))
      throw new IdentityUnavailable(`HTTP ${response.status}`);
    const revoked = takeRevokedUsers(answer);
    if (revoked.length > 0) this.onRevokedUsers?.(revoked);
    return answer as IdentityAnswer<T>;
  }

  /** The public keys that verify access tokens, without the GraphQL nulls (jose wants absent members). */
  async fetchJwks(): Promise<JsonWebKeySet> {
    const answer = await this.call<{ jwks: { keys: Record<string, string | null>[] } }>(JWKS_QUERY);
    if (!answer.data?.jwks) throw new IdentityUnavailable(`jwks: ${answer.errors?.[0]?.message ?? 'no keys'}`);
    const keys = answer.data.jwks.keys.map(
      (key) => Object.fromEntries(Object.entries(key).filter(([, value]) => value !== null)) as JWK,
    );
    return { keys };
  }

  /** Whether the session behind the identity is still active (not logged out, revoked, expired). */
  async sessionActive(identity: Identity): Promise<boolean> {
    const answer = await this.call<{ sessionActive: boolean }>(SESSION_ACTIVE_QUERY, {}, identity);
    if (typeof answer.data?.sessionActive !== 'boolean')
      throw new IdentityUnavailable(`sessionActive: ${answer.errors?.[0]?.message ?? 'no answer'}`);
    return answer.data.sessionActive;
  }
}
