import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, ACCESS_TOKEN_TYPE, type Identity } from '@poortwachter/kit';
import { SignJWT, type CryptoKey } from 'jose';
import { SIGNING_ALGORITHM } from './signing-keys.js';

// Verification lives in the kit, so the gateway checks tokens with exactly the rules identity signs by.
export {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TYPE,
  InvalidAccessToken,
  JwksAccessTokenVerifier,
  verifyAccessToken,
} from '@poortwachter/kit';

export async function signAccessToken(
  identity: Identity,
  key: { kid: string; key: CryptoKey },
  expiresAt: Date,
): Promise<string> {
  return new SignJWT({ ...identity })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: ACCESS_TOKEN_TYPE })
    .setSubject(identity.sub)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key.key);
}
