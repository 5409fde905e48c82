import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { closeServer, verifyGatewayIdentity, type Identity } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/index.js';
import { EMPLOYER, SIGNING_SECRET, startFakeSystem, tokenFor, type FakeSystem } from './fake-subgraphs.js';

/**
 * The gateway's /files proxy against a fake dossier file server: token check as for /graphql,
 * signed identity towards the dossier, streaming both ways, and the early refusals.
 */
interface Seen {
  method: string;
  url: string;
  identity: Identity | null;
  clientAddress: string | null;
  bytes: number;
  sha256: string;
  headers: http.IncomingHttpHeaders;
}

const UPLOAD_LIMIT = 1_000_000;
let system: FakeSystem;
let files: http.Server;
let filesUrl: string;
let gateway: RunningGateway;
let token: string;
const seen: Seen[] = [];
const DOCUMENT = Buffer.from('%PDF-1.4 fake document bytes\n', 'latin1');

function startFakeFiles(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const headers = { get: (name: string) => request.headers[name] as string | undefined };
    let identity: Identity | null;
    let clientAddress: string | null;
    try {
      ({ identity, clientAddress } = verifyGatewayIdentity(headers, SIGNING_SECRET));
    } catch {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"error":{"code":"UNAUTHENTICATED","message":"unsigned"}}');
      return;
    }
    const record: Seen = { method: request.method!, url: request.url!, identity, clientAddress, bytes: 0, sha256: '', headers: request.headers };
    seen.push(record);
    if (request.url!.startsWith('/files/sick-cases/early/')) {
      // Refuses after the first chunk, like the dossier at the size limit, and drops the rest unread.
      request.once('data', () => {
        response.writeHead(413, { 'content-type': 'application/json' });
        response.end('{"error":{"code":"UPLOAD_TOO_LARGE","message":"too large"}}');
        request.resume();
      });
      return;
    }
    if (request.method === 'POST') {
      const hash = createHash('sha256');
      request.on('data', (chunk: Buffer) => {
        record.bytes += chunk.length;
        hash.update(chunk);
      });
      request.on('end', () => {
        record.sha256 = hash.digest('hex');
        response.writeHead(201, { 'content-type': 'application/json', location: '/files/documents/new', 'x-internal-detail': 'secret' });
        response.end(JSON.stringify({ document: { id: 'new' }, bytes: record.bytes, sha256: record.sha256 }));
      });
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(DOCUMENT.length),
      'content-disposition': 'inline; filename="brief.pdf"',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'x-internal-detail': 'secret',
      'set-cookie': 'tracking=1',
    });
    response.end(request.method === 'HEAD' ? undefined : DOCUMENT);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  process.env.UPLOAD_MAX_BYTES = String(UPLOAD_LIMIT);
  system = await startFakeSystem();
  files = await startFakeFiles();
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/graphql`;
  gateway = await startGateway({
    port: 0,
    supergraphSdl: system.supergraphSdl,
    subgraphUrls: { ...system.subgraphUrls, dossier: filesUrl },
    production: false,
    corsOrigins: ['http://localhost:3000'],
  });
  token = await tokenFor(EMPLOYER);
});

afterAll(async () => {
  await gateway?.close();
  if (files) await closeServer(files);
  await system?.close();
  delete process.env.UPLOAD_MAX_BYTES;
});

const auth = () => ({ authorization: `Bearer ${token}` });

describe('the /files proxy', () => {
  it('forwards a download with the signed identity and only the content headers', async () => {
    seen.length = 0;
    const response = await fetch(`${gateway.origin}/files/documents/abc?download=1`, { headers: { ...auth(), 'x-request-id': 'req-files-1' } });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(DOCUMENT)).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="brief.pdf"');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-request-id')).toBe('req-files-1');
    expect(response.headers.get('x-internal-detail')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/files/documents/abc?download=1', identity: EMPLOYER, clientAddress: '127.0.0.1' });
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('refuses missing and forged tokens before contacting the dossier', async () => {
    seen.length = 0;
    const anonymous = await fetch(`${gateway.origin}/files/documents/abc`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const forged = await fetch(`${gateway.origin}/files/documents/abc`, { headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toMatch(/invalid_token/);
    const malformed = await fetch(`${gateway.origin}/files/documents/abc`, { headers: { authorization: 'Basic dXNlcjpwdw==' } });
    expect(malformed.status).toBe(401);
    expect(seen).toHaveLength(0);
  });

  it('streams an upload through unchanged', async () => {
    seen.length = 0;
    const body = Buffer.alloc(900_000);
    for (let i = 0; i < body.length; i++) body[i] = (i * 7) % 251;
    const response = await fetch(`${gateway.origin}/files/sick-cases/case-1/documents`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'multipart/form-data; boundary=b' },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/files/documents/new');
    expect(response.headers.get('x-internal-detail')).toBeNull();
    const answer = (await response.json()) as { bytes: number; sha256: string };
    expect(answer).toMatchObject({ bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') });
    expect(seen[0]!.headers['content-type']).toBe('multipart/form-data; boundary=b');
    expect(seen[0]!.identity).toEqual(EMPLOYER);
  });

  it('refuses an upload that declares more than the limit without forwarding it', async () => {
    seen.length = 0;
    const response = await fetch(`${gateway.origin}/files/sick-cases/case-1/documents`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'multipart/form-data; boundary=b' },
      body: Buffer.alloc(UPLOAD_LIMIT + 200_000),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UPLOAD_TOO_LARGE');
    expect(seen).toHaveLength(0);
  });

  it("passes on the dossier's early refusal of a streamed upload", async () => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 1);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${gateway.origin}/files/sick-cases/early/documents`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'multipart/form-data; boundary=b' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UPLOAD_TOO_LARGE');
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('answers 404 for paths outside the file routes and 405 for other methods', async () => {
    const raw = (path: string, method = 'GET') =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(`${gateway.origin}${path}`, { method, headers: auth() }, (response) => {
          response.resume();
          resolve(response.statusCode!);
        });
        request.on('error', reject);
        request.end();
      });
    expect(await raw('/files/documents/..%2f..%2fgraphql')).toBe(404);
    expect(await raw('/files/')).toBe(404);
    expect(await raw('/files/documents/abc', 'DELETE')).toBe(405);
  });

  it('answers CORS preflights for the shells only', async () => {
    const allowed = await fetch(`${gateway.origin}/files/documents/abc`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const download = await fetch(`${gateway.origin}/files/documents/abc`, { headers: { ...auth(), origin: 'http://localhost:3000' } });
    expect(download.headers.get('access-control-expose-headers')).toMatch(/content-disposition/);
    const foreign = await fetch(`${gateway.origin}/files/documents/abc`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('reports an unreachable dossier as 503', async () => {
    const down = await startGateway({
      port: 0,
      supergraphSdl: system.supergraphSdl,
      subgraphUrls: { ...system.subgraphUrls, dossier: 'http://127.0.0.1:1/graphql' },
      production: false,
    });
    try {
      const response = await fetch(`${down.origin}/files/documents/abc`, { headers: auth() });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});
