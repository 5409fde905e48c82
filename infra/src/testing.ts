import { randomUUID } from 'node:crypto';
import { demoId, DEMO_PASSWORD, demoTotpSecret, secret, signIdentity, type Identity, type ServiceName, type UnitScope } from '@poortwachter/kit';
import { startTestDatabase, type DatabaseServer } from './embedded-db.js';
import { startStack, type Stack } from './stack.js';
import { freshTotpCode } from './totp.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** The whole back end on random ports against a throw-away Postgres with the demo data. */
export class System {
  private constructor(
    readonly db: DatabaseServer,
    readonly stack: Stack,
  ) {}

  static async start(options: { withFrontends?: boolean; publicHost?: string } = {}): Promise<System> {
    const db = await startTestDatabase();
    try {
      const stack = await startStack({
        databaseUrl: db.url,
        ports: 'random',
        seedDemo: true,
        withFrontends: options.withFrontends ?? false,
        publicHost: options.publicHost,
        nodeEnv: 'production',
        exposeSqlStatementCount: true,
        log: (source, line) => {
          if (/error|fail/i.test(line)) console.log(`[${source}] ${line}`);
        },
      });
      return new System(db, stack);
    } catch (error) {
      await db.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.stack.stop();
    await this.db.stop();
  }

  async query<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    requestId?: string,
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.stack.urls.gateway, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(requestId ? { 'x-request-id': requestId } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    return { ...body, status: response.status };
  }

  /**
   * Runs one query through the gateway under a fresh request id and returns, besides the answer,
   * the SQL statements each subgraph ran for exactly that request (background work excluded).
   */
  async queryCountingStatements<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<{ result: GraphQLResponse<T>; statements: Record<ServiceName, number>; total: number }> {
    const requestId = `statements-${randomUUID()}`;
    const result = await this.query<T>(query, variables, token, requestId);
    const statements = await statementsOfRequest(this.stack, requestId);
    return { result, statements, total: Object.values(statements).reduce((sum, n) => sum + n, 0) };
  }

  /** Kept sessions per user: the access token and the refresh cookie the gateway set. */
  private readonly sessions = new Map<string, { accessToken: string; refreshCookie: string | null; expiresAt: number }>();

  /**
   * Signs a demo user in the way the shells do: password, then a code of their authenticator app
   * (the demo TOTP secret). The session is kept per user and refreshed through `/auth/refresh` when
   * the access token is about to expire, so tests that sign the same user in often neither wait for
   * new TOTP steps nor run into the login throttle.
   */
  async login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const kept = password === DEMO_PASSWORD ? this.sessions.get(username) : undefined;
    if (kept && kept.expiresAt - Date.now() > 60_000) return kept.accessToken;
    if (kept?.refreshCookie) {
      const response = await fetch(new URL('/auth/refresh', this.stack.urls.gateway), {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: kept.refreshCookie },
        body: '{}',
      });
      if (response.ok) {
        const body = (await response.json()) as { accessToken: string; accessTokenExpiresAt: string };
        return this.remember(username, body, refreshCookieOf(response) ?? kept.refreshCookie);
      }
    }
    this.sessions.delete(username);
    const started = await this.query<{ startLogin: { challengeId: string; enrolmentRequired: boolean; passwordChangeRequired: boolean } }>(
      `mutation Start($username: String!, $password: String!) {
        startLogin(username: $username, password: $password) { challengeId enrolmentRequired passwordChangeRequired }
      }`,
      { username, password },
    );
    const challenge = started.data?.startLogin;
    if (!challenge) throw new Error(`login ${username} failed: ${JSON.stringify(started.errors)}`);
    if (challenge.enrolmentRequired || challenge.passwordChangeRequired) {
      throw new Error(`login ${username} needs enrolment or a new password first; System.login only signs in enrolled users`);
    }
    const code = await freshTotpCode(username, demoTotpSecret(username));
    const response = await fetch(this.stack.urls.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({
        query: 'mutation Complete($challengeId: ID!, $code: String!) { completeLogin(challengeId: $challengeId, code: $code) { accessToken accessTokenExpiresAt } }',
        variables: { challengeId: challenge.challengeId, code },
      }),
    });
    const completed = (await response.json()) as GraphQLResponse<{ completeLogin: { accessToken: string; accessTokenExpiresAt: string } }>;
    if (!completed.data?.completeLogin) throw new Error(`login ${username} failed at the second step: ${JSON.stringify(completed.errors)}`);
    return this.remember(username, completed.data.completeLogin, refreshCookieOf(response));
  }

  /** Forgets the kept session of a user (after a test logged it out or revoked it). */
  forgetSession(username: string): void {
    this.sessions.delete(username);
  }

  private remember(username: string, session: { accessToken: string; accessTokenExpiresAt: string }, refreshCookie: string | null): string {
    this.sessions.set(username, { accessToken: session.accessToken, refreshCookie, expiresAt: Date.parse(session.accessTokenExpiresAt) });
    return session.accessToken;
  }
}

/** `pw_refresh=<token>` from a gateway response, ready to send back as a Cookie header. */
function refreshCookieOf(response: Response): string | null {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('pw_refresh='));
  return cookie ? cookie.split(';')[0]! : null;
}

export const PERSON_1 = demoId('person', 1);
export const EMPLOYER_1 = demoId('employer', 1);
export const EMPLOYER_2 = demoId('employer', 2);

/** Polls until `check` returns a value (events travel asynchronously through pg-boss). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}

export interface SubgraphResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** Calls a subgraph directly, as the gateway would: with a gateway-signed identity (null = anonymous). */
export async function callSubgraph<T = Record<string, unknown>>(
  url: string,
  identity: Identity | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SubgraphResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signIdentity(identity, secret('GATEWAY_SIGNING_SECRET')) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as SubgraphResponse<T>;
}

/** Polls until `check` returns a value (not undefined, null or false) or the time is up. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  what = 'condition',
  timeoutMs = 15_000,
): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** A unit scope with the lists not given left empty. */
export const unitScope = (units: Partial<UnitScope>): UnitScope => ({
  employerIds: units.employerIds ?? [],
  divisionIds: units.divisionIds ?? [],
  departmentIds: units.departmentIds ?? [],
});

/** The SQL statements each subgraph ran for one request id (subgraphs count them per request). */
export async function statementsOfRequest(stack: Stack, requestId: string): Promise<Record<ServiceName, number>> {
  const entries = await Promise.all(
    (Object.keys(stack.urls.subgraphs) as ServiceName[]).map(async (name) => {
      const url = new URL(stack.urls.subgraphs[name].replace(/\/graphql$/, '/debug/sql-statements'));
      url.searchParams.set('requestId', requestId);
      const response = await fetch(url);
      return [name, ((await response.json()) as { statements: number }).statements] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ServiceName, number>;
}
