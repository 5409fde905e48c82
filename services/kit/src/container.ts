import type { ContainerType } from 'type-graphql';
import type { ServiceDeps } from './service-main.js';

/**
 * type-graphql container: resolver classes are singletons per schema, constructed with the
 * service's deps (and any extra, service-specific arguments such as options).
 */
export function depsContainer(deps: ServiceDeps, ...extra: unknown[]): ContainerType {
  const instances = new Map<unknown, unknown>();
  return {
    get(someClass: new (deps: ServiceDeps, ...extra: unknown[]) => unknown) {
      let instance = instances.get(someClass);
      if (!instance) {
        instance = new someClass(deps, ...extra);
        instances.set(someClass, instance);
      }
      return instance;
    },
  };
}
