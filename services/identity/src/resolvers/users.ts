import { byKey, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { In } from 'typeorm';
import { UserEntity } from '../entities/index.js';

/** Per-request loaders, so a list of N users or persons costs one statement. */
export function userById(deps: ServiceDeps, ctx: SubgraphContext) {
  return ctx.loaders.get<string, UserEntity | null>('identity.userById', async (ids) =>
    byKey(ids, await deps.dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) }), (user) => user.id),
  );
}

export function userByPersonId(deps: ServiceDeps, ctx: SubgraphContext) {
  return ctx.loaders.get<string, UserEntity | null>('identity.userByPersonId', async (personIds) =>
    byKey(
      personIds,
      await deps.dataSource.getRepository(UserEntity).findBy({ personId: In([...personIds]) }),
      (user) => user.personId!,
    ),
  );
}

/**
 * Who may see an account: the account holder and the administrator always. Staff accounts
 * (professionals, HR) are shown by name to other signed-in users, since appointments and
 * activities name them; an employee's account is private to them.
 */
export function canSeeUser(ctx: SubgraphContext, user: UserEntity): boolean {
  const actor = ctx.actor;
  if (!actor.isAuthenticated) return false;
  if (actor.seesAllUnits || actor.userId === user.id) return true;
  return user.role !== 'EMPLOYEE' && actor.role !== 'API_CLIENT';
}

/**
 * Who may see the administrative side of an account (e-mail, scope, second factor, last login):
 * the administrator, the account holder, and a planner for the accounts a planner may invite
 * (employees, and employer users of the planner's own employers).
 */
export function canAdministerView(ctx: SubgraphContext, user: UserEntity): boolean {
  const identity = ctx.actor.identity;
  if (!identity || identity.role === 'API_CLIENT') return false;
  if (identity.role === 'ADMIN' || identity.sub === user.id) return true;
  if (identity.role !== 'PLANNER') return false;
  if (user.role === 'EMPLOYEE') return true;
  const own = identity.scope?.employerIds ?? [];
  return user.role === 'EMPLOYER' && user.employerIds.some((id) => own.includes(id));
}

export function twoFactorMethodByUser(deps: ServiceDeps, ctx: SubgraphContext) {
  return ctx.loaders.get<string, 'TOTP' | 'SMS' | null>('identity.twoFactorMethod', async (userIds) => {
    const rows: { user_id: string; method: 'TOTP' | 'SMS' }[] = await deps.dataSource.query(
      `SELECT user_id, method FROM identity.two_factor WHERE user_id = ANY($1::uuid[])`,
      [[...userIds]],
    );
    const byUser = new Map(rows.map((row) => [row.user_id, row.method] as const));
    return userIds.map((id) => byUser.get(id) ?? null);
  });
}

export interface UserListFilter {
  search?: string | null;
  role?: string | null;
  blocked?: boolean | null;
}

/**
 * The administrator's user list, filtered and paged in SQL. A planner gets the accounts they may
 * invite (see canAdministerView); everyone else is refused before this runs.
 */
export async function listUsers(
  deps: ServiceDeps,
  ctx: SubgraphContext,
  filter: UserListFilter,
  page: { offset: number; limit: number },
): Promise<{ items: UserEntity[]; total: number }> {
  const identity = ctx.actor.require();
  const query = deps.dataSource.getRepository(UserEntity).createQueryBuilder('u');
  if (identity.role === 'PLANNER') {
    query.andWhere(`(u.role = 'EMPLOYEE' OR (u.role = 'EMPLOYER' AND u.employer_ids && CAST(:own AS uuid[])))`, {
      own: identity.scope?.employerIds ?? [],
    });
  }
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, '\\$&')}%`;
    query.andWhere(`(u.username ILIKE :pattern OR u.display_name ILIKE :pattern OR u.email ILIKE :pattern)`, { pattern });
  }
  if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
  if (filter.blocked !== undefined && filter.blocked !== null) query.andWhere('u.blocked = :blocked', { blocked: filter.blocked });
  const [items, total] = await query
    .orderBy('lower(u.display_name)', 'ASC')
    .addOrderBy('u.id', 'ASC')
    .offset(page.offset)
    .limit(page.limit)
    .getManyAndCount();
  return { items, total };
}
