import type { Readable } from 'node:stream';

/**
 * Where document bytes live. Keys are random UUIDs chosen by the dossier: never a file name or a
 * person's id, so neither a leaked key list nor a storage listing says whose document is whose,
 * and no caller-controlled text reaches a file path or an object key.
 */
export interface DocumentStorage {
  readonly kind: 'local' | 's3';
  /** Stores the bytes under `key`; a reader never sees a partly written object. */
  put(key: string, body: Readable | Uint8Array, meta: { contentType: string; sizeBytes: number }): Promise<void>;
  /** A stream of the bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<{ body: Readable; sizeBytes: number } | null>;
  /** The whole object in memory (only for documents the service processes itself, e.g. to sign). */
  read(key: string): Promise<Buffer | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; a missing object is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Defence in depth: a key that is not a lowercase UUID never reaches the file system or S3. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
