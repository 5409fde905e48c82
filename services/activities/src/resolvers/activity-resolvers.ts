import { domainError, groupByKey, byKey, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import {
  actionListWindow,
  activityRoleOf,
  ACTIVITY_ROLES,
  DEFAULT_DAYS_AHEAD,
  MAX_DAYS_AHEAD,
  type ActivityRole,
} from '../domain/protocol.js';
import { todayIn } from '../domain/dates.js';
import { ActivityQueries } from './activity-queries.js';
import { Activity, ActivityType, PersonRef, SickCaseRef } from './types.js';

function logReads(ctx: SubgraphContext, activities: readonly Activity[]): void {
  if (activities.length > 0)
    ctx.accessLog.read(
      'activity',
      activities.map((activity) => activity.personId),
    );
}

/** Per-request loaders: a list of N cases or persons costs one statement. */
export function activityLoaders(queries: ActivityQueries, ctx: SubgraphContext) {
  return {
    bySickCase: ctx.loaders.get<string, Activity[]>('activities.bySickCase', async (ids) => {
      const rows = await queries.bySickCases(ctx.actor, ids);
      logReads(ctx, rows);
      return groupByKey(ids, rows, (row) => row.sickCaseId ?? '');
    }),
    byPerson: ctx.loaders.get<string, Activity[]>('activities.byPerson', async (ids) => {
      const rows = await queries.byPersons(ctx.actor, ids);
      logReads(ctx, rows);
      return groupByKey(ids, rows, (row) => row.personId);
    }),
    byId: ctx.loaders.get<string, Activity | null>('activities.byId', async (ids) => {
      const rows = await queries.byIds(ctx.actor, ids);
      logReads(ctx, rows);
      return byKey(ids, rows, (row) => row.id);
    }),
  };
}

@Resolver(() => Activity)
export class ActivityResolver {
  private readonly queries: ActivityQueries;

  constructor(private readonly deps: ServiceDeps) {
    this.queries = new ActivityQueries(deps.dataSource);
  }

  @Query(() => [Activity], {
    description:
      "The caller's action list: open activities of their role (employer WG, bedrijfsarts BA, casemanager CM; administrator all) " +
      'in their units, signalled up to daysAhead days from today, by deadline. Reminders leave the list 42 days after their signal date.',
  })
  async actionList(
    @Ctx() ctx: SubgraphContext,
    @Arg('daysAhead', () => Int, { nullable: true, defaultValue: DEFAULT_DAYS_AHEAD })
    daysAheadArg: number | null,
  ): Promise<Activity[]> {
    const identity = ctx.actor.requireRole('EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN');
    const daysAhead = daysAheadArg ?? DEFAULT_DAYS_AHEAD;
    if (!Number.isInteger(daysAhead) || daysAhead < 0 || daysAhead > MAX_DAYS_AHEAD) {
      throw domainError('BAD_USER_INPUT', `daysAhead must be between 0 and ${MAX_DAYS_AHEAD}.`, {
        field: 'daysAhead',
      });
    }
    const ownRole = activityRoleOf(identity.role);
    const roles: readonly ActivityRole[] = ownRole ? [ownRole] : ACTIVITY_ROLES;
    const activities = await this.queries.actionList(
      ctx.actor,
      roles,
      actionListWindow(todayIn(), daysAhead),
    );
    logReads(ctx, activities);
    return activities;
  }

  @Query(() => [ActivityType], {
    description: 'The catalogue of activity types (actions, reminders and requests).',
  })
  async activityTypes(@Ctx() ctx: SubgraphContext): Promise<ActivityType[]> {
    ctx.actor.requireRole('EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN');
    return this.deps.dataSource.query(
      `SELECT code, category, title, role, kind FROM activities.activity_type ORDER BY position`,
    );
  }

  @FieldResolver(() => SickCaseRef, { nullable: true })
  sickCase(@Root() activity: Activity): SickCaseRef | null {
    return activity.sickCaseId ? { id: activity.sickCaseId } : null;
  }

  @FieldResolver(() => PersonRef)
  person(@Root() activity: Activity): PersonRef {
    return { id: activity.personId };
  }
}

@Resolver(() => SickCaseRef)
export class SickCaseActivitiesResolver {
  private readonly queries: ActivityQueries;

  constructor(deps: ServiceDeps) {
    this.queries = new ActivityQueries(deps.dataSource);
  }

  // Nullable on purpose: an outage of this subgraph nulls only this field, not the sick case.
  @FieldResolver(() => [Activity], {
    nullable: true,
    description: 'The activities of this sick case, of every role, by signal date. Empty for employees; null (with an error) when activities are unavailable.',
  })
  activities(@Root() sickCase: SickCaseRef, @Ctx() ctx: SubgraphContext): Promise<Activity[]> {
    return activityLoaders(this.queries, ctx).bySickCase.load(sickCase.id);
  }
}

@Resolver(() => PersonRef)
export class PersonActivitiesResolver {
  private readonly queries: ActivityQueries;

  constructor(deps: ServiceDeps) {
    this.queries = new ActivityQueries(deps.dataSource);
  }

  @FieldResolver(() => [Activity], {
    nullable: true,
    description: "The person's activities of every role, by signal date. Empty for employees; null (with an error) when activities are unavailable.",
  })
  activities(@Root() person: PersonRef, @Ctx() ctx: SubgraphContext): Promise<Activity[]> {
    return activityLoaders(this.queries, ctx).byPerson.load(person.id);
  }
}
