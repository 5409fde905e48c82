import { buildFederatedSchema, type ServiceDeps } from '@poortwachter/kit';
import type { GraphQLSchema } from 'graphql';
import { DepartmentResolver, DivisionResolver, EmployerResolver } from './resolvers/organisation.resolver.js';
import { EmploymentResolver, PersonResolver } from './resolvers/person.resolver.js';
import { SickCaseResolver } from './resolvers/sick-case.resolver.js';
import { referenceResolvers } from './references.js';

const RESOLVERS = [EmployerResolver, DivisionResolver, DepartmentResolver, PersonResolver, EmploymentResolver, SickCaseResolver] as const;

export async function buildDossierSchema(deps: ServiceDeps): Promise<GraphQLSchema> {
  // One instance per resolver class, each holding the service's deps (type-graphql asks the container).
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const instances = new Map<Function, unknown>(RESOLVERS.map((Resolver) => [Resolver, new Resolver(deps)]));
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
    referenceResolvers(deps),
  );
}
