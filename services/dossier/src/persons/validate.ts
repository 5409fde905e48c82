import type { Actor } from '@poortwachter/kit';
import type { EntityManager } from 'typeorm';
import { DepartmentEntity, DivisionEntity, EmployerEntity, type Gender, type WorkPattern } from '../entities/index.js';
import { DossierErrorCode, isUuid } from '../domain/rules.js';
import { addDays, isoDateOf, type IsoDate } from '../domain/term.js';
import { Problems, bsn, date, email, phone, postalCode, text } from '../domain/validation.js';

/*
 * The checks of the wizard, Persoonsgegevens and the partner API, in one place: the same mistake
 * gets the same code and path everywhere.
 */

export interface PersonDetailsValues {
  firstName: string;
  initials: string | null;
  lastName: string;
  partnerLastName: string | null;
  dateOfBirth: IsoDate | null;
  gender: Gender | null;
  bsn: string | null;
  personnelNumber: string | null;
}

export interface AddressValues {
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface ContactValues {
  email: string | null;
  phone: string | null;
}

export interface EmploymentTexts {
  functioning: string | null;
  jobContent: string | null;
  tasks: string | null;
  remarks: string | null;
  other: string | null;
}

export interface EmploymentValues {
  employerId: string;
  divisionId: string | null;
  departmentId: string | null;
  jobTitle: string | null;
  contactPerson: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  hoursPerWeek: number;
  fullTimeHoursPerWeek: number;
  workPattern: WorkPattern | null;
  /** Undefined: keep the stored texts (updates). */
  texts: EmploymentTexts | undefined;
}

/** Dates arrive as Date objects from the Date scalar, or as strings from tests and events. */
export function isoOrNull(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : isoDateOf(value);
}

export interface PersonDetailsRaw {
  firstName?: string | null;
  initials?: string | null;
  lastName?: string | null;
  partnerLastName?: string | null;
  dateOfBirth?: Date | string | null;
  gender?: string | null;
  bsn?: string | null;
  personnelNumber?: string | null;
}

export function checkPersonDetails(problems: Problems, prefix: string, raw: PersonDetailsRaw, today: IsoDate, requireDateOfBirth = true): PersonDetailsValues {
  const field = (name: string) => `${prefix}.${name}`;
  const dateOfBirth = date(problems, field('dateOfBirth'), isoOrNull(raw.dateOfBirth), requireDateOfBirth);
  if (dateOfBirth && (dateOfBirth > addDays(today, -13 * 365) || dateOfBirth < addDays(today, -100 * 366))) {
    problems.add(DossierErrorCode.DATE_OF_BIRTH_IMPLAUSIBLE, field('dateOfBirth'), 'An employee is 13 to 100 years old; check the date of birth.');
  }
  return {
    firstName: text(problems, field('firstName'), raw.firstName, 100, true) ?? '',
    initials: text(problems, field('initials'), raw.initials, 20),
    lastName: (text(problems, field('lastName'), raw.lastName, 200, true) ?? '').replace(/\s+/g, ' '),
    partnerLastName: text(problems, field('partnerLastName'), raw.partnerLastName, 200),
    dateOfBirth,
    gender: (raw.gender ?? null) as Gender | null,
    bsn: bsn(problems, field('bsn'), raw.bsn),
    personnelNumber: text(problems, field('personnelNumber'), raw.personnelNumber, 50),
  };
}

export function checkAddress(
  problems: Problems,
  prefix: string,
  raw: { street?: string | null; houseNumber?: string | null; postalCode?: string | null; city?: string | null },
): AddressValues {
  return {
    street: text(problems, `${prefix}.street`, raw.street, 200),
    houseNumber: text(problems, `${prefix}.houseNumber`, raw.houseNumber, 20),
    postalCode: postalCode(problems, `${prefix}.postalCode`, raw.postalCode),
    city: text(problems, `${prefix}.city`, raw.city, 100),
  };
}

export function checkContact(problems: Problems, prefix: string, raw: { email?: string | null; phone?: string | null }): ContactValues {
  return { email: email(problems, `${prefix}.email`, raw.email), phone: phone(problems, `${prefix}.phone`, raw.phone) };
}

export interface EmploymentRaw {
  employerId?: string | null;
  divisionId?: string | null;
  departmentId?: string | null;
  jobTitle?: string | null;
  contactPerson?: string | null;
  startDate?: Date | string | null;
  endDate?: Date | string | null;
  hoursPerWeek?: number | null;
  fullTimeHoursPerWeek?: number | null;
  workPattern?: { weeks: number[][] } | null;
  texts?: Partial<EmploymentTexts> | null;
}

const MAX_WEEKLY_HOURS = 80;

/** Average week of a rotating pattern, rounded to hundredths (the column's precision). */
export function averageWeek(pattern: WorkPattern): number {
  const total = pattern.weeks.reduce((sum, week) => sum + week.reduce((a, b) => a + b, 0), 0);
  return Math.round((total / pattern.weeks.length) * 100) / 100;
}

function checkWorkPattern(problems: Problems, field: string, raw: { weeks: number[][] } | null | undefined): WorkPattern | null {
  if (!raw) return null;
  const weeks = raw.weeks;
  const valid =
    Array.isArray(weeks) &&
    weeks.length >= 1 &&
    weeks.length <= 4 &&
    weeks.every((week) => Array.isArray(week) && week.length === 7 && week.every((hours) => Number.isFinite(hours) && hours >= 0 && hours <= 24));
  if (!valid) {
    problems.add(DossierErrorCode.INVALID_WORK_PATTERN, field, 'A work pattern is 1 to 4 weeks of 7 days, each 0 to 24 hours.');
    return null;
  }
  const pattern = { weeks: weeks.map((week) => week.map((hours) => Math.round(hours * 100) / 100)) };
  if (averageWeek(pattern) <= 0) {
    problems.add(DossierErrorCode.INVALID_WORK_PATTERN, field, 'A work pattern needs at least one working day.');
    return null;
  }
  return pattern;
}

/**
 * Checks an employment and its units. The units must exist, hang together (department in
 * division in employer) and lie in the caller's scope: a team leader can only place someone in
 * their own department. A unit outside the scope answers like a missing one.
 */
export async function checkEmployment(
  problems: Problems,
  prefix: string,
  raw: EmploymentRaw,
  actor: Actor,
  manager: EntityManager,
  options: { defaultEmployerId?: string | null; keepTexts?: boolean } = {},
): Promise<EmploymentValues> {
  const field = (name: string) => `${prefix}.${name}`;
  const startDate = date(problems, field('startDate'), isoOrNull(raw.startDate), true);
  const endDate = date(problems, field('endDate'), isoOrNull(raw.endDate));
  if (startDate && endDate && endDate < startDate) {
    problems.add(DossierErrorCode.END_BEFORE_START, field('endDate'), 'The last day lies before the first day.');
  }
  const workPattern = checkWorkPattern(problems, field('workPattern'), raw.workPattern);
  let hoursPerWeek = raw.hoursPerWeek ?? null;
  if (workPattern) {
    const average = averageWeek(workPattern);
    if (hoursPerWeek !== null && Math.abs(hoursPerWeek - average) > 0.01) {
      problems.add(DossierErrorCode.INVALID_HOURS, field('hoursPerWeek'), `The work pattern gives ${average} hours per week, not ${hoursPerWeek}.`);
    }
    hoursPerWeek = average;
  }
  if (hoursPerWeek === null) {
    if (!raw.workPattern) problems.add(DossierErrorCode.REQUIRED_FIELD_MISSING, field('hoursPerWeek'), 'Give the contract hours per week or a work pattern.');
  } else if (!(hoursPerWeek > 0 && hoursPerWeek <= MAX_WEEKLY_HOURS)) {
    problems.add(DossierErrorCode.INVALID_HOURS, field('hoursPerWeek'), `Contract hours are more than 0 and at most ${MAX_WEEKLY_HOURS} per week.`);
  }
  const fullTime = raw.fullTimeHoursPerWeek ?? 40;
  if (!(fullTime >= 1 && fullTime <= 60)) {
    problems.add(DossierErrorCode.INVALID_HOURS, field('fullTimeHoursPerWeek'), 'A full-time week is 1 to 60 hours.');
  }
  const texts =
    raw.texts === undefined || raw.texts === null
      ? options.keepTexts
        ? undefined
        : { functioning: null, jobContent: null, tasks: null, remarks: null, other: null }
      : {
          functioning: text(problems, field('texts.functioning'), raw.texts.functioning, 10_000),
          jobContent: text(problems, field('texts.jobContent'), raw.texts.jobContent, 10_000),
          tasks: text(problems, field('texts.tasks'), raw.texts.tasks, 10_000),
          remarks: text(problems, field('texts.remarks'), raw.texts.remarks, 10_000),
          other: text(problems, field('texts.other'), raw.texts.other, 10_000),
        };

  const units = await checkUnits(problems, prefix, raw, actor, manager, options.defaultEmployerId ?? null);
  return {
    employerId: units.employerId ?? '',
    divisionId: units.divisionId,
    departmentId: units.departmentId,
    jobTitle: text(problems, field('jobTitle'), raw.jobTitle, 200),
    contactPerson: text(problems, field('contactPerson'), raw.contactPerson, 200),
    startDate: startDate ?? '',
    endDate,
    hoursPerWeek: hoursPerWeek ?? 0,
    fullTimeHoursPerWeek: fullTime,
    workPattern,
    texts,
  };
}

async function checkUnits(
  problems: Problems,
  prefix: string,
  raw: EmploymentRaw,
  actor: Actor,
  manager: EntityManager,
  defaultEmployerId: string | null,
): Promise<{ employerId: string | null; divisionId: string | null; departmentId: string | null }> {
  const field = (name: string) => `${prefix}.${name}`;
  const none = { employerId: null, divisionId: null, departmentId: null };
  const employerId = raw.employerId || defaultEmployerId;
  if (!employerId) {
    problems.add(DossierErrorCode.REQUIRED_FIELD_MISSING, field('employerId'), 'Choose the employer.');
    return none;
  }
  const employer = isUuid(employerId) ? await manager.findOneBy(EmployerEntity, { id: employerId }) : null;
  if (!employer) {
    problems.add(DossierErrorCode.EMPLOYER_NOT_FOUND, field('employerId'), 'This employer does not exist or is not visible to you.');
    return none;
  }
  let divisionId = raw.divisionId || null;
  const departmentId = raw.departmentId || null;
  if (departmentId) {
    const department = isUuid(departmentId) ? await manager.findOneBy(DepartmentEntity, { id: departmentId }) : null;
    if (!department || department.employerId !== employer.id || (divisionId !== null && department.divisionId !== divisionId)) {
      problems.add(DossierErrorCode.DEPARTMENT_NOT_FOUND, field('departmentId'), 'This department does not exist in the chosen division or is not visible to you.');
      return none;
    }
    divisionId = department.divisionId;
  } else if (divisionId) {
    const division = isUuid(divisionId) ? await manager.findOneBy(DivisionEntity, { id: divisionId }) : null;
    if (!division || division.employerId !== employer.id) {
      problems.add(DossierErrorCode.DIVISION_NOT_FOUND, field('divisionId'), 'This division does not exist at the chosen employer or is not visible to you.');
      return none;
    }
  }
  const unit = { employerId: employer.id, divisionId, departmentId };
  if (!actor.coversUnit(unit)) {
    // The narrowest unit the caller named is the one outside their scope.
    if (departmentId) problems.add(DossierErrorCode.DEPARTMENT_NOT_FOUND, field('departmentId'), 'This department is not visible to you.');
    else if (divisionId) problems.add(DossierErrorCode.DIVISION_NOT_FOUND, field('divisionId'), 'This division is not visible to you; choose a department of yours.');
    else problems.add(DossierErrorCode.EMPLOYER_NOT_FOUND, field('employerId'), 'This employer is not visible to you; choose a division or department of yours.');
    return none;
  }
  return unit;
}
