import { AgendaEntity } from './agenda.js';
import { AppointmentEntity } from './appointment.js';
import { PersonPlacementEntity } from './person-placement.js';

export { AgendaEntity, AppointmentEntity, PersonPlacementEntity };
export { APPOINTMENT_STATUSES, type AppointmentStatus } from './appointment.js';
export const ENTITIES = [AgendaEntity, AppointmentEntity, PersonPlacementEntity];
