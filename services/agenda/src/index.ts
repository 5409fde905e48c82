import 'reflect-metadata';
import { buildFederatedSchema, createDataSource, type ServiceDeps, type ServiceModule } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { depsContainer } from '@poortwachter/kit';
import { ENTITIES } from './entities/index.js';
import { applyPersonChanged, type PersonChanged } from './events/person-changed.js';
import { MIGRATIONS } from './migrations/index.js';
import { AppointmentResolver, PersonAppointmentsResolver } from './resolvers/appointment-resolver.js';
import { personRef } from './resolvers/types.js';
import { seedDemoAgenda } from './seed/demo-agenda.js';

export { applyPersonChanged, type PersonChanged } from './events/person-changed.js';
export { demoAppointments, seedDemoAgenda, workingDayAt } from './seed/demo-agenda.js';
export { period } from './resolvers/appointment-resolver.js';
export * from './entities/index.js';

export const service: ServiceModule = {
  name: 'agenda',

  createDataSource(url?: string) {
    return createDataSource({ schema: 'agenda', entities: ENTITIES, migrations: MIGRATIONS, url });
  },

  buildSchema(deps: ServiceDeps) {
    return buildFederatedSchema(
      {
        resolvers: [AppointmentResolver, PersonAppointmentsResolver],
        container: depsContainer(deps),
        scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
      },
      {
        // Authorization happens on `appointments`, where the data is; the reference is only an id.
        Person: { __resolveReference: (reference: { id: string }) => personRef(reference.id) },
      },
    );
  },

  async subscribe(bus, deps) {
    await bus.subscribe<Partial<PersonChanged>>('person.changed', (payload) => applyPersonChanged(deps.dataSource, payload));
  },

  seedDemo: (deps) => seedDemoAgenda(deps),
};
