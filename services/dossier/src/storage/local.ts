import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type DocumentStorage } from './types.js';

/**
 * Documents as files under one folder, outside any web root. Files are spread over 256
 * sub-folders by the key's first two hex digits so no folder grows huge.
 */
export class LocalDocumentStorage implements DocumentStorage {
  readonly kind = 'local' as const;

  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, body: Readable | Uint8Array, _meta: { contentType: string; sizeBytes: number }): Promise<void> {
    const target = this.pathOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // Written next to the target and renamed: a reader sees the whole file or none.
    const temporary = `${target}.${randomUUID()}.partial`;
    try {
      const source = body instanceof Readable ? body : Readable.from([body]);
      await pipeline(source, fs.createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      await fsp.rename(temporary, target);
    } catch (error) {
      await fsp.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<{ body: Readable; sizeBytes: number } | null> {
    const file = this.pathOf(key);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const { size } = await handle.stat();
    return { body: handle.createReadStream(), sizeBytes: size };
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return await fsp.readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fsp.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }
}
