import { JwksAccessTokenVerifier, type Identity, type JsonWebKeySet } from '@poortwachter/kit';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationFailed, TokenVerifier } from '../src/identity.js';
import { EMPLOYER } from './fake-subgraphs.js';
import { accessToken, keyPair, type KeyPair } from './test-keys.js';

const USER: Identity = { ...EMPLOYER, sessionId: '6f1c7c52-3d0e-4a57-9a55-0d0c0e0d6a11' };
const PARTNER: Identity = { sub: 'client-1', role: 'API_CLIENT', apiScopes: ['persons:read'] };

let current: KeyPair;
let attacker: KeyPair;

beforeAll(async () => {
  current = await keyPair('key-1');
  attacker = await keyPair('key-1');
});

function verifierWith(options: {
  jwks?: () => JsonWebKeySet;
  active?: (identity: Identity) => boolean;
  clock?: { now: number };
  counters?: { jwks: number; sessionChecks: number };
}) {
  const counters = options.counters ?? { jwks: 0, sessionChecks: 0 };
  const now = () => options.clock?.now ?? Date.now();
  const accessTokens = new JwksAccessTokenVerifier(
    async () => {
      counters.jwks += 1;
      return (options.jwks ?? (() => current.jwks))();
    },
    { now, minRefetchMs: 30_000 },
  );
  return new TokenVerifier(now, {
    accessTokens,
    sessionActive: async (identity) => {
      counters.sessionChecks += 1;
      return (options.active ?? (() => true))(identity);
    },
  });
}

describe('ES256 access tokens (identity sessions and partner clients)', () => {
  it('accepts a token signed with a key of the JWKS and returns its identity', async () => {
    const verifier = verifierWith({});
    const identity = await verifier.identityFrom(`Bearer ${await accessToken(USER, current)}`);
    expect(identity).toMatchObject({ sub: USER.sub, role: 'EMPLOYER', sessionId: USER.sessionId, scope: USER.scope });
  });

  it('accepts a partner client token without a session check', async () => {
    const counters = { jwks: 0, sessionChecks: 0 };
    const verifier = verifierWith({ counters, active: () => false });
    const identity = await verifier.identityFrom(`Bearer ${await accessToken(PARTNER, current)}`);
    expect(identity).toMatchObject({ role: 'API_CLIENT', apiScopes: ['persons:read'] });
    expect(counters.sessionChecks).toBe(0);
  });

  it('refuses a forged token: same kid, another private key', async () => {
    const verifier = verifierWith({});
    const forged = await accessToken({ ...USER, role: 'ADMIN' }, attacker);
    await expect(verifier.identityFrom(`Bearer ${forged}`)).rejects.toMatchObject({
      reason: expect.stringMatching(/SIGNATURE/i),
    });
  });

  it('refuses an expired token', async () => {
    const verifier = verifierWith({});
    const expired = await accessToken(USER, current, -60);
    await expect(verifier.identityFrom(`Bearer ${expired}`)).rejects.toMatchObject({
      reason: expect.stringMatching(/EXPIRED/i),
    });
  });

  it('refuses a token of another type (e.g. a trust token) signed with the same key', async () => {
    const verifier = verifierWith({});
    const other = await accessToken(USER, current, 600, 'trust+jwt');
    await expect(verifier.identityFrom(`Bearer ${other}`)).rejects.toBeInstanceOf(AuthenticationFailed);
  });

  it('refuses a user token without a session', async () => {
    const verifier = verifierWith({});
    const { sessionId: _none, ...sessionless } = USER;
    await expect(verifier.identityFrom(`Bearer ${await accessToken(sessionless, current)}`)).rejects.toBeInstanceOf(
      AuthenticationFailed,
    );
  });

  it('refuses HS256 tokens, whatever secret they were signed with', async () => {
    const verifier = verifierWith({});
    const hs256 = await new SignJWT({ ...USER })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setSubject(USER.sub)
      .setIssuer('poortwachter-identity')
      .setAudience('poortwachter-gateway')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('a-secret-an-attacker-might-guess-or-know'));
    await expect(verifier.identityFrom(`Bearer ${hs256}`)).rejects.toMatchObject({ reason: expect.stringMatching(/HS256/) });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const verifier = verifierWith({});
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ ...USER, iss: 'poortwachter-identity', aud: 'poortwachter-gateway' })).toString(
      'base64url',
    );
    await expect(verifier.identityFrom(`Bearer ${header}.${payload}.`)).rejects.toBeInstanceOf(AuthenticationFailed);
  });

  it('fetches the keys again for an unknown kid (rotation), but not more than every 30 seconds', async () => {
    const rotated = await keyPair('key-2');
    let published = current.jwks;
    const counters = { jwks: 0, sessionChecks: 0 };
    const clock = { now: Date.now() };
    const verifier = verifierWith({ jwks: () => published, counters, clock });
    await verifier.identityFrom(`Bearer ${await accessToken(USER, current)}`);
    expect(counters.jwks).toBe(1);
    clock.now += 31_000;
    published = { keys: [...current.jwks.keys, ...rotated.jwks.keys] };
    await expect(verifier.identityFrom(`Bearer ${await accessToken(USER, rotated)}`)).resolves.toMatchObject({ sub: USER.sub });
    expect(counters.jwks).toBe(2);
    // An attacker spraying unknown kids cannot make the gateway hammer identity.
    const unknown = await keyPair('key-unknown');
    for (let i = 0; i < 5; i += 1) {
      await expect(verifier.identityFrom(`Bearer ${await accessToken(USER, unknown)}`)).rejects.toBeInstanceOf(
        AuthenticationFailed,
      );
    }
    expect(counters.jwks).toBe(2);
  });
});

describe('revoked sessions', () => {
  it('refuses a cached token once the 30-second re-check finds its session ended', async () => {
    let active = true;
    const counters = { jwks: 0, sessionChecks: 0 };
    const clock = { now: Date.now() };
    const verifier = verifierWith({ active: () => active, counters, clock });
    const header = `Bearer ${await accessToken(USER, current)}`;
    await expect(verifier.identityFrom(header)).resolves.toMatchObject({ sub: USER.sub });
    expect(counters.sessionChecks).toBe(1);
    active = false;
    // Within the cache period the token still passes without asking identity.
    clock.now += 10_000;
    await expect(verifier.identityFrom(header)).resolves.toMatchObject({ sub: USER.sub });
    expect(counters.sessionChecks).toBe(1);
    clock.now += 21_000;
    await expect(verifier.identityFrom(header)).rejects.toMatchObject({ reason: 'the session has ended' });
    expect(counters.sessionChecks).toBe(2);
    // And stays refused.
    await expect(verifier.identityFrom(header)).rejects.toBeInstanceOf(AuthenticationFailed);
  });

  it('checks again at once after the token was forgotten (logout)', async () => {
    let active = true;
    const verifier = verifierWith({ active: () => active });
    const token = await accessToken(USER, current);
    await verifier.identityFrom(`Bearer ${token}`);
    active = false;
    verifier.forget(token);
    await expect(verifier.identityFrom(`Bearer ${token}`)).rejects.toMatchObject({ reason: 'the session has ended' });
  });

  it('shares one verification and session check between concurrent requests', async () => {
    const counters = { jwks: 0, sessionChecks: 0 };
    const verifier = verifierWith({ counters });
    const header = `Bearer ${await accessToken(USER, current)}`;
    await Promise.all(Array.from({ length: 10 }, () => verifier.identityFrom(header)));
    expect(counters.sessionChecks).toBe(1);
    expect(counters.jwks).toBe(1);
  });
});
