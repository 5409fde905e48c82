import { randomUUID } from 'node:crypto';
import { type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { canSeeEmployment, coversPerson } from '../access.js';
import { EmployerEntity, EmploymentEntity, PersonEntity, SickCaseEntity } from '../entities/index.js';
import { employmentChanged, personChanged, requireBus } from '../events/payloads.js';
import { todayInBusinessZone } from '../domain/clock.js';
import { ApiScope, DossierErrorCode, dossierError, isUuid, personNotFound } from '../domain/rules.js';
import { addDays, type IsoDate } from '../domain/term.js';
import { Problems, type InputProblem } from '../domain/validation.js';
import { PERSON_WRITERS } from './field-access.js';
import {
  checkAddress,
  checkContact,
  checkEmployment,
  checkPersonDetails,
  isoOrNull,
  type AddressValues,
  type ContactValues,
  type EmploymentRaw,
  type EmploymentValues,
  type PersonDetailsRaw,
  type PersonDetailsValues,
} from './validate.js';

/*
 * Persons and employments: the new-employee wizard, Persoonsgegevens, the Dienstverband folder.
 * Every command checks all input before the first write and writes the rows and their events in
 * one transaction: a refused call stores nothing and publishes nothing. Every change is written
 * to the access log (NEN 7513) with what kind of change it was, never with the values.
 */

export interface NewEmployeeRaw {
  person: PersonDetailsRaw;
  address?: AddressRawLike | null;
  contact?: { email?: string | null; phone?: string | null } | null;
  employment: EmploymentRaw;
}
type AddressRawLike = { street?: string | null; houseNumber?: string | null; postalCode?: string | null; city?: string | null };

export type DuplicateReasonValue = 'SAME_BSN' | 'SAME_NAME_AND_DATE_OF_BIRTH';

export interface CreateEmployeeOutcome {
  person: PersonEntity;
  created: boolean;
  duplicate: DuplicateReasonValue | null;
  invitationRequested: boolean;
}

/** What identity needs to invite a new employee to the employee portal (queue payload, not logged). */
export interface EmployeeInvitationRequestedEvent {
  personId: string;
  employerId: string;
  email: string;
  displayName: string;
  requestedByUserId: string | null;
  requestedAt: string;
}

export const employmentNotFound = (id: string) =>
  dossierError(DossierErrorCode.EMPLOYMENT_NOT_FOUND, `Employment ${id} does not exist or is not visible to you.`, { id, field: 'employmentId' });

function isBsnConflict(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
  return driverError?.code === '23505' && driverError.constraint === 'person_bsn_idx';
}

export function requirePersonWriter(ctx: SubgraphContext): void {
  ctx.actor.requireRole(...PERSON_WRITERS);
  ctx.actor.requireApiScope(ApiScope.PERSONS_WRITE);
}

export class PersonCommands {
  constructor(private readonly deps: ServiceDeps) {}

  /** All problems of a wizard input and a matching person in scope, storing nothing. */
  async checkNewEmployee(ctx: SubgraphContext, raw: NewEmployeeRaw, today = todayInBusinessZone()) {
    requirePersonWriter(ctx);
    const problems = new Problems();
    const values = await this.validateNewEmployee(ctx, problems, raw, this.deps.dataSource.manager, today);
    const match = await this.findDuplicate(ctx, this.deps.dataSource.manager, values.person);
    const problemsList: InputProblem[] = [...problems.list];
    if (match && !match.visible && match.reason === 'SAME_BSN') {
      problemsList.push({ code: DossierErrorCode.BSN_IN_USE, field: 'person.bsn', message: 'This BSN belongs to a person outside your scope; contact the arbodienst.' });
    }
    return { problems: problemsList, duplicate: match?.visible ? match.person : null, duplicateReason: match?.visible ? match.reason : null };
  }

  private async validateNewEmployee(ctx: SubgraphContext, problems: Problems, raw: NewEmployeeRaw, manager: EntityManager, today: IsoDate) {
    const person = checkPersonDetails(problems, 'person', raw.person, today);
    const address = checkAddress(problems, 'address', raw.address ?? {});
    const contact = checkContact(problems, 'contact', raw.contact ?? {});
    const employment = await checkEmployment(problems, 'employment', raw.employment, ctx.actor, manager, { defaultEmployerId: this.partnerEmployer(ctx) });
    return { person, address, contact, employment };
  }

  /** A partner client works for one employer: its employments default to it. */
  private partnerEmployer(ctx: SubgraphContext): string | null {
    if (ctx.actor.role !== 'API_CLIENT') return null;
    const ids = ctx.actor.scope.employerIds;
    return ids.length === 1 ? ids[0]! : null;
  }

  /** Same BSN anywhere, else same surname, first name and date of birth among the persons in scope. */
  async findDuplicate(
    ctx: SubgraphContext,
    manager: EntityManager,
    person: Pick<PersonDetailsValues, 'bsn' | 'firstName' | 'lastName' | 'dateOfBirth'>,
  ): Promise<{ person: PersonEntity; reason: DuplicateReasonValue; visible: boolean } | null> {
    const visible = async (candidate: PersonEntity) =>
      coversPerson(ctx.actor, candidate.id, await manager.find(EmploymentEntity, { where: { personId: candidate.id } }));
    if (person.bsn) {
      const sameBsn = await manager.findOneBy(PersonEntity, { bsn: person.bsn });
      if (sameBsn) return { person: sameBsn, reason: 'SAME_BSN', visible: await visible(sameBsn) };
    }
    if (person.lastName && person.firstName && person.dateOfBirth) {
      const candidates: PersonEntity[] = await manager
        .getRepository(PersonEntity)
        .createQueryBuilder('p')
        .where('lower(p.last_name) = lower(:lastName)', { lastName: person.lastName })
        .andWhere('lower(p.first_name) = lower(:firstName)', { firstName: person.firstName })
        .andWhere('p.date_of_birth = :dateOfBirth', { dateOfBirth: person.dateOfBirth })
        .orderBy('p.created_at', 'ASC')
        .getMany();
      for (const candidate of candidates) {
        if (await visible(candidate)) return { person: candidate, reason: 'SAME_NAME_AND_DATE_OF_BIRTH', visible: true };
      }
    }
    return null;
  }

  /**
   * The wizard: the person, the dossier (the person with their first employment) and, where the
   * employer says so, an invitation for the employee portal, all at once. A duplicate in scope is
   * returned instead of creating a second person; a BSN known outside the scope is refused.
   */
  async createEmployee(ctx: SubgraphContext, raw: NewEmployeeRaw, today = todayInBusinessZone()): Promise<CreateEmployeeOutcome> {
    requirePersonWriter(ctx);
    requireBus(this.deps.bus);
    try {
      const outcome = await this.deps.dataSource.transaction(async (manager) => {
        const problems = new Problems();
        const values = await this.validateNewEmployee(ctx, problems, raw, manager, today);
        problems.throwIfAny();
        // Two clicks on "Opslaan" or two HR users at once must not create the same person twice.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dossier.person-identity'))`);
        const match = await this.findDuplicate(ctx, manager, values.person);
        if (match && !match.visible) {
          if (match.reason === 'SAME_BSN') {
            throw dossierError(DossierErrorCode.BSN_IN_USE, 'This BSN belongs to a person outside your scope; contact the arbodienst.', {
              field: 'person.bsn',
              argumentPath: ['input', 'person', 'bsn'],
            });
          }
        }
        if (match?.visible) return { person: match.person, created: false, duplicate: match.reason, invitationRequested: false };
        const { person, employment } = await this.insertPersonWithEmployment(manager, values);
        const invitationRequested = await this.requestInvitation(ctx, manager, person, employment.employerId);
        return { person, created: true, duplicate: null, invitationRequested };
      });
      ctx.accessLog.change('person', outcome.created ? 'create' : 'update', outcome.person.id, outcome.created ? 'new employee' : 'duplicate shown');
      if (!outcome.created) ctx.accessLog.read('person', [outcome.person.id], 'duplicate check');
      return outcome;
    } catch (error) {
      if (isBsnConflict(error)) {
        throw dossierError(DossierErrorCode.BSN_IN_USE, 'A person with this BSN was registered at the same moment.', {
          field: 'person.bsn',
          argumentPath: ['input', 'person', 'bsn'],
        });
      }
      throw error;
    }
  }

  async insertPersonWithEmployment(
    manager: EntityManager,
    values: { person: PersonDetailsValues; address: AddressValues; contact: ContactValues; employment: EmploymentValues },
  ): Promise<{ person: PersonEntity; employment: EmploymentEntity }> {
    const personId = randomUUID();
    await manager.insert(PersonEntity, { id: personId, ...values.person, ...values.address, ...values.contact });
    const employment = await this.insertEmployment(manager, personId, values.employment);
    const person = await manager.findOneByOrFail(PersonEntity, { id: personId });
    await this.publishPersonChanged(manager, personId);
    return { person, employment };
  }

  async requestInvitation(ctx: SubgraphContext, manager: EntityManager, person: PersonEntity, employerId: string): Promise<boolean> {
    const employer = await manager.findOneBy(EmployerEntity, { id: employerId });
    if (!employer?.inviteEmployeesOnCreation || !person.email) return false;
    const event: EmployeeInvitationRequestedEvent = {
      personId: person.id,
      employerId,
      email: person.email,
      displayName: `${person.firstName} ${person.lastName}`,
      requestedByUserId: ctx.actor.userId,
      requestedAt: new Date().toISOString(),
    };
    await requireBus(this.deps.bus).publish('employee.invitation-requested', event, { manager });
    return true;
  }

  async insertEmployment(manager: EntityManager, personId: string, values: EmploymentValues): Promise<EmploymentEntity> {
    const id = randomUUID();
    const texts = values.texts ?? { functioning: null, jobContent: null, tasks: null, remarks: null, other: null };
    await manager.insert(EmploymentEntity, {
      id,
      personId,
      employerId: values.employerId,
      divisionId: values.divisionId,
      departmentId: values.departmentId,
      jobTitle: values.jobTitle,
      contactPerson: values.contactPerson,
      startDate: values.startDate,
      endDate: values.endDate,
      hoursPerWeek: values.hoursPerWeek,
      fullTimeHoursPerWeek: values.fullTimeHoursPerWeek,
      workPattern: values.workPattern,
      ...texts,
    });
    const employment = await manager.findOneByOrFail(EmploymentEntity, { id });
    await requireBus(this.deps.bus).publish('employment.changed', employmentChanged(employment), { manager });
    return employment;
  }

  async publishPersonChanged(manager: EntityManager, personId: string): Promise<void> {
    const employments = await manager.find(EmploymentEntity, { where: { personId } });
    await requireBus(this.deps.bus).publish('person.changed', personChanged(personId, employments, todayInBusinessZone()), { manager });
  }

  /** The person locked for the change when it is in the caller's reach; PERSON_NOT_FOUND otherwise. */
  async reachablePerson(ctx: SubgraphContext, manager: EntityManager, personId: string): Promise<{ person: PersonEntity; employments: EmploymentEntity[] }> {
    if (!isUuid(personId)) throw personNotFound(personId);
    const person = await manager.getRepository(PersonEntity).findOne({ where: { id: personId }, lock: { mode: 'pessimistic_write' } });
    const employments = person ? await manager.find(EmploymentEntity, { where: { personId }, order: { startDate: 'ASC', id: 'ASC' } }) : [];
    if (!person || !coversPerson(ctx.actor, personId, employments)) {
      ctx.accessLog.denied('person', person ? personId : null);
      throw personNotFound(personId);
    }
    return { person, employments };
  }

  /** Persoonsgegevens: each given section replaces its stored values. Logs which sections changed. */
  async updatePersonDetails(
    ctx: SubgraphContext,
    input: { personId: string; person?: PersonDetailsRaw | null; address?: AddressRawLike | null; contact?: { email?: string | null; phone?: string | null } | null },
    today = todayInBusinessZone(),
  ): Promise<PersonEntity> {
    requirePersonWriter(ctx);
    const problems = new Problems();
    const person = input.person ? checkPersonDetails(problems, 'person', input.person, today) : null;
    const address = input.address ? checkAddress(problems, 'address', input.address) : null;
    const contact = input.contact ? checkContact(problems, 'contact', input.contact) : null;
    problems.throwIfAny();
    try {
      const { updated, changed } = await this.deps.dataSource.transaction(async (manager) => {
        const { person: stored } = await this.reachablePerson(ctx, manager, input.personId);
        const changes: Partial<PersonEntity> = { ...(person ?? {}), ...(address ?? {}), ...(contact ?? {}) };
        const changedFields = (Object.keys(changes) as (keyof PersonEntity)[]).filter((key) => stored[key] !== changes[key]);
        if (person?.bsn && person.bsn !== stored.bsn) {
          const other = await manager.findOneBy(PersonEntity, { bsn: person.bsn });
          if (other && other.id !== stored.id) {
            throw dossierError(DossierErrorCode.BSN_IN_USE, 'Another person is registered with this BSN.', { field: 'person.bsn', argumentPath: ['input', 'person', 'bsn'] });
          }
        }
        if (changedFields.length > 0) {
          await manager.update(PersonEntity, { id: stored.id }, Object.fromEntries(changedFields.map((key) => [key, changes[key]])));
          await this.publishPersonChanged(manager, stored.id);
        }
        return { updated: await manager.findOneByOrFail(PersonEntity, { id: stored.id }), changed: changedFields };
      });
      if (changed.length > 0) ctx.accessLog.change('person', 'update', updated.id, `persoonsgegevens: ${changed.join(', ')}`);
      return updated;
    } catch (error) {
      if (isBsnConflict(error)) {
        throw dossierError(DossierErrorCode.BSN_IN_USE, 'Another person is registered with this BSN.', { field: 'person.bsn', argumentPath: ['input', 'person', 'bsn'] });
      }
      throw error;
    }
  }

  /** An employment the caller may change, locked with its person; EMPLOYMENT_NOT_FOUND otherwise. */
  private async reachableEmployment(ctx: SubgraphContext, manager: EntityManager, employmentId: string): Promise<EmploymentEntity> {
    if (!isUuid(employmentId)) throw employmentNotFound(employmentId);
    const found = await manager.findOneBy(EmploymentEntity, { id: employmentId });
    if (!found || !canSeeEmployment(ctx.actor, found)) {
      ctx.accessLog.denied('employment', found?.personId ?? null);
      throw employmentNotFound(employmentId);
    }
    await manager.getRepository(PersonEntity).findOne({ where: { id: found.personId }, lock: { mode: 'pessimistic_write' } });
    return manager.findOneByOrFail(EmploymentEntity, { id: employmentId });
  }

  async addEmployment(ctx: SubgraphContext, personId: string, raw: EmploymentRaw): Promise<EmploymentEntity> {
    requirePersonWriter(ctx);
    const created = await this.deps.dataSource.transaction(async (manager) => {
      await this.reachablePerson(ctx, manager, personId);
      const problems = new Problems();
      const values = await checkEmployment(problems, 'employment', raw, ctx.actor, manager, { defaultEmployerId: this.partnerEmployer(ctx) });
      problems.throwIfAny();
      const employment = await this.insertEmployment(manager, personId, values);
      await this.publishPersonChanged(manager, personId);
      return employment;
    });
    ctx.accessLog.change('employment', 'create', personId);
    return created;
  }

  /** Replaces the data of an employment; the caller must reach both the old and the new unit. */
  async updateEmployment(ctx: SubgraphContext, employmentId: string, raw: EmploymentRaw): Promise<EmploymentEntity> {
    requirePersonWriter(ctx);
    const updated = await this.deps.dataSource.transaction(async (manager) => {
      const stored = await this.reachableEmployment(ctx, manager, employmentId);
      const problems = new Problems();
      const values = await checkEmployment(problems, 'employment', raw, ctx.actor, manager, { defaultEmployerId: stored.employerId, keepTexts: true });
      await this.checkCasesStillCovered(problems, manager, stored, values.startDate, values.endDate);
      problems.throwIfAny();
      return this.writeEmployment(manager, stored, values);
    });
    ctx.accessLog.change('employment', 'update', updated.personId);
    return updated;
  }

  /** Sick cases reported on the employment must stay inside it, or their term would lose its basis. */
  private async checkCasesStillCovered(problems: Problems, manager: EntityManager, stored: EmploymentEntity, startDate: string, endDate: string | null) {
    if (!startDate) return;
    const cases = await manager.find(SickCaseEntity, { where: { employmentId: stored.id } });
    if (cases.some((sickCase) => sickCase.firstSickDay < startDate)) {
      problems.add(DossierErrorCode.EMPLOYMENT_IN_USE, 'employment.startDate', 'A sick case of this employment starts before this date.');
    }
    if (endDate && cases.some((sickCase) => sickCase.firstSickDay > endDate)) {
      problems.add(DossierErrorCode.EMPLOYMENT_IN_USE, 'employment.endDate', 'A sick case of this employment starts after this date.');
    }
  }

  async writeEmployment(manager: EntityManager, stored: EmploymentEntity, values: EmploymentValues): Promise<EmploymentEntity> {
    await manager.update(
      EmploymentEntity,
      { id: stored.id },
      {
        employerId: values.employerId,
        divisionId: values.divisionId,
        departmentId: values.departmentId,
        jobTitle: values.jobTitle,
        contactPerson: values.contactPerson,
        startDate: values.startDate,
        endDate: values.endDate,
        hoursPerWeek: values.hoursPerWeek,
        fullTimeHoursPerWeek: values.fullTimeHoursPerWeek,
        workPattern: values.workPattern,
        ...(values.texts ?? {}),
      },
    );
    const employment = await manager.findOneByOrFail(EmploymentEntity, { id: stored.id });
    await requireBus(this.deps.bus).publish('employment.changed', employmentChanged(employment), { manager });
    await this.publishPersonChanged(manager, stored.personId);
    return employment;
  }

  /** "Kopiëren": the same data from a new date; the source ends the day before unless told otherwise. */
  async copyEmployment(ctx: SubgraphContext, input: { employmentId: string; startDate: Date | string; endSource?: boolean | null }): Promise<EmploymentEntity> {
    requirePersonWriter(ctx);
    const copy = await this.deps.dataSource.transaction(async (manager) => {
      const source = await this.reachableEmployment(ctx, manager, input.employmentId);
      const startDate = isoOrNull(input.startDate)!;
      if (startDate <= source.startDate) {
        throw dossierError(DossierErrorCode.END_BEFORE_START, 'The copy must start after the first day of the employment it copies.', {
          field: 'startDate',
          argumentPath: ['input', 'startDate'],
        });
      }
      if (input.endSource ?? true) {
        const endDate = addDays(startDate, -1);
        if (source.endDate === null || source.endDate > endDate) {
          const problems = new Problems();
          await this.checkCasesStillCovered(problems, manager, source, source.startDate, endDate);
          problems.throwIfAny();
          await manager.update(EmploymentEntity, { id: source.id }, { endDate });
          await requireBus(this.deps.bus).publish('employment.changed', employmentChanged(await manager.findOneByOrFail(EmploymentEntity, { id: source.id })), {
            manager,
          });
        }
      }
      const created = await this.insertEmployment(manager, source.personId, {
        employerId: source.employerId,
        divisionId: source.divisionId,
        departmentId: source.departmentId,
        jobTitle: source.jobTitle,
        contactPerson: source.contactPerson,
        startDate,
        endDate: source.endDate !== null && source.endDate >= startDate ? source.endDate : null,
        hoursPerWeek: source.hoursPerWeek,
        fullTimeHoursPerWeek: source.fullTimeHoursPerWeek,
        workPattern: source.workPattern,
        texts: { functioning: source.functioning, jobContent: source.jobContent, tasks: source.tasks, remarks: source.remarks, other: source.other },
      });
      await this.publishPersonChanged(manager, source.personId);
      return created;
    });
    ctx.accessLog.change('employment', 'create', copy.personId, 'copy');
    return copy;
  }

  async endEmployment(ctx: SubgraphContext, employmentId: string, endDateRaw: Date | string): Promise<EmploymentEntity> {
    requirePersonWriter(ctx);
    const ended = await this.deps.dataSource.transaction(async (manager) => {
      const stored = await this.reachableEmployment(ctx, manager, employmentId);
      const endDate = isoOrNull(endDateRaw)!;
      const problems = new Problems();
      if (endDate < stored.startDate) problems.add(DossierErrorCode.END_BEFORE_START, 'endDate', 'The last day lies before the first day.');
      else await this.checkCasesStillCovered(problems, manager, stored, stored.startDate, endDate);
      problems.throwIfAny();
      if (stored.endDate === endDate) return stored;
      await manager.update(EmploymentEntity, { id: stored.id }, { endDate });
      const employment = await manager.findOneByOrFail(EmploymentEntity, { id: stored.id });
      await requireBus(this.deps.bus).publish('employment.changed', employmentChanged(employment), { manager });
      await this.publishPersonChanged(manager, stored.personId);
      return employment;
    });
    ctx.accessLog.change('employment', 'update', ended.personId, 'end');
    return ended;
  }

  /**
   * Deletes an employment entered by mistake. Refused when a sick case was reported on it
   * (EMPLOYMENT_IN_USE: end it instead) or when it is the last one in the caller's scope
   * (LAST_EMPLOYMENT: the person would drop out of the employer's dossier).
   */
  async deleteEmployment(ctx: SubgraphContext, employmentId: string): Promise<string> {
    requirePersonWriter(ctx);
    const personId = await this.deps.dataSource.transaction(async (manager) => {
      const stored = await this.reachableEmployment(ctx, manager, employmentId);
      if ((await manager.countBy(SickCaseEntity, { employmentId: stored.id })) > 0) {
        throw dossierError(DossierErrorCode.EMPLOYMENT_IN_USE, 'A sick case was reported on this employment; end it instead of deleting it.', {
          field: 'employmentId',
        });
      }
      const others = (await manager.find(EmploymentEntity, { where: { personId: stored.personId } })).filter(
        (employment) => employment.id !== stored.id && canSeeEmployment(ctx.actor, employment),
      );
      if (others.length === 0) {
        throw dossierError(DossierErrorCode.LAST_EMPLOYMENT, 'This is the person’s only employment with you; end it instead of deleting it.', {
          field: 'employmentId',
        });
      }
      await manager.delete(EmploymentEntity, { id: stored.id });
      await requireBus(this.deps.bus).publish('employment.changed', { ...employmentChanged(stored), deleted: true }, { manager });
      await this.publishPersonChanged(manager, stored.personId);
      return stored.personId;
    });
    ctx.accessLog.change('employment', 'delete', personId);
    return employmentId;
  }

  /** ADMIN, or employer HR with the whole employer in scope: whether new employees are invited. */
  async setEmployerInvitationSetting(ctx: SubgraphContext, employerId: string, enabled: boolean): Promise<EmployerEntity> {
    const identity = ctx.actor.requireRole('ADMIN', 'EMPLOYER');
    const notFound = () => dossierError(DossierErrorCode.EMPLOYER_NOT_FOUND, `Employer ${employerId} does not exist or is not visible to you.`, { field: 'employerId' });
    if (!isUuid(employerId)) throw notFound();
    const repository = this.deps.dataSource.getRepository(EmployerEntity);
    const employer = await repository.findOneBy({ id: employerId });
    if (!employer) throw notFound();
    // A team leader (division or department scope) does not decide for the whole employer.
    if (identity.role === 'EMPLOYER' && !ctx.actor.scope.employerIds.includes(employerId)) throw notFound();
    await repository.update({ id: employerId }, { inviteEmployeesOnCreation: enabled });
    return repository.findOneByOrFail({ id: employerId });
  }
}
