import argon2 from 'argon2';

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). The parameters are stored
 * in every hash, so raising them later only needs a rehash on the next successful login.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Longer input is refused before hashing: nobody types it, and it would only cost CPU. */
export const MAX_PASSWORD_LENGTH = 1024;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash must read as "wrong password", never as a server error that tells
    // an attacker this account exists.
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies against a throw-away hash when the username is unknown, so a failed login takes the
 * same time whether or not the account exists.
 */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('poortwachter-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
