import 'reflect-metadata';
import { createDataSource, type ServiceModule } from '@poortwachter/kit';
import { DOSSIER_ENTITIES } from './entities/index.js';
import { DOSSIER_MIGRATIONS } from './migrations/index.js';
import { buildDossierSchema } from './schema.js';
import { seedDemoData } from './seed/index.js';

export const service: ServiceModule = {
  name: 'dossier',
  createDataSource: (url) => createDataSource({ schema: 'dossier', entities: DOSSIER_ENTITIES, migrations: DOSSIER_MIGRATIONS, url }),
  buildSchema: (deps) => buildDossierSchema(deps),
  seedDemo: async (deps) => {
    await seedDemoData(deps);
  },
};

export * from './entities/index.js';
export * from './domain/term.js';
export { DossierErrorCode, ApiScope, MAX_DAYS_AHEAD } from './domain/rules.js';
export type * from './events/payloads.js';
