import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PersonRef, toUser, User } from './types.js';
import { canSeeUser, userById, userByPersonId } from './users.js';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => User, { nullable: true, description: 'The signed-in user; null for anonymous callers and API clients.' })
  async viewer(@Ctx() ctx: SubgraphContext): Promise<User | null> {
    const userId = ctx.actor.userId;
    if (!userId || ctx.actor.role === 'API_CLIENT') return null;
    const user = await userById(this.deps, ctx).load(userId);
    return user ? toUser(user) : null;
  }
}

@Resolver(() => PersonRef)
export class PersonUserResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => User, {
    nullable: true,
    description: "The person's account. Visible to the administrator and to the employee themself; null for others.",
  })
  async user(@Root() person: PersonRef, @Ctx() ctx: SubgraphContext): Promise<User | null> {
    const actor = ctx.actor;
    const allowed = actor.seesAllUnits || (actor.role === 'EMPLOYEE' && actor.identity?.personId === person.id);
    if (!allowed) return null;
    const user = await userByPersonId(this.deps, ctx).load(person.id);
    if (user) ctx.accessLog.read('user', [person.id], 'account administration');
    return user ? toUser(user) : null;
  }
}

/** Resolves `User` representations from other subgraphs; invisible accounts resolve to null. */
export function userReference(deps: ServiceDeps) {
  return async (reference: { id: string }, ctx: SubgraphContext): Promise<User | null> => {
    const user = await userById(deps, ctx).load(reference.id);
    return user && canSeeUser(ctx, user) ? toUser(user) : null;
  };
}
