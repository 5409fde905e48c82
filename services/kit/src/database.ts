import { DataSource, type Logger, type MixedList, type EntitySchema } from 'typeorm';
import pg from 'pg';
import { isProduction } from './config.js';
import { currentRequestScope } from './request-scope.js';

/** How many request ids the counter remembers; older ones are forgotten first. */
const REMEMBERED_REQUESTS = 2000;

/**
 * Counts SQL statements, in all and per request id, so tests and benchmarks can prove a list costs
 * a fixed number of queries. The per-request figure is exact: background work of the process
 * (queue polling, access-log shipping, event handlers) runs outside any request scope and so never
 * lands in a request's count, whatever the machine's load.
 */
export class StatementCounter implements Logger {
  count = 0;
  private readonly perRequest = new Map<string, number>();

  /** Statements run on behalf of the request with this id (0 when none, or long forgotten). */
  countFor(requestId: string): number {
    return this.perRequest.get(requestId) ?? 0;
  }

  private record(): void {
    this.count++;
    const requestId = currentRequestScope()?.requestId;
    if (requestId === undefined) return;
    this.perRequest.set(requestId, (this.perRequest.get(requestId) ?? 0) + 1);
    if (this.perRequest.size > REMEMBERED_REQUESTS) this.perRequest.delete(this.perRequest.keys().next().value!);
  }

  logQuery(): void {
    this.record();
  }
  logQueryError(error: string | Error, query: string): void {
    this.record();
    console.error('SQL error', error instanceof Error ? error.message : error, query.slice(0, 200));
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (!isProduction()) console.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn(message);
  }
}

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new Error('DATABASE_URL is not set. Start the whole system with `npm start`, or point DATABASE_URL at a Postgres.');
  }
  return url;
}

export interface DataSourceOptions {
  /** The Postgres schema this subgraph owns; no subgraph touches another's. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  url?: string;
  poolSize?: number;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const counter = new StatementCounter();
  return new DataSource({
    type: 'postgres',
    url: options.url ?? databaseUrl(),
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logger: counter,
    logging: ['query', 'error', 'migration', 'warn'],
    extra: { max: options.poolSize ?? 10, application_name: `poortwachter-${options.schema}` },
  });
}

export function statementCounter(dataSource: DataSource): StatementCounter {
  return dataSource.logger as StatementCounter;
}

/** Creates the schema if needed, connects and applies pending migrations (each in its own transaction). */
export async function initializeAndMigrate(dataSource: DataSource): Promise<void> {
  const options = dataSource.options as { url: string; schema: string };
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
  } finally {
    await client.end();
  }
  if (!dataSource.isInitialized) await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
}
