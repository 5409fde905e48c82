import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  closeServer,
  domainError,
  readBody,
  secret,
  verifyIdentity,
  type Identity,
} from '@poortwachter/kit';
import { composeSdl } from '@poortwachter/schema';
import { parse } from 'graphql';
import { accessToken, FAKE_IDENTITY_KEY, withSession, type KeyPair } from './test-keys.js';

export const SIGNING_SECRET = secret('GATEWAY_SIGNING_SECRET');

/** What a fake subgraph saw of one request. */
export interface SeenRequest {
  headers: http.IncomingHttpHeaders;
  identity: Identity | null;
  body: { query?: string } | undefined;
  socketId: number;
}

export interface FakeSubgraph {
  name: string;
  url: string;
  sdl: string;
  seen: SeenRequest[];
  /** Distinct TCP connections the gateway opened (keep-alive keeps this low). */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A small real subgraph: @apollo/subgraph schema behind node http, refusing anything without a
 * valid gateway signature (as the kit's subgraphs do) and recording what it received.
 */
async function startFakeSubgraph(
  name: string,
  sdl: string,
  resolvers: Record<string, Record<string, unknown>>,
): Promise<FakeSubgraph> {
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]);
  const apollo = new ApolloServer<{ identity: Identity | null }>({
    schema,
    includeStacktraceInErrorResponses: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const seen: SeenRequest[] = [];
  let sockets = 0;
  const socketIds = new WeakMap<object, number>();
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', service: name }));
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers))
      if (typeof value === 'string') headers.set(key, value);
    let identity: Identity | null;
    try {
      identity = verifyIdentity(headers, SIGNING_SECRET);
    } catch (error) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          errors: [{ message: (error as Error).message, extensions: { code: 'UNAUTHENTICATED' } }],
        }),
      );
      return;
    }
    const raw = await readBody(request, 1_000_000);
    const body = raw ? JSON.parse(raw) : undefined;
    seen.push({ headers: request.headers, identity, body, socketId: socketIds.get(request.socket)! });
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'POST', headers, search: url.search, body },
      context: async () => ({ identity }),
    });
    const out: Record<string, string> = {};
    for (const [key, value] of result.headers) out[key] = value;
    response.writeHead(result.status ?? 200, out);
    response.end(result.body.kind === 'complete' ? result.body.string : '');
  });
  server.on('connection', (socket) => socketIds.set(socket, ++sockets));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    sdl,
    seen,
    connections: () => sockets,
    async close() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/** "dossier": persons with a recursive `manager` (for depth limits) and errors of both kinds. */
const DOSSIER_SDL = `${LINK}
type Person @key(fields: "id") {
  id: ID!
  firstName: String!
  manager: Person
  colleagues: [Person!]!
}
type Query {
  person(id: ID!): Person
  persons: [Person!]!
  """Fails like a broken database would: an internal error with internals in its message."""
  broken: String
  """Fails with a domain error the caller should see."""
  secretDossier: String
}
`;

/** "identity": extends Person and tells who the gateway said the caller is. */
const IDENTITY_SDL = `${LINK}
type Person @key(fields: "id") {
  id: ID!
  username: String
}
type JsonWebKeySet {
  keys: [JsonWebKey!]!
}
type JsonWebKey {
  kty: String!
  crv: String
  x: String
  y: String
  kid: String!
  alg: String!
  use: String!
}
type Query {
  whoami: String
  """The keys the gateway verifies access tokens with."""
  jwks: JsonWebKeySet!
  """The gateway's revocation check; every fake session is active."""
  sessionActive: Boolean!
}
`;

const PEOPLE = [
  { id: 'p1', firstName: 'Sanne', managerId: 'p2' },
  { id: 'p2', firstName: 'Peter', managerId: 'p1' },
];

function person(id: string) {
  const found = PEOPLE.find((candidate) => candidate.id === id);
  return found ? { id: found.id, firstName: found.firstName, managerId: found.managerId } : null;
}

export interface FakeSystem {
  dossier: FakeSubgraph;
  identity: FakeSubgraph;
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  close(): Promise<void>;
}

export async function startFakeSystem(): Promise<FakeSystem> {
  const dossier = await startFakeSubgraph('dossier', DOSSIER_SDL, {
    Query: {
      person: (_: unknown, args: { id: string }) => person(args.id),
      persons: () => PEOPLE.map((entry) => person(entry.id)),
      broken: () => {
        throw new Error(
          'connect ECONNREFUSED 10.0.0.7:5432 (password authentication failed for user "dossier")',
        );
      },
      secretDossier: () => {
        throw domainError('FORBIDDEN', 'You are not allowed to access this dossier.');
      },
    },
    Person: {
      __resolveReference: (reference: { id: string }) => person(reference.id),
      manager: (parent: { managerId: string }) => person(parent.managerId),
      colleagues: (parent: { id: string }) =>
        PEOPLE.filter((entry) => entry.id !== parent.id).map((entry) => person(entry.id)),
    },
  });
  const identity = await startFakeSubgraph('identity', IDENTITY_SDL, {
    Query: {
      whoami: (_: unknown, __: unknown, context: { identity: Identity | null }) =>
        JSON.stringify(context.identity),
      jwks: async () => (await FAKE_IDENTITY_KEY).jwks,
      sessionActive: (_: unknown, __: unknown, context: { identity: Identity | null }) => context.identity !== null,
    },
    Person: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      username: (parent: { id: string }) => `user-${parent.id}`,
    },
  });
  const outcome = await composeSdl([
    { name: 'dossier', url: 'http://127.0.0.1:1/graphql', sdl: dossier.sdl },
    { name: 'identity', url: 'http://127.0.0.1:1/graphql', sdl: identity.sdl },
  ]);
  if (!outcome.supergraphSdl) throw new Error(`fake composition failed: ${outcome.errors.join('; ')}`);
  return {
    dossier,
    identity,
    supergraphSdl: outcome.supergraphSdl,
    subgraphUrls: { dossier: dossier.url, identity: identity.url },
    async close() {
      await Promise.all([dossier.close(), identity.close()]);
    },
  };
}

export const EMPLOYER: Identity = {
  sub: 'user-employer',
  role: 'EMPLOYER',
  sessionId: 'fake-session',
  scope: { employerIds: ['employer-1'], divisionIds: [], departmentIds: [] },
};
export const PARTNER: Identity = { sub: 'client-afas', role: 'API_CLIENT', apiScopes: ['persons:read'] };

/**
 * An ES256 access token as identity would issue it, signed with the key the fake identity publishes
 * (or with `key`, e.g. an attacker's key with the same kid).
 */
export async function tokenFor(identity: Identity, ttlSeconds = 3600, key?: KeyPair): Promise<string> {
  return accessToken(withSession(identity), key ?? (await FAKE_IDENTITY_KEY), ttlSeconds);
}

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
}

/** POSTs like the shells do (JSON, so CSRF prevention lets it through). */
export async function post(
  url: string,
  query: string,
  options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse['body'],
  };
}
