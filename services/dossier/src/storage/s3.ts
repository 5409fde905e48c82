import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { assertStorageKey, type DocumentStorage } from './types.js';

/** The one method of S3Client the adapter uses; tests pass an in-memory fake. */
export interface S3Sender {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send(command: any): Promise<any>;
}

export interface S3StorageConfig {
  bucket: string;
  /** For S3-compatible stores (MinIO, Ceph, a Dutch cloud provider); path-style addressing then. */
  endpoint?: string;
  region?: string;
  /** Prepended to every key, e.g. `documents/`. */
  prefix?: string;
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata?.httpStatusCode === 404;
  const name = (error as { name?: string } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound';
}

/** Documents as objects in a bucket. Credentials come from the standard AWS chain (env, profile, role). */
export class S3DocumentStorage implements DocumentStorage {
  readonly kind = 's3' as const;

  constructor(
    private readonly client: S3Sender,
    private readonly bucket: string,
    private readonly prefix = '',
  ) {}

  static fromConfig(config: S3StorageConfig): S3DocumentStorage {
    const client = new S3Client({
      region: config.region ?? 'eu-central-1',
      endpoint: config.endpoint,
      forcePathStyle: config.endpoint !== undefined,
    });
    return new S3DocumentStorage(client, config.bucket, config.prefix ?? '');
  }

  private keyOf(key: string): string {
    assertStorageKey(key);
    return `${this.prefix}${key}`;
  }

  async put(key: string, body: Readable | Uint8Array, meta: { contentType: string; sizeBytes: number }): Promise<void> {
    // A known length lets the SDK stream the body in one PUT instead of buffering it.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(key),
        Body: body,
        ContentType: meta.contentType,
        ContentLength: meta.sizeBytes,
        ServerSideEncryption: 'AES256',
      }),
    );
  }

  async get(key: string): Promise<{ body: Readable; sizeBytes: number } | null> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      return { body: result.Body as Readable, sizeBytes: Number(result.ContentLength ?? 0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async read(key: string): Promise<Buffer | null> {
    const object = await this.get(key);
    if (!object) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
  }
}
