import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import type { EntityManager } from 'typeorm';
import { EmploymentEntity, PersonEntity } from '../entities/index.js';
import { todayInBusinessZone } from '../domain/clock.js';
import { DossierErrorCode, dossierError, isUuid } from '../domain/rules.js';
import { Problems } from '../domain/validation.js';
import { PersonCommands, requirePersonWriter } from './commands.js';
import { checkAddress, checkContact, checkEmployment, checkPersonDetails, isoOrNull, type EmploymentRaw, type EmploymentValues, type PersonDetailsRaw } from './validate.js';

/*
 * The partner API of an HR coupling (scope persons:write). The partner names a person by its own
 * employee number (stored as the personnel number) at its employer, and an employment by its start
 * date. Calls are idempotent: a repeated call with the same data changes nothing, publishes
 * nothing and answers UNCHANGED. Validation and codes are those of the wizard.
 */

export type PartnerOutcomeValue = 'CREATED' | 'UPDATED' | 'UNCHANGED';

type AddressRaw = { street?: string | null; houseNumber?: string | null; postalCode?: string | null; city?: string | null };

export interface PartnerPersonRaw {
  employeeNumber: string;
  employerId?: string | null;
  person: PersonDetailsRaw;
  address?: AddressRaw | null;
  contact?: { email?: string | null; phone?: string | null } | null;
  employment?: EmploymentRaw | null;
}

