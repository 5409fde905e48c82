import { AsyncLocalStorage } from 'node:async_hooks';
import type { SubgraphContext } from '@poortwachter/kit';
import type { MiddlewareFn } from 'type-graphql';

/**
 * The answer extension naming the users whose sessions a mutation ended. The gateway caches
 * verified access tokens for a short while; with this list it drops those users' tokens at once
 * instead of trusting them until the cache period runs out.
 */
export const REVOKED_USERS_EXTENSION = 'revokedUserIds';

const answerExtensions = new AsyncLocalStorage<Record<string, unknown>>();

/**
 * Runs a root field with its request's answer extensions in reach. Sessions are ended deep inside
 * the services (block, password, factor, refresh-token reuse, logout), which know nothing of the
 * request; this way every place that ends a session reports it, including future ones.
 */
export const collectRevocations: MiddlewareFn<SubgraphContext> = ({ context }, next) => {
  const extensions = context.responseExtensions;
  return extensions ? answerExtensions.run(extensions, next) : next();
};

/** Called where sessions of a user end; outside a GraphQL request (housekeeping, tests) it does nothing. */
export function reportRevokedUser(userId: string): void {
  const extensions = answerExtensions.getStore();
  if (!extensions) return;
  const ids = (extensions[REVOKED_USERS_EXTENSION] ??= []) as string[];
  if (!ids.includes(userId)) ids.push(userId);
}
