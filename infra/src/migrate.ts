/**
 * `npm run migrate`: applies every subgraph's pending migrations to DATABASE_URL and exits. The
 * production path runs it as its own step (a Kubernetes Job, a compose one-shot service) before
 * new versions of the services start.
 *
 * Safe twice (TypeORM records what ran) and safe from several replicas at once: the whole run holds
 * a Postgres advisory lock, so a second runner waits for the first and then finds nothing to do.
 */
import path from 'node:path';
import pg from 'pg';
import { migrateService, SERVICE_NAMES, type ServiceModule, type ServiceName } from '@poortwachter/kit';

/** The advisory lock every migration runner takes; an arbitrary constant unique to this product. */
export const MIGRATION_LOCK_KEY = 4_180_712_903;

/** Dossier first: the order a fresh database is built in elsewhere too (it owns the shared entities). */
const ORDER: readonly ServiceName[] = ['dossier', ...SERVICE_NAMES.filter((name) => name !== 'dossier')];

function serviceModule(name: ServiceName): ServiceModule {
  // Resolved at run time: the service packages depend on infra for their tests, so infra cannot
  // list them as dependencies without a cycle.
  const root = path.resolve(__dirname, '..', '..');
  const entry = require.resolve(`@poortwachter/${name}-service`, { paths: [root] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(entry) as { service?: ServiceModule };
  if (!loaded.service) throw new Error(`@poortwachter/${name}-service exports no service module`);
  return loaded.service;
}

export interface MigrationReport {
  /** Milliseconds spent waiting for another runner's lock. */
  waitedMs: number;
  /** Migrations applied by this run, per subgraph (empty when the database was up to date). */
  applied: Record<ServiceName, string[]>;
}

async function appliedMigrations(client: pg.Client, schema: string): Promise<Set<string>> {
  const table = await client.query(`SELECT to_regclass($1) AS name`, [`"${schema}".migrations`]);
  if (!table.rows[0]?.name) return new Set();
  const rows = await client.query<{ name: string }>(`SELECT name FROM "${schema}".migrations`);
  return new Set(rows.rows.map((row) => row.name));
}

/** Runs all subgraphs' migrations under the advisory lock. */
export async function migrateAll(databaseUrl: string, log: (line: string) => void = () => {}): Promise<MigrationReport> {
  const lock = new pg.Client({ connectionString: databaseUrl, application_name: 'poortwachter-migrate' });
  await lock.connect();
  const started = Date.now();
  try {
    // A session lock (not a transaction lock): each subgraph's migrations run in transactions of
    // their own on other connections while this one holds the lock.
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const waitedMs = Date.now() - started;
    if (waitedMs > 500) log(`waited ${waitedMs} ms for another migration run`);
    const applied = {} as Record<ServiceName, string[]>;
    for (const name of ORDER) {
      const before = await appliedMigrations(lock, name);
      await migrateService(serviceModule(name), databaseUrl);
      const after = await appliedMigrations(lock, name);
      applied[name] = [...after].filter((migration) => !before.has(migration));
      log(`${name}: ${applied[name].length === 0 ? 'up to date' : `applied ${applied[name].join(', ')}`}`);
    }
    return { waitedMs, applied };
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/** The subgraphs with migrations not yet applied (a missing schema counts as pending). */
export async function pendingServices(databaseUrl: string): Promise<ServiceName[]> {
  const pending: ServiceName[] = [];
  for (const name of ORDER) {
    const dataSource = serviceModule(name).createDataSource(databaseUrl);
    try {
      await dataSource.initialize();
      if (await dataSource.showMigrations()) pending.push(name);
    } catch {
      pending.push(name);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }
  return pending;
}

/**
 * `--wait`: returns once the database is up to date (another runner migrates). A subgraph pod's
 * init container waits so, instead of starting against tables its code does not match.
 */
export async function waitForMigrations(databaseUrl: string, timeoutMs: number, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  for (;;) {
    const pending = await pendingServices(databaseUrl);
    if (pending.length === 0) return;
    if (Date.now() - started > timeoutMs) throw new Error(`migrations still pending after ${timeoutMs} ms: ${pending.join(', ')}`);
    log(`waiting for migrations of ${pending.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set: point it at the Postgres to migrate.');
    process.exit(2);
  }
  const log = (line: string) => console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), source: 'migrate', msg: line }));
  const run = process.argv.includes('--wait')
    ? waitForMigrations(url, Number(process.env.MIGRATION_WAIT_SECONDS ?? 600) * 1000, log)
    : migrateAll(url, log);
  run
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      // The message only: a driver error can carry the connection string in its stack context.
      console.error(JSON.stringify({ level: 'error', source: 'migrate', msg: `migration failed: ${(error as Error).message}` }));
      process.exit(1);
    });
}
