import type http from 'node:http';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sendJson, signIdentity, type Identity } from '@poortwachter/kit';
import { request as upstreamRequest } from 'undici';
import { clientAddressOf } from './auth-endpoints.js';
import { AuthenticationFailed, requestIdFrom } from './identity.js';

/*
 * `/files/*`: document downloads and uploads, proxied to the dossier subgraph's own file routes.
 * The bearer token is checked exactly as for /graphql (same verifier: signature, expiry, session
 * revocation); the dossier gets the same signed identity headers as a subgraph fetch and decides
 * who may see or add what. Bodies stream through in both directions: an upload is never held in
 * the gateway's memory, and a refused one stops at the first refusal.
 *
 * Cross-site requests cannot forge these calls: they need the Authorization header (not a
 * cookie), which a foreign page can neither read nor send without a CORS preflight we refuse.
 */

export interface FilesProxyOptions {
  /** CORS headers the server computed for this request's Origin. */
  cors: Record<string, string>;
  verifier: { identityFrom(authorization: string | undefined): Promise<Identity | null> };
  signingSecret: string;
  /** The dossier subgraph's GraphQL URL; its file routes live on the same origin. */
  dossierUrl: string | undefined;
  trustProxy: boolean;
  /** Uploads declaring a larger body are refused before anything is forwarded; default UPLOAD_MAX_BYTES or 20 MB. */
  maxUploadBytes?: number;
}

const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
/** Multipart boundaries and form fields around the file; the dossier checks the file itself exactly. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** Path segments the dossier's routes use (ids, fixed words); nothing that could climb out of /files. */
const FILES_PATH = /^\/files(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'cache-control',
  'x-content-type-options',
  'location',
  'allow',
];
const ALLOWED_METHODS = 'GET, HEAD, POST, OPTIONS';
const ALLOWED_REQUEST_HEADERS = 'authorization, content-type, x-request-id';

/**
 * After an early answer to an upload, reads and drops the rest of the body (up to a cap) instead of
 * closing the connection: a client still sending would otherwise see a reset instead of the answer.
 * Beyond the cap the connection is cut; nothing read here is kept.
 */
function discardBody(request: http.IncomingMessage, capBytes: number): void {
  if (request.complete || request.destroyed) return;
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > capBytes) request.destroy();
  });
  request.resume();
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function uploadLimit(options: FilesProxyOptions): number {
  if (options.maxUploadBytes !== undefined) return options.maxUploadBytes;
  const raw = Number(process.env.UPLOAD_MAX_BYTES);
  return Number.isInteger(raw) && raw > 0 ? raw : DEFAULT_UPLOAD_MAX_BYTES;
}

function fail(
  response: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
): void {
  sendJson(response, status, { error: { code, message } }, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
}

export async function handleFiles(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  pathname: string,
  search: string,
  options: FilesProxyOptions,
): Promise<void> {
  const method = request.method ?? 'GET';
  const requestId = requestIdFrom(header(request, 'x-request-id'));
  const allowed = options.cors['access-control-allow-origin'] !== undefined;
  const base: Record<string, string> = {
    ...options.cors,
    ...(allowed ? { 'access-control-expose-headers': 'content-disposition, content-length, location, x-request-id' } : {}),
    'x-request-id': requestId,
  };
  // A body the gateway refuses before forwarding is dropped (within a cap), never processed.
  const drainCap = 2 * uploadLimit(options) + MULTIPART_OVERHEAD_BYTES;
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') response.once('finish', () => discardBody(request, drainCap));

  if (method === 'OPTIONS') {
    if (!allowed) {
      fail(response, 403, 'CORS_ORIGIN_NOT_ALLOWED', 'This origin may not call the file endpoints; set CORS_ORIGINS.', base);
      return;
    }
    response.writeHead(204, {
      ...base,
      'access-control-allow-methods': ALLOWED_METHODS,
      'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
      'access-control-max-age': '600',
    });
    response.end();
    return;
  }
  if (!FILES_PATH.test(pathname)) {
    fail(response, 404, 'NOT_FOUND', 'No such file endpoint.', base);
    return;
  }
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    fail(response, 405, 'METHOD_NOT_ALLOWED', 'Use GET to download and POST to upload.', { ...base, allow: ALLOWED_METHODS });
    return;
  }
  if (!options.dossierUrl) {
    fail(response, 503, 'SERVICE_UNAVAILABLE', 'The dossier service is not configured.', base);
    return;
  }

  let identity: Identity | null;
  try {
    identity = await options.verifier.identityFrom(header(request, 'authorization'));
  } catch (error) {
    if (!(error instanceof AuthenticationFailed)) throw error;
    fail(response, 401, 'UNAUTHENTICATED', error.message, { ...base, 'www-authenticate': 'Bearer error="invalid_token"' });
    return;
  }
  if (!identity) {
    fail(response, 401, 'UNAUTHENTICATED', 'Sign in: send the access token as Authorization: Bearer.', {
      ...base,
      'www-authenticate': 'Bearer',
    });
    return;
  }
  if (method === 'POST') {
    const declared = Number(header(request, 'content-length') ?? NaN);
    const limit = uploadLimit(options);
    if (Number.isFinite(declared) && declared > limit + MULTIPART_OVERHEAD_BYTES) {
      fail(response, 413, 'UPLOAD_TOO_LARGE', `The file is larger than the limit of ${limit} bytes.`, base);
      return;
    }
  }

  const headers: Record<string, string> = {
    ...signIdentity(identity, options.signingSecret, { clientAddress: clientAddressOf(request, options.trustProxy) }),
    'x-request-id': requestId,
  };
  if (method === 'POST') {
    for (const name of ['content-type', 'content-length']) {
      const value = header(request, name);
      if (value !== undefined) headers[name] = value;
    }
  }

  const target = new URL(options.dossierUrl);
  // undici destroys a request body it stops sending (the dossier refused early); through a
  // pass-through that ends there, and the client's connection lives on to receive the answer.
  const body = method === 'POST' ? request.pipe(new PassThrough()) : undefined;
  let upstream: Awaited<ReturnType<typeof upstreamRequest>>;
  try {
    upstream = await upstreamRequest(`${target.origin}${pathname}${search}`, {
      method,
      headers,
      body,
      headersTimeout: 60_000,
      bodyTimeout: 60_000,
    });
  } catch (error) {
    console.error(`[gateway] files request ${requestId}: ${(error as Error).message}`);
    if (!response.headersSent) fail(response, 503, 'SERVICE_UNAVAILABLE', 'The document service is unavailable.', base);
    return;
  }

  const out: Record<string, string> = { ...base };
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  response.writeHead(upstream.statusCode, out);
  try {
    await pipeline(upstream.body, response);
  } catch (error) {
    // The client went away or the dossier broke off; nothing more can be sent on this response.
    if (!response.destroyed) response.destroy(error as Error);
  }
}
