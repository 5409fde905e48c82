import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signIdentity } from '@poortwachter/kit';
import { GraphQLError } from 'graphql';
import { Pool } from 'undici';
import type { GatewayContext } from './identity.js';
import { takeRevokedUsers, type RevokedUsersListener } from './revocations.js';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface SignedDataSourceOptions {
  name: string;
  url: string;
  /** Used only for fetches outside an incoming request (none today); those go out anonymous. */
  signingSecret: string;
  /** Keep-alive connections per subgraph. */
  connections?: number;
  /**
   * Hears identity's `revokedUserIds` answer extension (sessions a mutation ended), so cached
   * tokens of those users are checked again on their next request instead of after the cache period.
   */
  onRevokedUsers?: RevokedUsersListener;
}

/**
 * Sends the gateway's subgraph fetches with the caller's signed identity.
 *
 * The identity headers are made once per incoming request (in the context) and reused for every
 * fetch of its query plan. The HTTP path is undici's keep-alive pool instead of the default
 * make-fetch-happen + node-fetch objects: the gateway's efficiency is dominated by per-fetch
 * overhead, and `process` here builds one plain header object and one JSON string per fetch.
 * No APQ towards subgraphs (same host, small documents) and no subgraph cache-control (responses
 * are private per caller).
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  private readonly pool: Pool;
  private readonly path: string;
  private readonly signingSecret: string;
  private readonly onRevokedUsers: RevokedUsersListener | undefined;

  constructor(options: SignedDataSourceOptions) {
    super();
    this.name = options.name;
    this.url = options.url;
    this.signingSecret = options.signingSecret;
    this.onRevokedUsers = options.onRevokedUsers;
    const target = new URL(options.url);
    this.path = `${target.pathname}${target.search}`;
    this.pool = new Pool(target.origin, {
      connections: options.connections ?? 64,
      pipelining: 1,
      keepAliveTimeout: 60_000,
      keepAliveMaxTimeout: 600_000,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
  }

  /** The headers one fetch carries; exposed for the tests. */
  headersFor(context: Partial<GatewayContext> | undefined): Record<string, string> {
    const base = context?.subgraphHeaders ?? signIdentity(null, this.signingSecret);
    return { ...base, 'content-type': 'application/json', accept: 'application/json' };
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const body = JSON.stringify({
      query: request.query,
      operationName: request.operationName,
      variables: request.variables,
      extensions: request.extensions,
    });
    let response;
    try {
      response = await this.pool.request({
        path: this.path,
        method: 'POST',
        headers: this.headersFor(options.context),
        body,
      });
    } catch (error) {
      throw new GraphQLError(`The ${this.name} service is unavailable.`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.name, cause: (error as Error).message },
      });
    }
    const text = await response.body.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    // Before anything else: the sessions ended even when the rest of the answer is an error.
    const revoked = takeRevokedUsers(parsed);
    if (revoked.length > 0) this.onRevokedUsers?.(revoked);
    if (response.statusCode < 200 || response.statusCode >= 300 || !isGraphQLResponse(parsed)) {
      throw new GraphQLError(`The ${this.name} service answered HTTP ${response.statusCode}.`, {
        extensions: {
          code: 'SUBGRAPH_ERROR',
          serviceName: this.name,
          status: response.statusCode,
          body: isGraphQLResponse(parsed) ? parsed : text.slice(0, 500),
        },
      });
    }
    return parsed;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

function isGraphQLResponse(value: unknown): value is GatewayGraphQLResponse {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}
