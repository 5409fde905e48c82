import { describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, IdentityRejected, SIGNATURE_HEADER, signIdentity, verifyGatewayIdentity, verifyIdentity } from '../src/signed-identity.js';
import type { Identity } from '../src/roles.js';

const SECRET = 'test-secret-test-secret-test-secret-42';
const employer: Identity = { sub: 'u1', role: 'EMPLOYER', scope: { employerIds: ['e1'], divisionIds: [], departmentIds: [] } };
const headersOf = (record: Record<string, string>) => ({ get: (name: string) => record[name] });

describe('gateway-signed identity', () => {
  it('round-trips an identity signed with the shared secret', () => {
    expect(verifyIdentity(headersOf(signIdentity(employer, SECRET)), SECRET)).toEqual(employer);
  });

  it('vouches for anonymous callers too', () => {
    expect(verifyIdentity(headersOf(signIdentity(null, SECRET)), SECRET)).toBeNull();
  });

  it('refuses unsigned headers', () => {
    const headers = signIdentity(employer, SECRET);
    expect(() => verifyIdentity(headersOf({ [IDENTITY_HEADER]: headers[IDENTITY_HEADER]! }), SECRET)).toThrow(IdentityRejected);
    expect(() => verifyIdentity(headersOf({}), SECRET)).toThrow(/missing/);
  });

  it('refuses a forged identity (payload changed, signature kept)', () => {
    const headers = signIdentity(employer, SECRET);
    const forged = Buffer.from(JSON.stringify({ id: { ...employer, role: 'ADMIN' }, iat: Date.now() })).toString('base64url');
    expect(() => verifyIdentity(headersOf({ [IDENTITY_HEADER]: forged, [SIGNATURE_HEADER]: headers[SIGNATURE_HEADER]! }), SECRET)).toThrow(
      /invalid gateway signature/,
    );
  });

  it('refuses a signature made with another secret', () => {
    expect(() => verifyIdentity(headersOf(signIdentity(employer, 'another-secret-another-secret-4242')), SECRET)).toThrow(
      /invalid gateway signature/,
    );
  });

  it('refuses a replayed old identity', () => {
    const old = signIdentity(employer, SECRET, Date.now() - 5 * 60_000);
    expect(() => verifyIdentity(headersOf(old), SECRET)).toThrow(/expired/);
  });

  it('refuses an unknown role even when signed', () => {
    const headers = signIdentity({ sub: 'x', role: 'ROOT' as never }, SECRET);
    expect(() => verifyIdentity(headersOf(headers), SECRET)).toThrow(/malformed/);
  });
});

describe('client address in the signed identity', () => {
  it('carries the client address the gateway saw', () => {
    const headers = headersOf(signIdentity(employer, SECRET, { clientAddress: '203.0.113.7' }));
    expect(verifyGatewayIdentity(headers, SECRET)).toEqual({ identity: employer, clientAddress: '203.0.113.7' });
    expect(verifyIdentity(headers, SECRET)).toEqual(employer);
  });

  it('gives null when the gateway sent no address', () => {
    expect(verifyGatewayIdentity(headersOf(signIdentity(null, SECRET)), SECRET)).toEqual({ identity: null, clientAddress: null });
  });

  it('refuses a forged client address (payload changed, signature kept)', () => {
    const headers = signIdentity(employer, SECRET, { clientAddress: '203.0.113.7' });
    const forged = Buffer.from(JSON.stringify({ id: employer, iat: Date.now(), addr: '10.0.0.1' })).toString('base64url');
    expect(() =>
      verifyGatewayIdentity(headersOf({ [IDENTITY_HEADER]: forged, [SIGNATURE_HEADER]: headers[SIGNATURE_HEADER]! }), SECRET),
    ).toThrow(/invalid gateway signature/);
  });

  it('refuses an address signed with another secret', () => {
    const headers = headersOf(signIdentity(employer, 'another-secret-another-secret-another-1', { clientAddress: '203.0.113.7' }));
    expect(() => verifyGatewayIdentity(headers, SECRET)).toThrow(IdentityRejected);
  });

  it('refuses a stale stamp given as options', () => {
    const headers = headersOf(signIdentity(employer, SECRET, { clientAddress: '203.0.113.7', now: Date.now() - 120_000 }));
    expect(() => verifyGatewayIdentity(headers, SECRET)).toThrow(/expired/);
  });
});
