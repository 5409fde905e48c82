import { HeaderMap } from '@apollo/server';
import { IDENTITY_HEADER, SIGNATURE_HEADER, verifyIdentity } from '@poortwachter/kit';
import { describe, expect, it } from 'vitest';
import { AuthenticationFailed, createContext, requestIdFrom, TokenVerifier } from '../src/identity.js';
import { JwksAccessTokenVerifier } from '@poortwachter/kit';
import { EMPLOYER, SIGNING_SECRET, tokenFor } from './fake-subgraphs.js';
import { FAKE_IDENTITY_KEY, keyPair } from './test-keys.js';

/** A verifier that knows the fake identity's key, as the gateway would after fetching the JWKS. */
function verifierAt(now: () => number = Date.now): TokenVerifier {
  const accessTokens = new JwksAccessTokenVerifier(async () => (await FAKE_IDENTITY_KEY).jwks, { now });
  return new TokenVerifier(now, { accessTokens, sessionActive: async () => true });
}

describe('TokenVerifier (bearer tokens)', () => {
  it('turns a valid bearer token into the identity it was issued for', async () => {
    const verifier = verifierAt();
    const identity = await verifier.identityFrom(`Bearer ${await tokenFor(EMPLOYER)}`);
    expect(identity).toMatchObject({ sub: EMPLOYER.sub, role: 'EMPLOYER', scope: EMPLOYER.scope });
  });

  it('treats a request without Authorization as anonymous', async () => {
    const verifier = verifierAt();
    expect(await verifier.identityFrom(undefined)).toBeNull();
    expect(await verifier.identityFrom('')).toBeNull();
  });

  it('refuses an expired token', async () => {
    const verifier = verifierAt();
    const token = await tokenFor(EMPLOYER, 1);
    const later = verifierAt();
    await expect(verifier.identityFrom(`Bearer ${token}`)).resolves.toMatchObject({ sub: EMPLOYER.sub });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(later.identityFrom(`Bearer ${token}`)).rejects.toBeInstanceOf(AuthenticationFailed);
    // The cache never outlives the token's own expiry.
    await expect(verifier.identityFrom(`Bearer ${token}`)).rejects.toBeInstanceOf(AuthenticationFailed);
  });

  it('refuses a token signed with another key (forged)', async () => {
    const verifier = verifierAt();
    const forged = await tokenFor({ ...EMPLOYER, role: 'ADMIN' }, 3600, await keyPair('fake-identity-key'));
    await expect(verifier.identityFrom(`Bearer ${forged}`)).rejects.toMatchObject({
      reason: expect.stringMatching(/SIGNATURE/i),
    });
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const verifier = verifierAt();
    const [header, payload, signature] = (await tokenFor(EMPLOYER)).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const altered = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    await expect(verifier.identityFrom(`Bearer ${header}.${altered}.${signature}`)).rejects.toBeInstanceOf(
      AuthenticationFailed,
    );
  });

  it('refuses other Authorization schemes and garbage', async () => {
    const verifier = verifierAt();
    await expect(verifier.identityFrom('Basic dXNlcjpwYXNz')).rejects.toBeInstanceOf(AuthenticationFailed);
    await expect(verifier.identityFrom('Bearer not a token')).rejects.toBeInstanceOf(AuthenticationFailed);
    await expect(verifier.identityFrom('Bearer abc.def.ghi')).rejects.toBeInstanceOf(AuthenticationFailed);
  });

  it('verifies a token again once its cache entry is older than 30 seconds', async () => {
    let now = Date.now();
    const verifier = verifierAt(() => now);
    const token = await tokenFor(EMPLOYER, 3600);
    const first = await verifier.identityFrom(`Bearer ${token}`);
    expect(await verifier.identityFrom(`Bearer ${token}`)).toBe(first);
    now += 31_000;
    const again = await verifier.identityFrom(`Bearer ${token}`);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});

describe('TokenVerifier.forgetUser (revocation)', () => {
  const OTHER = { ...EMPLOYER, sub: 'other-user' };

  /** A verifier whose session check is counted and can be switched off per user. */
  function counting() {
    const checks: string[] = [];
    const ended = new Set<string>();
    const accessTokens = new JwksAccessTokenVerifier(async () => (await FAKE_IDENTITY_KEY).jwks);
    const verifier = new TokenVerifier(Date.now, {
      accessTokens,
      sessionActive: async (identity) => {
        checks.push(identity.sub);
        return !ended.has(identity.sub);
      },
    });
    return { verifier, checks, ended };
  }

  it('drops every cached token of the user, and only theirs: the next use is checked with identity again', async () => {
    const { verifier, checks, ended } = counting();
    const phone = `Bearer ${await tokenFor(EMPLOYER)}`;
    const laptop = `Bearer ${await tokenFor(EMPLOYER, 1800)}`;
    const other = `Bearer ${await tokenFor(OTHER)}`;
    for (const header of [phone, laptop, other, phone, laptop, other]) await verifier.identityFrom(header);
    expect(checks).toEqual([EMPLOYER.sub, EMPLOYER.sub, OTHER.sub]);

    ended.add(EMPLOYER.sub);
    verifier.forgetUser(EMPLOYER.sub);
    await expect(verifier.identityFrom(phone)).rejects.toMatchObject({ reason: 'the session has ended' });
    await expect(verifier.identityFrom(laptop)).rejects.toBeInstanceOf(AuthenticationFailed);
    // The other user's token is still served from the cache: no new check.
    await expect(verifier.identityFrom(other)).resolves.toMatchObject({ sub: OTHER.sub });
    expect(checks).toEqual([EMPLOYER.sub, EMPLOYER.sub, OTHER.sub, EMPLOYER.sub, EMPLOYER.sub]);
  });

  it('does nothing for a user without cached tokens', async () => {
    const { verifier, checks } = counting();
    const other = `Bearer ${await tokenFor(OTHER)}`;
    await verifier.identityFrom(other);
    verifier.forgetUser('nobody');
    await verifier.identityFrom(other);
    expect(checks).toEqual([OTHER.sub]);
  });

  it('neither caches nor shares a session check that was under way when the user was revoked', async () => {
    const checks: string[] = [];
    let release: (active: boolean) => void = () => {};
    const accessTokens = new JwksAccessTokenVerifier(async () => (await FAKE_IDENTITY_KEY).jwks);
    const answers: boolean[] = [];
    const verifier = new TokenVerifier(Date.now, {
      accessTokens,
      sessionActive: (identity) => {
        checks.push(identity.sub);
        // The first check is held back; later ones answer at once with the next prepared answer.
        if (checks.length === 1) return new Promise<boolean>((resolve) => (release = resolve));
        return Promise.resolve(answers.shift() ?? true);
      },
    });
    const header = `Bearer ${await tokenFor(EMPLOYER)}`;
    const racing = verifier.identityFrom(header);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checks).toHaveLength(1);
    // Revoked while identity is still answering the first check (which read the session before).
    verifier.forgetUser(EMPLOYER.sub);
    answers.push(false);
    // A request after the revocation does not join the old check: it gets its own, which refuses.
    await expect(verifier.identityFrom(header)).rejects.toBeInstanceOf(AuthenticationFailed);
    release(true);
    await expect(racing).resolves.toMatchObject({ sub: EMPLOYER.sub });
    // The racing answer was not cached: the next request asks identity again.
    answers.push(false);
    await expect(verifier.identityFrom(header)).rejects.toBeInstanceOf(AuthenticationFailed);
    expect(checks).toHaveLength(3);
  });
});

describe('per-request context', () => {
  it('signs the identity once into headers a subgraph accepts', () => {
    const context = createContext(EMPLOYER, 'req-1', SIGNING_SECRET);
    const headers = new HeaderMap(Object.entries(context.subgraphHeaders));
    expect(verifyIdentity(headers, SIGNING_SECRET)).toEqual(EMPLOYER);
    expect(context.subgraphHeaders['x-request-id']).toBe('req-1');
  });

  it('signs the anonymous caller too, so the login mutation reaches identity', () => {
    const context = createContext(null, 'req-2', SIGNING_SECRET);
    expect(context.subgraphHeaders[IDENTITY_HEADER]).toBeTruthy();
    expect(context.subgraphHeaders[SIGNATURE_HEADER]).toBeTruthy();
    expect(verifyIdentity(new HeaderMap(Object.entries(context.subgraphHeaders)), SIGNING_SECRET)).toBeNull();
  });

  it('a subgraph with another secret refuses the signature', () => {
    const context = createContext(EMPLOYER, 'req-3', SIGNING_SECRET);
    expect(() =>
      verifyIdentity(
        new HeaderMap(Object.entries(context.subgraphHeaders)),
        'another-secret-of-at-least-32-characters',
      ),
    ).toThrow(/invalid gateway signature/);
  });

  it('keeps a well-formed caller request id and replaces a hostile one', () => {
    expect(requestIdFrom('shell-1234:abc')).toBe('shell-1234:abc');
    expect(requestIdFrom('evil\r\nset-cookie: x')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
