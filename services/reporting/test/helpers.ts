import { randomUUID } from 'node:crypto';

export {
  callSubgraph as graphql,
  waitFor,
  unitScope as scope,
  type SubgraphResponse as GraphQLResponse,
} from '@poortwachter/infra';

export const newId = () => randomUUID();
