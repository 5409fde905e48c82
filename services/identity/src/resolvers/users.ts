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
