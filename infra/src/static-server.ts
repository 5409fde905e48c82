import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticSiteOptions {
  root: string;
  /** Shells route on the client: unknown paths get index.html. */
  spaFallback: boolean;
  /** Remotes are fetched cross-origin by the shells. */
  cors: boolean;
  /** Extra generated files, e.g. `/runtime-config.json`. */
  generated?: Record<string, () => unknown>;
}

/*
 * The shells may not be framed (clickjacking) nor have their base URL or form targets redirected.
 * Scripts, styles and connections stay unrestricted here: the shells load remotes and call the
 * gateway on other origins chosen at run time (runtime-config.json).
 */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/** Serves a built frontend; hashed assets are cached for a year, HTML and manifests never. */
export function createStaticSite(options: StaticSiteOptions): http.Server {
  const root = path.resolve(options.root);
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const cors: Record<string, string> = options.cors ? { 'access-control-allow-origin': '*' } : {};
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-allow-headers': '*' });
      response.end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD, OPTIONS' });
      response.end();
      return;
    }
    const generated = options.generated?.[url.pathname];
    if (generated) {
      const body = JSON.stringify(generated());
      response.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store', ...cors, ...SECURITY_HEADERS });
      response.end(body);
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(403);
      response.end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      if (options.spaFallback && !path.extname(url.pathname)) file = path.join(root, 'index.html');
      else {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...cors });
        response.end('Niet gevonden');
        return;
      }
    }
    const ext = path.extname(file);
    const immutable = /\.[0-9a-f]{8,}\./.test(path.basename(file));
    response.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...cors,
      ...SECURITY_HEADERS,
    });
    if (request.method === 'HEAD') response.end();
    else fs.createReadStream(file).pipe(response);
  });
}
