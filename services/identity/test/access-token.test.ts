import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidAccessToken, JwksAccessTokenVerifier, signAccessToken, verifyAccessToken } from '../src/auth/access-token.js';
import type { JsonWebKeySet } from '../src/auth/signing-keys.js';

async function key(): Promise<{ kid: string; key: CryptoKey; publicJwk: JsonWebKeySet['keys'][number] }> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  return { kid, key: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

const identity = { sub: randomUUID(), role: 'EMPLOYEE' as const, personId: randomUUID(), sessionId: randomUUID() };
const inFiveMinutes = () => new Date(Date.now() + 300_000);

describe('access tokens', () => {
  it('verify with the JWKS and carry the identity and session', async () => {
    const k = await key();
    const token = await signAccessToken(identity, k, inFiveMinutes());
    expect(await verifyAccessToken(token, { keys: [k.publicJwk] })).toEqual(identity);
  });

  it('are refused when expired, signed by an unknown key, or a development HS256 token', async () => {
    const k = await key();
    const other = await key();
    const expired = await signAccessToken(identity, k, new Date(Date.now() - 1000));
    await expect(verifyAccessToken(expired, { keys: [k.publicJwk] })).rejects.toThrow(InvalidAccessToken);
    const foreign = await signAccessToken(identity, other, inFiveMinutes());
    await expect(verifyAccessToken(foreign, { keys: [k.publicJwk] })).rejects.toThrow(InvalidAccessToken);
    const development = await new SignJWT({ ...identity })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer('poortwachter-identity')
      .setAudience('poortwachter-gateway')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    await expect(verifyAccessToken(development, { keys: [k.publicJwk] })).rejects.toThrow(InvalidAccessToken);
  });

  it('the verifier fetches the JWKS again when a rotated key appears, but not for every unknown token', async () => {
    const first = await key();
    const second = await key();
    let published: JsonWebKeySet = { keys: [first.publicJwk] };
    let fetches = 0;
    let clock = 0;
    const verifier = new JwksAccessTokenVerifier(
      async () => {
        fetches++;
        return published;
      },
      { now: () => clock, minRefetchMs: 30_000 },
    );
    expect((await verifier.verify(await signAccessToken(identity, first, inFiveMinutes()))).sub).toBe(identity.sub);
    published = { keys: [second.publicJwk, first.publicJwk] };
    clock += 31_000;
    expect((await verifier.verify(await signAccessToken(identity, second, inFiveMinutes()))).sub).toBe(identity.sub);
    expect(fetches).toBe(2);
    const stranger = await key();
    await expect(verifier.verify(await signAccessToken(identity, stranger, inFiveMinutes()))).rejects.toThrow(InvalidAccessToken);
    expect(fetches).toBe(2);
  });
});
