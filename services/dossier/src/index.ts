import 'reflect-metadata';
import { createDataSource, type ServiceModule } from '@poortwachter/kit';
import { DOSSIER_ENTITIES } from './entities/index.js';
import { DOSSIER_MIGRATIONS } from './migrations/index.js';
import { buildDossierSchema } from './schema.js';
import { seedDemoData } from './seed/index.js';
import { seedDemoDocuments } from './seed/documents.js';
import { fileRoutes } from './http/files.js';
import { uploadMaxBytes } from './http/upload.js';
import { storageFromEnv, type DocumentStorage } from './storage/index.js';
import { subscribeHandlers } from './events/user-changed.js';

let storage: DocumentStorage | null = null;

/** Made on first use: printing the SDL needs no storage, and tests set DOCUMENT_STORAGE_DIR first. */
export function documentStorage(): DocumentStorage {
  storage ??= storageFromEnv();
  return storage;
}

export const service: ServiceModule = {
  name: 'dossier',
  createDataSource: (url) => createDataSource({ schema: 'dossier', entities: DOSSIER_ENTITIES, migrations: DOSSIER_MIGRATIONS, url }),
  buildSchema: (deps) => buildDossierSchema(deps, documentStorage()),
  seedDemo: async (deps) => {
    await seedDemoData(deps);
    await seedDemoDocuments(deps, documentStorage());
  },
  subscribe: (bus, deps) => subscribeHandlers(bus, deps),
  routes: (deps) => fileRoutes(deps, documentStorage(), { maxBytes: uploadMaxBytes() }),
};

export * from './entities/index.js';
export * from './domain/term.js';
export { DossierErrorCode, ApiScope, MAX_DAYS_AHEAD } from './domain/rules.js';
export type * from './events/payloads.js';
export type { DocumentStorage } from './storage/index.js';
