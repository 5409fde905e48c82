import { domainError, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { seesConsultationDetails } from '../commands/agenda-access.js';
import { calendarFileOf } from '../events/appointment-events.js';
import { appointmentsByActivity, appointmentsByPerson, queryAppointments } from './appointments.js';
import { ActivityRef, Appointment, PersonRef, personRef } from './types.js';

const DAY_MS = 24 * 3600 * 1000;
// An object rather than constants: ESLint's no-useless-assignment misreads uses inside decorators.
const WINDOW = { defaultDays: 90, maxDays: 93 } as const;

/** The period asked for: defaults to the coming 90 days; at most 93 days so a list stays bounded. */
export function period(from: Date | null | undefined, to: Date | null | undefined, now = new Date()): { from: Date; to: Date } {
  const start = from ?? (to ? new Date(to.getTime() - WINDOW.defaultDays * DAY_MS) : now);
  const end = to ?? new Date(start.getTime() + WINDOW.defaultDays * DAY_MS);
  if (end.getTime() <= start.getTime()) {
    throw domainError('BAD_USER_INPUT', '`to` must be after `from`.', { field: 'to' });
  }
  if (end.getTime() - start.getTime() > WINDOW.maxDays * DAY_MS) {
    throw domainError('BAD_USER_INPUT', `The period may span at most ${WINDOW.maxDays} days.`, { field: 'to' });
  }
  return { from: start, to: end };
}

@ArgsType()
class PeriodArgs {
  @Field(() => DateTimeResolver, { nullable: true, description: 'Start of the period: appointments that end after it are included. Default: now.' })
  from?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'End of the period: appointments that start before it are included. Default: 90 days after the start.' })
  to?: Date | null;
}

@Resolver(() => Appointment)
export class AppointmentResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => [Appointment], {
    description:
      `Appointments overlapping the period, in the caller's scope: an employer sees the persons in their units, a professional ` +
      `those in their clients' units, the administrator all, an employee their own. Default period: the coming ` +
      `${WINDOW.defaultDays} days; at most ${WINDOW.maxDays} days.`,
  })
  async appointments(
    @Ctx() ctx: SubgraphContext,
    @Args(() => PeriodArgs) args: PeriodArgs,
  ): Promise<Appointment[]> {
    ctx.actor.requireApiScope('appointments:read');
    const range = period(args.from, args.to);
    const overlaps = 'a.starts_at < $2 AND a.ends_at > $1';
    const filter = ctx.actor.unitFilter();
    let result: Appointment[];
    switch (filter.kind) {
      case 'none':
        result = [];
        break;
      case 'all':
        result = await queryAppointments(this.deps, overlaps, [range.from, range.to]);
        break;
      case 'person':
        result = await queryAppointments(this.deps, `${overlaps} AND a.person_id = $3`, [range.from, range.to, filter.personId]);
        break;
      case 'units':
        // The same rule as Actor.coversUnit, in SQL, so the database returns only what may be seen.
        result = await queryAppointments(
          this.deps,
          `${overlaps} AND EXISTS (
             SELECT 1 FROM agenda.person_placement pl
              WHERE pl.person_id = a.person_id
                AND (pl.employer_id = ANY($3::uuid[]) OR pl.division_id = ANY($4::uuid[]) OR pl.department_id = ANY($5::uuid[])))`,
          [range.from, range.to, filter.employerIds, filter.divisionIds, filter.departmentIds],
        );
        break;
    }
    ctx.accessLog.read('appointment', result.map((appointment) => appointment.personId));
    return result;
  }

  @Query(() => [Appointment], { description: "The signed-in employee's own appointments, past and upcoming, oldest first." })
  async myAppointments(@Ctx() ctx: SubgraphContext): Promise<Appointment[]> {
    const identity = ctx.actor.requireRole('EMPLOYEE');
    if (!identity.personId) return [];
    const result = await queryAppointments(this.deps, 'a.person_id = $1', [identity.personId]);
    ctx.accessLog.read('appointment', [identity.personId]);
    return result;
  }

  @FieldResolver(() => PersonRef, { description: 'The person the appointment is with (the employee); the dossier supplies the details.' })
  person(@Root() appointment: Appointment): PersonRef {
    return personRef(appointment.personId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Link to join, for video consultations. Never sent to employer roles or partner software (null for them).',
  })
  videoUrl(@Root() appointment: Appointment, @Ctx() ctx: SubgraphContext): string | null {
    return seesConsultationDetails(ctx.actor) ? appointment.videoUrl : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'What the employee should bring, as the invitation says. Never sent to employer roles or partner software.',
  })
  whatToBring(@Root() appointment: Appointment, @Ctx() ctx: SubgraphContext): string | null {
    return seesConsultationDetails(ctx.actor) ? appointment.whatToBring : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The appointment as an iCalendar file (text/calendar) with a stable UID and a SEQUENCE raised by every move, for the employee and ' +
      'the arbodienst. Null for cancelled, held, missed or past appointments, and for employer roles.',
  })
  calendarFile(@Root() appointment: Appointment, @Ctx() ctx: SubgraphContext): string | null {
    if (!seesConsultationDetails(ctx.actor)) return null;
    if (!['PLANNED', 'CONFIRMED', 'MOVED'].includes(appointment.status) || appointment.endsAt.getTime() <= Date.now()) return null;
    return calendarFileOf(appointment);
  }
}

@Resolver(() => ActivityRef)
export class ActivityAppointmentsResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => [Appointment], {
    nullable: true,
    description:
      'The appointments planned for this activity (e.g. the consultation of "Spreekuur probleemanalyse"), oldest first, so the ' +
      "trajectory shows when it was planned, moved, held or missed. Only those whose person you may see. Null when the agenda is unavailable.",
  })
  appointments(@Root() activity: ActivityRef, @Ctx() ctx: SubgraphContext): Promise<Appointment[]> {
    ctx.actor.require();
    ctx.actor.requireApiScope('appointments:read');
    return appointmentsByActivity(this.deps, ctx).load(activity.id);
  }
}

@Resolver(() => PersonRef)
export class PersonAppointmentsResolver {
  constructor(private readonly deps: ServiceDeps) {}

  // Nullable on purpose: when the agenda subgraph is down, only this field is null (with an error),
  // not the whole person that other subgraphs resolved.
  @FieldResolver(() => [Appointment], {
    nullable: true,
    description: "The person's appointments, oldest first. The employee themself, or callers whose scope covers the person's unit. Null (with an error) when the agenda is unavailable.",
  })
  appointments(@Root() person: PersonRef, @Ctx() ctx: SubgraphContext): Promise<Appointment[]> {
    ctx.actor.require();
    ctx.actor.requireApiScope('appointments:read');
    return appointmentsByPerson(this.deps, ctx).load(person.id);
  }
}
