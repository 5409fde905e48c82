/**
 * `npm run start:prod`: the production mode on one host. Runs the built subgraphs, the gateway and
 * the static frontends against an external Postgres (DATABASE_URL): no embedded Postgres, no demo
 * data, no dev outbox, no SQL debug counters, masked errors (NODE_ENV=production), secrets only
 * from the environment. Migrations are their own step (`npm run migrate`) and are not run here.
 *
 * Refuses to start, naming every problem at once (never a value), when the environment is not fit
 * for production; see `checkProductionEnvironment`. Children that crash are restarted with a
 * growing pause; SIGTERM/SIGINT stop everything. Every output line is one JSON object, so a log
 * collector can read the lot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { closeServer, DEFAULT_PORTS, listen, PORT_VARIABLES, portOf, SERVICE_NAMES, type ServiceName } from '@poortwachter/kit';
import { createStaticSite } from './static-server.js';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The development default of the kit: refused in production even though it is long enough. */
const KNOWN_DEVELOPMENT_SECRETS = ['development-only-gateway-signing-secret-change-me'];

/** Settings whose development meaning must never reach production. */
const DEVELOPMENT_SWITCHES = ['SEED_DEMO', 'EXPOSE_DEV_OUTBOX', 'RECORD_OUTBOX', 'EXPOSE_SQL_STATEMENT_COUNT'] as const;

/** Browser-facing addresses the shells and mails use; behind a reverse proxy these are its https URLs. */
export const PUBLIC_URL_VARIABLES = {
  gateway: 'PUBLIC_GATEWAY_URL',
  employeeShell: 'PUBLIC_EMPLOYEE_URL',
  employerShell: 'PUBLIC_EMPLOYER_URL',
  employeePortal: 'PUBLIC_EMPLOYEE_PORTAL_URL',
  employerDashboard: 'PUBLIC_EMPLOYER_DASHBOARD_URL',
  agenda: 'PUBLIC_AGENDA_URL',
} as const;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function distinctCharacters(value: string | Buffer): number {
  return typeof value === 'string' ? new Set(value).size : new Set(value.values()).size;
}

/**
 * What is wrong with an environment for production, one line per problem, naming the variable and
 * never its value. Empty = fit to start.
 */
export function checkProductionEnvironment(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const url = env.DATABASE_URL;
  if (!url) problems.push('DATABASE_URL is not set: point it at the production Postgres (postgres://user:password@host:5432/db).');
  else {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') problems.push('DATABASE_URL must be a postgres:// URL.');
    } catch {
      problems.push('DATABASE_URL is not a valid URL.');
    }
  }

  const signing = env.GATEWAY_SIGNING_SECRET;
  if (!signing) problems.push('GATEWAY_SIGNING_SECRET is not set (shared by the gateway and the subgraphs; e.g. openssl rand -base64 48).');
  else if (signing.length < 32) problems.push('GATEWAY_SIGNING_SECRET is too short: at least 32 characters.');
  else if (KNOWN_DEVELOPMENT_SECRETS.includes(signing) || distinctCharacters(signing) < 12)
    problems.push('GATEWAY_SIGNING_SECRET is too weak: use a random value (e.g. openssl rand -base64 48).');

  const encryption = env.IDENTITY_ENCRYPTION_KEY;
  if (!encryption) problems.push('IDENTITY_ENCRYPTION_KEY is not set (32 random bytes, base64: openssl rand -base64 32).');
  else {
    const key = Buffer.from(encryption, 'base64');
    if (key.length !== 32) problems.push('IDENTITY_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).');
    else if (distinctCharacters(key) < 16) problems.push('IDENTITY_ENCRYPTION_KEY is too weak: use 32 random bytes.');
  }

  const smtp = env.SMTP_URL;
  if (!smtp) problems.push('SMTP_URL is not set: invitations and password mails need a mail server (smtps://user:password@host:465).');
  else if (!/^smtps?:\/\//.test(smtp)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL.');
  if (!env.MAIL_FROM) problems.push('MAIL_FROM is not set (the sender of every mail, e.g. "Poortwachter <no-reply@example.nl>").');

  if (!env.DOCUMENT_STORAGE_DIR && !env.DOCUMENT_STORAGE_S3_BUCKET)
    problems.push('Set DOCUMENT_STORAGE_DIR or DOCUMENT_STORAGE_S3_BUCKET: where uploaded documents are stored.');

  for (const name of DEVELOPMENT_SWITCHES) {
    if (env[name] === 'true') problems.push(`${name}=true is a development setting; remove it in production.`);
  }
  if (env.RATE_LIMIT_STORE === 'memory') problems.push('RATE_LIMIT_STORE=memory does not hold across replicas; leave it unset (postgres).');
  if (env.NODE_ENV && env.NODE_ENV !== 'production') problems.push(`NODE_ENV=${env.NODE_ENV}: the production mode sets production itself; remove it.`);

  for (const variable of Object.values(PUBLIC_URL_VARIABLES)) {
    const value = env[variable];
    if (!value) {
      problems.push(`${variable} is not set (the address browsers use).`);
      continue;
    }
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== 'https:' && !LOOPBACK.has(parsed.hostname)) problems.push(`${variable} must be an https URL.`);
    } catch {
      problems.push(`${variable} is not a valid URL.`);
    }
  }
  return problems;
}

