import type { ReactNode } from 'react';
import { GraphQLRequestError, GraphQLRequestProvider, type GraphQLOperation, type GraphQLRequest } from '../src';

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const others = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return keys.length === others.length && keys.every((key) => equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** One expected request and its answer, like Apollo's MockedResponse: each is used once, in any order. */
export interface OperationMock {
  request: { query: GraphQLOperation<unknown, unknown>; variables?: unknown };
  result: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** A plain-fetch GraphQL request that answers from `mocks`; an unexpected request is rejected. */
export function mockGraphQLRequest(mocks: readonly OperationMock[]): GraphQLRequest & { calls: { operationName: string; variables: unknown }[] } {
  const open = [...mocks];
  const calls: { operationName: string; variables: unknown }[] = [];
  const request = (async (operation: GraphQLOperation<unknown, unknown>, variables: unknown) => {
    calls.push({ operationName: operation.operationName, variables });
    await Promise.resolve();
    const index = open.findIndex(
      (mock) => mock.request.query.operationName === operation.operationName && equal(mock.request.variables ?? {}, variables ?? {}),
    );
    if (index < 0) throw new Error(`No mock for ${operation.operationName} ${JSON.stringify(variables)}`);
    const [mock] = open.splice(index, 1);
    if (mock!.result.errors?.length) throw new GraphQLRequestError(mock!.result.errors, 200);
    return mock!.result.data;
  }) as GraphQLRequest;
  return Object.assign(request, { calls });
}

export function MockGraphQL({ mocks = [], children }: { mocks?: readonly OperationMock[]; children: ReactNode }) {
  return <GraphQLRequestProvider request={mockGraphQLRequest(mocks)}>{children}</GraphQLRequestProvider>;
}
