import 'reflect-metadata';
import { buildFederatedSchema, createDataSource, type ServiceDeps, type ServiceModule } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { depsContainer } from '@poortwachter/kit';
import { ENTITIES } from './entities/index.js';
import { applyPersonChanged, type PersonChanged } from './events/person-changed.js';
import { MIGRATIONS } from './migrations/index.js';
import { ActivityAppointmentsResolver, AppointmentResolver, PersonAppointmentsResolver } from './resolvers/appointment-resolver.js';
import { AgendaResolver } from './resolvers/agenda-resolver.js';
import { ActivityRef, personRef } from './resolvers/types.js';
import { seedDemoAgenda } from './seed/demo-agenda.js';

export { applyPersonChanged, type PersonChanged } from './events/person-changed.js';
export { demoAppointments, seedDemoAgenda, workingDayAt } from './seed/demo-agenda.js';
export { period } from './resolvers/appointment-resolver.js';
export { dutchPublicHolidays, easterSunday, kingsDay, publicHolidayOn } from './domain/holidays.js';
export { freeSlots, refusalFor } from './domain/schedule.js';
export { amsterdamInstant, amsterdamMoment } from './domain/amsterdam-time.js';
export { appointmentCalendar, calendarUid } from './domain/ics.js';
export type { AppointmentEvent } from './events/appointment-events.js';
export * from './entities/index.js';

export const service: ServiceModule = {
  name: 'agenda',

  createDataSource(url?: string) {
    return createDataSource({ schema: 'agenda', entities: ENTITIES, migrations: MIGRATIONS, url });
  },

  buildSchema(deps: ServiceDeps) {
    return buildFederatedSchema(
      {
        resolvers: [AppointmentResolver, PersonAppointmentsResolver, ActivityAppointmentsResolver, AgendaResolver],
        container: depsContainer(deps),
        scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
      },
      {
        // Authorization happens on `appointments`, where the data is; the reference is only an id.
        Person: { __resolveReference: (reference: { id: string }) => personRef(reference.id) },
        Activity: { __resolveReference: (reference: { id: string }) => Object.assign(new ActivityRef(), { id: reference.id }) },
      },
    );
  },

  async subscribe(bus, deps) {
    await bus.subscribe<Partial<PersonChanged>>('person.changed', (payload) => applyPersonChanged(deps.dataSource, payload));
  },

  seedDemo: (deps) => seedDemoAgenda(deps),
};
