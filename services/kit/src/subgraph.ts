import 'reflect-metadata';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { AccessLog, AccessLogShipper } from './access-log.js';
import { Actor } from './authz.js';
import { isProduction, portOf, secret, type ServiceName } from './config.js';
import type { SubgraphContext } from './context.js';
import { statementCounter } from './database.js';
import type { EventBus } from './events.js';
import { closeServer, listen, readBody, sendJson } from './http.js';
import { Loaders } from './loaders.js';
import { runInRequestScope } from './request-scope.js';
import { IdentityRejected, verifyGatewayIdentity } from './signed-identity.js';

/** Request ids as the gateway makes or accepts them (anything else is replaced, never logged as is). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: SubgraphContext) => unknown }>;

/** type-graphql classes → a federation 2 subgraph schema, with `__resolveReference` per entity. */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema([
    {
      typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      resolvers: resolvers as any,
    },
  ]);
}

/** The SDL the composition reads: what `_service { sdl }` would return. */
export function subgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}

export interface SubgraphOptions {
  name: ServiceName;
  schema: GraphQLSchema;
  dataSource: DataSource;
  bus: EventBus | null;
  port?: number;
  /** Extra work on shutdown (workers, timers). */
  onClose?: () => Promise<void>;
  /** Extra HTTP routes beside /graphql (e.g. file up- and downloads); see `SubgraphRoutes`. */
  routes?: SubgraphRoutesFactory;
}

/**
 * Extra HTTP routes of a subgraph, tried before /graphql. Returns true when it answered the
 * request. The handler verifies the gateway-signed identity itself (`verifyGatewayIdentity`), as
 * /graphql does; the shipper lets it write access-log lines like resolvers do.
 */
export type SubgraphRoutes = (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => Promise<boolean>;
export type SubgraphRoutesFactory = (context: { accessLog: AccessLogShipper; gatewaySecret: string }) => SubgraphRoutes;

export interface RunningSubgraph {
  url: string;
  port: number;
  accessLog: AccessLogShipper;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

/** Copies what resolvers put in `ctx.responseExtensions` into the answer's top-level `extensions`. */
const responseExtensionsPlugin: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const extra = contextValue.responseExtensions;
        if (!extra || Object.keys(extra).length === 0 || response.body.kind !== 'single') return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, ...extra };
      },
    };
  },
};

/**
 * Serves one subgraph: POST /graphql (only with a gateway-signed identity), GET /health (checks the
 * database), and in development (or with EXPOSE_SQL_STATEMENT_COUNT=true) GET
 * /debug/sql-statements for the benchmark and the N+1 tests.
 */
export async function startSubgraph(options: SubgraphOptions): Promise<RunningSubgraph> {
  const gatewaySecret = secret('GATEWAY_SIGNING_SECRET');
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !isProduction(),
    // The gateway does not use inline traces here; producing them costs every request.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled(), responseExtensionsPlugin],
  });
  await apollo.start();
  const shipper = new AccessLogShipper(options.bus, options.name);
  const counter = statementCounter(options.dataSource);
  const routes = options.routes?.({ accessLog: shipper, gatewaySecret });

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse, requestId: string) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/health') {
        try {
          await options.dataSource.query('SELECT 1');
          sendJson(response, 200, { status: 'ok', service: options.name, database: 'ok' });
        } catch (error) {
          sendJson(response, 503, { status: 'error', service: options.name, database: String(error) });
        }
        return;
      }
      if (url.pathname === '/debug/sql-statements' && (!isProduction() || process.env.EXPOSE_SQL_STATEMENT_COUNT === 'true')) {
        // With ?requestId= the statements of that one request (exact); without, the process total.
        const ofRequest = url.searchParams.get('requestId');
        sendJson(response, 200, { service: options.name, statements: ofRequest === null ? counter.count : counter.countFor(ofRequest) });
        return;
      }
      if (routes && url.pathname !== '/graphql' && (await routes(request, response, url))) return;
      if (url.pathname !== '/graphql') {
        sendJson(response, 404, { error: 'not found' });
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let actor: Actor;
      let clientAddress: string | null;
      try {
        const verified = verifyGatewayIdentity(headers, gatewaySecret);
        actor = new Actor(verified.identity);
        clientAddress = verified.clientAddress;
      } catch (error) {
        if (error instanceof IdentityRejected) {
          sendJson(response, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
          return;
        }
        throw error;
      }
      const raw = request.method === 'POST' ? await readBody(request, MAX_BODY_BYTES) : '';
      const body = raw ? JSON.parse(raw) : undefined;
      const operation = `${options.name}:${(body && typeof body === 'object' && body.operationName) || 'anonymous'}`;
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: async () => ({
          actor,
          loaders: new Loaders(),
          accessLog: new AccessLog(shipper, actor, operation),
          requestId,
          clientAddress,
          responseExtensions: {},
        }),
      });
      const outHeaders: Record<string, string> = {};
      for (const [key, value] of result.headers) outHeaders[key] = value;
      if (result.body.kind === 'complete') {
        response.writeHead(result.status ?? 200, outHeaders);
        response.end(result.body.string);
      } else {
        response.writeHead(result.status ?? 200, outHeaders);
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? (error instanceof SyntaxError ? 400 : 500);
      if (status === 500) console.error(`[${options.name}]`, error);
      if (!response.headersSent) {
        sendJson(response, status, { errors: [{ message: status === 500 ? 'Internal server error' : String((error as Error).message) }] });
      } else response.end();
    }
  };
  const server = http.createServer((request, response) => {
    // The gateway passes its request id on; everything this request does (SQL included) is
    // attributed to it through the request scope.
    const forwarded = request.headers['x-request-id'];
    const requestId = typeof forwarded === 'string' && REQUEST_ID.test(forwarded) ? forwarded : randomUUID();
    void runInRequestScope({ requestId }, () => handle(request, response, requestId));
  });
  server.keepAliveTimeout = 65_000;
  const port = await listen(server, options.port ?? portOf(options.name), options.name);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    accessLog: shipper,
    async close() {
      await closeServer(server);
      await apollo.stop();
      await shipper.flush();
      await options.onClose?.();
    },
  };
}
