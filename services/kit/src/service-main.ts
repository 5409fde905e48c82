import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { databaseUrl } from './database.js';
import { initializeAndMigrate } from './database.js';
import { EventBus } from './events.js';
import { startSubgraph, type RunningSubgraph, type SubgraphRoutesFactory } from './subgraph.js';
import type { ServiceName } from './config.js';

/** What a subgraph's resolvers and event handlers get to work with. */
export interface ServiceDeps {
  dataSource: DataSource;
  /** Null only when printing SDL (nothing executes then). */
  bus: EventBus | null;
}

/** Each subgraph package exports one of these; `runService` and the composition use it. */
export interface ServiceModule {
  name: ServiceName;
  createDataSource(url?: string): DataSource;
  buildSchema(deps: ServiceDeps): Promise<GraphQLSchema>;
  /** Registers the event handlers this subgraph consumes. */
  subscribe?(bus: EventBus, deps: ServiceDeps): Promise<void>;
  /** Idempotent demo data; run on start when SEED_DEMO=true (what `npm start` sets). */
  seedDemo?(deps: ServiceDeps): Promise<void>;
  /** Extra HTTP routes beside /graphql (file transfer); they verify the gateway identity themselves. */
  routes?(deps: ServiceDeps): SubgraphRoutesFactory;
}

export interface RunningService extends RunningSubgraph {
  deps: ServiceDeps;
}

export async function migrateService(module: ServiceModule, url?: string): Promise<void> {
  const dataSource = module.createDataSource(url);
  try {
    await initializeAndMigrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function runService(
  module: ServiceModule,
  options: { port?: number; databaseUrl?: string; migrate?: boolean; seedDemo?: boolean } = {},
): Promise<RunningService> {
  const url = options.databaseUrl ?? databaseUrl();
  const dataSource = module.createDataSource(url);
  // Production runs migrations as their own step (`npm run migrate`, a Job) and sets MIGRATE_ON_START=false.
  if (options.migrate ?? process.env.MIGRATE_ON_START !== 'false') await initializeAndMigrate(dataSource);
  else await dataSource.initialize();
  const bus = await EventBus.start({ connectionString: url, service: module.name });
  const deps: ServiceDeps = { dataSource, bus };
  if ((options.seedDemo ?? process.env.SEED_DEMO === 'true') && module.seedDemo) await module.seedDemo(deps);
  await module.subscribe?.(bus, deps);
  const schema = await module.buildSchema(deps);
  const running = await startSubgraph({
    name: module.name,
    schema,
    dataSource,
    bus,
    port: options.port,
    routes: module.routes?.(deps),
    onClose: async () => {
      await bus.stop();
      await dataSource.destroy();
    },
  });
  return { ...running, deps };
}

/** Entry point of a subgraph process: run, report, and stop cleanly on SIGINT/SIGTERM. */
export function serviceMain(module: ServiceModule): void {
  runService(module)
    .then((running) => {
      console.log(`[${module.name}] subgraph ready at ${running.url}`);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`[${module.name}] ${signal}: stopping`);
        running.close().then(
          () => process.exit(0),
          (error) => {
            console.error(error);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    })
    .catch((error) => {
      console.error(`[${module.name}] failed to start: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    });
}
