import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, HeaderMap, type GraphQLRequestListener } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { closeServer, JwksAccessTokenVerifier, listen, readBody, sendJson } from '@poortwachter/kit';
import { readSupergraph } from '@poortwachter/schema';
import {
  resolveOptions,
  routeSubgraphs,
  type GatewayOptions,
  type ResolvedGatewayOptions,
} from './config.js';
import { SignedSubgraphDataSource } from './datasource.js';
import { RevocationBroadcast } from './revocations.js';
import {
  formatErrorFor,
  isInternalError,
  isUnauthenticatedAnswer,
  partnerErrorMasking,
  UNAUTHENTICATED_HEADERS,
  unauthenticatedBody,
} from './errors.js';
import { recordArgumentPaths, scalarChecksPlugin } from './scalars.js';
import { partnerSchemaPlugin } from './partner-schema.js';
import { RateLimiter, rateLimitedBody } from './rate-limit.js';
import { defaultExplorerDir, serveExplorer } from './explorer.js';
import { checkHealth } from './health.js';
import { clientAddressOf, handleAuthEndpoint } from './auth-endpoints.js';
import { parseCookies, TRUST_COOKIE } from './cookies.js';
import {
  AuthenticationFailed,
  bearerToken,
  createContext,
  requestIdFrom,
  TokenVerifier,
  type GatewayContext,
} from './identity.js';
import { IdentityClient } from './identity-client.js';
import { introspectionGuard, queryLimits } from './limits.js';
import { handleTokenEndpoint } from './oauth.js';
import { handleFiles } from './files.js';
import { injectTrustToken, moveTokensToCookies, sessionPlugin } from './sessions.js';

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** e.g. http://127.0.0.1:4000 (also serves /health and /explorer). */
  origin: string;
  port: number;
  /** The subgraph endpoints the gateway routes to, by subgraph name. */
  subgraphUrls: Record<string, string>;
  close(): Promise<void>;
}

const ALLOWED_REQUEST_HEADERS =
  'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id';

/** Credentials allowed: the shells send the session cookies to /graphql (sign-in) and /auth. */
function corsHeaders(origin: string | undefined, allowed: ReadonlySet<string>): Record<string, string> {
  if (!origin || !allowed.has(origin)) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'x-request-id',
    vary: 'Origin',
  };
}

