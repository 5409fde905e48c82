import { authorize, forbidden, invalidPage, type Role, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { IdentityServices } from '../auth/identity-services.js';
import { collectRevocations } from '../auth/revocations.js';
import { UserEntity } from '../entities/index.js';
import { publishUserChanged } from '../events/user-changed.js';
import { saveSettings, settingsOf, validateSettingsPatch, type UserSettingsValues } from '../settings-store.js';
import { UnitScopeInput } from './account-types.js';
import { RoleEnum, toUser, TwoFactorMethodEnum, UnitScopeType, User, UserPage, UserSettings } from './types.js';
import { canAdministerView, listUsers, twoFactorMethodByUser } from './users.js';

const PAGE = { defaultLimit: 50, maxLimit: 200 } as const;

@InputType('UserFilter', { description: 'Narrows the user list; all given conditions must hold.' })
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Part of the username, display name or e-mail address (case-insensitive).' })
  search?: string | null;

  @Field(() => RoleEnum, { nullable: true, description: 'Only accounts with this role.' })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only blocked accounts; false: only accounts that are not blocked.' })
  blocked?: boolean | null;
}

// Same shape, defaults and descriptions as the dossier's PageInput: composition merges the two definitions.
@InputType('PageInput', { description: 'Which part of a long list to return (offset paging).' })
export class PageInput {
  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Items to skip, 0 or more.' })
  offset?: number;

  @Field(() => Int, { nullable: true, defaultValue: PAGE.defaultLimit, description: 'Items to return, 1 to 200.' })
  limit?: number;
}

@InputType('UpdateUserAccessInput', { description: 'A new role and unit scope for an account (the scope is replaced as a whole).' })
export class UpdateUserAccessInput {
  @Field(() => ID, { description: 'The account to change.' })
  userId: string;

  @Field(() => RoleEnum, { description: 'EMPLOYEE accounts keep their role; other accounts cannot become EMPLOYEE.' })
  role: Role;

  @Field(() => UnitScopeInput, { nullable: true, description: 'Required (non-empty) for EMPLOYER; must be empty for EMPLOYEE and ADMIN.' })
  scope?: UnitScopeInput | null;
}

@InputType('UpdateMySettingsInput', { description: 'Only the given settings change.' })
export class UpdateMySettingsInput {
  @Field(() => Int, { nullable: true, description: 'Days ahead for the action list, 1–365. Error INVALID_DAYS_AHEAD.' })
  actionListDaysAhead?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Receive the daily e-mail with due and overdue activities.' })
  dailyDigest?: boolean | null;

  @Field(() => String, { nullable: true, description: '`nl` or `en`. Error UNSUPPORTED_LOCALE.' })
  locale?: string | null;
}

function toSettings(values: UserSettingsValues): UserSettings {
  return Object.assign(new UserSettings(), values);
}

function pageOf(page: PageInput | null | undefined): { offset: number; limit: number } {
  const offset = page?.offset ?? 0;
  const limit = page?.limit ?? PAGE.defaultLimit;
  // The same code for a page out of range as every other list (INVALID_PAGE, kit).
  if (!Number.isInteger(offset) || offset < 0) throw invalidPage('page.offset', PAGE.maxLimit, 'offset');
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE.maxLimit) throw invalidPage('page.limit', PAGE.maxLimit);
  return { offset, limit };
}

/** The signed-in user's own account (not a partner client). */
function requireUser(ctx: SubgraphContext): string {
  const identity = ctx.actor.require();
  if (identity.role === 'API_CLIENT') throw forbidden('personal settings');
  return identity.sub;
}

