import { authorize, invalidPage, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { AccessLogEntry } from './types.js';

// An object rather than two constants: ESLint's no-useless-assignment misreads uses inside decorators.
const LIMIT = { default: 200, max: 1000 } as const;

interface AccessLogRow {
  id: string;
  at: Date;
  event: string;
  outcome: string;
  actor_name: string | null;
  role: string | null;
  purpose: string;
  access_point: string;
  source: string;
}

@Resolver(() => AccessLogEntry)
export class AccessLogResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => [AccessLogEntry], {
    description: 'Who accessed my data ("Wie heeft mijn gegevens bekeken"): the signed-in employee\'s access log, newest first.',
  })
  async myAccessLog(
    @Ctx() ctx: SubgraphContext,
    @Arg('limit', () => Int, { defaultValue: LIMIT.default, description: `At most ${LIMIT.max}.` }) limit: number,
  ): Promise<AccessLogEntry[]> {
    // The table: an employee reads their own log; every other role and partner client is refused.
    authorize(ctx.actor, 'accessLog', 'read');
    const identity = ctx.actor.require();
    if (!identity.personId) return [];
    if (!Number.isInteger(limit) || limit < 1 || limit > LIMIT.max) {
      throw invalidPage('limit', LIMIT.max);
    }
    const rows: AccessLogRow[] = await this.deps.dataSource.query(
      `SELECT e.id::text AS id, e.at, e.event, e.outcome, u.display_name AS actor_name, e.role, e.purpose, e.access_point, e.source
         FROM identity.access_log_entry e
         LEFT JOIN identity.users u ON u.id = e.user_id
        WHERE e.person_id = $1
        ORDER BY e.at DESC, e.id DESC
        LIMIT $2`,
      [identity.personId, limit],
    );
    ctx.accessLog.read('access-log', [identity.personId], 'transparency');
    return rows.map((row) =>
      Object.assign(new AccessLogEntry(), {
        id: row.id,
        at: row.at,
        event: row.event,
        outcome: row.outcome,
        actorName: row.actor_name,
        role: row.role,
        purpose: row.purpose,
        accessPoint: row.access_point,
        source: row.source,
      }),
    );
  }
}
