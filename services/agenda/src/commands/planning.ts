import { randomUUID } from 'node:crypto';
import { addDays, domainError, isCalendarDate, type Actor, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import type { EntityManager } from 'typeorm';
import { amsterdamInstant, amsterdamMoment } from '../domain/amsterdam-time.js';
import { freeSlots, refusalFor, type Interval, type Refusal, type WorkingBlock } from '../domain/schedule.js';
import { ACTIVE_STATUSES, type AgendaRole, type AppointmentStatus } from '../entities/index.js';
import { publishAppointment, type AppointmentChange } from '../events/appointment-events.js';
import { SELECT_APPOINTMENTS, toAppointment, visiblePersons, type AppointmentRow } from '../resolvers/appointments.js';
import type {
  Agenda,
  Appointment,
  AppointmentOutcome,
  ChangeAppointmentInput,
  MoveAppointmentInput,
  PlanAppointmentInput,
  SlotProposal,
  SlotProposalsInput,
} from '../resolvers/types.js';
import { mayPlanIn, visibleAgendas } from './agenda-access.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMITS = { minMinutes: 10, maxMinutes: 240, maxKind: 120, maxWhatToBring: 500, maxSlots: 20, searchDays: 60 } as const;
const VIDEO_BASE_URL = (process.env.VIDEO_MEETING_BASE_URL ?? 'https://video.poortwachter.example/spreekuur').replace(/\/$/, '');
const EXCLUSION_VIOLATION = '23P01';

const REFUSAL_MESSAGES: Record<Refusal['code'], string> = {
  PUBLIC_HOLIDAY: 'That day is a public holiday; no consultations are held.',
  OUTSIDE_WORKING_HOURS: "That time lies outside the professional's working hours.",
  PROFESSIONAL_ABSENT: 'The professional is absent then.',
  SLOT_TAKEN: 'That time is already booked in this agenda.',
};

function refuse(refusal: Refusal): never {
  throw domainError(refusal.code, REFUSAL_MESSAGES[refusal.code], {
    field: 'startsAt',
    ...(refusal.code === 'PUBLIC_HOLIDAY' ? { holiday: refusal.holiday } : {}),
  });
}

const slotTaken = () => refuse({ code: 'SLOT_TAKEN' });

function checkDuration(field: string, minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < LIMITS.minMinutes || minutes > LIMITS.maxMinutes) {
    throw domainError('BAD_USER_INPUT', `${field} must be between ${LIMITS.minMinutes} and ${LIMITS.maxMinutes} minutes.`, { field });
  }
}

function checkText(field: string, value: string | null | undefined, max: number, required: boolean): string | null {
  const text = value?.trim() ?? '';
  if (required && text === '') throw domainError('BAD_USER_INPUT', `${field} is required.`, { field });
  if (text.length > max) throw domainError('TEXT_TOO_LONG', `${field} may be at most ${max} characters.`, { field, max });
  return text === '' ? null : text;
}

function checkFuture(field: string, at: Date, now: Date): void {
  if (Number.isNaN(at.getTime())) throw domainError('BAD_USER_INPUT', `${field} is not a date-time.`, { field });
  if (at.getTime() <= now.getTime()) throw domainError('APPOINTMENT_IN_PAST', `${field} lies in the past.`, { field });
}

const isActive = (status: AppointmentStatus) => (ACTIVE_STATUSES as readonly string[]).includes(status);

interface AgendaSchedule {
  blocks: WorkingBlock[];
  absences: Interval[];
  busy: Interval[];
}

