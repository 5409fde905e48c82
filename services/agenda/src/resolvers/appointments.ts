import { forbidden, groupByKey, type ServiceDeps, type SubgraphContext, type UnitRef } from '@poortwachter/kit';
import { Appointment } from './types.js';
import type { AppointmentStatus } from '../entities/index.js';

export interface AppointmentRow {
  id: string;
  agenda_id: string;
  version: number;
  sequence: number;
  activity_id: string | null;
  what_to_bring: string | null;
  location_id: string | null;
  person_id: string;
  starts_at: Date;
  ends_at: Date;
  kind: string;
  location: string | null;
  video_url: string | null;
  status: AppointmentStatus;
  professional_name: string;
  professional_role: string;
}

export const SELECT_APPOINTMENTS = `
  SELECT a.id, a.agenda_id, a.version, a.sequence, a.activity_id, a.what_to_bring, a.location_id, a.person_id, a.starts_at, a.ends_at, a.kind, a.location, a.video_url, a.status,
         ag.name AS professional_name, ag.role AS professional_role
    FROM agenda.appointment a
    JOIN agenda.agenda ag ON ag.id = a.agenda_id`;

export function toAppointment(row: AppointmentRow): Appointment {
  return Object.assign(new Appointment(), {
    id: row.id,
    agendaId: row.agenda_id,
    version: row.version,
    sequence: row.sequence,
    activityId: row.activity_id,
    whatToBring: row.what_to_bring,
    locationId: row.location_id,
    personId: row.person_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    kind: row.kind,
    location: row.location,
    videoUrl: row.video_url,
    status: row.status,
    professionalName: row.professional_name,
    professionalRole: row.professional_role,
  });
}

export async function queryAppointments(deps: ServiceDeps, where: string, params: unknown[]): Promise<Appointment[]> {
  const rows: AppointmentRow[] = await deps.dataSource.query(`${SELECT_APPOINTMENTS} WHERE ${where} ORDER BY a.starts_at, a.id`, params);
  return rows.map(toAppointment);
}

/**
 * Which of these persons the caller may see, decided by kit's one rule (`canSeePerson`) against
 * the placement read model. One statement for any number of persons; none for the administrator
 * or an employee, whose answer needs no placement.
 */
export async function visiblePersons(deps: ServiceDeps, ctx: SubgraphContext, personIds: readonly string[]): Promise<Set<string>> {
  const actor = ctx.actor;
  if (!actor.isAuthenticated) return new Set();
  if (actor.seesAllUnits) return new Set(personIds);
  if (actor.role === 'EMPLOYEE') return new Set(personIds.filter((id) => actor.canSeePerson(id, [])));
  const rows: { person_id: string; employer_id: string | null; division_id: string | null; department_id: string | null }[] =
    await deps.dataSource.query(
      `SELECT person_id, employer_id, division_id, department_id FROM agenda.person_placement WHERE person_id = ANY($1::uuid[])`,
      [personIds],
    );
  const visible = new Set<string>();
  for (const row of rows) {
    const units: UnitRef[] = row.employer_id
      ? [{ employerId: row.employer_id, divisionId: row.division_id, departmentId: row.department_id }]
      : [];
    if (actor.canSeePerson(row.person_id, units)) visible.add(row.person_id);
  }
  return visible;
}

/**
 * `Person.appointments` for every person in the response at once: a list of fifty persons costs
 * the same statements as a list of ten. Persons the caller may not see get FORBIDDEN.
 */
export function appointmentsByPerson(deps: ServiceDeps, ctx: SubgraphContext) {
  return ctx.loaders.get<string, Appointment[]>('agenda.appointmentsByPerson', async (personIds) => {
    const visible = await visiblePersons(deps, ctx, personIds);
    const allowed = personIds.filter((id) => visible.has(id));
    const denied = personIds.filter((id) => !visible.has(id));
    for (const personId of denied) ctx.accessLog.denied('appointment', personId);
    const appointments = allowed.length > 0 ? await queryAppointments(deps, 'a.person_id = ANY($1::uuid[])', [allowed]) : [];
    if (allowed.length > 0) ctx.accessLog.read('appointment', allowed);
    const grouped = groupByKey(personIds, appointments, (appointment) => appointment.personId);
    return personIds.map((id, i) => (visible.has(id) ? grouped[i]! : forbidden(`the appointments of person ${id}`)));
  });
}

/** `Activity.appointments` for every activity in the response at once; appointments of persons the caller may not see are left out. */
export function appointmentsByActivity(deps: ServiceDeps, ctx: SubgraphContext) {
  return ctx.loaders.get<string, Appointment[]>('agenda.appointmentsByActivity', async (activityIds) => {
    const ids = activityIds.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    const appointments = ids.length > 0 ? await queryAppointments(deps, 'a.activity_id = ANY($1::uuid[])', [ids]) : [];
    const visible = appointments.length > 0 ? await visiblePersons(deps, ctx, [...new Set(appointments.map((a) => a.personId))]) : new Set<string>();
    const shown = appointments.filter((a) => visible.has(a.personId));
    if (shown.length > 0) ctx.accessLog.read('appointment', [...new Set(shown.map((a) => a.personId))]);
    return groupByKey(activityIds, shown, (appointment) => appointment.activityId ?? '');
  });
}