/** Paths a browser page of another (allowed) origin may call, with the methods it may use. */
const CORS_PATHS: Record<string, string> = {
  '/graphql': 'GET, POST, OPTIONS',
  '/auth/refresh': 'POST, OPTIONS',
  '/auth/logout': 'POST, OPTIONS',
  '/oauth/token': 'POST, OPTIONS',
};

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Starts the gateway: Apollo Server over @apollo/gateway with the checked-in supergraph, behind a
 * plain node http server (the same pattern as the subgraphs) that adds CORS, the token check,
 * /health and the bundled explorer.
 */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const config: ResolvedGatewayOptions = resolveOptions(options);
  const supergraphSdl = options.supergraphSdl ?? readSupergraph();
  const subgraphUrls = routeSubgraphs(supergraphSdl, config.subgraphUrls);
  if (Object.keys(subgraphUrls).length === 0)
    throw new Error('The supergraph names no subgraphs (no @join__graph): run npm run compose');
  const explorerDir = options.explorerDir ?? defaultExplorerDir();

  const dataSources: SignedSubgraphDataSource[] = [];
  // Set below, once the verifier exists; subgraph answers only arrive after start-up.
  let forgetUsers: (userIds: string[]) => void = () => {};
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const url = subgraphUrls[name];
      if (!url) throw new Error(`No URL for subgraph ${name}`);
      // Only identity ends sessions; another subgraph cannot make the gateway drop tokens.
      const source = new SignedSubgraphDataSource({
        name,
        url,
        signingSecret: config.signingSecret,
        onRevokedUsers: name === 'identity' ? (userIds) => forgetUsers(userIds) : undefined,
      });
      dataSources.push(source);
      return source;
    },
    // Plans are cached per operation; this bounds the cache, it does not turn it on (it always is).
    experimental_approximateQueryPlanStoreMiB: 64,
  });

  const limits = queryLimits(config.limits);
  // One listener object for all requests: only requests with errors do any work here.
  const errorLogger: GraphQLRequestListener<GatewayContext> = {
    async didEncounterErrors({ errors, contextValue }) {
      for (const error of errors) {
        const formatted = { message: error.message, extensions: error.extensions };
        if (isInternalError(formatted) || error.extensions?.code === 'SUBGRAPH_UNAVAILABLE') {
          console.error(
            `[gateway] request ${contextValue.requestId}: ${error.message}`,
            error.extensions?.serviceName ?? '',
          );
        }
      }
    },
  };
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    introspection: config.introspection !== 'off',
    includeStacktraceInErrorResponses: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: formatErrorFor(config.production),
    validationRules: [recordArgumentPaths, ...limits.validationRules],
    parseOptions: limits.parseOptions,
    stopOnTerminationSignals: false,
    plugins: [
      ...limits.plugins,
      ...introspectionGuard(config.introspection),
      scalarChecksPlugin,
      partnerSchemaPlugin,
      ...partnerErrorMasking(config.production),
      sessionPlugin(),
      { requestDidStart: async () => errorLogger },
      // Per-request work the gateway does not need: no traces, no usage reports, no HTTP caching
      // of private responses, no landing page (the explorer lives at /explorer).
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  const identityClient = subgraphUrls.identity
    ? new IdentityClient(subgraphUrls.identity, config.signingSecret, undefined, (userIds) => forgetUsers(userIds))
    : null;
  // Keys are cached; an unknown key id (a rotation) fetches again, at most every 30 seconds.
  const accessTokens = identityClient
    ? new JwksAccessTokenVerifier(() => identityClient.fetchJwks(), { maxAgeMs: 300_000, minRefetchMs: 30_000 })
    : null;
  const verifier = new TokenVerifier(Date.now, {
    accessTokens,
    sessionActive: identityClient ? (identity) => identityClient.sessionActive(identity) : null,
  });
  const forgetLocally = (userIds: string[]) => {
    for (const userId of userIds) verifier.forgetUser(userId);
  };
  // With a DATABASE_URL the other gateway replicas hear of revocations at once (LISTEN/NOTIFY);
  // without one (or while Postgres is unreachable) the token cache period bounds them.
  const broadcast = process.env.DATABASE_URL
    ? await RevocationBroadcast.connect(process.env.DATABASE_URL, forgetLocally).catch((error: unknown) => {
        console.error('[gateway] revocations are not shared between replicas:', (error as Error).message);
        return null;
      })
    : null;
  forgetUsers = (userIds) => {
    forgetLocally(userIds);
    broadcast?.publish(userIds).catch((error: unknown) => console.error('[gateway] could not share a revocation:', (error as Error).message));
  };

  const rateLimiter = new RateLimiter(config.rateLimits);

  async function handleGraphQL(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    search: string,
    cors: Record<string, string>,
  ) {
    const requestId = requestIdFrom(header(request, 'x-request-id'));
    const baseHeaders = { ...cors, 'x-request-id': requestId, 'x-content-type-options': 'nosniff' };
    let identity;
    let token: string | null;
    try {
      token = bearerToken(header(request, 'authorization'));
      identity = await verifier.identityFrom(header(request, 'authorization'));
    } catch (error) {
      if (!(error instanceof AuthenticationFailed)) throw error;
      // The same answer as for a missing token (below): nothing tells which check failed.
      sendJson(response, 401, unauthenticatedBody(), { ...baseHeaders, ...UNAUTHENTICATED_HEADERS });
      return;
    }
    const retryAfter = rateLimiter.take(identity, clientAddressOf(request, config.trustProxy));
    if (retryAfter !== null) {
      sendJson(response, 429, rateLimitedBody(retryAfter), { ...baseHeaders, 'retry-after': String(retryAfter) });
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (request.method === 'POST') {
      const declared = Number(header(request, 'content-length') ?? 0);
      if (declared > config.maxBodyBytes)
        throw Object.assign(new Error('Request body too large'), { status: 413 });
      const raw = await readBody(request, config.maxBodyBytes);
      if (raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          sendJson(
            response,
            400,
            {
              errors: [
                { message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } },
              ],
            },
            baseHeaders,
          );
          return;
        }
      }
    }
    const trustToken = parseCookies(header(request, 'cookie')).get(TRUST_COOKIE);
    if (trustToken && request.method === 'POST') body = injectTrustToken(body, trustToken);
    const context = createContext(identity, requestId, config.signingSecret, {
      token,
      clientAddress: clientAddressOf(request, config.trustProxy),
    });
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search, body },
      context: async () => context,
    });
    if (context.outcome.loggingOut && context.token) verifier.forget(context.token);
    const outHeaders: Record<string, string | string[]> = { ...baseHeaders };
    for (const [key, value] of result.headers) outHeaders[key] = value;
    if (result.body.kind === 'complete') {
      let text = result.body.string;
      if (identity === null && isUnauthenticatedAnswer(text)) {
        sendJson(response, 401, unauthenticatedBody(), { ...baseHeaders, ...UNAUTHENTICATED_HEADERS });
        return;
      }
      if (context.outcome.sessionLocations) {
        const moved = moveTokensToCookies(text, context.outcome.sessionLocations, config.secureCookies);
        text = moved.body;
        if (moved.cookies.length > 0) outHeaders['set-cookie'] = moved.cookies;
        outHeaders['cache-control'] = 'no-store';
        delete outHeaders['content-length'];
      }
      response.writeHead(result.status ?? 200, outHeaders);
      response.end(text);
    } else {
      response.writeHead(result.status ?? 200, outHeaders);
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    }
  }

  const server = http.createServer(async (request, response) => {
    const rawUrl = request.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const pathname = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const search = queryStart === -1 ? '' : rawUrl.slice(queryStart);
    const method = request.method ?? 'GET';
    const origin = header(request, 'origin');
    const cors = corsHeaders(origin, config.corsOrigins);
    try {
      const corsMethods = CORS_PATHS[pathname];
      if (corsMethods && method === 'OPTIONS') {
        if (!cors['access-control-allow-origin']) {
          sendJson(response, 403, { error: `Origin ${origin ?? '(none)'} is not allowed; set CORS_ORIGINS` }, cors);
          return;
        }
        response.writeHead(204, {
          ...cors,
          'access-control-allow-methods': corsMethods,
          'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
          'access-control-max-age': '600',
        });
        response.end();
        return;
      }
      if (pathname === '/auth/refresh' || pathname === '/auth/logout') {
        await handleAuthEndpoint(pathname, request, response, { ...cors, 'x-content-type-options': 'nosniff' }, {
          identity: identityClient,
          secureCookies: config.secureCookies,
          trustProxy: config.trustProxy,
          allowedOrigins: config.corsOrigins,
          forgetToken: (token) => verifier.forget(token),
          identityFrom: (authorization) => verifier.identityFrom(authorization),
        });
        return;
      }
      if (pathname === '/oauth/token') {
        await handleTokenEndpoint(request, response, { ...cors, 'x-content-type-options': 'nosniff' }, identityClient, config.trustProxy);
        return;
      }
      if (pathname === '/.well-known/jwks.json') {
        if (method !== 'GET' && method !== 'HEAD') {
          sendJson(response, 405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
          return;
        }
        if (!accessTokens) {
          sendJson(response, 404, { error: 'no identity subgraph: no keys' });
          return;
        }
        const keySet = await accessTokens.keySet();
        sendJson(response, 200, keySet, {
          'content-type': 'application/jwk-set+json',
          'cache-control': 'public, max-age=300',
          'access-control-allow-origin': '*',
        });
        return;
      }
      if (pathname.startsWith('/files/')) return void (await handleFiles(request, response, pathname, search, { cors, verifier, signingSecret: config.signingSecret, dossierUrl: subgraphUrls.dossier, trustProxy: config.trustProxy }));
      if (pathname === '/graphql') {
        if (method !== 'GET' && method !== 'POST') {
          sendJson(
            response,
            405,
            { errors: [{ message: 'Use GET or POST.', extensions: { code: 'BAD_REQUEST' } }] },
            { ...cors, allow: 'GET, POST, OPTIONS' },
          );
          return;
        }
        await handleGraphQL(request, response, search, cors);
        return;
      }
      // Liveness: the process serves. Readiness (/health) also needs every subgraph, so a subgraph
      // outage takes gateways out of rotation instead of having them restarted.
      if (pathname === '/health/live') {
        sendJson(response, 200, { status: 'ok' }, { 'cache-control': 'no-store' });
        return;
      }
      if (pathname === '/health') {
        const health = await checkHealth(subgraphUrls, config.healthTimeoutMs);
        const body = config.production
          ? {
              ...health,
              subgraphs: Object.fromEntries(
                Object.entries(health.subgraphs).map(([name, state]) => [name, { status: state.status }]),
              ),
            }
          : health;
        sendJson(response, health.status === 'ok' ? 200 : 503, body, { 'cache-control': 'no-store' });
        return;
      }
      if (pathname === '/explorer' || pathname.startsWith('/explorer/')) {
        serveExplorer(explorerDir, pathname, method, response);
        return;
      }
      if (pathname === '/') {
        response.writeHead(302, { location: '/explorer' });
        response.end();
        return;
      }
      sendJson(response, 404, {
        error: 'not found',
        endpoints: ['/graphql', '/explorer', '/health', '/auth/refresh', '/auth/logout', '/oauth/token', '/.well-known/jwks.json'],
      });
    } catch (error) {
      const status = (error as { status?: number }).status ?? (error instanceof URIError ? 400 : 500);
      if (status === 500) console.error('[gateway]', error);
      if (!response.headersSent) {
        const message =
          status === 413
            ? `The request body is larger than ${config.maxBodyBytes} bytes.`
            : status === 500
              ? 'Internal server error'
              : (error as Error).message;
        const code =
          status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 500
              ? 'INTERNAL_SERVER_ERROR'
              : status === 503
                ? 'SERVICE_UNAVAILABLE'
                : 'BAD_REQUEST';
        if (status === 503) console.error('[gateway]', (error as Error).message);
        sendJson(
          response,
          status,
          { errors: [{ message, extensions: { code } }] },
          { ...cors, connection: 'close' },
        );
      } else response.end();
    }
  });
  // Longer than the shells' and load balancers' idle timeouts, so kept-alive sockets are not cut mid-request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;

  let port: number;
  try {
    port = await listen(server, config.port, 'gateway');
  } catch (error) {
    await apollo.stop();
    await Promise.all(dataSources.map((source) => source.close()));
    throw error;
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/graphql`,
    origin,
    port,
    subgraphUrls,
    async close() {
      await closeServer(server);
      await apollo.stop();
      await Promise.all(dataSources.map((source) => source.close()));
      await broadcast?.close();
    },
  };
}