/** What the shells read at `/runtime-config.json`: the browser-facing gateway and remote manifests. */
export function runtimeConfigFrom(env: NodeJS.ProcessEnv): { gatewayUrl: string; locale: string; remotes: Record<string, string> } {
  const base = (name: string) => env[name]!.replace(/\/+$/, '');
  return {
    gatewayUrl: `${base(PUBLIC_URL_VARIABLES.gateway)}/graphql`,
    locale: env.DEFAULT_LOCALE === 'en' ? 'en' : 'nl',
    remotes: {
      employeePortal: `${base(PUBLIC_URL_VARIABLES.employeePortal)}/mf-manifest.json`,
      employerDashboard: `${base(PUBLIC_URL_VARIABLES.employerDashboard)}/mf-manifest.json`,
      agenda: `${base(PUBLIC_URL_VARIABLES.agenda)}/mf-manifest.json`,
    },
  };
}

/** The environment every child gets: the operator's settings with the production switches forced. */
export function productionChildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const origins = [env[PUBLIC_URL_VARIABLES.employeeShell]!, env[PUBLIC_URL_VARIABLES.employerShell]!].map((value) => new URL(value).origin);
  return {
    ...env,
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    EXPOSE_DEV_OUTBOX: 'false',
    RECORD_OUTBOX: 'false',
    EXPOSE_SQL_STATEMENT_COUNT: 'false',
    // Migrations are the separate `npm run migrate` step.
    MIGRATE_ON_START: env.MIGRATE_ON_START ?? 'false',
    CORS_ORIGINS: env.CORS_ORIGINS ?? origins.join(','),
  };
}

export const FRONTEND_SITES = [
  { name: 'shell-employee', port: 'shell-employee', kind: 'shell' },
  { name: 'shell-employer', port: 'shell-employer', kind: 'shell' },
  { name: 'employee-portal', port: 'employee-portal', kind: 'remote' },
  { name: 'employer-dashboard', port: 'employer-dashboard', kind: 'remote' },
  { name: 'agenda', port: 'agenda_remote', kind: 'remote' },
] as const;

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [REPO_ROOT] }));
}

type Log = (entry: { level: 'info' | 'warn' | 'error'; source: string; msg: string }) => void;

const jsonLog: Log = (entry) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);

/** Child lines that are JSON already pass through unchanged; anything else is wrapped. */
function forwardLines(stream: NodeJS.ReadableStream | null, source: string, log: Log, level: 'info' | 'error'): void {
  let buffered = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      if (line.startsWith('{') && line.endsWith('}')) process.stdout.write(`${line}\n`);
      else log({ level, source, msg: line });
    }
  });
}

