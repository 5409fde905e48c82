import type { ServiceDeps } from '@poortwachter/kit';
import { Messaging } from '../messaging/outbox.js';
import { identitySettings, type IdentitySettings } from '../settings.js';
import { AccountAdmin } from './account-admin.js';
import { ApiClients } from './api-clients.js';
import { Invitations } from './invitations.js';
import { LoginFlow } from './login-flow.js';
import { Sessions } from './sessions.js';
import { SigningKeys } from './signing-keys.js';
import { LoginThrottle, SimpleLimit } from './throttle.js';

/** Everything the account resolvers use, wired once per schema. */
export interface IdentityServices {
  settings: IdentitySettings;
  keys: SigningKeys;
  sessions: Sessions;
  messaging: Messaging;
  invitations: Invitations;
  login: LoginFlow;
  throttle: LoginThrottle;
  admin: AccountAdmin;
  apiClients: ApiClients;
}

export function createIdentityServices(deps: ServiceDeps, settings: IdentitySettings = identitySettings()): IdentityServices {
  const { dataSource } = deps;
  const store = settings.rateLimitStore;
  const keys = new SigningKeys(dataSource, settings.signingKeyRotationDays);
  const sessions = new Sessions(dataSource, keys, settings);
  const messaging = Messaging.fromEnvironment(dataSource, settings);
  const throttle = new LoginThrottle(dataSource, store);
  const invitations = new Invitations(
    dataSource,
    settings,
    messaging,
    sessions,
    {
      activation: new SimpleLimit(dataSource, store, 'activation-attempt', 5, 3600),
      resend: new SimpleLimit(dataSource, store, 'invitation-resend', 3, 24 * 3600),
    },
    deps.bus,
  );
  const login = new LoginFlow(dataSource, settings, sessions, keys, messaging, throttle, {
    perUser: new SimpleLimit(dataSource, store, 'sms-per-user', 5, 3600),
    spacing: new SimpleLimit(dataSource, store, 'sms-spacing', 1, settings.smsMinIntervalSeconds),
  }, deps.bus);
  return { settings, keys, sessions, messaging, invitations, login, throttle, admin: new AccountAdmin(dataSource, sessions, deps.bus),
    apiClients: new ApiClients(dataSource, keys, throttle, settings.apiTokenTtlSeconds),
  };
}
