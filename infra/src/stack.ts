import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { DEFAULT_PORTS, PORT_VARIABLES, SERVICE_NAMES, listen, closeServer, type PortName, type ServiceName } from '@poortwachter/kit';
import { createStaticSite } from './static-server.js';
import { freePort } from './embedded-db.js';

/** The repository root, found from this package (infra/dist/stack.js → ../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const FRONTENDS = [
  { name: 'shell-employee', port: 'shell-employee', kind: 'shell' },
  { name: 'shell-employer', port: 'shell-employer', kind: 'shell' },
  { name: 'employee-portal', port: 'employee-portal', kind: 'remote' },
  { name: 'employer-dashboard', port: 'employer-dashboard', kind: 'remote' },
  { name: 'agenda', port: 'agenda_remote', kind: 'remote' },
] as const;

export type FrontendName = (typeof FRONTENDS)[number]['name'];

export interface StackOptions {
  databaseUrl: string;
  /** Fixed ports (the defaults, overridable by env) for `npm start`; free random ports for tests. */
  ports: 'default' | 'random';
  seedDemo: boolean;
  withFrontends: boolean;
  /** Production mode masks errors, as the deployed system would. */
  nodeEnv?: 'development' | 'production' | 'test';
  log?: (source: string, line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Host name used in printed and configured URLs (browser-facing). */
  publicHost?: string;
  /** Subgraphs expose their SQL statement count (benchmarks and N+1 tests), even in production mode. */
  exposeSqlStatementCount?: boolean;
  /**
   * Called when a supervised process (a subgraph or the gateway) keeps exiting: restarted
   * `RESTART_LIMIT` times within `RESTART_WINDOW_MS` and down again. The stack is then beyond
   * repair; the caller stops it.
   */
  onFatal?: (error: Error) => void;
  /** Called with the PIDs of the running processes whenever they change (after a start or restart). */
  onProcessesChanged?: (pids: Record<string, number>) => void;
}

/** Restarts allowed within the window before the supervisor gives up. */
export const RESTART_LIMIT = 5;
export const RESTART_WINDOW_MS = 60_000;
/** Wait before the n-th restart in a row: 0.5 s, 1 s, 2 s, 4 s, then 8 s. */
export const restartDelayMs = (attempt: number) => Math.min(500 * 2 ** (attempt - 1), 8000);

export interface Stack {
  ports: Record<PortName, number>;
  urls: {
    gateway: string;
    explorer: string;
    subgraphs: Record<ServiceName, string>;
    shells: { employee: string; employer: string };
    remotes: Record<'employeePortal' | 'employerDashboard' | 'agenda', string>;
  };
  env: NodeJS.ProcessEnv;
  stopService(name: ServiceName): Promise<void>;
  startService(name: ServiceName): Promise<void>;
  /** PIDs of the running subgraph and gateway processes, by name. */
  pids(): Record<string, number>;
  stopFrontend(name: FrontendName): Promise<void>;
  stop(): Promise<void>;
}

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [REPO_ROOT] }));
}

async function resolvePorts(mode: StackOptions['ports'], env: NodeJS.ProcessEnv): Promise<Record<PortName, number>> {
  const ports = {} as Record<PortName, number>;
  for (const name of Object.keys(DEFAULT_PORTS) as PortName[]) {
    const raw = env[PORT_VARIABLES[name]];
    ports[name] = mode === 'random' ? await freePort() : raw ? Number(raw) : DEFAULT_PORTS[name];
  }
  return ports;
}