/** Working hours, absences and occupied slots of agendas over a period, in three statements for any number of agendas. */
async function schedules(
  manager: EntityManager,
  agendaIds: readonly string[],
  from: Date,
  to: Date,
  exceptAppointmentId: string | null = null,
): Promise<Map<string, AgendaSchedule>> {
  const result = new Map<string, AgendaSchedule>(agendaIds.map((id) => [id, { blocks: [], absences: [], busy: [] }]));
  const [blocks, absences, busy]: [
    { agenda_id: string; weekday: number; start_minute: number; end_minute: number }[],
    { agenda_id: string; starts_at: Date; ends_at: Date }[],
    { agenda_id: string; starts_at: Date; ends_at: Date }[],
  ] = await Promise.all([
    manager.query(`SELECT agenda_id, weekday, start_minute, end_minute FROM agenda.working_hours WHERE agenda_id = ANY($1::uuid[])`, [agendaIds]),
    manager.query(
      `SELECT agenda_id, starts_at, ends_at FROM agenda.absence WHERE agenda_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2`,
      [agendaIds, from, to],
    ),
    manager.query(
      `SELECT agenda_id, starts_at, ends_at FROM agenda.appointment
        WHERE agenda_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2 AND status = ANY($4::text[])
          AND ($5::uuid IS NULL OR id <> $5::uuid)`,
      [agendaIds, from, to, ACTIVE_STATUSES, exceptAppointmentId],
    ),
  ]);
  for (const row of blocks) result.get(row.agenda_id)!.blocks.push({ weekday: row.weekday, startMinutes: row.start_minute, endMinutes: row.end_minute });
  for (const row of absences) result.get(row.agenda_id)!.absences.push({ startsAt: row.starts_at, endsAt: row.ends_at });
  for (const row of busy) result.get(row.agenda_id)!.busy.push({ startsAt: row.starts_at, endsAt: row.ends_at });
  return result;
}

/** The employer of a person the caller may see; PERSON_NOT_FOUND otherwise (an id reveals nothing). */
async function personEmployer(deps: ServiceDeps, ctx: SubgraphContext, personId: string, field: string): Promise<string | null> {
  const notFound = () => domainError('PERSON_NOT_FOUND', `Person ${personId} does not exist or is not visible to you.`, { field });
  if (!UUID.test(personId)) throw notFound();
  const visible = await visiblePersons(deps, ctx, [personId]);
  if (!visible.has(personId)) {
    ctx.accessLog.denied('appointment', personId);
    throw notFound();
  }
  const [row]: { employer_id: string | null }[] = await deps.dataSource.query(
    `SELECT employer_id FROM agenda.person_placement WHERE person_id = $1`,
    [personId],
  );
  if (!row) throw notFound();
  return row.employer_id;
}

async function plannableAgenda(deps: ServiceDeps, actor: Actor, agendaId: string, field: string): Promise<Agenda> {
  const [agenda] = UUID.test(agendaId) ? await visibleAgendas(deps, actor, { ids: [agendaId] }) : [];
  if (!agenda) throw domainError('AGENDA_NOT_FOUND', `Agenda ${agendaId} does not exist or is not visible to you.`, { field });
  if (!mayPlanIn(actor, agenda)) throw domainError('FORBIDDEN', 'You may not plan in this agenda.', { field });
  return agenda;
}

async function loadAppointment(manager: EntityManager, id: string): Promise<Appointment | null> {
  if (!UUID.test(id)) return null;
  const rows: AppointmentRow[] = await manager.query(`${SELECT_APPOINTMENTS} WHERE a.id = $1`, [id]);
  return rows[0] ? toAppointment(rows[0]) : null;
}

