import { groupByKey, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { seesWholeAgenda, visibleAgendas } from '../commands/agenda-access.js';
import { PlanningCommands } from '../commands/planning.js';
import { formatClock } from '../domain/amsterdam-time.js';
import { ACTIVE_STATUSES, type AgendaRole } from '../entities/index.js';
import { period } from './appointment-resolver.js';
import { queryAppointments, visiblePersons } from './appointments.js';
import {
  Agenda,
  AgendaAbsence,
  AgendaEntry,
  AgendaLocation,
  AgendaRoleEnum,
  Appointment,
  AppointmentOutcomeEnum,
  ChangeAppointmentInput,
  MoveAppointmentInput,
  PlanAppointmentInput,
  SlotProposal,
  SlotProposalsInput,
  WorkingHours,
  type AppointmentOutcome,
} from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ArgsType()
class AgendasArgs {
  @Field(() => AgendaRoleEnum, { nullable: true, description: 'Only agendas of this role.' })
  role?: AgendaRole | null;

  @Field(() => ID, { nullable: true, description: 'Only the professionals who serve this employer.' })
  employerId?: string | null;
}

@ArgsType()
class AgendaEntriesArgs {
  @Field(() => [ID], { nullable: true, description: 'The agendas to show (default: every agenda you may see). Agendas you may not see are left out.' })
  agendaIds?: string[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Start of the period (default: now).' })
  from?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'End of the period (default: 90 days after the start; at most 93 days).' })
  to?: Date | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also cancelled appointments (only those of persons you may see; a cancelled slot is free).' })
  includeCancelled?: boolean | null;
}

@Resolver(() => Agenda)
export class AgendaResolver {
  private readonly planning: PlanningCommands;

  constructor(private readonly deps: ServiceDeps) {
    this.planning = new PlanningCommands(deps);
  }

  @Query(() => [Agenda], {
    description:
      'The agendas you may see: employer roles and planners those of the professionals serving their employers, a bedrijfsarts or ' +
      'casemanager their own, the administrator all. Bedrijfsartsen first, then by name.',
  })
  async agendas(@Ctx() ctx: SubgraphContext, @Args(() => AgendasArgs) args: AgendasArgs): Promise<Agenda[]> {
    ctx.actor.requireRole('EMPLOYER', 'PLANNER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN', 'API_CLIENT');
    ctx.actor.requireApiScope('appointments:read');
    if (args.employerId && !UUID.test(args.employerId)) return [];
    return visibleAgendas(this.deps, ctx.actor, args);
  }

  @Query(() => [AgendaEntry], {
    description:
      'The occupied slots of agendas in a period, by start. Appointments of persons in your scope come with person and kind ' +
      '(never a video link for employer roles); the others only as busy ("bezet"). Cancelled appointments are left out unless asked.',
  })
  async agendaEntries(@Ctx() ctx: SubgraphContext, @Args(() => AgendaEntriesArgs) args: AgendaEntriesArgs): Promise<AgendaEntry[]> {
    ctx.actor.requireRole('EMPLOYER', 'PLANNER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN', 'API_CLIENT');
    ctx.actor.requireApiScope('appointments:read');
    const range = period(args.from, args.to);
    const ids = args.agendaIds?.filter((id) => UUID.test(id)) ?? null;
    const agendas = await visibleAgendas(this.deps, ctx.actor, { ids });
    if (agendas.length === 0) return [];
    const statuses = args.includeCancelled ? [...ACTIVE_STATUSES, 'HELD', 'NO_SHOW', 'CANCELLED'] : [...ACTIVE_STATUSES, 'HELD', 'NO_SHOW'];
    const appointments = await queryAppointments(
      this.deps,
      `a.agenda_id = ANY($1::uuid[]) AND a.starts_at < $3 AND a.ends_at > $2 AND a.status = ANY($4::text[])`,
      [agendas.map((agenda) => agenda.id), range.from, range.to, statuses],
    );
    const whole = new Set(agendas.filter((agenda) => seesWholeAgenda(ctx.actor, agenda)).map((agenda) => agenda.id));
    const toCheck = [...new Set(appointments.filter((a) => !whole.has(a.agendaId)).map((a) => a.personId))];
    const visible = toCheck.length > 0 ? await visiblePersons(this.deps, ctx, toCheck) : new Set<string>();
    const shown = appointments.filter((a) => whole.has(a.agendaId) || visible.has(a.personId));
    if (shown.length > 0) ctx.accessLog.read('appointment', [...new Set(shown.map((a) => a.personId))]);
    return appointments
      .filter((a) => a.status !== 'CANCELLED' || whole.has(a.agendaId) || visible.has(a.personId))
      .map((a) => {
        const full = whole.has(a.agendaId) || visible.has(a.personId);
        return Object.assign(new AgendaEntry(), {
          id: a.id,
          agendaId: a.agendaId,
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          busy: !full,
          appointment: full ? a : null,
        });
      });
  }