/** Account administration (ADMIN; PLANNER reads) and the personal settings of every user. */
@Resolver()
@UseMiddleware(collectRevocations)
export class AdminResolver {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly services: IdentityServices,
  ) {}

  @Query(() => UserPage, {
    description: 'ADMIN: all accounts; PLANNER: employees and the employer users of their employers (read only). Ordered by display name.',
  })
  async users(
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Search text, role and blocked state.' }) filter: UserFilter | null,
    @Arg('page', () => PageInput, { nullable: true, description: 'Offset and limit (at most 200).' }) page: PageInput | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<UserPage> {
    authorize(ctx.actor, 'user', 'list');
    const { items, total } = await listUsers(this.deps, ctx, filter ?? {}, pageOf(page));
    const people = items.flatMap((user) => (user.personId ? [user.personId] : []));
    if (people.length) ctx.accessLog.read('user', people, 'account administration');
    return Object.assign(new UserPage(), { items: items.map(toUser), total });
  }

  @Mutation(() => User, {
    description:
      'ADMIN: sets the role and unit scope of an account and ends its sessions (their tokens carry the old access). ' +
      'Errors: NOT_FOUND, ROLE_CHANGE_NOT_ALLOWED (to or from EMPLOYEE), SCOPE_REQUIRED (EMPLOYER without units), BAD_USER_INPUT.',
  })
  async updateUserAccess(
    @Arg('input', () => UpdateUserAccessInput, { description: 'The account, its new role and its new unit scope.' }) input: UpdateUserAccessInput, @Ctx() ctx: SubgraphContext): Promise<User> {
    const identity = ctx.actor.requireRole('ADMIN');
    const user = await this.services.admin.updateAccess(
      {
        userId: input.userId,
        role: input.role,
        scope: input.scope
          ? { employerIds: input.scope.employerIds ?? [], divisionIds: input.scope.divisionIds ?? [], departmentIds: input.scope.departmentIds ?? [] }
          : null,
      },
      identity.sub,
    );
    if (user.personId) ctx.accessLog.change('user', 'update', user.personId, 'account administration');
    return toUser(user);
  }

  @Query(() => UserSettings, { description: 'The signed-in user\'s settings; defaults (28 days, daily digest on, Dutch) until changed.' })
  async mySettings(@Ctx() ctx: SubgraphContext): Promise<UserSettings> {
    return toSettings(await settingsOf(this.deps.dataSource.manager, requireUser(ctx)));
  }

  @Mutation(() => UserSettings, { description: 'Changes the signed-in user\'s settings. Errors: INVALID_DAYS_AHEAD, UNSUPPORTED_LOCALE.' })
  async updateMySettings(
    @Arg('input', () => UpdateMySettingsInput, { description: 'The settings to change; omitted ones stay as they are.' }) input: UpdateMySettingsInput, @Ctx() ctx: SubgraphContext): Promise<UserSettings> {
    const userId = requireUser(ctx);
    const patch = validateSettingsPatch(input);
    const saved = await this.deps.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user) throw forbidden('personal settings');
      const before = await settingsOf(manager, userId);
      const next = await saveSettings(manager, userId, patch);
      // The digest read model only needs to hear about the opt-in.
      if (before.dailyDigest !== next.dailyDigest) await publishUserChanged(this.deps.bus, manager, user);
      return next;
    });
    return toSettings(saved);
  }
}

/** The administrative fields of User: visible to the administrator and the account holder (and planners, see canAdministerView). */
@Resolver(() => User)
export class UserAdminFieldsResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => String, { nullable: true, description: 'E-mail address for mail and invitations. Administrator and account holder only.' })
  email(@Root() user: User, @Ctx() ctx: SubgraphContext): string | null {
    return canAdministerView(ctx, user.entity) ? user.entity.email : null;
  }

  @FieldResolver(() => UnitScopeType, {
    nullable: true,
    description: 'The units a scoped role works in (null for EMPLOYEE and ADMIN, and for callers who may not see it).',
  })
  scope(@Root() user: User, @Ctx() ctx: SubgraphContext): UnitScopeType | null {
    if (!canAdministerView(ctx, user.entity) || user.role === 'EMPLOYEE' || user.role === 'ADMIN') return null;
    return Object.assign(new UnitScopeType(), {
      employerIds: user.entity.employerIds,
      divisionIds: user.entity.divisionIds,
      departmentIds: user.entity.departmentIds,
    });
  }

  @FieldResolver(() => TwoFactorMethodEnum, {
    nullable: true,
    description: 'The enrolled second factor; null before enrolment (or after an administrator reset it). Administrator and account holder only.',
  })
  async twoFactorMethod(@Root() user: User, @Ctx() ctx: SubgraphContext): Promise<'TOTP' | 'SMS' | null> {
    if (!canAdministerView(ctx, user.entity)) return null;
    return twoFactorMethodByUser(this.deps, ctx).load(user.id);
  }

  @FieldResolver(() => DateTimeResolver, { nullable: true, description: 'Last successful sign-in. Administrator and account holder only.' })
  lastLoginAt(@Root() user: User, @Ctx() ctx: SubgraphContext): Date | null {
    return canAdministerView(ctx, user.entity) ? user.entity.lastLoginAt : null;
  }

  @FieldResolver(() => DateTimeResolver, {
    nullable: true,
    description: 'When the user chose their first own password; null while the invitation is open. Administrator and account holder only.',
  })
  activatedAt(@Root() user: User, @Ctx() ctx: SubgraphContext): Date | null {
    return canAdministerView(ctx, user.entity) ? user.entity.activatedAt : null;
  }
}
