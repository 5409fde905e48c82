import { domainError } from '@poortwachter/kit';

/**
 * Stable error codes of the dossier API. Partners switch on them; never rename one.
 * Out-of-scope records answer with the same NOT_FOUND code as missing ones, so a caller cannot
 * probe which persons or cases exist outside their scope.
 */
export const DossierErrorCode = {
  PERSON_NOT_FOUND: 'PERSON_NOT_FOUND',
  SICK_CASE_NOT_FOUND: 'SICK_CASE_NOT_FOUND',
  NO_EMPLOYMENT: 'NO_EMPLOYMENT',
  FIRST_SICK_DAY_BEFORE_EMPLOYMENT: 'FIRST_SICK_DAY_BEFORE_EMPLOYMENT',
  FIRST_SICK_DAY_AFTER_EMPLOYMENT: 'FIRST_SICK_DAY_AFTER_EMPLOYMENT',
  FIRST_SICK_DAY_TOO_FAR_AHEAD: 'FIRST_SICK_DAY_TOO_FAR_AHEAD',
  EXPECTED_RECOVERY_BEFORE_FIRST_SICK_DAY: 'EXPECTED_RECOVERY_BEFORE_FIRST_SICK_DAY',
  OVERLAPPING_OPEN_CASE: 'OVERLAPPING_OPEN_CASE',
  OVERLAPPING_CASE: 'OVERLAPPING_CASE',
  INVALID_PERCENTAGE: 'INVALID_PERCENTAGE',
  ABSENCE_PERCENTAGE_UNCHANGED: 'ABSENCE_PERCENTAGE_UNCHANGED',
  RECOVERY_BEFORE_FIRST_SICK_DAY: 'RECOVERY_BEFORE_FIRST_SICK_DAY',
  RECOVERY_BEFORE_LAST_CHANGE: 'RECOVERY_BEFORE_LAST_CHANGE',
  RECOVERY_DATE_IN_FUTURE: 'RECOVERY_DATE_IN_FUTURE',
  RECOVERY_TOO_FAR_AHEAD: 'RECOVERY_TOO_FAR_AHEAD',
  SICK_CASE_ALREADY_RECOVERED: 'SICK_CASE_ALREADY_RECOVERED',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
  INVALID_PHONE: 'INVALID_PHONE',
  INVALID_PAGE: 'INVALID_PAGE',
  INVALID_SEARCH: 'INVALID_SEARCH',
  // Documents, notes, signing, own details (issue 6).
  DOCUMENT_NOT_FOUND: 'DOCUMENT_NOT_FOUND',
  DOCUMENT_CONTENT_MISSING: 'DOCUMENT_CONTENT_MISSING',
  DOCUMENT_NOT_OWN_UPLOAD: 'DOCUMENT_NOT_OWN_UPLOAD',
  NOTE_NOT_FOUND: 'NOTE_NOT_FOUND',
  NOTE_TEXT_REQUIRED: 'NOTE_TEXT_REQUIRED',
  NOTE_NOT_AUTHOR: 'NOTE_NOT_AUTHOR',
  MEDICAL_NOTE_NOT_ALLOWED: 'MEDICAL_NOTE_NOT_ALLOWED',
  SIGNATURE_REQUEST_UNKNOWN: 'SIGNATURE_REQUEST_UNKNOWN',
  SIGNATURE_ALREADY_COMPLETED: 'SIGNATURE_ALREADY_COMPLETED',
  SIGNATURE_ALREADY_REQUESTED: 'SIGNATURE_ALREADY_REQUESTED',
  SIGNATURE_REQUIRES_PDF: 'SIGNATURE_REQUIRES_PDF',
  SIGNATURE_EMPTY: 'SIGNATURE_EMPTY',
  SIGNATURE_INVALID_IMAGE: 'SIGNATURE_INVALID_IMAGE',
  SIGNATURE_DECLINE_REASON_REQUIRED: 'SIGNATURE_DECLINE_REASON_REQUIRED',
  SIGNATURE_ORIGINAL_UNREADABLE: 'SIGNATURE_ORIGINAL_UNREADABLE',
  INVALID_EMAIL: 'INVALID_EMAIL',
  INVALID_PHONE_NUMBER: 'INVALID_PHONE_NUMBER',
  CORRECTION_VALUE_REQUIRED: 'CORRECTION_VALUE_REQUIRED',
  CORRECTION_TOO_MANY_OPEN: 'CORRECTION_TOO_MANY_OPEN',
  CORRECTION_REQUEST_NOT_FOUND: 'CORRECTION_REQUEST_NOT_FOUND',
  CORRECTION_ALREADY_CLOSED: 'CORRECTION_ALREADY_CLOSED',
  CORRECTION_RESPONSE_REQUIRED: 'CORRECTION_RESPONSE_REQUIRED',
  MEDICAL_DOCUMENT_NOT_ALLOWED: 'MEDICAL_DOCUMENT_NOT_ALLOWED',
  // Persons, employments, P&O dossier, reports, partner API (issue 11).
  REQUIRED_FIELD_MISSING: 'REQUIRED_FIELD_MISSING',
  INVALID_BSN: 'INVALID_BSN',
  INVALID_POSTAL_CODE: 'INVALID_POSTAL_CODE',
  INVALID_DATE: 'INVALID_DATE',
  DATE_OF_BIRTH_IMPLAUSIBLE: 'DATE_OF_BIRTH_IMPLAUSIBLE',
  END_BEFORE_START: 'END_BEFORE_START',
  INVALID_HOURS: 'INVALID_HOURS',
  INVALID_WORK_PATTERN: 'INVALID_WORK_PATTERN',
  EMPLOYER_NOT_FOUND: 'EMPLOYER_NOT_FOUND',
  DIVISION_NOT_FOUND: 'DIVISION_NOT_FOUND',
  DEPARTMENT_NOT_FOUND: 'DEPARTMENT_NOT_FOUND',
  DUPLICATE_PERSON: 'DUPLICATE_PERSON',
  BSN_IN_USE: 'BSN_IN_USE',
  EMPLOYMENT_NOT_FOUND: 'EMPLOYMENT_NOT_FOUND',
  EMPLOYMENT_OVERLAP: 'EMPLOYMENT_OVERLAP',
  EMPLOYMENT_IN_USE: 'EMPLOYMENT_IN_USE',
  EMPLOYMENT_ALREADY_ENDED: 'EMPLOYMENT_ALREADY_ENDED',
  LAST_EMPLOYMENT: 'LAST_EMPLOYMENT',
  HR_NOTE_NOT_FOUND: 'HR_NOTE_NOT_FOUND',
  REPORT_TEMPLATE_UNKNOWN: 'REPORT_TEMPLATE_UNKNOWN',
  NO_SICK_CASE: 'NO_SICK_CASE',
  ACTIVITY_ID_INVALID: 'ACTIVITY_ID_INVALID',
  EMPLOYEE_NUMBER_REQUIRED: 'EMPLOYEE_NUMBER_REQUIRED',
  PARTNER_EMPLOYER_AMBIGUOUS: 'PARTNER_EMPLOYER_AMBIGUOUS',
} as const;

