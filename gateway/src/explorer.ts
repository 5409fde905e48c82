import { createReadStream, existsSync, statSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { sendJson } from '@poortwachter/kit';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The explorer runs only code from this gateway: no CDN, no inline scripts. Monaco needs inline
 * styles and blob/data workers and fonts; requests go to this origin only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The built explorer (webpack output) next to the compiled gateway: dist/explorer. */
export function defaultExplorerDir(): string {
  return path.resolve(__dirname, '..', 'dist', 'explorer');
}

/** Serves GET /explorer (the page) and /explorer/<file> (its hashed assets). */
export function serveExplorer(
  explorerDir: string,
  pathname: string,
  method: string,
  response: http.ServerResponse,
): void {
  if (method !== 'GET' && method !== 'HEAD') {
    sendJson(response, 405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
    return;
  }
  const relative =
    pathname === '/explorer' || pathname === '/explorer/'
      ? 'index.html'
      : decodeURIComponent(pathname.slice('/explorer/'.length));
  const file = path.resolve(explorerDir, relative);
  if (!file.startsWith(explorerDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    if (relative === 'index.html') {
      sendJson(response, 503, {
        error: 'The explorer has not been built. Run: npm run build -w @poortwachter/gateway',
      });
    } else sendJson(response, 404, { error: 'not found' });
    return;
  }
  const extension = path.extname(file);
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'content-length': String(statSync(file).size),
    'x-content-type-options': 'nosniff',
    // The page is small and refers to content-hashed assets, which can be kept for good.
    'cache-control': extension === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
  };
  if (extension === '.html') {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['referrer-policy'] = 'no-referrer';
    headers['x-frame-options'] = 'DENY';
  }
  response.writeHead(200, headers);
  if (method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
