import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDocumentStorage, S3DocumentStorage, storageFromEnv, type DocumentStorage, type S3Sender } from '../src/storage/index.js';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/** The contract every storage keeps, run against each implementation. */
function behavesAsStorage(name: string, make: () => DocumentStorage) {
  describe(name, () => {
    it('stores, streams, reads, checks and deletes by key', async () => {
      const storage = make();
      const key = randomUUID();
      expect(await storage.exists(key)).toBe(false);
      expect(await storage.get(key)).toBeNull();
      expect(await storage.read(key)).toBeNull();
      await storage.put(key, Readable.from([Buffer.from('hallo '), Buffer.from('wereld')]), { contentType: 'text/plain', sizeBytes: 12 });
      expect(await storage.exists(key)).toBe(true);
      const object = await storage.get(key);
      expect(object!.sizeBytes).toBe(12);
      expect(await text(object!.body)).toBe('hallo wereld');
      expect((await storage.read(key))!.toString()).toBe('hallo wereld');
      await storage.put(key, new Uint8Array(Buffer.from('nieuw')), { contentType: 'text/plain', sizeBytes: 5 });
      expect((await storage.read(key))!.toString()).toBe('nieuw');
      await storage.delete(key);
      await storage.delete(key);
      expect(await storage.exists(key)).toBe(false);
    });

    it('refuses keys that are not UUIDs, so no name or path reaches the store', async () => {
      const storage = make();
      for (const key of ['../etc/passwd', 'brief.pdf', '', `${randomUUID()}/x`, randomUUID().toUpperCase()]) {
        await expect(storage.put(key, new Uint8Array([1]), { contentType: 'x', sizeBytes: 1 })).rejects.toThrow(/Invalid storage key/);
        await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
      }
    });
  });
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

behavesAsStorage('local file system', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'poortwachter-storage-test-'));
  roots.push(root);
  return new LocalDocumentStorage(root);
});

/** An in-memory S3 that answers the four commands the adapter sends, with S3's own error types. */
class FakeS3 implements S3Sender {
  readonly objects = new Map<string, { body: Buffer; contentType: string }>();
  readonly commands: unknown[] = [];

  async send(command: unknown): Promise<unknown> {
    this.commands.push(command);
    if (command instanceof PutObjectCommand) {
      const { Key, Body, ContentType, ContentLength, Bucket } = command.input;
      expect(Bucket).toBe('dossier-documents');
      const chunks: Buffer[] = [];
      if (Body instanceof Readable) for await (const chunk of Body) chunks.push(Buffer.from(chunk as Uint8Array));
      else chunks.push(Buffer.from(Body as Uint8Array));
      const body = Buffer.concat(chunks);
      expect(body.length).toBe(ContentLength);
      this.objects.set(Key!, { body, contentType: ContentType! });
      return {};
    }
    if (command instanceof GetObjectCommand) {
      const object = this.objects.get(command.input.Key!);
      if (!object) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } });
      return { Body: Readable.from([object.body]), ContentLength: object.body.length, ContentType: object.contentType };
    }
    if (command instanceof HeadObjectCommand) {
      if (!this.objects.has(command.input.Key!)) throw new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } });
      return {};
    }
    if (command instanceof DeleteObjectCommand) {
      this.objects.delete(command.input.Key!);
      return {};
    }
    throw new Error(`unexpected command ${String(command)}`);
  }
}

behavesAsStorage('S3 (in-memory client)', () => new S3DocumentStorage(new FakeS3(), 'dossier-documents', 'documents/'));

describe('S3 adapter details', () => {
  it('puts objects under the prefix, with type, length and server-side encryption', async () => {
    const client = new FakeS3();
    const storage = new S3DocumentStorage(client, 'dossier-documents', 'documents/');
    const key = randomUUID();
    await storage.put(key, new Uint8Array([1, 2, 3]), { contentType: 'application/pdf', sizeBytes: 3 });
    expect([...client.objects.keys()]).toEqual([`documents/${key}`]);
    const put = client.commands[0] as PutObjectCommand;
    expect(put.input).toMatchObject({ ContentType: 'application/pdf', ContentLength: 3, ServerSideEncryption: 'AES256' });
  });

  it('passes other S3 failures on', async () => {
    const storage = new S3DocumentStorage({ send: async () => Promise.reject(new Error('AccessDenied')) }, 'b');
    await expect(storage.get(randomUUID())).rejects.toThrow('AccessDenied');
    await expect(storage.exists(randomUUID())).rejects.toThrow('AccessDenied');
  });
});

describe('storageFromEnv', () => {
  it('chooses S3 when a bucket is set, else the folder, and insists on one in production', () => {
    expect(storageFromEnv({ DOCUMENT_STORAGE_S3_BUCKET: 'b', DOCUMENT_STORAGE_S3_ENDPOINT: 'http://127.0.0.1:9000' }).kind).toBe('s3');
    const local = storageFromEnv({ DOCUMENT_STORAGE_DIR: 'relative/docs' }) as LocalDocumentStorage;
    expect(local.kind).toBe('local');
    expect(path.isAbsolute(local.root)).toBe(true);
    expect(() => storageFromEnv({ NODE_ENV: 'production' })).toThrow(/DOCUMENT_STORAGE_DIR or DOCUMENT_STORAGE_S3_BUCKET/);
    expect(storageFromEnv({}).kind).toBe('local');
  });
});
