import os from 'node:os';
import path from 'node:path';
import type { DocumentStorage } from './types.js';
import { isProduction } from '@poortwachter/kit';
import { LocalDocumentStorage } from './local.js';
import { S3DocumentStorage } from './s3.js';

export * from './types.js';
export { LocalDocumentStorage } from './local.js';
export { S3DocumentStorage, type S3Sender } from './s3.js';

/**
 * S3 when DOCUMENT_STORAGE_S3_BUCKET is set (any S3-compatible store with
 * DOCUMENT_STORAGE_S3_ENDPOINT), otherwise the local file system under DOCUMENT_STORAGE_DIR
 * (`npm start` puts it in the git-ignored data folder). Production must say where explicitly:
 * a temp folder would lose documents on the next reboot.
 */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): DocumentStorage {
  const bucket = env.DOCUMENT_STORAGE_S3_BUCKET;
  if (bucket) {
    return S3DocumentStorage.fromConfig({
      bucket,
      endpoint: env.DOCUMENT_STORAGE_S3_ENDPOINT || undefined,
      region: env.DOCUMENT_STORAGE_S3_REGION || undefined,
      prefix: env.DOCUMENT_STORAGE_S3_PREFIX || undefined,
    });
  }
  const dir = env.DOCUMENT_STORAGE_DIR;
  if (dir) return new LocalDocumentStorage(path.resolve(dir));
  if (isProduction(env)) throw new Error('Set DOCUMENT_STORAGE_DIR or DOCUMENT_STORAGE_S3_BUCKET: where uploaded documents are stored.');
  return new LocalDocumentStorage(path.join(os.tmpdir(), 'poortwachter-documents'));
}
