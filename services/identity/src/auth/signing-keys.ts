import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { DataSource } from 'typeorm';
import { seal, unseal } from './sealed.js';

export const SIGNING_ALGORITHM = 'ES256';

/** A retired key stays published this long, so tokens it signed (trust tokens: 24 h) still verify. */
const PUBLISHED_AFTER_RETIREMENT_SECONDS = 2 * 24 * 3600;
/** How often an instance looks for a key another instance rotated in. */
const RELOAD_MS = 60_000;

export interface JsonWebKeySet {
  keys: JWK[];
}

interface KeyRow {
  kid: string;
  /** `{ sealed }`: the private JWK encrypted at rest (see sealed.ts). */
  private_jwk: { sealed: string };
  created_at: Date;
}

function privateJwkOf(row: KeyRow): JWK {
  return JSON.parse(unseal(row.private_jwk.sealed, `signing-key:${row.kid}`)) as JWK;
}

interface ActiveKey {
  kid: string;
  key: CryptoKey;
  createdAt: Date;
  loadedAt: number;
}

/**
 * The ES256 keys that sign access and trust tokens, kept in the database so every identity
 * instance signs with the same current key and the gateway can fetch the public halves (JWKS).
 * A key older than the rotation period is replaced on next use; the old one keeps verifying until
 * everything it signed has expired.
 */
export class SigningKeys {
  private active: ActiveKey | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly rotationDays: number,
  ) {}

  async current(): Promise<{ kid: string; key: CryptoKey }> {
    const now = Date.now();
    if (this.active && now - this.active.loadedAt < RELOAD_MS && !this.isDue(this.active.createdAt, now)) return this.active;
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT kid, private_jwk, created_at FROM identity.signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    );
    const row = rows[0] && !this.isDue(rows[0].created_at, now) ? rows[0] : await this.rotate();
    this.active = {
      kid: row.kid,
      key: (await importJWK(privateJwkOf(row), SIGNING_ALGORITHM)) as CryptoKey,
      createdAt: row.created_at,
      loadedAt: now,
    };
    return this.active;
  }

  private isDue(createdAt: Date, now: number): boolean {
    return now - createdAt.getTime() > this.rotationDays * 24 * 3600 * 1000;
  }

  /** Makes a new current key and retires the others; serialized across instances by an advisory lock. */
  async rotate(): Promise<KeyRow> {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALGORITHM };
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
    const row = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('identity.signing_keys'))`);
      await manager.query(`UPDATE identity.signing_keys SET retired_at = now() WHERE retired_at IS NULL`);
      const inserted: KeyRow[] = await manager.query(
        `INSERT INTO identity.signing_keys (kid, alg, private_jwk, public_jwk) VALUES ($1, $2, $3, $4)
         RETURNING kid, private_jwk, created_at`,
        [kid, SIGNING_ALGORITHM, JSON.stringify({ sealed: seal(JSON.stringify(privateJwk), `signing-key:${kid}`) }), JSON.stringify(publicJwk)],
      );
      return inserted[0]!;
    });
    this.active = null;
    return row;
  }

  /** The public keys that verify tokens now: the current key and recently retired ones. */
  async jwks(): Promise<JsonWebKeySet> {
    const rows: { public_jwk: JWK }[] = await this.dataSource.query(
      `SELECT public_jwk FROM identity.signing_keys
        WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)
        ORDER BY created_at DESC`,
      [PUBLISHED_AFTER_RETIREMENT_SECONDS],
    );
    return { keys: rows.map((row) => row.public_jwk) };
  }
}

/** The JWKS document for `/.well-known/jwks.json`, making the first key if there is none yet. */
export async function jwksDocument(dataSource: DataSource, rotationDays = 30): Promise<JsonWebKeySet> {
  const keys = new SigningKeys(dataSource, rotationDays);
  await keys.current();
  return keys.jwks();
}
