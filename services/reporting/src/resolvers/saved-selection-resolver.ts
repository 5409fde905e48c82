import { domainError, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { DateTimeResolver, GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { SavedSelectionEntity } from '../entities/saved-selection.js';
import { countScope } from './scope.js';
import { AbsenceStatisticsInput } from './statistics-types.js';

const MAX_NAME_LENGTH = 100;
const MAX_SELECTIONS = 100;

@ObjectType('SavedSelection', { description: 'A statistics request saved by the signed-in user under a name (wizard step 4).' })
export class SavedSelection {
  @Field(() => ID, { description: 'Stable id of the saved selection.' })
  id: string;

  @Field(() => String, { description: 'The name the user gave it; unique per user.' })
  name: string;

  @Field(() => GraphQLJSONObject, {
    description: 'The AbsenceStatisticsInput as saved (dates as YYYY-MM-DD), to pass to absenceStatistics again.',
  })
  input: Record<string, unknown>;

  @Field(() => DateTimeResolver, { description: 'When it was last saved.' })
  updatedAt: Date;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Saved selections belong to one user: nobody else lists, uses or deletes them. */
@Resolver()
export class SavedSelectionResolver {
  constructor(private readonly deps: ServiceDeps) {}

  private owner(ctx: SubgraphContext): string {
    countScope(ctx.actor);
    return ctx.actor.userId!;
  }

  @Query(() => [SavedSelection], { description: "The signed-in user's saved statistics selections, by name." })
  async savedSelections(@Ctx() ctx: SubgraphContext): Promise<SavedSelection[]> {
    const userId = this.owner(ctx);
    return this.deps.dataSource.getRepository(SavedSelectionEntity).find({ where: { userId }, order: { name: 'ASC' } });
  }

  @Mutation(() => SavedSelection, {
    description:
      'Saves a statistics request under a name; the same name again replaces it. Errors: BAD_USER_INPUT (field name) for an empty or too long name, TOO_MANY_SELECTIONS beyond 100.',
  })
  async saveSelection(
    @Ctx() ctx: SubgraphContext,
    @Arg('name', () => String, { description: 'Name to save it under, 1–100 characters.' }) name: string,
    @Arg('input', () => AbsenceStatisticsInput, { description: 'The request to save.' }) input: AbsenceStatisticsInput,
  ): Promise<SavedSelection> {
    const userId = this.owner(ctx);
    const trimmed = name.trim();
    if (trimmed.length === 0 || [...trimmed].length > MAX_NAME_LENGTH)
      throw domainError('BAD_USER_INPUT', `The name must be 1 to ${MAX_NAME_LENGTH} characters.`, { field: 'name' });
    const stored = { ...input, from: isoDate(input.from), to: isoDate(input.to) } as Record<string, unknown>;
    const rows: SavedSelectionEntity[] = await this.deps.dataSource.query(
      `INSERT INTO reporting.saved_selection (user_id, name, input)
       SELECT $1, $2, $3::jsonb WHERE (SELECT count(*) FROM reporting.saved_selection WHERE user_id = $1 AND name <> $2) < $4
       ON CONFLICT (user_id, name) DO UPDATE SET input = EXCLUDED.input, updated_at = now()
       RETURNING id, name, input, updated_at AS "updatedAt"`,
      [userId, trimmed, JSON.stringify(stored), MAX_SELECTIONS],
    );
    if (rows.length === 0)
      throw domainError('TOO_MANY_SELECTIONS', `At most ${MAX_SELECTIONS} saved selections per user.`, { field: 'name' });
    return rows[0]!;
  }

  @Mutation(() => Boolean, { description: 'Deletes one of your saved selections; false when it is not yours or does not exist.' })
  async deleteSavedSelection(
    @Ctx() ctx: SubgraphContext,
    @Arg('id', () => ID, { description: 'The saved selection.' }) id: string,
  ): Promise<boolean> {
    const userId = this.owner(ctx);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw domainError('BAD_USER_INPUT', 'Not a valid id.', { field: 'id' });
    const result = await this.deps.dataSource.getRepository(SavedSelectionEntity).delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }
}
