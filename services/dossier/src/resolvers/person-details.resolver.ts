import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CorrectionRequestEntity, PersonEntity, type CorrectionStatus as CorrectionStatusValue, type PersonField as PersonFieldValue } from '../entities/index.js';
import { PersonDetails, type CorrectionDecision } from '../documents/person-details.js';
import {
  CorrectionRequest,
  CorrectionStatus,
  RequestPersonCorrectionInput,
  ResolveCorrectionRequestInput,
  UpdateMyContactDetailsInput,
} from '../graphql/documents.js';
import { Person } from '../graphql/types.js';
import { dossierLoaders } from '../loaders.js';

@Resolver(() => CorrectionRequest)
export class PersonDetailsResolver {
  private readonly details: PersonDetails;

  constructor(private readonly deps: ServiceDeps) {
    this.details = new PersonDetails(deps);
  }

  @Mutation(() => Person, { description: 'Employee: changes your own e-mail address and phone number. Codes: INVALID_EMAIL, INVALID_PHONE_NUMBER.' })
  async updateMyContactDetails(
    @Arg('input', () => UpdateMyContactDetailsInput, { description: 'The new contact details.' }) input: UpdateMyContactDetailsInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonEntity> {
    return this.details.updateMyContactDetails(ctx, input);
  }

  @Mutation(() => CorrectionRequest, {
    description:
      'Employee: asks the employer to correct a personal detail you cannot change yourself. ' +
      'Codes: CORRECTION_VALUE_REQUIRED, TEXT_TOO_LONG, CORRECTION_TOO_MANY_OPEN.',
  })
  async requestPersonCorrection(
    @Arg('input', () => RequestPersonCorrectionInput, { description: 'The detail and its correct value.' }) input: RequestPersonCorrectionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CorrectionRequestEntity> {
    return this.details.requestPersonCorrection(ctx, { field: input.field as PersonFieldValue, proposedValue: input.proposedValue, explanation: input.explanation });
  }

  @Query(() => [CorrectionRequest], { description: 'Employee: your correction requests, newest first.' })
  async myCorrectionRequests(@Ctx() ctx: SubgraphContext): Promise<CorrectionRequestEntity[]> {
    return this.details.myCorrectionRequests(ctx);
  }

  @Query(() => [CorrectionRequest], {
    description: 'Employer, casemanager, administrator: correction requests of persons in your scope, newest first (at most 500).',
  })
  async correctionRequests(
    @Arg('status', () => CorrectionStatus, { nullable: true, description: 'Only requests with this status.' }) status: string | null | undefined,
    @Arg('personId', () => ID, { nullable: true, description: 'Only requests of this person (empty when the person is outside your scope).' })
    personId: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CorrectionRequestEntity[]> {
    return this.details.correctionRequestsInScope(ctx, (status ?? null) as CorrectionStatusValue | null, personId ?? null);
  }

  @Mutation(() => CorrectionRequest, {
    description:
      'Employer (in scope), casemanager, administrator: resolves or rejects an open correction request; the employee sees the ' +
      'status and your response in myCorrectionRequests. Codes: CORRECTION_REQUEST_NOT_FOUND, CORRECTION_ALREADY_CLOSED, ' +
      'CORRECTION_RESPONSE_REQUIRED, TEXT_TOO_LONG.',
  })
  async resolveCorrectionRequest(
    @Arg('input', () => ResolveCorrectionRequestInput, { description: 'The request, the decision and the answer.' }) input: ResolveCorrectionRequestInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CorrectionRequestEntity> {
    return this.details.resolveCorrectionRequest(ctx, {
      correctionRequestId: input.correctionRequestId,
      status: input.status as CorrectionDecision,
      response: input.response,
    });
  }

  @FieldResolver(() => Person, { description: 'The person whose details the request is about.' })
  async person(@Root() request: CorrectionRequestEntity, @Ctx() ctx: SubgraphContext): Promise<PersonEntity> {
    // Only requests of persons in reach are ever returned, so the person is visible.
    return (await dossierLoaders(ctx, this.deps.dataSource).person.load(request.personId))!;
  }
}