export type DossierErrorCode = (typeof DossierErrorCode)[keyof typeof DossierErrorCode];

/**
 * A sick report may be entered ahead of time (a planned operation), but not further than two
 * weeks: beyond that it is a plan, not a report, and the protocol deadlines would start to run on
 * a guess. The same window applies to announced changes of the absence percentage.
 */
export const MAX_DAYS_AHEAD = 14;

/** Limits of the free-text details of a sick report (the database enforces the same). */
export const SICK_REPORT_TEXT_LIMITS = {
  whereabouts: 500,
  contactPhone: 30,
  questionForProfessional: 2000,
  remarks: 2000,
} as const;

/** Digits with the usual separators and an optional leading + (international format). */
const PHONE = /^\+?[0-9(][0-9 ()\-.]*$/;

/** Trims free text; blank becomes null. Refuses text over `max` characters (as a user counts them). */
export function cleanText(field: keyof typeof SICK_REPORT_TEXT_LIMITS, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const max = SICK_REPORT_TEXT_LIMITS[field];
  if ([...trimmed].length > max) {
    throw dossierError(DossierErrorCode.TEXT_TOO_LONG, `${field} may be at most ${max} characters long.`, { field, max });
  }
  if (field === 'contactPhone') {
    const digits = trimmed.replace(/\D/g, '').length;
    if (!PHONE.test(trimmed) || digits < 6 || digits > 15) {
      throw dossierError(DossierErrorCode.INVALID_PHONE, 'The phone number may contain digits, spaces, dashes, brackets and a leading +.', {
        field,
      });
    }
  }
  return trimmed;
}

export const PAGE_DEFAULT_LIMIT = 50;
export const PAGE_MAX_LIMIT = 200;
export const SEARCH_MAX_LENGTH = 100;

/** OAuth scopes a partner API client needs; signed-in users are governed by their role. */
export const ApiScope = {
  ORGANISATION_READ: 'organisation:read',
  PERSONS_READ: 'persons:read',
  SICK_CASES_READ: 'sickcases:read',
  SICK_CASES_WRITE: 'sickcases:write',
  /** Create and update persons and their employments (the HR coupling). */
  PERSONS_WRITE: 'persons:write',
  /** Non-medical documents and notes, as an employer sees them. */
  DOCUMENTS_READ: 'documents:read',
} as const;

export function dossierError(code: DossierErrorCode, message: string, details?: Record<string, unknown>) {
  return domainError(code, message, details);
}

export const personNotFound = (id: string) =>
  dossierError(DossierErrorCode.PERSON_NOT_FOUND, `Person ${id} does not exist or is not visible to you.`, { id });
export const sickCaseNotFound = (id: string) =>
  dossierError(DossierErrorCode.SICK_CASE_NOT_FOUND, `Sick case ${id} does not exist or is not visible to you.`, { id });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot exist, and must not reach Postgres as a cast error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
