import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Identity } from './roles.js';
import { ROLES } from './roles.js';

/**
 * DEVELOPMENT LOGIN TOKENS. Until the identity issue (#4) lands its sessions with rotating keys and
 * a JWKS endpoint, the identity subgraph signs an HS256 access token with SESSION_SIGNING_SECRET
 * and the gateway verifies it with the same secret.
 */
const ISSUER = 'poortwachter-identity';
const AUDIENCE = 'poortwachter-gateway';

export async function issueSessionToken(identity: Identity, secret: string, ttlSeconds = 8 * 3600): Promise<string> {
  return new SignJWT({ ...identity })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(secret));
}

export class InvalidSessionToken extends Error {}

export async function verifySessionToken(token: string, secret: string): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (typeof payload.sub !== 'string' || !ROLES.includes(payload.role as Identity['role'])) {
      throw new InvalidSessionToken('malformed token');
    }
    return {
      sub: payload.sub,
      role: payload.role as Identity['role'],
      personId: payload.personId as string | undefined,
      scope: payload.scope as Identity['scope'],
      apiScopes: payload.apiScopes as string[] | undefined,
      sessionId: payload.sessionId as string | undefined,
    };
  } catch (error) {
    if (error instanceof InvalidSessionToken) throw error;
    if (error instanceof joseErrors.JOSEError) throw new InvalidSessionToken(error.code);
    throw error;
  }
}