  @Query(() => [SlotProposal], {
    description:
      "The earliest free slots up to the deadline day across the agendas of the role that serve the person's employer and that you may " +
      'plan in (a bedrijfsarts or casemanager: their own). When none is left before the deadline, the earliest after it (beforeDeadline false). ' +
      'Working hours, absences and Dutch public holidays are respected. Codes: PERSON_NOT_FOUND, BAD_USER_INPUT.',
  })
  slotProposals(@Ctx() ctx: SubgraphContext, @Arg('input', () => SlotProposalsInput, { description: 'Whom to invite and until when.' }) input: SlotProposalsInput): Promise<SlotProposal[]> {
    return this.planning.proposals(ctx, input);
  }

  @Mutation(() => Appointment, {
    description:
      'Books an appointment; the employee gets an invitation (mail with letter and .ics), the employer contact a notice without medical ' +
      'content, and a linked activity its planning step handled. Planner and administrator in any agenda they see, a professional in ' +
      'their own. Codes: SLOT_TAKEN, OUTSIDE_WORKING_HOURS, PUBLIC_HOLIDAY, PROFESSIONAL_ABSENT, APPOINTMENT_IN_PAST, AGENDA_NOT_FOUND, ' +
      'AGENDA_DOES_NOT_SERVE_EMPLOYER, PERSON_NOT_FOUND, LOCATION_NOT_FOUND, TEXT_TOO_LONG, BAD_USER_INPUT, FORBIDDEN.',
  })
  planAppointment(@Ctx() ctx: SubgraphContext, @Arg('input', () => PlanAppointmentInput, { description: 'The appointment.' }) input: PlanAppointmentInput): Promise<Appointment> {
    return this.planning.plan(ctx, input);
  }

  @Mutation(() => Appointment, {
    description:
      'Moves an appointment (status MOVED); the employee gets an update with the same calendar UID and a higher SEQUENCE. ' +
      'Codes: APPOINTMENT_VERSION_CONFLICT, APPOINTMENT_NOT_FOUND, APPOINTMENT_NOT_CHANGEABLE, and those of planAppointment for the new time.',
  })
  moveAppointment(@Ctx() ctx: SubgraphContext, @Arg('input', () => MoveAppointmentInput, { description: 'The new time.' }) input: MoveAppointmentInput): Promise<Appointment> {
    return this.planning.move(ctx, input);
  }

  @Mutation(() => Appointment, {
    description:
      'Cancels an upcoming appointment; the employee gets a cancellation (.ics METHOD:CANCEL). ' +
      'Codes: APPOINTMENT_VERSION_CONFLICT, APPOINTMENT_NOT_FOUND, APPOINTMENT_NOT_CHANGEABLE, FORBIDDEN.',
  })
  cancelAppointment(@Ctx() ctx: SubgraphContext, @Arg('input', () => ChangeAppointmentInput, { description: 'Which appointment.' }) input: ChangeAppointmentInput): Promise<Appointment> {
    return this.planning.cancel(ctx, input);
  }

