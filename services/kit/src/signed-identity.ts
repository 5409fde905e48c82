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

export interface SignIdentityOptions {
  /** The caller's network address as the gateway saw it (per-address throttling, access log). */
  clientAddress?: string | null;
  now?: number;
}

/** What a subgraph learns from a verified gateway request. */
export interface GatewayIdentity {
  /** null = anonymous, yet still vouched for by the gateway. */
  identity: Identity | null;
  clientAddress: string | null;
}

const MAX_ADDRESS_LENGTH = 64;

export function signIdentity(
  identity: Identity | null,
  secret: string,
  options: SignIdentityOptions | number = {},
): Record<string, string> {
  const { clientAddress = null, now = Date.now() } = typeof options === 'number' ? { now: options } : options;
  const claims: { id: Identity | null; iat: number; addr?: string } = { id: identity, iat: now };
  if (clientAddress) claims.addr = clientAddress.slice(0, MAX_ADDRESS_LENGTH);
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: mac(secret, payload) };
}

/** Verifies the gateway's signature and returns the caller and the client address it vouches for. */
export function verifyGatewayIdentity(
  headers: { get(name: string): string | undefined | null },
  secret: string,
  now: number = Date.now(),
): GatewayIdentity {
  const payload = headers.get(IDENTITY_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (!payload || !signature) throw new IdentityRejected('missing gateway signature');
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new IdentityRejected('invalid gateway signature');
  }
  let decoded: { id: Identity | null; iat: number; addr?: unknown };
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
  if (decoded.addr !== undefined && (typeof decoded.addr !== 'string' || decoded.addr.length > MAX_ADDRESS_LENGTH)) {
    throw new IdentityRejected('malformed identity');
  }
  return { identity: decoded.id, clientAddress: decoded.addr || null };
}

/**
 * Returns the caller (null = anonymous, yet still vouched for by the gateway). Kept for callers
 * that need only the identity; `verifyGatewayIdentity` also gives the client address.
 */
export function verifyIdentity(
  headers: { get(name: string): string | undefined | null },
  secret: string,
  now: number = Date.now(),
): Identity | null {
  return verifyGatewayIdentity(headers, secret, now).identity;
}