export class PlanningCommands {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The earliest free slots before the deadline across the agendas of the role that serve the
   * person's employer and that the caller may plan in. When none is left before the deadline
   * (an overdue activity), the earliest after it, marked so.
   */
  async proposals(ctx: SubgraphContext, input: SlotProposalsInput): Promise<SlotProposal[]> {
    ctx.actor.requireRole('PLANNER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN');
    const duration = input.durationMinutes ?? 30;
    checkDuration('input.durationMinutes', duration);
    const limit = input.limit ?? 6;
    if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.maxSlots) {
      throw domainError('BAD_USER_INPUT', `limit must be between 1 and ${LIMITS.maxSlots}.`, { field: 'input.limit' });
    }
    if (input.deadline && !isCalendarDate(input.deadline)) {
      throw domainError('BAD_USER_INPUT', 'deadline must be a date (YYYY-MM-DD).', { field: 'input.deadline' });
    }
    const employerId = await personEmployer(this.deps, ctx, input.personId, 'input.personId');
    if (!employerId) return [];
    const role: AgendaRole = input.role ?? 'OCCUPATIONAL_PHYSICIAN';
    const agendas = (await visibleAgendas(this.deps, ctx.actor, { role, employerId, ids: input.agendaIds ?? null })).filter((agenda) =>
      mayPlanIn(ctx.actor, agenda),
    );
    if (agendas.length === 0) return [];
    const now = this.now();
    // Not within the next quarter of an hour: the invitation must reach the employee first.
    const from = new Date(Math.ceil((now.getTime() + 15 * 60_000) / (15 * 60_000)) * 15 * 60_000);
    const deadlineEnd = input.deadline ? amsterdamInstant(addDays(input.deadline, 1), 0) : null;
    const searchEnd = new Date(Math.max(deadlineEnd?.getTime() ?? 0, from.getTime()) + LIMITS.searchDays * 86_400_000);
    const byAgenda = await schedules(this.deps.dataSource.manager, agendas.map((agenda) => agenda.id), from, searchEnd);
    const collect = (until: Date, start: Date) =>
      agendas
        .flatMap((agenda) => {
          const schedule = byAgenda.get(agenda.id)!;
          return freeSlots({ ...schedule, from: start, until, durationMinutes: duration, limit }).map((slot) => ({ agenda, slot }));
        })
        .sort((a, b) => a.slot.startsAt.getTime() - b.slot.startsAt.getTime() || a.agenda.name.localeCompare(b.agenda.name))
        .slice(0, limit);
    let found = deadlineEnd && deadlineEnd > from ? collect(deadlineEnd, from) : [];
    let beforeDeadline = true;
    if (found.length === 0) {
      found = collect(searchEnd, deadlineEnd && deadlineEnd > from ? deadlineEnd : from);
      beforeDeadline = !deadlineEnd;
    }
    return found.map(({ agenda, slot }) => ({
      agendaId: agenda.id,
      professionalName: agenda.name,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      beforeDeadline,
    }));
  }

  async plan(ctx: SubgraphContext, input: PlanAppointmentInput): Promise<Appointment> {
    const identity = ctx.actor.requireRole('PLANNER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN');
    const duration = input.durationMinutes ?? 30;
    checkDuration('input.durationMinutes', duration);
    const kind = checkText('input.kind', input.kind, LIMITS.maxKind, true)!;
    const whatToBring = checkText('input.whatToBring', input.whatToBring, LIMITS.maxWhatToBring, false);
    if (input.activityId && !UUID.test(input.activityId)) {
      throw domainError('BAD_USER_INPUT', 'activityId is not an id.', { field: 'input.activityId' });
    }
    checkFuture('input.startsAt', input.startsAt, this.now());
    const agenda = await plannableAgenda(this.deps, ctx.actor, input.agendaId, 'input.agendaId');
    const employerId = await personEmployer(this.deps, ctx, input.personId, 'input.personId');
    if (!employerId || !agenda.employerIds.includes(employerId)) {
      throw domainError('AGENDA_DOES_NOT_SERVE_EMPLOYER', "This professional does not serve the person's employer.", { field: 'input.agendaId' });
    }
    const wanted = { startsAt: input.startsAt, endsAt: new Date(input.startsAt.getTime() + duration * 60_000) };
    const id = randomUUID();
    const appointment = await this.withSlotGuard(() =>
      this.deps.dataSource.transaction(async (manager) => {
        const location = await this.location(manager, agenda.id, input.locationId ?? null, 'input.locationId');
        await this.checkSlot(manager, agenda.id, wanted, null);
        await manager.query(
          `INSERT INTO agenda.appointment
                  (id, agenda_id, person_id, starts_at, ends_at, kind, location, video_url, status, activity_id, location_id, what_to_bring, planned_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PLANNED', $9, $10, $11, $12)`,
          [
            id,
            agenda.id,
            input.personId,
            wanted.startsAt,
            wanted.endsAt,
            kind,
            location.video ? null : location.address,
            location.video ? `${VIDEO_BASE_URL}/${randomUUID()}` : null,
            input.activityId ?? null,
            location.id,
            whatToBring,
            identity.sub,
          ],
        );
        const created = (await loadAppointment(manager, id))!;
        await publishAppointment(this.deps, manager, created, 'PLANNED', { changedBy: identity.sub });
        return created;
      }),
    );
    ctx.accessLog.change('appointment', 'create', appointment.personId);
    return appointment;
  }

  async move(ctx: SubgraphContext, input: MoveAppointmentInput): Promise<Appointment> {
    const identity = ctx.actor.requireRole('PLANNER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN');
    if (input.durationMinutes !== null && input.durationMinutes !== undefined) checkDuration('input.durationMinutes', input.durationMinutes);
    checkFuture('input.startsAt', input.startsAt, this.now());
    const current = await this.changeable(ctx, input.appointmentId, input.expectedVersion);
    if (current.startsAt.getTime() <= this.now().getTime()) {
      throw domainError('APPOINTMENT_NOT_CHANGEABLE', 'An appointment that has begun can no longer be moved.', { field: 'input.appointmentId' });
    }
    const duration = input.durationMinutes ?? Math.round((current.endsAt.getTime() - current.startsAt.getTime()) / 60_000);
    const wanted = { startsAt: input.startsAt, endsAt: new Date(input.startsAt.getTime() + duration * 60_000) };
    const moved = await this.withSlotGuard(() =>
      this.deps.dataSource.transaction(async (manager) => {
        const location = input.locationId ? await this.location(manager, current.agendaId, input.locationId, 'input.locationId') : null;
        await this.checkSlot(manager, current.agendaId, wanted, current.id);
        const videoUrl = location ? (location.video ? (current.videoUrl ?? `${VIDEO_BASE_URL}/${randomUUID()}`) : null) : current.videoUrl;
        const updated: unknown[] = await manager.query(
          `UPDATE agenda.appointment
              SET starts_at = $3, ends_at = $4, status = 'MOVED', version = version + 1, sequence = sequence + 1,
                  location_id = COALESCE($5, location_id), location = CASE WHEN $5::uuid IS NULL THEN location ELSE $6 END,
                  video_url = $7, updated_at = now()
            WHERE id = $1 AND version = $2 AND status = ANY($8::text[])
            RETURNING id`,
          [current.id, input.expectedVersion, wanted.startsAt, wanted.endsAt, location?.id ?? null, location && !location.video ? location.address : null, videoUrl, ACTIVE_STATUSES],
        );
        if (updated.length === 0) throw versionConflict();
        const after = (await loadAppointment(manager, current.id))!;
        await publishAppointment(this.deps, manager, after, 'MOVED', { previousStartsAt: current.startsAt, changedBy: identity.sub });
        return after;
      }),
    );
    ctx.accessLog.change('appointment', 'update', moved.personId);
    return moved;
  }

  async cancel(ctx: SubgraphContext, input: ChangeAppointmentInput): Promise<Appointment> {
    ctx.actor.requireRole('PLANNER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN');
    const current = await this.changeable(ctx, input.appointmentId, input.expectedVersion);
    if (current.endsAt.getTime() <= this.now().getTime()) {
      throw domainError('APPOINTMENT_NOT_CHANGEABLE', 'A past appointment cannot be cancelled; register whether it was held.', {
        field: 'input.appointmentId',
      });
    }
    return this.transition(ctx, current, input.expectedVersion, 'CANCELLED', 'CANCELLED', true);
  }

  async registerOutcome(ctx: SubgraphContext, input: ChangeAppointmentInput, outcome: AppointmentOutcome): Promise<Appointment> {
    ctx.actor.requireRole('PLANNER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN');
    const current = await this.changeable(ctx, input.appointmentId, input.expectedVersion);
    if (current.startsAt.getTime() > this.now().getTime()) {
      throw domainError('APPOINTMENT_NOT_STARTED', 'Whether an appointment was held can be registered once it has begun.', {
        field: 'input.appointmentId',
      });
    }
    return this.transition(ctx, current, input.expectedVersion, outcome, outcome, false);
  }

  /** The employee confirms an upcoming appointment of their own. */
  async confirm(ctx: SubgraphContext, input: ChangeAppointmentInput): Promise<Appointment> {
    const identity = ctx.actor.requireRole('EMPLOYEE');
    const current = await loadAppointment(this.deps.dataSource.manager, input.appointmentId);
    if (!current || current.personId !== identity.personId) throw appointmentNotFound();
    if (current.version !== input.expectedVersion) throw versionConflict();
    if (!['PLANNED', 'MOVED'].includes(current.status) || current.startsAt.getTime() <= this.now().getTime()) {
      throw domainError('APPOINTMENT_NOT_CHANGEABLE', 'Only an upcoming, unconfirmed appointment can be confirmed.', { field: 'input.appointmentId' });
    }
    return this.transition(ctx, current, input.expectedVersion, 'CONFIRMED', 'CONFIRMED', false);
  }

  private async transition(
    ctx: SubgraphContext,
    current: Appointment,
    expectedVersion: number,
    status: AppointmentStatus,
    change: AppointmentChange,
    raiseSequence: boolean,
  ): Promise<Appointment> {
    const after = await this.deps.dataSource.transaction(async (manager) => {
      const updated: unknown[] = await manager.query(
        `UPDATE agenda.appointment SET status = $3, version = version + 1, sequence = sequence + $4, updated_at = now()
          WHERE id = $1 AND version = $2 AND status = ANY($5::text[]) RETURNING id`,
        [current.id, expectedVersion, status, raiseSequence ? 1 : 0, ACTIVE_STATUSES],
      );
      if (updated.length === 0) throw versionConflict();
      const changed = (await loadAppointment(manager, current.id))!;
      await publishAppointment(this.deps, manager, changed, change, { changedBy: ctx.actor.userId });
      return changed;
    });
    ctx.accessLog.change('appointment', 'update', after.personId);
    return after;
  }

  /** An active appointment in an agenda the caller may plan in, at the version the caller saw. */
  private async changeable(ctx: SubgraphContext, appointmentId: string, expectedVersion: number): Promise<Appointment> {
    const current = await loadAppointment(this.deps.dataSource.manager, appointmentId);
    if (!current) throw appointmentNotFound();
    const [agenda] = await visibleAgendas(this.deps, ctx.actor, { ids: [current.agendaId] });
    const visible = agenda ? await visiblePersons(this.deps, ctx, [current.personId]) : new Set<string>();
    if (!agenda || !visible.has(current.personId)) {
      ctx.accessLog.denied('appointment', current.personId);
      throw appointmentNotFound();
    }
    if (!mayPlanIn(ctx.actor, agenda)) throw domainError('FORBIDDEN', 'You may not change appointments in this agenda.', { field: 'input.appointmentId' });
    if (current.version !== expectedVersion) throw versionConflict();
    if (!isActive(current.status)) {
      throw domainError('APPOINTMENT_NOT_CHANGEABLE', `The appointment is ${current.status.toLowerCase()} and can no longer change.`, {
        field: 'input.appointmentId',
        status: current.status,
      });
    }
    return current;
  }

  private async location(manager: EntityManager, agendaId: string, locationId: string | null, field: string) {
    const rows: { id: string; address: string | null; video: boolean }[] = locationId
      ? UUID.test(locationId)
        ? await manager.query(`SELECT id, address, video FROM agenda.location WHERE id = $1 AND agenda_id = $2`, [locationId, agendaId])
        : []
      : await manager.query(`SELECT id, address, video FROM agenda.location WHERE agenda_id = $1 ORDER BY position, id LIMIT 1`, [agendaId]);
    if (!rows[0]) throw domainError('LOCATION_NOT_FOUND', 'That location does not belong to this agenda.', { field });
    return rows[0];
  }

  private async checkSlot(manager: EntityManager, agendaId: string, wanted: Interval, exceptAppointmentId: string | null): Promise<void> {
    const start = amsterdamMoment(wanted.startsAt);
    const dayStart = amsterdamInstant(start.date, 0);
    const dayEnd = amsterdamInstant(addDays(start.date, 1), 0);
    const schedule = (await schedules(manager, [agendaId], dayStart, dayEnd, exceptAppointmentId)).get(agendaId)!;
    const refusal = refusalFor(wanted, schedule.blocks, schedule.absences, schedule.busy);
    if (refusal) refuse(refusal);
  }

  /** The database's exclusion constraint decides between two bookings committed at the same moment. */
  private async withSlotGuard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string; driverError?: { code?: string } }).driverError?.code === EXCLUSION_VIOLATION) slotTaken();
      if ((error as { code?: string }).code === EXCLUSION_VIOLATION) slotTaken();
      throw error;
    }
  }
}

const appointmentNotFound = () =>
  domainError('APPOINTMENT_NOT_FOUND', 'The appointment does not exist or is not visible to you.', { field: 'input.appointmentId' });
const versionConflict = () =>
  domainError('APPOINTMENT_VERSION_CONFLICT', 'Someone else changed this appointment in the meantime; reload it and try again.', {
    field: 'input.expectedVersion',
  });
