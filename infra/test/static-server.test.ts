import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen, PortInUseError } from '@poortwachter/kit';
import { createStaticSite } from '../src/static-server.js';

let root: string;
const servers: http.Server[] = [];

async function serve(options: Parameters<typeof createStaticSite>[0]): Promise<string> {
  const server = createStaticSite(options);
  servers.push(server);
  const port = await listen(server, 0, 'test');
  return `http://127.0.0.1:${port}`;
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'static-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>shell</title>');
  fs.writeFileSync(path.join(root, 'main.0123abcd.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'mf-manifest.json'), '{"name":"remote"}');
  fs.writeFileSync(path.join(os.tmpdir(), 'secret-outside.txt'), 'secret');
});

afterAll(async () => {
  await Promise.all(servers.map(closeServer));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('static site', () => {
  it('serves a shell with client-side routing and its runtime configuration', async () => {
    const base = await serve({ root, spaFallback: true, cors: false, generated: { '/runtime-config.json': () => ({ gatewayUrl: 'http://gw' }) } });
    const deep = await fetch(`${base}/dossiers/123`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(deep.headers.get('referrer-policy')).toBe('no-referrer');
    expect(deep.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await deep.text()).toContain('<title>shell</title>');
    const config = await fetch(`${base}/runtime-config.json`);
    expect(await config.json()).toEqual({ gatewayUrl: 'http://gw' });
    expect(config.headers.get('cache-control')).toBe('no-store');
    const asset = await fetch(`${base}/main.0123abcd.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
  });

  it('serves a remote cross-origin, never files outside its folder', async () => {
    const base = await serve({ root, spaFallback: false, cors: true });
    const manifest = await fetch(`${base}/mf-manifest.json`);
    expect(manifest.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${base}/unknown-route`)).status).toBe(404);
    const traversal = await new Promise<number>((resolve) => {
      http.get(`${base}/..%2fsecret-outside.txt`, (response) => resolve(response.statusCode ?? 0));
    });
    expect(traversal).toBe(403);
    expect((await fetch(`${base}/index.html`, { method: 'POST' })).status).toBe(405);
  });
});

describe('busy ports', () => {
  it('names the port and the variable to change it', async () => {
    const first = http.createServer();
    servers.push(first);
    const port = await listen(first, 0, 'gateway');
    const second = http.createServer();
    const attempt = listen(second, port, 'gateway');
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(new RegExp(`Port ${port} is already in use.*GATEWAY_PORT=<port>`));
  });
});