async function waitForHealth(url: string, child: () => ChildProcess | null, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const current = child();
    if (current && current.exitCode !== null) throw new Error(`exited with code ${current.exitCode} before becoming healthy`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not healthy after ${timeoutMs} ms`);
}

/** One supervised process: restarted after a crash with a pause that doubles up to 30 s. */
class Supervised {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restarts = 0;
  private lastStart = 0;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: Log,
  ) {}

  get process(): ChildProcess | null {
    return this.child;
  }

  start(): void {
    this.lastStart = Date.now();
    const child = spawn(process.execPath, [this.script], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    forwardLines(child.stdout, this.name, this.log, 'info');
    forwardLines(child.stderr, this.name, this.log, 'error');
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      // A child that ran a while before it died gets a fresh back-off.
      if (Date.now() - this.lastStart > 60_000) this.restarts = 0;
      const pause = Math.min(30_000, 500 * 2 ** this.restarts++);
      this.log({ level: 'error', source: 'supervisor', msg: `${this.name} exited (${signal ?? code}); restarting in ${pause} ms` });
      setTimeout(() => {
        if (!this.stopping) this.start();
      }, pause).unref();
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

export interface ProductionSystem {
  ports: Record<string, number>;
  stop(): Promise<void>;
}

/** Starts everything, or throws (after stopping what had started) with the reason. */
export async function startProduction(env: NodeJS.ProcessEnv = process.env, log: Log = jsonLog): Promise<ProductionSystem> {
  const problems = checkProductionEnvironment(env);
  if (problems.length > 0) throw new ProductionEnvironmentError(problems);
  const childEnv = productionChildEnv(env);
  const ports: Record<string, number> = {};
  for (const name of Object.keys(DEFAULT_PORTS) as (keyof typeof DEFAULT_PORTS)[]) ports[name] = portOf(name, childEnv);
  for (const [name, port] of Object.entries(ports)) childEnv[PORT_VARIABLES[name as keyof typeof PORT_VARIABLES]] = String(port);

  const children: Supervised[] = [];
  const sites: http.Server[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => child.stop()));
    await Promise.all(sites.map((site) => closeServer(site)));
  };
  try {
    const startChild = async (name: string, script: string, healthUrl: string) => {
      const supervised = new Supervised(name, script, childEnv, log);
      children.push(supervised);
      supervised.start();
      await waitForHealth(healthUrl, () => supervised.process, 90_000).catch((error: Error) => {
        throw new Error(`${name} did not start: ${error.message}`);
      });
    };
    await Promise.all(
      SERVICE_NAMES.map((name: ServiceName) =>
        startChild(name, path.join(packageDir(`@poortwachter/${name}-service`), 'dist', 'main.js'), `http://127.0.0.1:${ports[name]}/health`),
      ),
    );
    await startChild('gateway', path.join(packageDir('@poortwachter/gateway'), 'dist', 'main.js'), `http://127.0.0.1:${ports.gateway}/health`);
    const runtimeConfig = runtimeConfigFrom(env);
    for (const frontend of FRONTEND_SITES) {
      const site = createStaticSite({
        root: path.join(packageDir(`@poortwachter/${frontend.name}`), 'dist'),
        spaFallback: frontend.kind === 'shell',
        cors: frontend.kind === 'remote',
        generated: frontend.kind === 'shell' ? { '/runtime-config.json': () => runtimeConfig } : undefined,
      });
      ports[frontend.port] = await listen(site, ports[frontend.port]!, frontend.port);
      sites.push(site);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { ports, stop };
}

export class ProductionEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The environment is not fit for production:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

if (require.main === module) {
  let system: ProductionSystem | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    jsonLog({ level: 'info', source: 'supervisor', msg: 'stopping' });
    await system?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  startProduction()
    .then((started) => {
      system = started;
      jsonLog({ level: 'info', source: 'supervisor', msg: `Poortwachter is running (production): gateway on port ${started.ports.gateway}` });
    })
    .catch((error: unknown) => {
      if (error instanceof ProductionEnvironmentError) {
        for (const problem of error.problems) jsonLog({ level: 'error', source: 'supervisor', msg: problem });
        process.stderr.write(`${error.message}\n`);
        process.exit(2);
      }
      jsonLog({ level: 'error', source: 'supervisor', msg: `could not start: ${(error as Error).message}` });
      void shutdown(1);
    });
}
