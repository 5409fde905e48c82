import { domainError, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ProtocolAdministration, type ProtocolView } from '../commands/protocols.js';
import type { EffectiveProtocolRow } from '../domain/protocol-admin.js';
import {
  ProtocolArgs,
  ProtocolHistoryArgs,
  ProtocolObject,
  ProtocolRowObject,
  ProtocolVersionObject,
  ResetProtocolInput,
  ResetProtocolRowInput,
  UpdateProtocolRowInput,
} from './protocol-types.js';

const ADMIN_ONLY = 'Administrators only (else FORBIDDEN).';

function toRow(row: EffectiveProtocolRow): ProtocolRowObject {
  return {
    id: row.id,
    code: row.code,
    position: row.position,
    title: row.title,
    role: row.role,
    kind: row.kind,
    signalDay: row.signalDay,
    deadlineDay: row.deadlineDay,
    trigger: row.trigger,
    overridden: row.overridden,
    standardRow: row.standardRow ? { ...row.standardRow, overridden: false, standardRow: null } : null,
  };
}

export function toProtocol(view: ProtocolView): ProtocolObject {
  return {
    id: view.employerId === null ? 'standard' : `employer:${view.employerId}`,
    employerId: view.employerId,
    employer: view.employerId === null ? null : { id: view.employerId },
    isStandard: view.employerId === null,
    version: view.version,
    standardVersion: view.standardVersion,
    changedAt: view.changedAt,
    rows: view.rows.map(toRow),
  };
}

@Resolver(() => ProtocolObject)
export class ProtocolResolver {
  private readonly admin: ProtocolAdministration;

  constructor(deps: ServiceDeps) {
    this.admin = new ProtocolAdministration(deps.dataSource);
  }

  @Query(() => ProtocolObject, {
    description:
      "A protocol in force: the standard, or an employer's (the standard with the employer's own rows). Readable by every role " +
      'that works with trajectories, for the employers in their units; partner software needs activities:read. Codes: EMPLOYER_NOT_FOUND.',
  })
  async protocol(@Args(() => ProtocolArgs) { employerId }: ProtocolArgs, @Ctx() ctx: SubgraphContext): Promise<ProtocolObject> {
    return toProtocol(await this.admin.view(ctx, employerId ?? null));
  }

  @Query(() => [ProtocolObject], {
    description: 'The standard protocol followed by every employer protocol with a version of its own that you may see.',
  })
  async protocols(@Ctx() ctx: SubgraphContext): Promise<ProtocolObject[]> {
    return (await this.admin.list(ctx)).map(toProtocol);
  }

  @Mutation(() => ProtocolObject, {
    description:
      'Changes one row of the standard protocol or of an employer protocol, as a new version that applies to sick reports received ' +
      'from now on (existing trajectories keep their activities and dates). Audit-logged. ' +
      `${ADMIN_ONLY} Codes: EMPLOYER_NOT_FOUND, PROTOCOL_ROW_NOT_FOUND, PROTOCOL_TITLE_REQUIRED, TEXT_TOO_LONG, INVALID_PROTOCOL_DAY, ` +
      'DEADLINE_BEFORE_SIGNAL_DAY, PROTOCOL_VERSION_CONFLICT.',
  })
  async updateProtocolRow(
    @Arg('input', () => UpdateProtocolRowInput, { description: 'The row and the values to change.' }) input: UpdateProtocolRowInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProtocolObject> {
    const change: Parameters<ProtocolAdministration['updateRow']>[1]['change'] = {};
    if (input.title !== undefined && input.title !== null) change.title = input.title;
    if (input.role) change.role = input.role;
    if (input.kind) change.kind = input.kind;
    if (input.signalDay !== undefined && input.signalDay !== null) change.signalDay = input.signalDay;
    if (input.deadlineDay !== undefined && input.deadlineDay !== null) change.deadlineDay = input.deadlineDay;
    const view = await this.admin.updateRow(ctx, {
      employerId: input.employerId ?? null,
      code: input.code,
      change,
      expectedVersion: input.expectedVersion ?? null,
    });
    return toProtocol(view);
  }

  @Mutation(() => ProtocolObject, {
    description:
      "Puts one row of an employer's protocol back to the standard, as a new version for sick reports from now on. Audit-logged. " +
      `${ADMIN_ONLY} Codes: EMPLOYER_NOT_FOUND, PROTOCOL_ROW_NOT_FOUND, PROTOCOL_VERSION_CONFLICT.`,
  })
  async resetProtocolRow(
    @Arg('input', () => ResetProtocolRowInput, { description: 'The employer and the row.' }) input: ResetProtocolRowInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProtocolObject> {
    return toProtocol(
      await this.admin.resetRow(ctx, { employerId: input.employerId, code: input.code, expectedVersion: input.expectedVersion ?? null }),
    );
  }

  @Mutation(() => ProtocolObject, {
    description:
      "Puts every row of an employer's protocol back to the standard, as a new version for sick reports from now on. Audit-logged. " +
      `${ADMIN_ONLY} Codes: EMPLOYER_NOT_FOUND, PROTOCOL_VERSION_CONFLICT.`,
  })
  async resetProtocol(
    @Arg('input', () => ResetProtocolInput, { description: 'The employer.' }) input: ResetProtocolInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProtocolObject> {
    return toProtocol(await this.admin.resetRow(ctx, { employerId: input.employerId, code: null, expectedVersion: input.expectedVersion ?? null }));
  }

  @FieldResolver(() => [ProtocolVersionObject], { description: "The owner's versions, newest first." })
  async history(
    @Root() protocol: ProtocolObject,
    @Args(() => ProtocolHistoryArgs) { limit }: ProtocolHistoryArgs,
  ): Promise<ProtocolVersionObject[]> {
    const count = limit ?? 20;
    if (!Number.isInteger(count) || count < 1 || count > 100) {
      throw domainError('BAD_USER_INPUT', 'limit must be between 1 and 100.', { field: 'limit' });
    }
    const versions = await this.admin.history(protocol.employerId, count);
    return versions.map((version) => ({
      version: version.version,
      createdAt: version.createdAt,
      summary: version.changeSummary,
      changedBy: version.createdBy ? { id: version.createdBy } : null,
    }));
  }
}
