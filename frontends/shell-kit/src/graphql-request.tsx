import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { SessionStore } from './session';

/**
 * GraphQL over plain `fetch` for the pages before signing in (login, activation, forgotten
 * password) and the password checklist. They send a handful of uncached operations, so they do
 * not need Apollo Client: it loads only for the signed-in part of a shell (see `apollo-loader`),
 * which keeps it out of the first page's JavaScript. The requests are the ones Apollo Client would
 * send: JSON POST with the CSRF header, cookies included, the bearer token when signed in.
 */

/** A GraphQL document with the types of its result and variables (the plain-fetch counterpart of a TypedDocumentNode). */
export interface GraphQLOperation<TData, TVariables> {
  readonly query: string;
  readonly operationName: string;
  /** Type carriers only; never set. */
  readonly __data?: TData;
  readonly __variables?: TVariables;
}

export function graphqlOperation<TData, TVariables = Record<string, never>>(
  query: string,
): GraphQLOperation<TData, TVariables> {
  const operationName = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
  if (!operationName) throw new Error('A GraphQL operation needs a name');
  return { query: query.replace(/\s+/g, ' ').trim(), operationName };
}

export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * The response carried GraphQL errors. Shaped like Apollo Client's CombinedGraphQLErrors (an
 * `errors` array), so `errorCode` and `describeError` read it the same way.
 */
export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
  constructor(
    readonly errors: readonly GraphQLErrorEntry[],
    readonly statusCode: number,
  ) {
    super(errors.map((error) => error.message).join('\n'));
  }
}

/** An HTTP failure without GraphQL errors in the body (a proxy's error page, a 401 without body). */
export class GatewayResponseError extends Error {
  override name = 'ServerError';
  constructor(readonly statusCode: number) {
    super(`The gateway answered HTTP ${statusCode}`);
  }
}

export type GraphQLRequest = <TData, TVariables>(
  operation: GraphQLOperation<TData, TVariables>,
  variables: TVariables,
) => Promise<TData>;

export interface GraphQLRequestOptions {
  /** The gateway's GraphQL endpoint (the runtime config's `gatewayUrl`). */
  url: string;
  /** When given: its bearer token is sent, and an expired one is renewed once (as the Apollo link chain does). */
  session?: SessionStore;
  fetcher?: typeof fetch;
}

function unauthenticated(error: unknown): boolean {
  if (error instanceof GraphQLRequestError)
    return error.errors.some((entry) => entry.extensions?.code === 'UNAUTHENTICATED');
  return error instanceof GatewayResponseError && error.statusCode === 401;
}

export function createGraphQLRequest({
  url,
  session,
  fetcher = (...args) => globalThis.fetch(...args),
}: GraphQLRequestOptions): GraphQLRequest {
  async function once<TData, TVariables>(
    operation: GraphQLOperation<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> {
    const token = session?.get()?.accessToken;
    const response = await fetcher(url, {
      method: 'POST',
      // The gateway keeps the refresh and trust tokens in HttpOnly cookies.
      credentials: 'include',
      headers: {
        accept: 'application/graphql-response+json, application/json;q=0.9',
        'content-type': 'application/json',
        // The gateway's CSRF guard.
        'apollo-require-preflight': 'true',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ operationName: operation.operationName, query: operation.query, variables }),
    });
    type Body = { data?: TData | null; errors?: GraphQLErrorEntry[] } | null;
    const body = await (response.json() as Promise<Body>).catch((): Body => null); // not JSON: only the status tells
    if (Array.isArray(body?.errors) && body.errors.length > 0)
      throw new GraphQLRequestError(body.errors, response.status);
    if (!response.ok || !body?.data) throw new GatewayResponseError(response.status);
    return body.data;
  }
  return async (operation, variables) => {
    try {
      return await once(operation, variables);
    } catch (error) {
      // An expired access token: renew it once through the refresh cookie and repeat.
      if (!session?.get() || !unauthenticated(error) || !(await session.refresh())) throw error;
      return once(operation, variables);
    }
  };
}

const GraphQLRequestContext = createContext<GraphQLRequest | null>(null);

/** Provides the plain-fetch GraphQL access: `startShell` around the routes, tests with their own. */
export function GraphQLRequestProvider({
  request,
  children,
}: {
  request: GraphQLRequest;
  children: ReactNode;
}) {
  return <GraphQLRequestContext.Provider value={request}>{children}</GraphQLRequestContext.Provider>;
}

export function useGraphQLRequest(): GraphQLRequest {
  const request = useContext(GraphQLRequestContext);
  if (!request)
    throw new Error(
      'useGraphQLRequest must be used inside <GraphQLRequestProvider> (startShell sets one up)',
    );
  return request;
}

/** Runs an operation on demand (a mutation): `const [run, { loading }] = useOperation(OP)`; `run` resolves with the data or rejects. */
export function useOperation<TData, TVariables>(
  operation: GraphQLOperation<TData, TVariables>,
): [(variables: TVariables) => Promise<TData>, { loading: boolean }] {
  const request = useGraphQLRequest();
  const [pending, setPending] = useState(0);
  const run = useCallback(
    async (variables: TVariables) => {
      setPending((n) => n + 1);
      try {
        return await request(operation, variables);
      } finally {
        setPending((n) => n - 1);
      }
    },
    [request, operation],
  );
  return [run, { loading: pending > 0 }];
}

export interface OperationResult<TData> {
  data: TData | undefined;
  error: unknown;
  loading: boolean;
  refetch: () => void;
}

/**
 * Runs an operation while mounted and again when its variables change (a query without cache):
 * only the answer to the latest variables is kept.
 */
export function useOperationResult<TData, TVariables>(
  operation: GraphQLOperation<TData, TVariables>,
  variables: TVariables,
  { skip = false }: { skip?: boolean } = {},
): OperationResult<TData> {
  const request = useGraphQLRequest();
  const key = JSON.stringify(variables);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string | null; data?: TData; error?: unknown }>({ key: null });
  const latest = useRef(variables);
  latest.current = variables;
  useEffect(() => {
    if (skip) return;
    let current = true;
    setState((previous) => (previous.key === key ? { key } : previous));
    request(operation, latest.current).then(
      (data) => current && setState({ key, data }),
      (error: unknown) => current && setState({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [request, operation, key, skip, attempt]);
  const answered = state.key === key && (state.data !== undefined || state.error !== undefined);
  return {
    data: skip || state.key !== key ? undefined : state.data,
    error: skip || state.key !== key ? undefined : state.error,
    loading: !skip && !answered,
    refetch: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
