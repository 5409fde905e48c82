import type { Identity } from '@poortwachter/kit';
import { callSubgraph } from '@poortwachter/infra';

export { waitFor, type SubgraphResponse as GraphQLResponse } from '@poortwachter/infra';

/** Calls the subgraph as the gateway would (null identity = anonymous). */
export const gql = <T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  identity: Identity | null = null,
) => callSubgraph<T>(url, identity, query, variables);
