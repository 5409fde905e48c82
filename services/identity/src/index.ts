import 'reflect-metadata';
import { buildFederatedSchema, createDataSource, type ServiceDeps, type ServiceModule, type SubgraphContext } from '@poortwachter/kit';
import type { AccessLogEntry as LoggedAccess } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { depsContainer } from '@poortwachter/kit';
import { ENTITIES } from './entities/index.js';
import { storeAccessLogJobs } from './events/access-logged.js';
import { inviteNewEmployee } from './events/employee-invitation.js';
import { MIGRATIONS } from './migrations/index.js';
import { AccessLogResolver } from './resolvers/access-log-resolver.js';
import { AccountResolver } from './resolvers/account-resolver.js';
import { AdminResolver, UserAdminFieldsResolver } from './resolvers/admin-resolver.js';
import { DashboardResolver } from './resolvers/dashboard-resolver.js';
import { Notifications } from './events/notifications.js';
import { Messaging } from './messaging/outbox.js';
import { identitySettings } from './settings.js';
import { createIdentityServices } from './auth/identity-services.js';
import { scheduleSweep } from './auth/housekeeping.js';
import { PersonRef } from './resolvers/types.js';
import { PersonUserResolver, UserResolver, userReference } from './resolvers/user-resolver.js';
import { seedDemoUsers } from './seed/demo-users.js';
import { devOutboxRoutes } from './dev/outbox-page.js';

export { storeAccessLogEntries, storeAccessLogJobs } from './events/access-logged.js';
export { hashPassword, verifyPassword } from './auth/passwords.js';
export { demoUserRows } from './seed/demo-users.js';
export { Notifications, readActivityDigest, readDocumentSigned } from './events/notifications.js';
export { userChangedPayload, type UserChangedEvent } from './events/user-changed.js';
export { DEFAULT_SETTINGS } from './settings-store.js';
export { DEV_OUTBOX_PATH, devOutboxEnabled, renderOutboxPage } from './dev/outbox-page.js';
export { demoTotpSecret } from './auth/two-factor.js';
export { sweepExpired } from './auth/housekeeping.js';
export * from './entities/index.js';
export { createIdentityServices, type IdentityServices } from './auth/identity-services.js';
export { passwordStrength, passwordViolations, normalizePassword, PASSWORD_RULES, type PasswordRule } from './auth/password-policy.js';
export {
  verifyAccessToken,
  JwksAccessTokenVerifier,
  InvalidAccessToken,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TYPE,
} from './auth/access-token.js';
export { SigningKeys, jwksDocument, type JsonWebKeySet } from './auth/signing-keys.js';
export { identitySettings, type IdentitySettings } from './settings.js';

export const service: ServiceModule = {
  name: 'identity',

  createDataSource(url?: string) {
    return createDataSource({ schema: 'identity', entities: ENTITIES, migrations: MIGRATIONS, url });
  },

  buildSchema(deps: ServiceDeps) {
    return buildFederatedSchema(
      {
        resolvers: [UserResolver, UserAdminFieldsResolver, PersonUserResolver, AccessLogResolver, AccountResolver, AdminResolver, DashboardResolver],
        orphanedTypes: [PersonRef],
        container: depsContainer(deps, createIdentityServices(deps)),
        scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
      },
      {
        User: { __resolveReference: userReference(deps) },
        Person: { __resolveReference: (reference: { id: string }, _ctx: SubgraphContext) => Object.assign(new PersonRef(), { id: reference.id }) },
      },
    );
  },

  async subscribe(bus, deps) {
    scheduleSweep(deps.dataSource);
    await bus.subscribeBatch<Partial<LoggedAccess> | Partial<LoggedAccess>[]>(
      'access.logged',
      async (jobs) => {
        await storeAccessLogJobs(deps.dataSource, jobs);
      },
      { batchSize: 200 },
    );
    const settings = identitySettings();
    const notifications = new Notifications(deps.dataSource, Messaging.fromEnvironment(deps.dataSource, settings), settings);
    await bus.subscribe('document.signed', async (payload) => {
      await notifications.documentSigned(payload);
    });
    await bus.subscribe('activity-digest.ready', async (payload) => {
      await notifications.activityDigest(payload);
    });
    const { invitations } = createIdentityServices(deps, settings);
    await bus.subscribe('employee.invitation-requested', (payload) => inviteNewEmployee(deps.dataSource, invitations, payload));
  },

  seedDemo: seedDemoUsers,

  routes: (deps) => devOutboxRoutes(deps),
};
