import { AgendaEntity } from './agenda.js';
import { AppointmentEntity } from './appointment.js';
import { PersonPlacementEntity } from './person-placement.js';
import { AbsenceEntity, LocationEntity, WorkingHoursEntity } from './schedule.js';

export { AgendaEntity, AppointmentEntity, PersonPlacementEntity, AbsenceEntity, LocationEntity, WorkingHoursEntity };
export { AGENDA_ROLES, type AgendaRole } from './agenda.js';
export { ACTIVE_STATUSES, APPOINTMENT_STATUSES, type AppointmentStatus } from './appointment.js';
export const ENTITIES = [AgendaEntity, AppointmentEntity, PersonPlacementEntity, WorkingHoursEntity, LocationEntity, AbsenceEntity];
