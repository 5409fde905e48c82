import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '@poortwachter/kit';
import { freePort, startTestDatabase, type DatabaseServer } from '../src/embedded-db.js';
import { checkProductionEnvironment } from '../src/production.js';

const INFRA_DIST = path.resolve(__dirname, '..', 'dist');

function runScriptWith(args: string[], env: NodeJS.ProcessEnv) {
  return runScript('migrate.js', env, args);
}

function runScript(script: string, env: NodeJS.ProcessEnv, args: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number> } {
  const child = spawn(process.execPath, [path.join(INFRA_DIST, script), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  return { child, output: () => output, exited };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function baseEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing of a development or test run may leak in.
  for (const name of ['NODE_ENV', 'SEED_DEMO', 'EXPOSE_DEV_OUTBOX', 'RECORD_OUTBOX', 'EXPOSE_SQL_STATEMENT_COUNT', 'GATEWAY_SIGNING_SECRET', 'IDENTITY_ENCRYPTION_KEY', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID']) delete env[name];
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    GATEWAY_SIGNING_SECRET: randomBytes(48).toString('base64url'),
    IDENTITY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SMTP_URL: 'smtp://127.0.0.1:2525',
    MAIL_FROM: 'Poortwachter <no-reply@poortwachter.test>',
  };
}

describe('production environment check', () => {
  const good = {
    DATABASE_URL: 'postgres://app:pw@db:5432/poortwachter',
    GATEWAY_SIGNING_SECRET: randomBytes(48).toString('base64url'),
    IDENTITY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SMTP_URL: 'smtps://mailer:pw@mail.example.nl:465',
    MAIL_FROM: 'Poortwachter <no-reply@example.nl>',
    DOCUMENT_STORAGE_S3_BUCKET: 'documents',
    PUBLIC_GATEWAY_URL: 'https://api.example.nl',
    PUBLIC_EMPLOYEE_URL: 'https://werknemer.example.nl',
    PUBLIC_EMPLOYER_URL: 'https://werkgever.example.nl',
    PUBLIC_EMPLOYEE_PORTAL_URL: 'https://static.example.nl/employee-portal',
    PUBLIC_EMPLOYER_DASHBOARD_URL: 'https://static.example.nl/employer-dashboard',
    PUBLIC_AGENDA_URL: 'https://static.example.nl/agenda',
  };

  it('accepts a complete environment', () => {
    expect(checkProductionEnvironment(good)).toEqual([]);
  });

  it('refuses missing and weak secrets, naming the variable but never the value', () => {
    const weak = 'a'.repeat(40);
    const problems = checkProductionEnvironment({ ...good, GATEWAY_SIGNING_SECRET: weak, IDENTITY_ENCRYPTION_KEY: undefined });
    expect(problems.some((line) => line.startsWith('GATEWAY_SIGNING_SECRET is too weak'))).toBe(true);
    expect(problems.some((line) => line.startsWith('IDENTITY_ENCRYPTION_KEY is not set'))).toBe(true);
    expect(problems.join('\n')).not.toContain(weak);
    expect(checkProductionEnvironment({ ...good, GATEWAY_SIGNING_SECRET: 'development-only-gateway-signing-secret-change-me' })).toHaveLength(1);
    expect(checkProductionEnvironment({ ...good, IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') })).toEqual([
      'IDENTITY_ENCRYPTION_KEY is too weak: use 32 random bytes.',
    ]);
    expect(checkProductionEnvironment({ ...good, GATEWAY_SIGNING_SECRET: 'short' })[0]).toMatch(/too short/);
  });

  it('refuses development switches, plain http to the outside and a missing mail server', () => {
    const problems = checkProductionEnvironment({
      ...good,
      SEED_DEMO: 'true',
      EXPOSE_DEV_OUTBOX: 'true',
      PUBLIC_EMPLOYEE_URL: 'http://werknemer.example.nl',
      SMTP_URL: undefined,
      NODE_ENV: 'development',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'SEED_DEMO=true is a development setting; remove it in production.',
        'EXPOSE_DEV_OUTBOX=true is a development setting; remove it in production.',
        'PUBLIC_EMPLOYEE_URL must be an https URL.',
        expect.stringMatching(/^SMTP_URL is not set/),
        expect.stringMatching(/^NODE_ENV=development/),
      ]),
    );
  });
});

describe('production mode against an external Postgres', () => {
  let db: DatabaseServer;
  let documents: string;
  let system: ReturnType<typeof runScript> | null = null;
  const ports: Record<string, number> = {};

  beforeAll(async () => {
    db = await startTestDatabase();
    documents = fs.mkdtempSync(path.join(os.tmpdir(), 'poortwachter-prod-documents-'));
  });

  afterAll(async () => {
    if (system && system.child.exitCode === null) {
      system.child.kill('SIGTERM');
      await system.exited;
    }
    await db?.stop();
    if (documents) fs.rmSync(documents, { recursive: true, force: true });
  });

  it('refuses to start without the secrets and says which are missing', async () => {
    const env = baseEnvironment(db.url);
    delete env.GATEWAY_SIGNING_SECRET;
    env.IDENTITY_ENCRYPTION_KEY = 'dG9vIHNob3J0';
    const run = runScript('production.js', env);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('GATEWAY_SIGNING_SECRET is not set');
    expect(run.output()).toContain('IDENTITY_ENCRYPTION_KEY must be 32 bytes');
    expect(run.output()).not.toContain('dG9vIHNob3J0');
  });

  it('migrates from several runners at once, and again, without harm', async () => {
    const env = baseEnvironment(db.url);
    // A subgraph pod's init container: waits, and gives up while nothing migrates.
    const early = runScriptWith(['--wait'], { ...env, MIGRATION_WAIT_SECONDS: '1' });
    const earlyCode = await early.exited;
    expect(earlyCode).toBe(1);
    expect(early.output()).toContain('migrations still pending');

    const runs = [runScript('migrate.js', env), runScript('migrate.js', env), runScript('migrate.js', env)];
    const codes = await Promise.all(runs.map((run) => run.exited));
    expect(codes, runs.map((run) => run.output()).join('\n')).toEqual([0, 0, 0]);
    // Exactly one runner applied each migration; the others found the database up to date.
    const appliedLines = runs.flatMap((run) => run.output().split('\n').filter((line) => line.includes('applied ')));
    expect(appliedLines.length).toBe(5);

    const again = runScript('migrate.js', env);
    expect(await again.exited).toBe(0);
    expect(again.output().match(/up to date/g)).toHaveLength(5);
    const waited = runScriptWith(['--wait'], env);
    expect(await waited.exited).toBe(0);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const schema of ['identity', 'dossier', 'agenda', 'activities', 'reporting']) {
        const rows = await client.query(`SELECT name, count(*)::int AS times FROM "${schema}".migrations GROUP BY name`);
        expect(rows.rowCount, schema).toBeGreaterThan(0);
        expect(rows.rows.every((row: { times: number }) => row.times === 1), schema).toBe(true);
      }
    } finally {
      await client.end();
    }
  });

  it('serves the gateway and the frontends without demo data, dev outbox or internals in errors', async () => {
    for (const name of ['GATEWAY', 'IDENTITY', 'DOSSIER', 'AGENDA', 'ACTIVITIES', 'REPORTING', 'SHELL_EMPLOYEE', 'SHELL_EMPLOYER', 'EMPLOYEE_PORTAL', 'EMPLOYER_DASHBOARD', 'AGENDA_REMOTE']) {
      ports[name] = await freePort();
    }
    const local = (name: string) => `http://localhost:${ports[name]}`;
    const env: NodeJS.ProcessEnv = {
      ...baseEnvironment(db.url),
      DOCUMENT_STORAGE_DIR: documents,
      PUBLIC_GATEWAY_URL: local('GATEWAY'),
      PUBLIC_EMPLOYEE_URL: local('SHELL_EMPLOYEE'),
      PUBLIC_EMPLOYER_URL: local('SHELL_EMPLOYER'),
      PUBLIC_EMPLOYEE_PORTAL_URL: local('EMPLOYEE_PORTAL'),
      PUBLIC_EMPLOYER_DASHBOARD_URL: local('EMPLOYER_DASHBOARD'),
      PUBLIC_AGENDA_URL: local('AGENDA_REMOTE'),
    };
    for (const [name, port] of Object.entries(ports)) env[`${name}_PORT`] = String(port);
    system = runScript('production.js', env);
    const gateway = `http://127.0.0.1:${ports.GATEWAY}`;
    await waitUntil(async () => {
      if (system!.child.exitCode !== null) throw new Error(system!.output());
      return system!.output().includes('Poortwachter is running (production)');
    }, 120_000, 'the production start').catch((error) => {
      throw new Error(`${(error as Error).message}\n${system!.output().slice(-4000)}`);
    });

    expect((await fetch(`${gateway}/health/live`)).status).toBe(200);
    const health = await fetch(`${gateway}/health`);
    expect(health.status).toBe(200);
    const healthBody = (await health.json()) as { subgraphs: Record<string, Record<string, unknown>> };
    // No internal URLs in production health answers.
    expect(JSON.stringify(healthBody)).not.toMatch(/127\.0\.0\.1|http:/);

    const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
    };

    // No demo data: the demo users do not exist, so their sign-in fails like any wrong password.
    const demoUser = DEMO_USERS[0]!.username;
    const login = await graphql('mutation ($u: String!, $p: String!) { startLogin(username: $u, password: $p) { challengeId } }', { u: demoUser, p: DEMO_PASSWORD });
    expect(login.body.errors?.[0]?.extensions?.code).toBeDefined();
    expect(login.body.data).toBeFalsy();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const persons = await client.query('SELECT count(*)::int AS n FROM dossier.person');
      expect(persons.rows[0].n).toBe(0);
      const employers = await client.query('SELECT count(*)::int AS n FROM dossier.employer');
      expect(employers.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }

    // No dev outbox, neither the page nor the field.
    const outboxPage = await fetch(`http://127.0.0.1:${ports.IDENTITY}/dev/outbox`);
    expect(outboxPage.status).not.toBe(200);
    const outbox = await graphql('{ devOutbox { id } }');
    const outboxError = JSON.stringify(outbox.body);
    expect(outbox.body.data ?? null).toBeNull();
    expect(outboxError).not.toMatch(/stacktrace|identity|dossier|\bat .*\.js/i);

    // A malformed query: a client error with a stable code and no stack trace or service name.
    const broken = await graphql('{ persons(page: { limit: 5 }) { items { id notAField } } }');
    expect(broken.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(broken.body)).not.toMatch(/stacktrace|serviceName|\.ts:|\.js:/);

    // The SQL debug counter is off in production.
    const debug = await fetch(`http://127.0.0.1:${ports.DOSSIER}/debug/sql-statements`);
    expect(debug.status).toBe(404);

    // The shells are served with the browser-facing gateway and remotes in their runtime config.
    const config = (await (await fetch(`http://127.0.0.1:${ports.SHELL_EMPLOYEE}/runtime-config.json`)).json()) as { gatewayUrl: string; remotes: Record<string, string> };
    expect(config.gatewayUrl).toBe(`${local('GATEWAY')}/graphql`);
    expect(config.remotes.employeePortal).toBe(`${local('EMPLOYEE_PORTAL')}/mf-manifest.json`);
    const manifest = await fetch(config.remotes.employeePortal.replace('localhost', '127.0.0.1'));
    expect(manifest.status).toBe(200);
    const page = await fetch(`http://127.0.0.1:${ports.SHELL_EMPLOYER}/verzuim`);
    expect(await page.text()).toContain('<html');

    // Every line the system wrote is one JSON object a collector can parse.
    const lines = system.output().split('\n').filter((line) => line.trim());
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();

    system.child.kill('SIGTERM');
    expect(await system.exited).toBe(0);
  });
});