const EMPLOYMENT_FIELDS = [
  'employerId',
  'divisionId',
  'departmentId',
  'jobTitle',
  'contactPerson',
  'startDate',
  'endDate',
  'hoursPerWeek',
  'fullTimeHoursPerWeek',
  'workPattern',
] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export class PartnerCommands {
  private readonly persons: PersonCommands;

  constructor(private readonly deps: ServiceDeps) {
    this.persons = new PersonCommands(deps);
  }

  /** The employer the call is for: the given one (in the client's scope), else the client's only one. */
  private employerOf(ctx: SubgraphContext, employerId: string | null | undefined): string {
    const own = ctx.actor.role === 'API_CLIENT' ? ctx.actor.scope.employerIds : null;
    if (employerId) {
      if (!isUuid(employerId) || !ctx.actor.coversUnit({ employerId, divisionId: null, departmentId: null })) {
        throw dossierError(DossierErrorCode.EMPLOYER_NOT_FOUND, 'This employer does not exist or is not yours.', { field: 'employerId', argumentPath: ['input', 'employerId'] });
      }
      return employerId;
    }
    if (own && own.length === 1) return own[0]!;
    throw dossierError(DossierErrorCode.PARTNER_EMPLOYER_AMBIGUOUS, 'Say which employer the call is for (employerId).', {
      field: 'employerId',
      argumentPath: ['input', 'employerId'],
    });
  }

  private employeeNumber(raw: string): string {
    const value = raw.trim();
    if (value === '' || value.length > 50) {
      throw dossierError(DossierErrorCode.EMPLOYEE_NUMBER_REQUIRED, 'Give your employee number of the person (1 to 50 characters).', {
        field: 'employeeNumber',
        argumentPath: ['input', 'employeeNumber'],
      });
    }
    return value;
  }

  /** The person with this employee number and an employment at the employer, locked for the change. */
  private async personByNumber(manager: EntityManager, employerId: string, employeeNumber: string): Promise<PersonEntity | null> {
    // Serialises calls for the same number, so two deliveries of one message cannot create two persons.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dossier.partner:${employerId}:${employeeNumber}`]);
    const rows: { id: string }[] = await manager.query(
      `SELECT p.id FROM dossier.person p
        WHERE p.personnel_number = $1 AND EXISTS (SELECT 1 FROM dossier.employment e WHERE e.person_id = p.id AND e.employer_id = $2)
        ORDER BY p.created_at, p.id LIMIT 1`,
      [employeeNumber, employerId],
    );
    return rows[0] ? manager.findOne(PersonEntity, { where: { id: rows[0].id }, lock: { mode: 'pessimistic_write' } }) : null;
  }

  async upsertPerson(ctx: SubgraphContext, raw: PartnerPersonRaw, today = todayInBusinessZone()) {
    requirePersonWriter(ctx);
    const employerId = this.employerOf(ctx, raw.employerId);
    const employeeNumber = this.employeeNumber(raw.employeeNumber);
    const problems = new Problems();
    const details = checkPersonDetails(problems, 'person', { ...raw.person, personnelNumber: employeeNumber }, today);
    const address = raw.address ? checkAddress(problems, 'address', raw.address) : null;
    const contact = raw.contact ? checkContact(problems, 'contact', raw.contact) : null;
    problems.throwIfAny();

    const result = await this.deps.dataSource.transaction(async (manager) => {
      const existing = await this.personByNumber(manager, employerId, employeeNumber);
      if (!existing) {
        const creating = new Problems();
        if (!raw.employment) creating.add(DossierErrorCode.REQUIRED_FIELD_MISSING, 'employment', 'A new person needs their first employment.');
        const employment = raw.employment
          ? await checkEmployment(creating, 'employment', { ...raw.employment, employerId }, ctx.actor, manager)
          : null;
        creating.throwIfAny();
        if (details.bsn && (await manager.findOneBy(PersonEntity, { bsn: details.bsn }))) {
          throw dossierError(DossierErrorCode.BSN_IN_USE, 'A person with this BSN is registered under another employee number.', {
            field: 'person.bsn',
            argumentPath: ['input', 'person', 'bsn'],
          });
        }
        const { person, employment: first } = await this.persons.insertPersonWithEmployment(manager, {
          person: details,
          address: address ?? { street: null, houseNumber: null, postalCode: null, city: null },
          contact: contact ?? { email: null, phone: null },
          employment: employment!,
        });
        await this.persons.requestInvitation(ctx, manager, person, first.employerId);
        return { outcome: 'CREATED' as PartnerOutcomeValue, changedFields: [] as string[], person };
      }
      const wanted: Record<string, unknown> = { ...details, ...(address ?? {}), ...(contact ?? {}) };
      const changed = Object.keys(wanted).filter((key) => !same(existing[key as keyof PersonEntity], wanted[key]));
      if (changed.length === 0) return { outcome: 'UNCHANGED' as PartnerOutcomeValue, changedFields: [], person: existing };
      if (details.bsn && details.bsn !== existing.bsn) {
        const other = await manager.findOneBy(PersonEntity, { bsn: details.bsn });
        if (other && other.id !== existing.id) {
          throw dossierError(DossierErrorCode.BSN_IN_USE, 'Another person is registered with this BSN.', { field: 'person.bsn', argumentPath: ['input', 'person', 'bsn'] });
        }
      }
      await manager.update(PersonEntity, { id: existing.id }, Object.fromEntries(changed.map((key) => [key, wanted[key]])));
      await this.persons.publishPersonChanged(manager, existing.id);
      const section = (key: string) => (key in (contact ?? {}) ? 'contact' : key in (address ?? {}) ? 'address' : 'person');
      return {
        outcome: 'UPDATED' as PartnerOutcomeValue,
        changedFields: changed.map((key) => `${section(key)}.${key}`),
        person: await manager.findOneByOrFail(PersonEntity, { id: existing.id }),
      };
    });
    if (result.outcome !== 'UNCHANGED') ctx.accessLog.change('person', result.outcome === 'CREATED' ? 'create' : 'update', result.person.id, 'partner coupling');
    return result;
  }

  private async employmentFor(manager: EntityManager, ctx: SubgraphContext, employerId: string, employeeNumber: string) {
    const person = await this.personByNumber(manager, employerId, employeeNumber);
    if (!person) {
      throw dossierError(DossierErrorCode.PERSON_NOT_FOUND, `No person with employee number ${employeeNumber} at your employer.`, {
        field: 'employeeNumber',
        argumentPath: ['input', 'employeeNumber'],
      });
    }
    const employments = (await manager.find(EmploymentEntity, { where: { personId: person.id, employerId } })).filter((employment) =>
      ctx.actor.coversUnit(employment),
    );
    return { person, employments };
  }

  private diff(stored: EmploymentEntity, values: EmploymentValues): string[] {
    return EMPLOYMENT_FIELDS.filter((key) => !same(stored[key], values[key]));
  }

  /** Starts an employment, or changes the one with the same start date (idempotent). */
  async startEmployment(ctx: SubgraphContext, raw: { employeeNumber: string; employerId?: string | null; employment: EmploymentRaw }) {
    requirePersonWriter(ctx);
    const employerId = this.employerOf(ctx, raw.employerId);
    const employeeNumber = this.employeeNumber(raw.employeeNumber);
    const result = await this.deps.dataSource.transaction(async (manager) => {
      const { person, employments } = await this.employmentFor(manager, ctx, employerId, employeeNumber);
      const problems = new Problems();
      const values = await checkEmployment(problems, 'employment', { ...raw.employment, employerId }, ctx.actor, manager, { keepTexts: true });
      problems.throwIfAny();
      const stored = employments.find((employment) => employment.startDate === values.startDate);
      if (!stored) {
        const employment = await this.persons.insertEmployment(manager, person.id, values);
        await this.persons.publishPersonChanged(manager, person.id);
        return { outcome: 'CREATED' as PartnerOutcomeValue, changedFields: [] as string[], employment, person };
      }
      const changed = this.diff(stored, values);
      if (changed.length === 0) return { outcome: 'UNCHANGED' as PartnerOutcomeValue, changedFields: [], employment: stored, person };
      const employment = await this.persons.writeEmployment(manager, stored, values);
      return { outcome: 'UPDATED' as PartnerOutcomeValue, changedFields: changed, employment, person };
    });
    if (result.outcome !== 'UNCHANGED') ctx.accessLog.change('employment', result.outcome === 'CREATED' ? 'create' : 'update', result.person.id, 'partner coupling');
    return result;
  }

  /** Changes the employment with the given start date; EMPLOYMENT_NOT_FOUND when there is none. */
  async changeEmployment(ctx: SubgraphContext, raw: { employeeNumber: string; employerId?: string | null; employment: EmploymentRaw }) {
    requirePersonWriter(ctx);
    const employerId = this.employerOf(ctx, raw.employerId);
    const employeeNumber = this.employeeNumber(raw.employeeNumber);
    const startDate = isoOrNull(raw.employment.startDate);
    await this.deps.dataSource.transaction(async (manager) => {
      const { employments } = await this.employmentFor(manager, ctx, employerId, employeeNumber);
      if (startDate && !employments.some((employment) => employment.startDate === startDate)) {
        throw dossierError(DossierErrorCode.EMPLOYMENT_NOT_FOUND, `No employment starting on ${startDate} for this employee number.`, {
          field: 'employment.startDate',
          argumentPath: ['input', 'employment', 'startDate'],
        });
      }
    });
    return this.startEmployment(ctx, raw);
  }

  async endEmployment(ctx: SubgraphContext, raw: { employeeNumber: string; employerId?: string | null; startDate: Date | string; endDate: Date | string }) {
    requirePersonWriter(ctx);
    const employerId = this.employerOf(ctx, raw.employerId);
    const employeeNumber = this.employeeNumber(raw.employeeNumber);
    const startDate = isoOrNull(raw.startDate)!;
    const endDate = isoOrNull(raw.endDate)!;
    const result = await this.deps.dataSource.transaction(async (manager) => {
      const { person, employments } = await this.employmentFor(manager, ctx, employerId, employeeNumber);
      const stored = employments.find((employment) => employment.startDate === startDate);
      if (!stored) {
        throw dossierError(DossierErrorCode.EMPLOYMENT_NOT_FOUND, `No employment starting on ${startDate} for this employee number.`, {
          field: 'startDate',
          argumentPath: ['input', 'startDate'],
        });
      }
      if (endDate < startDate) {
        throw dossierError(DossierErrorCode.END_BEFORE_START, 'The last day lies before the first day.', { field: 'endDate', argumentPath: ['input', 'endDate'] });
      }
      if (stored.endDate === endDate) return { outcome: 'UNCHANGED' as PartnerOutcomeValue, changedFields: [] as string[], employment: stored, person };
      return { outcome: 'UPDATED' as PartnerOutcomeValue, changedFields: ['endDate'], employment: null, person, stored };
    });
    if (result.outcome === 'UNCHANGED') return result;
    const employment = await this.persons.endEmployment(ctx, (result as { stored: EmploymentEntity }).stored.id, endDate);
    ctx.accessLog.change('employment', 'update', result.person.id, 'partner coupling');
    return { ...result, employment };
  }
}
