import 'reflect-metadata';
import {
  buildFederatedSchema,
  createDataSource,
  type ServiceDeps,
  type ServiceModule,
} from '@poortwachter/kit';
import { depsContainer } from '@poortwachter/kit';
import { ENTITIES } from './entities/index.js';
import { subscribeHandlers } from './events/handlers.js';
import { MIGRATIONS } from './migrations/index.js';
import { reportingOptions, type ReportingOptions } from './options.js';
import { SavedSelectionResolver } from './resolvers/saved-selection-resolver.js';
import { StatisticsResolver } from './resolvers/statistics-resolver.js';

/** The reporting subgraph; options default to the environment (duration class boundaries). */
export function reportingService(options: ReportingOptions = reportingOptions()): ServiceModule {
  return {
    name: 'reporting',
    createDataSource: (url) =>
      createDataSource({ schema: 'reporting', entities: ENTITIES, migrations: MIGRATIONS, url }),
    buildSchema: (deps: ServiceDeps) =>
      buildFederatedSchema({ resolvers: [StatisticsResolver, SavedSelectionResolver], container: depsContainer(deps, options) }),
    subscribe: subscribeHandlers,
  };
}

export const service: ServiceModule = reportingService();

export * from './domain/duration-classes.js';
export * from './domain/statistics.js';
export { rebuildReadModel, logAndApply } from './events/projection.js';
export type { ReportingOptions } from './options.js';
