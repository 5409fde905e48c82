import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Identity } from './roles.js';
import { ROLES } from './roles.js';

/**
 * The gateway forwards the verified caller to subgraphs in these headers. A subgraph trusts the
 * identity only when the HMAC over payload and timestamp matches the shared gateway secret and the
 * stamp is recent; anything else is refused. HMAC rather than a JWT because the gateway signs once
 * per request and every subgraph fetch verifies it: this sits on the hot path of every query.
 */
export const IDENTITY_HEADER = 'x-poortwachter-identity';
export const SIGNATURE_HEADER = 'x-poortwachter-signature';
const MAX_AGE_MS = 60_000;

export class IdentityRejected extends Error {
  constructor(public readonly reason: string) {
    super(`Identity rejected: ${reason}`);
  }
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signIdentity(
  identity: Identity | null,
  secret: string,
  now: number = Date.now(),
): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ id: identity, iat: now })).toString('base64url');
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: mac(secret, payload) };
}

/** Returns the caller (null = anonymous, yet still vouched for by the gateway). */
export function verifyIdentity(
  headers: { get(name: string): string | undefined | null },
  secret: string,
  now: number = Date.now(),
): Identity | null {
  const payload = headers.get(IDENTITY_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (!payload || !signature) throw new IdentityRejected('missing gateway signature');
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new IdentityRejected('invalid gateway signature');
  }
  let decoded: { id: Identity | null; iat: number };
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new IdentityRejected('malformed identity');
  }
  if (typeof decoded.iat !== 'number' || Math.abs(now - decoded.iat) > MAX_AGE_MS) {
    throw new IdentityRejected('expired identity');
  }
  if (decoded.id !== null && (typeof decoded.id?.sub !== 'string' || !ROLES.includes(decoded.id.role))) {
    throw new IdentityRejected('malformed identity');
  }
  return decoded.id;
}