  @Mutation(() => Appointment, {
    description:
      'Registers whether an appointment that has begun was held or missed; a no-show gives the employer a follow-up activity. ' +
      'Codes: APPOINTMENT_NOT_STARTED, APPOINTMENT_VERSION_CONFLICT, APPOINTMENT_NOT_FOUND, APPOINTMENT_NOT_CHANGEABLE, FORBIDDEN.',
  })
  registerAppointmentOutcome(
    @Ctx() ctx: SubgraphContext,
    @Arg('input', () => ChangeAppointmentInput, { description: 'Which appointment.' }) input: ChangeAppointmentInput,
    @Arg('outcome', () => AppointmentOutcomeEnum, { description: 'Held or no-show.' }) outcome: AppointmentOutcome,
  ): Promise<Appointment> {
    return this.planning.registerOutcome(ctx, input, outcome);
  }

  @Mutation(() => Appointment, {
    description: 'The employee confirms an upcoming appointment of their own. Codes: APPOINTMENT_NOT_FOUND, APPOINTMENT_VERSION_CONFLICT, APPOINTMENT_NOT_CHANGEABLE.',
  })
  confirmAppointment(@Ctx() ctx: SubgraphContext, @Arg('input', () => ChangeAppointmentInput, { description: 'Which appointment.' }) input: ChangeAppointmentInput): Promise<Appointment> {
    return this.planning.confirm(ctx, input);
  }

  @FieldResolver(() => [WorkingHours], { description: 'Working hours per weekday (Dutch local time), Monday first.' })
  async workingHours(@Root() agenda: Agenda, @Ctx() ctx: SubgraphContext): Promise<WorkingHours[]> {
    const loader = ctx.loaders.get<string, WorkingHours[]>('agenda.workingHours', async (ids) => {
      const rows: { agenda_id: string; weekday: number; start_minute: number; end_minute: number }[] = await this.deps.dataSource.query(
        `SELECT agenda_id, weekday, start_minute, end_minute FROM agenda.working_hours WHERE agenda_id = ANY($1::uuid[]) ORDER BY weekday, start_minute`,
        [ids],
      );
      return groupByKey(
        ids,
        rows.map((row) => Object.assign(new WorkingHours(), { agendaId: row.agenda_id, weekday: row.weekday, startTime: formatClock(row.start_minute), endTime: formatClock(row.end_minute) })),
        (row) => (row as WorkingHours & { agendaId: string }).agendaId,
      );
    });
    return loader.load(agenda.id);
  }

  @FieldResolver(() => [AgendaLocation], { description: 'Where the professional consults: addresses and video.' })
  async locations(@Root() agenda: Agenda, @Ctx() ctx: SubgraphContext): Promise<AgendaLocation[]> {
    const loader = ctx.loaders.get<string, (AgendaLocation & { agendaId: string })[]>('agenda.locations', async (ids) => {
      const rows: { id: string; agenda_id: string; name: string; address: string | null; video: boolean }[] = await this.deps.dataSource.query(
        `SELECT id, agenda_id, name, address, video FROM agenda.location WHERE agenda_id = ANY($1::uuid[]) ORDER BY position, id`,
        [ids],
      );
      return groupByKey(
        ids,
        rows.map((row) => Object.assign(new AgendaLocation(), { id: row.id, agendaId: row.agenda_id, name: row.name, address: row.address, video: row.video })),
        (row) => row.agendaId,
      );
    });
    return loader.load(agenda.id);
  }

  @FieldResolver(() => [AgendaAbsence], { description: 'Absences that have not ended yet, earliest first.' })
  async absences(@Root() agenda: Agenda, @Ctx() ctx: SubgraphContext): Promise<AgendaAbsence[]> {
    const loader = ctx.loaders.get<string, (AgendaAbsence & { agendaId: string })[]>('agenda.absences', async (ids) => {
      const rows: { agenda_id: string; starts_at: Date; ends_at: Date }[] = await this.deps.dataSource.query(
        `SELECT agenda_id, starts_at, ends_at FROM agenda.absence WHERE agenda_id = ANY($1::uuid[]) AND ends_at > now() ORDER BY starts_at`,
        [ids],
      );
      return groupByKey(
        ids,
        rows.map((row) => Object.assign(new AgendaAbsence(), { agendaId: row.agenda_id, startsAt: row.starts_at, endsAt: row.ends_at })),
        (row) => row.agendaId,
      );
    });
    return loader.load(agenda.id);
  }
}
