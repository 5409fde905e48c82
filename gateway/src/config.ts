import { isProduction, portOf, secret, subgraphUrl, SERVICE_NAMES } from '@poortwachter/kit';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit.js';

/**
 * Who may run introspection queries (`__schema`, `__type`):
 * - `on`: everybody (development default);
 * - `partners`: only callers with a valid token of an API client (partner software) or an admin —
 *   what the explorer needs in production (production default);
 * - `off`: nobody.
 * Set with GATEWAY_INTROSPECTION=on|partners|off (`true`/`false` are accepted for on/off).
 */
export type IntrospectionPolicy = 'on' | 'partners' | 'off';

/** Static query limits, checked once per distinct document (the validated document is cached). */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 5000,
  maxTokens: 2000,
  maxDirectives: 20,
};

export const DEFAULT_CORS_ORIGINS = [
  'http://localhost:3000',
  'http://localhost:3001',
  'http://127.0.0.1:3000',
  'http://127.0.0.1:3001',
];

export interface GatewayOptions {
  /** Default GATEWAY_PORT or 4000; 0 picks a free port. */
  port?: number;
  /** Subgraph endpoints by subgraph name; default per subgraph: <NAME>_URL, else 127.0.0.1:<NAME>_PORT. */
  subgraphUrls?: Record<string, string>;
  /** The supergraph to serve; default the checked-in schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** Production behaviour (masked errors, restricted introspection); default NODE_ENV=production. */
  production?: boolean;
  introspection?: IntrospectionPolicy;
  /** Origins allowed to call /graphql from a browser; default CORS_ORIGINS (comma separated) or the shells. */
  corsOrigins?: readonly string[];
  /** Default GATEWAY_SIGNING_SECRET (shared with the subgraphs). */
  signingSecret?: string;
  /** Take the client address from the first X-Forwarded-For hop; default TRUST_PROXY=true. */
  trustProxy?: boolean;
  /** Mark the session cookies Secure; default in production. */
  secureCookies?: boolean;
  /** Largest accepted request body; default GATEWAY_MAX_BODY_BYTES or 256 KiB. */
  maxBodyBytes?: number;
  limits?: Partial<QueryLimits>;
  /** Requests per minute per partner client, user and anonymous address (HTTP 429 beyond). */
  rateLimits?: Partial<RateLimits>;
  /** Where the built explorer lives; default dist/explorer next to the compiled gateway. */
  explorerDir?: string;
  /** Per-subgraph timeout of a /health probe in milliseconds. */
  healthTimeoutMs?: number;
}

export interface ResolvedGatewayOptions {
  port: number;
  /** Explicit endpoints (options, then <NAME>_URL / <NAME>_PORT for the platform's subgraphs). */
  subgraphUrls: Record<string, string>;
  production: boolean;
  introspection: IntrospectionPolicy;
  corsOrigins: ReadonlySet<string>;
  signingSecret: string;
  trustProxy: boolean;
  secureCookies: boolean;
  maxBodyBytes: number;
  limits: QueryLimits;
  rateLimits: RateLimits;
  healthTimeoutMs: number;
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name}=${raw} is not a positive whole number`);
  return value;
}

export function parseIntrospectionPolicy(raw: string | undefined, production: boolean): IntrospectionPolicy {
  if (raw === undefined || raw === '') return production ? 'partners' : 'on';
  const value = raw.trim().toLowerCase();
  if (value === 'on' || value === 'true') return 'on';
  if (value === 'off' || value === 'false') return 'off';
  if (value === 'partners') return 'partners';
  throw new Error(`GATEWAY_INTROSPECTION=${raw} is not one of on, partners, off`);
}

/** Options given in code win; the environment fills the rest. */
export function resolveOptions(
  options: GatewayOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedGatewayOptions {
  const production = options.production ?? isProduction(env);
  const subgraphUrls: Record<string, string> = {};
  for (const name of SERVICE_NAMES) subgraphUrls[name] = subgraphUrl(name, env);
  Object.assign(subgraphUrls, options.subgraphUrls);
  const corsOrigins =
    options.corsOrigins ??
    (env.CORS_ORIGINS
      ? env.CORS_ORIGINS.split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : DEFAULT_CORS_ORIGINS);
  return {
    port: options.port ?? portOf('gateway', env),
    subgraphUrls,
    production,
    introspection: options.introspection ?? parseIntrospectionPolicy(env.GATEWAY_INTROSPECTION, production),
    corsOrigins: new Set(corsOrigins),
    signingSecret: options.signingSecret ?? secret('GATEWAY_SIGNING_SECRET', env),
    trustProxy: options.trustProxy ?? env.TRUST_PROXY === 'true',
    secureCookies: options.secureCookies ?? production,
    maxBodyBytes:
      options.maxBodyBytes ??
      positiveInteger('GATEWAY_MAX_BODY_BYTES', env.GATEWAY_MAX_BODY_BYTES, 256 * 1024),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    rateLimits: {
      perClientPerMinute: positiveInteger('GATEWAY_RATE_LIMIT_CLIENT', env.GATEWAY_RATE_LIMIT_CLIENT, DEFAULT_RATE_LIMITS.perClientPerMinute),
      perUserPerMinute: positiveInteger('GATEWAY_RATE_LIMIT_USER', env.GATEWAY_RATE_LIMIT_USER, DEFAULT_RATE_LIMITS.perUserPerMinute),
      perAddressPerMinute: positiveInteger('GATEWAY_RATE_LIMIT_ADDRESS', env.GATEWAY_RATE_LIMIT_ADDRESS, DEFAULT_RATE_LIMITS.perAddressPerMinute),
      ...options.rateLimits,
    },
    healthTimeoutMs: options.healthTimeoutMs ?? 2000,
  };
}

/** The subgraphs a supergraph routes to, with the routing URL composed into it. */
export function supergraphSubgraphs(supergraphSdl: string): { name: string; url: string }[] {
  const graphs: { name: string; url: string }[] = [];
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)) {
    graphs.push({ name: match[1]!, url: match[2]! });
  }
  return graphs;
}

/** Endpoint per subgraph of the supergraph: an explicit URL wins over the composed placeholder. */
export function routeSubgraphs(
  supergraphSdl: string,
  explicit: Record<string, string>,
): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const graph of supergraphSubgraphs(supergraphSdl))
    urls[graph.name] = explicit[graph.name] ?? graph.url;
  return urls;
}
