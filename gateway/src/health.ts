import { request } from 'undici';

export interface SubgraphHealth {
  status: 'ok' | 'down';
  url: string;
  /** HTTP status of the subgraph's /health, when it answered. */
  httpStatus?: number;
  /** What the subgraph reported, or why it could not be reached. */
  detail?: unknown;
}

export interface GatewayHealth {
  status: 'ok' | 'degraded';
  gateway: 'ok';
  subgraphs: Record<string, SubgraphHealth>;
}

/** A subgraph's /health sits next to its /graphql endpoint. */
export function healthUrlOf(graphqlUrl: string): string {
  return new URL('health', graphqlUrl).toString();
}

async function probe(graphqlUrl: string, timeoutMs: number): Promise<SubgraphHealth> {
  const url = healthUrlOf(graphqlUrl);
  try {
    const response = await request(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.body.text();
    let detail: unknown = text.slice(0, 500);
    try {
      detail = JSON.parse(text);
    } catch {
      // Not JSON: keep the (truncated) text.
    }
    return {
      status: response.statusCode === 200 ? 'ok' : 'down',
      url,
      httpStatus: response.statusCode,
      detail,
    };
  } catch (error) {
    const reason =
      error instanceof Error
        ? ((error as { code?: string }).code ?? error.name) + `: ${error.message}`
        : String(error);
    return { status: 'down', url, detail: reason };
  }
}

/** Probes every subgraph in parallel; `ok` only when all of them are. */
export async function checkHealth(
  subgraphUrls: Record<string, string>,
  timeoutMs: number,
): Promise<GatewayHealth> {
  const names = Object.keys(subgraphUrls).sort();
  const results = await Promise.all(names.map((name) => probe(subgraphUrls[name]!, timeoutMs)));
  const subgraphs: Record<string, SubgraphHealth> = {};
  names.forEach((name, index) => (subgraphs[name] = results[index]!));
  return {
    status: results.every((result) => result.status === 'ok') ? 'ok' : 'degraded',
    gateway: 'ok',
    subgraphs,
  };
}
