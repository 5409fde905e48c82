import { randomUUID } from 'node:crypto';
import { forbidden, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { CorrectionRequestEntity, PersonEntity, employmentCovers, type CorrectionStatus, type PersonField } from '../entities/index.js';
import { todayInBusinessZone } from '../domain/clock.js';
import { DossierErrorCode, dossierError, isUuid, personNotFound } from '../domain/rules.js';
import { dossierLoaders } from '../loaders.js';
import { coversPerson } from '../access.js';
import { directoryName } from '../events/user-changed.js';
import { ROLE_DISPLAY_NAMES } from './access.js';
import { listCorrectionRequestsInScope } from './queries.js';

export const CORRECTION_VALUE_MAX_LENGTH = 500;
export const CORRECTION_EXPLANATION_MAX_LENGTH = 2000;
/** Enough for any honest use; stops a script from filling the HR inbox. */
export const MAX_OPEN_CORRECTIONS = 20;
const EMAIL_MAX_LENGTH = 254;

/**
 * A pragmatic address check (RFC 5321 lengths, one @, a dotted domain, no spaces or brackets):
 * strict enough to catch typos, loose enough for every real address a person types.
 */
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@(?=.{4,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function normaliseEmail(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length > EMAIL_MAX_LENGTH || !EMAIL.test(trimmed)) {
    throw dossierError(DossierErrorCode.INVALID_EMAIL, 'This is not a valid e-mail address.', { field: 'email' });
  }
  // The domain is case-insensitive; the local part is kept as typed.
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** Any valid number, Dutch when written without country code; stored in E.164 (+31612345678). */
export function normalisePhone(value: string): string {
  const parsed = parsePhoneNumberFromString(value.trim(), 'NL');
  if (!parsed || !parsed.isValid()) {
    throw dossierError(DossierErrorCode.INVALID_PHONE_NUMBER, 'This is not a valid phone number.', { field: 'phone' });
  }
  return parsed.number;
}

function ownPersonId(ctx: SubgraphContext): string {
  const identity = ctx.actor.requireRole('EMPLOYEE');
  if (!identity.personId || !isUuid(identity.personId)) throw forbidden('personal details without a person');
  return identity.personId;
}

/** Roles that see (and later handle) the correction requests of persons in their scope. */
const CORRECTION_REVIEWERS = ['EMPLOYER', 'CASE_MANAGER', 'ADMIN'] as const;

/** The employee's own contact details and their requests to correct the rest. */
export class PersonDetails {
  constructor(private readonly deps: ServiceDeps) {}

  /** Omitted fields stay as they are; null or blank clears them. */
  async updateMyContactDetails(ctx: SubgraphContext, input: { email?: string | null; phone?: string | null }): Promise<PersonEntity> {
    const personId = ownPersonId(ctx);
    const changes: Partial<Pick<PersonEntity, 'email' | 'phone'>> = {};
    if (input.email !== undefined) changes.email = input.email === null || input.email.trim() === '' ? null : normaliseEmail(input.email);
    if (input.phone !== undefined) changes.phone = input.phone === null || input.phone.trim() === '' ? null : normalisePhone(input.phone);
    const repository = this.deps.dataSource.getRepository(PersonEntity);
    const person = await repository.findOneBy({ id: personId });
    if (!person) throw personNotFound(personId);
    if (Object.keys(changes).length > 0) {
      await repository.update({ id: personId }, changes);
      ctx.accessLog.change('person', 'update', personId, 'own contact details');
    }
    return repository.findOneByOrFail({ id: personId });
  }

  async requestPersonCorrection(
    ctx: SubgraphContext,
    input: { field: PersonField; proposedValue: string; explanation?: string | null },
  ): Promise<CorrectionRequestEntity> {
    const personId = ownPersonId(ctx);
    const proposedValue = input.proposedValue.trim();
    if (proposedValue === '') {
      throw dossierError(DossierErrorCode.CORRECTION_VALUE_REQUIRED, 'Say what the correct value is.', { field: 'proposedValue' });
    }
    if ([...proposedValue].length > CORRECTION_VALUE_MAX_LENGTH) {
      throw dossierError(DossierErrorCode.TEXT_TOO_LONG, `proposedValue may be at most ${CORRECTION_VALUE_MAX_LENGTH} characters long.`, {
        field: 'proposedValue',
        max: CORRECTION_VALUE_MAX_LENGTH,
      });
    }
    const explanation = input.explanation?.trim() || null;
    if (explanation && [...explanation].length > CORRECTION_EXPLANATION_MAX_LENGTH) {
      throw dossierError(DossierErrorCode.TEXT_TOO_LONG, `explanation may be at most ${CORRECTION_EXPLANATION_MAX_LENGTH} characters long.`, {
        field: 'explanation',
        max: CORRECTION_EXPLANATION_MAX_LENGTH,
      });
    }
    const loaders = dossierLoaders(ctx, this.deps.dataSource);
    const person = await loaders.person.load(personId);
    if (!person) throw personNotFound(personId);
    const repository = this.deps.dataSource.getRepository(CorrectionRequestEntity);
    const open = await repository.countBy({ personId, status: 'OPEN' });
    if (open >= MAX_OPEN_CORRECTIONS) {
      throw dossierError(DossierErrorCode.CORRECTION_TOO_MANY_OPEN, `You have ${open} open correction requests; wait until they are handled.`);
    }
    const request = repository.create({
      id: randomUUID(),
      personId,
      field: input.field,
      currentValue: currentValueOf(person, input.field, await loaders.employmentsByPerson.load(personId)),
      proposedValue,
      explanation,
      status: 'OPEN',
      requestedByUserId: ctx.actor.userId,
    });
    await repository.insert(request);
    ctx.accessLog.change('correction-request', 'create', personId);
    return repository.findOneByOrFail({ id: request.id });
  }

  async myCorrectionRequests(ctx: SubgraphContext): Promise<CorrectionRequestEntity[]> {
    const personId = ownPersonId(ctx);
    const rows = await this.deps.dataSource.getRepository(CorrectionRequestEntity).find({ where: { personId }, order: { createdAt: 'DESC', id: 'ASC' } });
    ctx.accessLog.read('correction-request', [personId]);
    return rows;
  }

  async correctionRequestsInScope(ctx: SubgraphContext, status: CorrectionStatus | null, personId: string | null = null): Promise<CorrectionRequestEntity[]> {
    ctx.actor.requireRole(...CORRECTION_REVIEWERS);
    if (personId !== null && !isUuid(personId)) return [];
    const rows = await listCorrectionRequestsInScope(this.deps.dataSource, ctx.actor, status, personId);
    ctx.accessLog.read(
      'correction-request',
      rows.map((row) => row.personId),
    );
    return rows;
  }

  /**
   * A reviewer closes an open request: RESOLVED (the details were corrected, or will be) or
   * REJECTED (kept as they were; the employee is told why, so a response is required). A request
   * outside the reviewer's scope answers exactly like an unknown one.
   */
  async resolveCorrectionRequest(
    ctx: SubgraphContext,
    input: { correctionRequestId: string; status: CorrectionDecision; response?: string | null },
    now: Date = new Date(),
  ): Promise<CorrectionRequestEntity> {
    const identity = ctx.actor.requireRole(...CORRECTION_REVIEWERS);
    const id = input.correctionRequestId;
    if (!isUuid(id)) throw correctionRequestNotFound(id);
    const repository = this.deps.dataSource.getRepository(CorrectionRequestEntity);
    const request = await repository.findOneBy({ id });
    const employments = request ? await dossierLoaders(ctx, this.deps.dataSource).employmentsByPerson.load(request.personId) : [];
    if (!request || !coversPerson(ctx.actor, request.personId, employments)) {
      ctx.accessLog.denied('correction-request', request?.personId ?? null);
      throw correctionRequestNotFound(id);
    }
    if (request.status !== 'OPEN') throw correctionAlreadyClosed(request);
    const response = input.response?.trim() || null;
    if (response && [...response].length > CORRECTION_RESPONSE_MAX_LENGTH) {
      throw dossierError(DossierErrorCode.TEXT_TOO_LONG, `response may be at most ${CORRECTION_RESPONSE_MAX_LENGTH} characters long.`, {
        field: 'response',
        max: CORRECTION_RESPONSE_MAX_LENGTH,
      });
    }
    if (input.status === 'REJECTED' && !response) {
      throw dossierError(DossierErrorCode.CORRECTION_RESPONSE_REQUIRED, 'Tell the employee why the details stay as they are.', { field: 'response' });
    }
    const resolvedByName = (await directoryName(this.deps.dataSource, identity.sub)) ?? ROLE_DISPLAY_NAMES[identity.role] ?? identity.role;
    // Only an open request changes: of two reviewers at the same moment, the second gets ALREADY_CLOSED.
    const result = await repository
      .createQueryBuilder()
      .update(CorrectionRequestEntity)
      .set({ status: input.status, response, resolvedAt: now, resolvedByUserId: identity.sub, resolvedByName })
      .where('id = :id', { id })
      .andWhere(`status = 'OPEN'`)
      .execute();
    if (!result.affected) throw correctionAlreadyClosed(await repository.findOneByOrFail({ id }));
    ctx.accessLog.change('correction-request', 'update', request.personId, input.status === 'RESOLVED' ? 'correction resolved' : 'correction rejected');
    return repository.findOneByOrFail({ id });
  }
}

export type CorrectionDecision = 'RESOLVED' | 'REJECTED';
export const CORRECTION_RESPONSE_MAX_LENGTH = 2000;

const correctionRequestNotFound = (id: string) =>
  dossierError(DossierErrorCode.CORRECTION_REQUEST_NOT_FOUND, `Correction request ${id} does not exist or is not visible to you.`, { id });

const correctionAlreadyClosed = (request: CorrectionRequestEntity) =>
  dossierError(DossierErrorCode.CORRECTION_ALREADY_CLOSED, 'This correction request has already been handled.', { status: request.status });

/** What the dossier holds now for the field, as the employee saw it on "Mijn gegevens". */
export function currentValueOf(
  person: PersonEntity,
  field: PersonField,
  employments: readonly { startDate: string; endDate: string | null; jobTitle: string | null; hoursPerWeek: number }[],
): string | null {
  switch (field) {
    case 'FIRST_NAME':
      return person.firstName;
    case 'LAST_NAME':
      return person.lastName;
    case 'INITIALS':
      return person.initials;
    case 'DATE_OF_BIRTH':
      return person.dateOfBirth;
    case 'ADDRESS': {
      const street = [person.street, person.houseNumber].filter(Boolean).join(' ');
      const place = [person.postalCode, person.city].filter(Boolean).join(' ');
      return [street, place].filter(Boolean).join(', ') || null;
    }
    case 'PERSONNEL_NUMBER':
      return person.personnelNumber;
    case 'EMPLOYMENT': {
      const today = todayInBusinessZone();
      const current = employments.find((employment) => employmentCovers(employment, today)) ?? employments[0];
      if (!current) return null;
      return [current.jobTitle, `${current.hoursPerWeek} uur per week`, `sinds ${current.startDate}`].filter(Boolean).join(', ');
    }
    case 'OTHER':
      return null;
  }
}
