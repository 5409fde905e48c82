import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { isProduction } from '@poortwachter/kit';

/**
 * Secrets the service must read back (TOTP secrets, private signing keys) are stored encrypted with
 * AES-256-GCM under IDENTITY_ENCRYPTION_KEY, so a copy of the database alone yields no second
 * factor and no way to sign tokens.
 */
const PREFIX = 'v1:';
const DEV_KEY_MATERIAL = 'development-only-identity-encryption-key-change-me';

export function encryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env.IDENTITY_ENCRYPTION_KEY;
  if (raw) {
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new Error('IDENTITY_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return key;
  }
  if (isProduction(env)) throw new Error('IDENTITY_ENCRYPTION_KEY must be set in production');
  return createHash('sha256').update(DEV_KEY_MATERIAL).digest();
}

let cachedKey: Buffer | null = null;
const key = () => (cachedKey ??= encryptionKey());

export function seal(plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The AAD binds a sealed value to its owner: a secret copied to another row does not open. */
export function unseal(sealed: string, aad: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed value');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
