import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { HeaderMap } from '@apollo/server';
import { closeServer, IDENTITY_HEADER, SIGNATURE_HEADER, verifyIdentity } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedSubgraphDataSource } from '../src/datasource.js';
import { createContext, type GatewayContext } from '../src/identity.js';
import { EMPLOYER, SIGNING_SECRET } from './fake-subgraphs.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: unknown;
  socket: number;
}

let server: http.Server;
let url: string;
const received: Received[] = [];
let reply: (response: http.ServerResponse) => void = (response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ data: { ok: true } }));
};
let connections = 0;
const socketIds = new WeakMap<object, number>();

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({
        headers: request.headers,
        body: JSON.parse(raw),
        socket: socketIds.get(request.socket)!,
      });
      reply(response);
    });
  });
  server.on('connection', (socket) => socketIds.set(socket, ++connections));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await closeServer(server);
});

function fetchOptions(
  context: GatewayContext,
  query = '{ ok }',
): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    kind: 'incoming operation',
    request: { query, variables: { id: 'p1' }, operationName: 'Q' },
    context,
    incomingRequestContext: {},
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

describe('SignedSubgraphDataSource', () => {
  it('sends every fetch of one request with the same signed identity and request id', async () => {
    received.length = 0;
    const source = new SignedSubgraphDataSource({ name: 'dossier', url, signingSecret: SIGNING_SECRET });
    const context = createContext(EMPLOYER, 'request-42', SIGNING_SECRET);
    const first = await source.process(fetchOptions(context));
    await source.process(fetchOptions(context, '{ again: ok }'));
    expect(first).toEqual({ data: { ok: true } });
    expect(received).toHaveLength(2);
    const [a, b] = received as [Received, Received];
    expect(a.headers[IDENTITY_HEADER]).toBe(b.headers[IDENTITY_HEADER]);
    expect(a.headers[SIGNATURE_HEADER]).toBe(b.headers[SIGNATURE_HEADER]);
    expect(a.headers['x-request-id']).toBe('request-42');
    expect(a.headers['content-type']).toBe('application/json');
    const headers = new HeaderMap(Object.entries(a.headers).map(([key, value]) => [key, String(value)]));
    expect(verifyIdentity(headers, SIGNING_SECRET)).toEqual(EMPLOYER);
    expect(a.body).toEqual({ query: '{ ok }', operationName: 'Q', variables: { id: 'p1' } });
    await source.close();
  });

  it('keeps connections alive: sequential fetches do not open a connection each', async () => {
    received.length = 0;
    const source = new SignedSubgraphDataSource({ name: 'dossier', url, signingSecret: SIGNING_SECRET });
    const context = createContext(null, 'request-43', SIGNING_SECRET);
    for (let index = 0; index < 10; index++) await source.process(fetchOptions(context));
    // undici may hand the next request to a second pooled connection while the first one is
    // still draining; what matters is that the count stays flat.
    expect(new Set(received.map((entry) => entry.socket)).size).toBeLessThanOrEqual(2);
    await source.close();
  });

  it('signs an anonymous identity when there is no request context', async () => {
    received.length = 0;
    const source = new SignedSubgraphDataSource({ name: 'dossier', url, signingSecret: SIGNING_SECRET });
    await source.process(fetchOptions(undefined as unknown as GatewayContext));
    const headers = new HeaderMap(
      Object.entries(received[0]!.headers).map(([key, value]) => [key, String(value)]),
    );
    expect(verifyIdentity(headers, SIGNING_SECRET)).toBeNull();
    await source.close();
  });

  it('reports a subgraph answering with a non-GraphQL HTTP error as SUBGRAPH_ERROR', async () => {
    reply = (response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>bad gateway</html>');
    };
    const source = new SignedSubgraphDataSource({ name: 'agenda', url, signingSecret: SIGNING_SECRET });
    await expect(
      source.process(fetchOptions(createContext(null, 'r', SIGNING_SECRET))),
    ).rejects.toMatchObject({
      extensions: { code: 'SUBGRAPH_ERROR', serviceName: 'agenda', status: 502 },
    });
    reply = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: { ok: true } }));
    };
    await source.close();
  });

  it('reports an unreachable subgraph as SUBGRAPH_UNAVAILABLE', async () => {
    const source = new SignedSubgraphDataSource({
      name: 'reporting',
      url: 'http://127.0.0.1:9/graphql',
      signingSecret: SIGNING_SECRET,
    });
    await expect(
      source.process(fetchOptions(createContext(null, 'r', SIGNING_SECRET))),
    ).rejects.toMatchObject({
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'reporting' },
    });
    await source.close();
  });

  describe("identity's revokedUserIds", () => {
    const answerWith = (body: unknown) => (response: http.ServerResponse) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const plain = answerWith({ data: { ok: true } });

    it('hands the ids to the listener and keeps them from the answer the gateway builds for the client', async () => {
      const heard: string[][] = [];
      const source = new SignedSubgraphDataSource({ name: 'identity', url, signingSecret: SIGNING_SECRET, onRevokedUsers: (ids) => heard.push(ids) });
      const context = createContext(EMPLOYER, 'r', SIGNING_SECRET);
      try {
        reply = answerWith({ data: { setUserBlocked: { id: 'u1' } }, extensions: { revokedUserIds: ['u1', 'u2'], other: 1 } });
        expect(await source.process(fetchOptions(context))).toEqual({ data: { setUserBlocked: { id: 'u1' } }, extensions: { other: 1 } });
        reply = answerWith({ data: { ok: true }, extensions: { revokedUserIds: ['u3'] } });
        expect(await source.process(fetchOptions(context))).toEqual({ data: { ok: true } });
        // An error answer still reports the sessions that ended (refresh-token reuse ends the family, then refuses).
        reply = answerWith({ data: null, errors: [{ message: 'reused', extensions: { code: 'REFRESH_TOKEN_REUSED' } }], extensions: { revokedUserIds: ['u4'] } });
        expect(await source.process(fetchOptions(context))).toEqual({ data: null, errors: [expect.objectContaining({ message: 'reused' })] });
        reply = plain;
        await source.process(fetchOptions(context));
        expect(heard).toEqual([['u1', 'u2'], ['u3'], ['u4']]);
      } finally {
        reply = plain;
        await source.close();
      }
    });

    it('strips a malformed list without calling the listener, and strips it too where nobody listens', async () => {
      const heard: string[][] = [];
      const source = new SignedSubgraphDataSource({ name: 'identity', url, signingSecret: SIGNING_SECRET, onRevokedUsers: (ids) => heard.push(ids) });
      const deaf = new SignedSubgraphDataSource({ name: 'dossier', url, signingSecret: SIGNING_SECRET });
      const context = createContext(EMPLOYER, 'r', SIGNING_SECRET);
      try {
        reply = answerWith({ data: { ok: true }, extensions: { revokedUserIds: 'u1' } });
        expect(await source.process(fetchOptions(context))).toEqual({ data: { ok: true } });
        reply = answerWith({ data: { ok: true }, extensions: { revokedUserIds: [42, '', 'u5'] } });
        expect(await source.process(fetchOptions(context))).toEqual({ data: { ok: true } });
        expect(await deaf.process(fetchOptions(context))).toEqual({ data: { ok: true } });
        expect(heard).toEqual([['u5']]);
      } finally {
        reply = plain;
        await source.close();
        await deaf.close();
      }
    });
  });
});
