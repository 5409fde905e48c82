import type { ContainerType } from 'type-graphql';
import type { ServiceDeps } from './service-main.js';

/** type-graphql container: resolver classes are singletons per schema, constructed with the service's deps. */
export function depsContainer(deps: ServiceDeps): ContainerType {
  const instances = new Map<unknown, unknown>();
  return {
    get(someClass: new (deps: ServiceDeps) => unknown) {
      let instance = instances.get(someClass);
      if (!instance) {
        instance = new someClass(deps);
        instances.set(someClass, instance);
      }
      return instance;
    },
  };
}
