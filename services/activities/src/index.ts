import 'reflect-metadata';
import {
  buildFederatedSchema,
  createDataSource,
  type ServiceModule,
  type SubgraphContext,
} from '@poortwachter/kit';
import { depsContainer } from '@poortwachter/kit';
import { ENTITIES } from './entities/index.js';
import { subscribeHandlers } from './events/handlers.js';
import { MIGRATIONS } from './migrations/index.js';
import { ActivityQueries } from './resolvers/activity-queries.js';
import {
  activityLoaders,
  ActivityResolver,
  PersonActivitiesResolver,
  SickCaseActivitiesResolver,
} from './resolvers/activity-resolvers.js';
import { ProtocolResolver } from './resolvers/protocol-resolvers.js';

export const service: ServiceModule = {
  name: 'activities',
  createDataSource: (url) =>
    createDataSource({ schema: 'activities', entities: ENTITIES, migrations: MIGRATIONS, url }),
  async buildSchema(deps) {
    const queries = new ActivityQueries(deps.dataSource);
    return buildFederatedSchema(
      {
        resolvers: [ActivityResolver, SickCaseActivitiesResolver, PersonActivitiesResolver, ProtocolResolver],
        container: depsContainer(deps),
      },
      {
        Activity: {
          __resolveReference: (reference: { id: string }, ctx: SubgraphContext) =>
            activityLoaders(queries, ctx).byId.load(reference.id),
        },
        SickCase: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
        Person: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
      },
    );
  },
  subscribe: subscribeHandlers,
};

export * from './domain/protocol.js';
export * from './domain/dates.js';
export * from './domain/protocol-admin.js';
export { computeDigests, runDailyDigest, handleUserChanged, parseUserChanged, DIGEST_DAYS_AHEAD, type ActivityDigest, type DigestItem } from './digest/daily-digest.js';
