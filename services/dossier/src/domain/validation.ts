import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DossierErrorCode, dossierError } from './rules.js';

/*
 * Input checks shared by the new-employee wizard, the Persoonsgegevens form and the partner API, so
 * the same mistake gets the same code everywhere. Every check names the argument path
 * (`field`, e.g. "employment.startDate"); a command collects all problems and refuses with the first
 * code, listing every problem in `extensions.problems`, so a form can mark all fields at once.
 */

export interface InputProblem {
  code: string;
  /** Dotted path inside the input argument, e.g. "person.bsn". */
  field: string;
  message: string;
}

export class Problems {
  readonly list: InputProblem[] = [];

  add(code: string, field: string, message: string): void {
    this.list.push({ code, field, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws the first problem as the error (its code is the error code), with every problem attached. */
  throwIfAny(argument = 'input'): void {
    const first = this.list[0];
    if (!first) return;
    throw dossierError(first.code as DossierErrorCode, first.message, {
      field: first.field,
      argumentPath: [argument, ...first.field.split('.')],
      problems: this.list.map((problem) => ({ ...problem, argumentPath: [argument, ...problem.field.split('.')] })),
    });
  }
}

/** The eleven test (elfproef) of the burgerservicenummer: 9 digits, Σ digit × (9..2, −1) divisible by 11. */
export function isValidBsn(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce((total, digit, index) => total + digit * (index === 8 ? -1 : 9 - index), 0);
  return sum % 11 === 0 && value !== '000000000';
}

/** A Dutch postcode: 4 digits (not starting with 0), 2 letters except SA, SD and SS; stored as "1234 AB". */
export function normalisePostalCode(value: string): string | null {
  const match = /^([1-9][0-9]{3})\s?([A-Za-z]{2})$/.exec(value.trim());
  if (!match) return null;
  const letters = match[2]!.toUpperCase();
  if (['SA', 'SD', 'SS'].includes(letters)) return null;
  return `${match[1]} ${letters}`;
}

/** Any valid number, Dutch when written without country code; E.164 (+31612345678), or null when invalid. */
export function normalisePhoneNumber(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value.trim(), 'NL');
  return parsed && parsed.isValid() ? parsed.number : null;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@(?=.{4,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function normaliseEmailAddress(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Trimmed text or null; a problem when longer than `max` (as a user counts characters). */
export function text(problems: Problems, field: string, value: string | null | undefined, max: number, required = false): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (required) problems.add(DossierErrorCode.REQUIRED_FIELD_MISSING, field, `${field} is required.`);
    return null;
  }
  if ([...trimmed].length > max) {
    problems.add(DossierErrorCode.TEXT_TOO_LONG, field, `${field} may be at most ${max} characters long.`);
    return trimmed;
  }
  return trimmed;
}

export function bsn(problems: Problems, field: string, value: string | null | undefined): string | null {
  const digits = value?.replace(/[\s.-]/g, '') ?? '';
  if (digits === '') return null;
  if (!isValidBsn(digits)) {
    problems.add(DossierErrorCode.INVALID_BSN, field, 'This is not a valid BSN: it must be 9 digits that pass the eleven test.');
    return null;
  }
  return digits;
}

export function postalCode(problems: Problems, field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const normalised = normalisePostalCode(value);
  if (!normalised) problems.add(DossierErrorCode.INVALID_POSTAL_CODE, field, 'A Dutch postcode is 4 digits and 2 letters, e.g. 1234 AB.');
  return normalised;
}

export function phone(problems: Problems, field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const normalised = normalisePhoneNumber(value);
  if (!normalised) problems.add(DossierErrorCode.INVALID_PHONE_NUMBER, field, 'This is not a valid phone number.');
  return normalised;
}

export function email(problems: Problems, field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const normalised = normaliseEmailAddress(value);
  if (!normalised) problems.add(DossierErrorCode.INVALID_EMAIL, field, 'This is not a valid e-mail address.');
  return normalised;
}

export function date(problems: Problems, field: string, value: string | null | undefined, required = false): string | null {
  if (value === null || value === undefined || value === '') {
    if (required) problems.add(DossierErrorCode.REQUIRED_FIELD_MISSING, field, `${field} is required.`);
    return null;
  }
  if (!isIsoDate(value)) {
    problems.add(DossierErrorCode.INVALID_DATE, field, `${field} must be a date (YYYY-MM-DD).`);
    return null;
  }
  return value;
}