async function waitForHealth(url: string, child: ChildProcess | null, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let lastError = '';
  while (Date.now() - started < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before becoming healthy`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`not healthy after ${timeoutMs} ms at ${url} (${lastError})`);
}

/** Fails before anything starts when a fixed port is taken, naming the variable that moves it. */
async function assertPortsFree(ports: Record<PortName, number>, withFrontends: boolean): Promise<void> {
  const frontendPorts = new Set<PortName>(FRONTENDS.map((frontend) => frontend.port));
  for (const name of Object.keys(ports) as PortName[]) {
    if (!withFrontends && frontendPorts.has(name)) continue;
    const probe = http.createServer();
    try {
      await listen(probe, ports[name], name);
    } finally {
      if (probe.listening) await closeServer(probe);
    }
  }
}

/**
 * Runs the whole system: five subgraph processes, the gateway process and static servers for the
 * frontends. Used by `npm start` (fixed ports) and by integration and end-to-end tests (random
 * ports, throw-away database).
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const baseEnv = options.env ?? process.env;
  const ports = await resolvePorts(options.ports, baseEnv);
  const host = options.publicHost ?? 'localhost';
  const log = options.log ?? ((source, line) => console.log(`[${source}] ${line}`));
  // Uploaded documents: the git-ignored data folder for `npm start`, a throw-away folder (removed
  // again on stop) for test stacks.
  const throwAwayDocuments =
    baseEnv.DOCUMENT_STORAGE_DIR === undefined && options.ports === 'random'
      ? fs.mkdtempSync(path.join(os.tmpdir(), 'poortwachter-documents-'))
      : null;
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    NODE_ENV: options.nodeEnv ?? baseEnv.NODE_ENV ?? 'development',
    DATABASE_URL: options.databaseUrl,
    GATEWAY_SIGNING_SECRET: baseEnv.GATEWAY_SIGNING_SECRET ?? randomBytes(32).toString('base64url'),
    IDENTITY_ENCRYPTION_KEY: baseEnv.IDENTITY_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    // Links in invitation and password mails point at the shells of this very system.
    PUBLIC_EMPLOYEE_URL: baseEnv.PUBLIC_EMPLOYEE_URL ?? `http://${host}:${ports['shell-employee']}`,
    PUBLIC_EMPLOYER_URL: baseEnv.PUBLIC_EMPLOYER_URL ?? `http://${host}:${ports['shell-employer']}`,
    SEED_DEMO: options.seedDemo ? 'true' : 'false',
    DOCUMENT_STORAGE_DIR: baseEnv.DOCUMENT_STORAGE_DIR ?? throwAwayDocuments ?? path.join(REPO_ROOT, '.data', 'documents'),
    UPLOAD_MAX_BYTES: baseEnv.UPLOAD_MAX_BYTES ?? String(20 * 1024 * 1024),
    EXPOSE_SQL_STATEMENT_COUNT: options.exposeSqlStatementCount ? 'true' : (baseEnv.EXPOSE_SQL_STATEMENT_COUNT ?? 'false'),
    CORS_ORIGINS: [ports['shell-employee'], ports['shell-employer']]
      .flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`])
      .join(','),
  };
  for (const name of Object.keys(ports) as PortName[]) env[PORT_VARIABLES[name]] = String(ports[name]);

  if (options.ports === 'default') await assertPortsFree(ports, options.withFrontends);

  const children = new Map<string, ChildProcess>();
  const servers = new Map<string, http.Server>();
  let stopping = false;
  /** Recent output per process, to show why a process that keeps failing failed. */
  const recentLines = new Map<string, string[]>();
  const restarts = new Map<string, number[]>();

  const reportProcesses = () =>
    options.onProcessesChanged?.(Object.fromEntries([...children].flatMap(([name, child]) => (child.pid ? [[name, child.pid]] : []))));

  const spawnNode = (name: string, script: string): ChildProcess => {
    const child = spawn(process.execPath, ['--enable-source-maps', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (stream: NodeJS.ReadableStream | null) => {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.trim()) continue;
          log(name, line);
          const recent = recentLines.get(name) ?? [];
          recent.push(line);
          recentLines.set(name, recent.slice(-5));
        }
      });
    };
    forward(child.stdout);
    forward(child.stderr);
    children.set(name, child);
    child.once('exit', (code, signal) => onExit(name, child, code, signal));
    reportProcesses();
    return child;
  };

  // Supervision: a process that exits while it should run is restarted with backoff. Wanted
  // stops (stopChild, stop) remove the process from `children` first, so they never count.
  const restarters = new Map<string, () => Promise<void>>();
  const onExit = (name: string, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (children.get(name) !== child || stopping) return;
    children.delete(name);
    const now = Date.now();
    const recent = (restarts.get(name) ?? []).filter((at) => now - at < RESTART_WINDOW_MS);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (recent.length >= RESTART_LIMIT) {
      const lastLines = (recentLines.get(name) ?? []).join(' | ');
      options.onFatal?.(
        new Error(
          `${name} exited (${how}) ${RESTART_LIMIT + 1} times within ${RESTART_WINDOW_MS / 1000} s, so Poortwachter stops; its last lines were: ${lastLines || '(none)'}. Fix the cause and run npm start again (VERBOSE=1 shows every log line).`,
        ),
      );
      return;
    }
    recent.push(now);
    restarts.set(name, recent);
    const delay = restartDelayMs(recent.length);
    log('supervisor', `${name} exited unexpectedly (${how}); restarting it in ${(delay / 1000).toFixed(1)} s (restart ${recent.length} of at most ${RESTART_LIMIT} within ${RESTART_WINDOW_MS / 1000} s)`);
    setTimeout(() => {
      // A stop that began meanwhile (Ctrl-C reaches every process of the group at once) wins.
      if (stopping || children.has(name)) return;
      restarters
        .get(name)?.()
        .then(() => log('supervisor', `${name} is running again`))
        .catch((error) => log('supervisor', `${name} did not come back: ${(error as Error).message}`));
    }, delay).unref();
  };

  const stopChild = async (name: string) => {
    const child = children.get(name);
    if (!child) return;
    children.delete(name);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(timer);
  };

  const startService = async (name: ServiceName) => {
    const script = path.join(packageDir(`@poortwachter/${name}-service`), 'dist', 'main.js');
    restarters.set(name, () => startService(name));
    const child = spawnNode(name, script);
    await waitForHealth(`http://127.0.0.1:${ports[name]}/health`, child, 90_000).catch((error) => {
      throw new Error(`The ${name} subgraph did not start: ${(error as Error).message}${lastLinesOf(name)}`);
    });
  };

  const startGateway = async () => {
    restarters.set('gateway', startGateway);
    const gateway = spawnNode('gateway', path.join(packageDir('@poortwachter/gateway'), 'dist', 'main.js'));
    await waitForHealth(`http://127.0.0.1:${ports.gateway}/health`, gateway, 60_000).catch((error) => {
      throw new Error(`The gateway did not start: ${(error as Error).message}${lastLinesOf('gateway')}`);
    });
  };

  const lastLinesOf = (name: string) => {
    const lines = recentLines.get(name);
    return lines?.length ? `; its last lines: ${lines.join(' | ')}` : '';
  };

  const stopAll = async () => {
    stopping = true;
    await Promise.all([...children.keys()].map(stopChild));
    await Promise.all([...servers.values()].map(closeServer));
    servers.clear();
    if (throwAwayDocuments) fs.rmSync(throwAwayDocuments, { recursive: true, force: true });
  };

  try {
    // Dossier first: it migrates and seeds the data the others receive through events. The rest
    // start together; each owns its schema, so their migrations cannot collide.
    await startService('dossier');
    await Promise.all(SERVICE_NAMES.filter((name) => name !== 'dossier').map(startService));
    await startGateway();

    if (options.withFrontends) {
      const remotes = {
        employeePortal: `http://${host}:${ports['employee-portal']}/mf-manifest.json`,
        employerDashboard: `http://${host}:${ports['employer-dashboard']}/mf-manifest.json`,
        agenda: `http://${host}:${ports.agenda_remote}/mf-manifest.json`,
      };
      const runtimeConfig = () => ({
        gatewayUrl: `http://${host}:${ports.gateway}/graphql`,
        locale: 'nl',
        remotes,
      });
      for (const frontend of FRONTENDS) {
        const site = createStaticSite({
          root: path.join(packageDir(`@poortwachter/${frontend.name}`), 'dist'),
          spaFallback: frontend.kind === 'shell',
          cors: frontend.kind === 'remote',
          generated: frontend.kind === 'shell' ? { '/runtime-config.json': runtimeConfig } : undefined,
        });
        await listen(site, ports[frontend.port], frontend.port);
        servers.set(frontend.name, site);
      }
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  return {
    ports,
    env,
    urls: {
      gateway: `http://${host}:${ports.gateway}/graphql`,
      explorer: `http://${host}:${ports.gateway}/explorer`,
      subgraphs: Object.fromEntries(SERVICE_NAMES.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`])) as Record<ServiceName, string>,
      shells: { employee: `http://${host}:${ports['shell-employee']}/`, employer: `http://${host}:${ports['shell-employer']}/` },
      remotes: {
        employeePortal: `http://${host}:${ports['employee-portal']}/mf-manifest.json`,
        employerDashboard: `http://${host}:${ports['employer-dashboard']}/mf-manifest.json`,
        agenda: `http://${host}:${ports.agenda_remote}/mf-manifest.json`,
      },
    },
    stopService: (name) => stopChild(name),
    startService,
    pids: () => Object.fromEntries([...children].flatMap(([name, child]) => (child.pid ? [[name, child.pid]] : []))),
    stopFrontend: async (name) => {
      const server = servers.get(name);
      if (server) {
        servers.delete(name);
        await closeServer(server);
      }
    },
    stop: stopAll,
  };
}
