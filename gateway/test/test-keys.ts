import type { Identity, JsonWebKeySet } from '@poortwachter/kit';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface KeyPair {
  kid: string;
  privateKey: CryptoKey;
  jwks: JsonWebKeySet;
}

/** An ES256 key pair with its public half as a JWKS, like identity's rotating signing keys. */
export async function keyPair(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { kid, privateKey, jwks: { keys: [jwk] } };
}

/** Signs like identity's `signAccessToken`; `expiresInSeconds` may be negative for an expired token. */
export function accessToken(identity: Identity, key: KeyPair, expiresInSeconds = 600, typ = 'at+jwt'): Promise<string> {
  return new SignJWT({ ...identity })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ })
    .setSubject(identity.sub)
    .setIssuer('poortwachter-identity')
    .setAudience('poortwachter-gateway')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(key.privateKey);
}

/** The key the fake identity subgraph publishes in its `jwks`; tokens from `tokenFor` are signed with it. */
export const FAKE_IDENTITY_KEY: Promise<KeyPair> = keyPair('fake-identity-key');

/** A user token needs a session (identity's rule); partner clients have none. */
export function withSession(identity: Identity): Identity {
  return identity.role === 'API_CLIENT' || identity.sessionId ? identity : { ...identity, sessionId: 'fake-session' };
}
