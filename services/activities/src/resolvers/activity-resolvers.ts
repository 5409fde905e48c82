import { domainError, forbidden, groupByKey, byKey, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ActivityCommands } from '../commands/activities.js';
import { isUuid } from '../domain/rules.js';
import {
  actionListWindow,
  activityRoleOf,
  ACTIVITY_ROLES,
  DEFAULT_DAYS_AHEAD,
  MAX_DAYS_AHEAD,
  type ActivityRole,
} from '../domain/protocol.js';
import { todayIn } from '../domain/dates.js';
import { ACTIVITIES_READ_SCOPE, ActivityQueries } from './activity-queries.js';
import {
  ActionListArgs,
  Activity,
  ActivityFilter,
  ActivityPage,
  CancelActivityArgs,
  DossierDocumentRef,
  PAGE,
  PersonActivitiesArgs,
  ActivityType,
  AddActivityInput,
  HandleActivityInput,
  PersonRef,
  SickCaseRef,
} from './types.js';

/** The calendar day a `Date` scalar value stands for (the scalar parses to UTC midnight). */
const isoDateOf = (date: Date): string => date.toISOString().slice(0, 10);



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
  private readonly commands: ActivityCommands;

  constructor(private readonly deps: ServiceDeps) {
    this.queries = new ActivityQueries(deps.dataSource);
    this.commands = new ActivityCommands(deps);
  }

  @Query(() => [Activity], {
    description:
      "The caller's action list: open activities of their role (employer WG, bedrijfsarts BA, casemanager CM; administrator all) " +
      'in their units, signalled up to daysAhead days from today, by deadline. Reminders leave the list 42 days after their signal date.',
  })
  async actionList(
    @Args(() => ActionListArgs) { daysAhead: daysAheadArg, role: roleArg, overdueOnly }: ActionListArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Activity[]> {
    const identity = ctx.actor.requireRole('EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN');
    const daysAhead = daysAheadArg ?? DEFAULT_DAYS_AHEAD;
    if (!Number.isInteger(daysAhead) || daysAhead < 0 || daysAhead > MAX_DAYS_AHEAD) {
      throw domainError('BAD_USER_INPUT', `daysAhead must be between 0 and ${MAX_DAYS_AHEAD}.`, {
        field: 'daysAhead',
      });
    }
    const ownRole = activityRoleOf(identity.role);
    if (ownRole && roleArg && roleArg !== ownRole) throw forbidden(`the action list of role ${roleArg}`);
    const roles: readonly ActivityRole[] = ownRole ? [ownRole] : roleArg ? [roleArg] : ACTIVITY_ROLES;
    const today = todayIn();
    const activities = await this.queries.actionList(ctx.actor, roles, {
      ...actionListWindow(today, daysAhead),
      overdueBefore: overdueOnly ? today : null,
    });
    logReads(ctx, activities);
    return activities;
  }

  @Query(() => [ActivityType], {
    description: 'The catalogue of activity types (actions, reminders and requests).',
  })
  async activityTypes(@Ctx() ctx: SubgraphContext): Promise<ActivityType[]> {
    ctx.actor.requireRole('EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN');
    return this.deps.dataSource.query(
      `SELECT code, category, title, role, kind, position AS number, links_document AS "linksDocument"
         FROM activities.activity_type ORDER BY position`,
    );
  }

  @Query(() => [Activity], {
    description:
      'Activities of every role in your units, by signal date, matching the filter. Partner software needs the scope activities:read.',
  })
  async activities(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Criteria; omit for all activities in your units.' })
    filter: ActivityFilter | null,
  ): Promise<Activity[]> {
    ctx.actor.requireRole('EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN', 'API_CLIENT');
    ctx.actor.requireApiScope(ACTIVITIES_READ_SCOPE);
    for (const field of ['personId', 'sickCaseId'] as const) {
      const value = filter?.[field];
      if (value && !isUuid(value)) return [];
    }
    const activities = await this.queries.list(ctx.actor, filter ?? {});
    logReads(ctx, activities);
    return activities;
  }

  @Query(() => ActivityPage, {
    description:
      "A person's activities of every role (Activiteiten in the dossier), searched, sorted and paged on the server; " +
      'by default the open ones first by deadline, then the closed ones newest first. Outside your scope: an empty page. ' +
      'Partner software needs the scope activities:read. Errors: BAD_USER_INPUT (page, search).',
  })
  async personActivities(
    @Args(() => PersonActivitiesArgs) { personId, filter, sort, page }: PersonActivitiesArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ActivityPage> {
    // The dossier's Activiteiten folder: not a planner screen (the planner invites from the agenda).
    ctx.actor.requireRole('EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN', 'API_CLIENT');
    ctx.actor.requireApiScope(ACTIVITIES_READ_SCOPE);
    const offset = page?.offset ?? 0;
    const limit = page?.limit ?? PAGE.defaultLimit;
    if (!Number.isInteger(offset) || offset < 0) throw domainError('BAD_USER_INPUT', 'offset must be 0 or more.', { field: 'page.offset' });
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE.maxLimit) {
      throw domainError('BAD_USER_INPUT', `limit must be 1 to ${PAGE.maxLimit}.`, { field: 'page.limit' });
    }
    const search = filter?.search?.trim() || null;
    if (search && search.length > 100) throw domainError('BAD_USER_INPUT', 'search is at most 100 characters.', { field: 'filter.search' });
    if (!isUuid(personId)) return Object.assign(new ActivityPage(), { items: [], total: 0 });
    const result = await this.queries.personPage(ctx.actor, {
      personId,
      statuses: filter?.statuses ?? null,
      role: filter?.role ?? null,
      search,
      sort: sort?.field ?? 'CURRENT_FIRST',
      direction: sort?.direction ?? 'ASC',
      offset,
      limit,
    });
    logReads(ctx, result.items);
    return Object.assign(new ActivityPage(), result);
  }

  @Mutation(() => Activity, {
    description:
      'Handles or cancels an open activity of your role, optionally creating a follow-up activity. ' +
      'Codes: ACTIVITY_NOT_FOUND, ACTIVITY_ALREADY_CLOSED, UNKNOWN_ACTIVITY_TYPE, INVALID_DEADLINE, TEXT_TOO_LONG, FORBIDDEN. ' +
      'Partner software needs the scope activities:write.',
  })
  handleActivity(
    @Arg('input', () => HandleActivityInput, { description: 'The activity, its new status, conclusion, remarks and optional follow-up.' })
    input: HandleActivityInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Activity> {
    return this.commands.close(ctx, {
      activityId: input.activityId,
      status: input.status ?? 'HANDLED',
      conclusion: input.conclusion ?? null,
      remarks: input.remarks ?? null,
      followUp: input.followUp
        ? {
            activityTypeCode: input.followUp.activityTypeCode,
            deadline: isoDateOf(input.followUp.deadline),
            remarks: input.followUp.remarks ?? null,
          }
        : null,
    });
  }

  @Mutation(() => Activity, {
    description: 'Cancels an open activity of your role. Codes as for handleActivity.',
  })
  cancelActivity(
    @Args(() => CancelActivityArgs) { activityId, remarks }: CancelActivityArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Activity> {
    return this.commands.close(ctx, { activityId, status: 'CANCELLED', conclusion: null, remarks: remarks ?? null, followUp: null });
  }

  @Mutation(() => Activity, {
    description:
      'Adds an open activity from the catalogue to a person in your units, signalled today; a type that records a document ' +
      '("14. WG – Importeren document") is handled at once, with the document. ' +
      'Codes: PERSON_NOT_FOUND, SICK_CASE_NOT_FOUND, UNKNOWN_ACTIVITY_TYPE, INVALID_DEADLINE, TEXT_TOO_LONG, ' +
      'BAD_USER_INPUT (field documentId: missing for a type that records a document, or given for one that does not), FORBIDDEN. ' +
      'Partner software needs the scope activities:write.',
  })
  addActivity(
    @Arg('input', () => AddActivityInput, { description: 'The person, the catalogue type, the deadline and remarks.' }) input: AddActivityInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Activity> {
    return this.commands.add(ctx, {
      personId: input.personId,
      sickCaseId: input.sickCaseId ?? null,
      activityTypeCode: input.activityTypeCode,
      deadline: isoDateOf(input.deadline),
      remarks: input.remarks ?? null,
      documentId: input.documentId ?? null,
    });
  }

  @FieldResolver(() => DossierDocumentRef, {
    nullable: true,
    description: 'The dossier document this activity records ("Importeren document"); null when none, or when you may not see it.',
  })
  document(@Root() activity: Activity): DossierDocumentRef | null {
    return activity.documentId ? { id: activity.documentId } : null;
  }

  @FieldResolver(() => Boolean, { description: 'Open and its deadline has passed.' })
  overdue(@Root() activity: Activity): boolean {
    return activity.status === 'OPEN' && activity.deadline < todayIn();
  }

  @FieldResolver(() => Activity, {
    nullable: true,
    description: 'The handled activity whose conclusion created this one as its follow-up (null when outside your scope).',
  })
  followUpOf(@Root() activity: Activity, @Ctx() ctx: SubgraphContext): Promise<Activity | null> | null {
    return activity.followUpOfId ? activityLoaders(this.queries, ctx).byId.load(activity.followUpOfId) : null;
  }

  @FieldResolver(() => SickCaseRef, { nullable: true, description: 'The sick case whose trajectory the activity belongs to; null for a request outside a trajectory.' })
  sickCase(@Root() activity: Activity): SickCaseRef | null {
    return activity.sickCaseId ? { id: activity.sickCaseId } : null;
  }

  @FieldResolver(() => PersonRef, { description: 'The person the activity is about.' })
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
    description: "The person's activities of every role: open ones first by deadline, then closed ones newest first. Empty for employees; null (with an error) when activities are unavailable.",
  })
  activities(@Root() person: PersonRef, @Ctx() ctx: SubgraphContext): Promise<Activity[]> {
    return activityLoaders(this.queries, ctx).byPerson.load(person.id);
  }
}
