import type { Actor } from './authz.js';
import type { AccessLog } from './access-log.js';
import type { Loaders } from './loaders.js';

/** What every resolver in every subgraph receives. */
export interface SubgraphContext {
  actor: Actor;
  loaders: Loaders;
  accessLog: AccessLog;
  requestId: string;
  /** The caller's address as vouched for by the gateway; null when it sent none. */
  clientAddress: string | null;
  /**
   * Top-level `extensions` of this request's answer, for the gateway (e.g. identity's
   * `revokedUserIds`). Always an object at run time; optional for contexts built by hand in tests.
   */
  responseExtensions?: Record<string, unknown>;
}
