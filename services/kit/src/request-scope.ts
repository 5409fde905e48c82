import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What belongs to the request a piece of work runs for. Carried through every await of that
 * request (resolvers, DataLoader batches, TypeORM queries), so work can be attributed to it
 * without passing the context down by hand; background work (queue polling, access-log
 * shipping) runs outside any scope.
 */
export interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request the caller runs for, or undefined for background work. */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
