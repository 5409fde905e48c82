import { randomUUID } from 'node:crypto';
import { secret, signIdentity, type Identity } from '@poortwachter/kit';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Calls a subgraph directly, as the gateway would: with a signed identity. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  identity: Identity | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signIdentity(identity, secret('GATEWAY_SIGNING_SECRET')),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

export const newId = () => randomUUID();

export const scope = (units: {
  employerIds?: string[];
  divisionIds?: string[];
  departmentIds?: string[];
}) => ({
  employerIds: units.employerIds ?? [],
  divisionIds: units.divisionIds ?? [],
  departmentIds: units.departmentIds ?? [],
});
