import { buildFederatedSchema, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import type { GraphQLSchema } from 'graphql';
import { DepartmentResolver, DivisionResolver, EmployerResolver } from './resolvers/organisation.resolver.js';
import { EmploymentResolver, PersonResolver } from './resolvers/person.resolver.js';
import { SickCaseResolver } from './resolvers/sick-case.resolver.js';
import { DossierDocumentResolver, DossierNoteResolver, SickCaseDossierResolver, SignatureRequestResolver } from './resolvers/documents.resolver.js';
import { PersonDetailsResolver } from './resolvers/person-details.resolver.js';
import { referenceResolvers } from './references.js';
import {
  DocumentActivityResolver,
  EmployerSettingsResolver,
  EmploymentDossierResolver,
  PartnerResolver,
  PersonDossierResolver,
} from './resolvers/person-dossier.resolver.js';
import { DossierDocuments } from './documents/commands.js';
import type { DocumentStorage } from './storage/index.js';

const RESOLVERS = [
  EmployerResolver,
  DivisionResolver,
  DepartmentResolver,
  PersonResolver,
  EmploymentResolver,
  SickCaseResolver,
  SickCaseDossierResolver,
  DossierDocumentResolver,
  SignatureRequestResolver,
  DossierNoteResolver,
  PersonDetailsResolver,
  PersonDossierResolver,
  EmploymentDossierResolver,
  EmployerSettingsResolver,
  DocumentActivityResolver,
  PartnerResolver,
] as const;

/** Every resolver is constructed with the deps and the document storage (most ignore the latter). */
type ResolverClass = new (deps: ServiceDeps, storage: DocumentStorage) => unknown;

export async function buildDossierSchema(deps: ServiceDeps, storage: DocumentStorage): Promise<GraphQLSchema> {
  // One instance per resolver class, each holding the service's deps (type-graphql asks the container).
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const instances = new Map<Function, unknown>(
    RESOLVERS.map((Resolver) => [Resolver, new (Resolver as ResolverClass)(deps, storage)]),
  );
  const documents = new DossierDocuments(deps, storage);
  return buildFederatedSchema(
    {
      resolvers: RESOLVERS,
      container: {
        get: (resolverClass) => {
          const instance = instances.get(resolverClass);
          if (!instance) throw new Error(`No instance for resolver ${String(resolverClass)}`);
          return instance;
        },
      },
    },
    {
      ...referenceResolvers(deps),
      DossierDocument: {
        __resolveReference: async (reference: { id: string }, ctx: SubgraphContext) => {
          if (!ctx.actor.isAuthenticated) return null;
          const found = await documents.visibleDocument(ctx, reference.id);
          if (found) ctx.accessLog.read('document', [found.document.personId]);
          return found?.document ?? null;
        },
      },
    },
  );
}
