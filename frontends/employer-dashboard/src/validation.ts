import { daysBetween, errorCode, nl } from '@poortwachter/ui';
import type { AddActivityInput, HandleActivityInput, ReportRecoveryInput, ReportSicknessInput } from './graphql';

/** A message key of the `employerDashboard` namespace, with its interpolation values. */
export interface FieldError {
  key: `validation.${keyof typeof nl.employerDashboard.validation}`;
  values?: Record<string, number>;
}
export type FieldErrors<F extends string> = Partial<Record<F, FieldError>>;

/** Free text is limited like the API does (2000 characters), counted as a user counts them. */
export const MAX_TEXT = 2000;
/** Where the employee stays: the API allows 500 characters. */
const MAX_WHEREABOUTS = 500;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A whole number within [min, max] typed as text, or null. */
export function parseWholeNumber(value: string, min: number, max: number): number | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

const tooLong = (value: string, max = MAX_TEXT): FieldError | undefined =>
  [...value.trim()].length > max ? { key: 'validation.tooLong', values: { max } } : undefined;

function compact<F extends string>(errors: FieldErrors<F>): FieldErrors<F> {
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined)) as FieldErrors<F>;
}

const optionalText = (value: string): string | undefined => value.trim() || undefined;

// ---------------------------------------------------------------------------------------------
// Sick report ("Melding" and "Opmerking")

export interface SickReportValues {
  firstSickDay: string;
  absencePercentage: string;
  expectedRecoveryDate: string;
  safetyNet: boolean;
  workAccident: boolean;
  thirdPartyLiable: boolean;
  whereabouts: string;
  contactPhone: string;
  questionForProfessional: string;
  remarks: string;
}
export type SickReportField = keyof SickReportValues;

export const emptySickReport = (firstSickDay: string): SickReportValues => ({
  firstSickDay,
  absencePercentage: '100',
  expectedRecoveryDate: '',
  safetyNet: false,
  workAccident: false,
  thirdPartyLiable: false,
  whereabouts: '',
  contactPhone: '',
  questionForProfessional: '',
  remarks: '',
});

// As the API checks it (INVALID_PHONE): digits, spaces, dashes, brackets, a leading +; at most 30.
const PHONE = /^\+?[\d\s()-]{6,29}$/;

/**
 * Checks what the browser can check. Rules that need the dossier (employment start, overlapping
 * cases, how far ahead) are the API's: their codes come back as messages from `errorMessageKey`.
 */
export function validateSickReport(values: SickReportValues): FieldErrors<SickReportField> {
  const first = values.firstSickDay.trim();
  const expected = values.expectedRecoveryDate.trim();
  return compact<SickReportField>({
    firstSickDay: !first
      ? { key: 'validation.firstSickDayRequired' }
      : !isValidDate(first)
        ? { key: 'validation.dateInvalid' }
        : undefined,
    absencePercentage: parseWholeNumber(values.absencePercentage, 1, 100) === null ? { key: 'validation.percentageRange' } : undefined,
    expectedRecoveryDate: !expected
      ? undefined
      : !isValidDate(expected)
        ? { key: 'validation.dateInvalid' }
        : isValidDate(first) && expected < first
          ? { key: 'validation.expectedBeforeFirst' }
          : undefined,
    whereabouts: tooLong(values.whereabouts, MAX_WHEREABOUTS),
    contactPhone: values.contactPhone.trim() && !PHONE.test(values.contactPhone.trim()) ? { key: 'validation.phoneInvalid' } : undefined,
    questionForProfessional: tooLong(values.questionForProfessional),
    remarks: tooLong(values.remarks),
  });
}

/** The mutation input of valid values; empty optional fields are left out. */
export function sickReportInput(personId: string, values: SickReportValues): ReportSicknessInput {
  const input: ReportSicknessInput = {
    personId,
    firstSickDay: values.firstSickDay.trim(),
    absencePercentage: Number(values.absencePercentage.trim()),
    safetyNet: values.safetyNet,
    workAccident: values.workAccident,
    thirdPartyLiable: values.thirdPartyLiable,
  };
  const optional = {
    expectedRecoveryDate: optionalText(values.expectedRecoveryDate),
    whereabouts: optionalText(values.whereabouts),
    contactPhone: optionalText(values.contactPhone),
    questionForProfessional: optionalText(values.questionForProfessional),
    remarks: optionalText(values.remarks),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (input as unknown as Record<string, unknown>)[key] = value;
  return input;
}

// ---------------------------------------------------------------------------------------------
// Return to work ("Werkhervatting")

export interface RecoveryValues {
  kind: 'PARTIAL' | 'FULL';
  recoveredOn: string;
  absencePercentage: string;
}
export type RecoveryField = keyof RecoveryValues;

export function validateRecovery(values: RecoveryValues, firstSickDay: string): FieldErrors<RecoveryField> {
  const date = values.recoveredOn.trim();
  return compact<RecoveryField>({
    recoveredOn: !date
      ? { key: 'validation.dateRequired' }
      : !isValidDate(date)
        ? { key: 'validation.dateInvalid' }
        : date < firstSickDay
          ? { key: 'validation.recoveryBeforeFirst' }
          : undefined,
    absencePercentage:
      values.kind === 'PARTIAL' && parseWholeNumber(values.absencePercentage, 1, 99) === null
        ? { key: 'validation.partialPercentageRange' }
        : undefined,
  });
}

export function recoveryInput(sickCaseId: string, values: RecoveryValues): ReportRecoveryInput {
  return values.kind === 'PARTIAL'
    ? { sickCaseId, recoveredOn: values.recoveredOn.trim(), absencePercentage: Number(values.absencePercentage.trim()) }
    : { sickCaseId, recoveredOn: values.recoveredOn.trim(), absencePercentage: 0 };
}

// ---------------------------------------------------------------------------------------------
// Handling an activity

export interface HandleValues {
  status: 'HANDLED' | 'CANCELLED' | '';
  conclusion: string;
  remarks: string;
  withFollowUp: boolean;
  followUpType: string;
  followUpDeadline: string;
  followUpRemarks: string;
}
export type HandleField = keyof HandleValues;

export const emptyHandle: HandleValues = {
  status: 'HANDLED',
  conclusion: '',
  remarks: '',
  withFollowUp: false,
  followUpType: '',
  followUpDeadline: '',
  followUpRemarks: '',
};

/** A deadline from today up to the API's limit (INVALID_DEADLINE beyond). */
export const MAX_DEADLINE_DAYS_AHEAD = 800;

function deadlineError(value: string, today: string): FieldError | undefined {
  const deadline = value.trim();
  if (!deadline) return { key: 'validation.deadlineRequired' };
  if (!isValidDate(deadline)) return { key: 'validation.dateInvalid' };
  if (deadline < today) return { key: 'validation.deadlineInPast' };
  return daysBetween(today, deadline) > MAX_DEADLINE_DAYS_AHEAD ? { key: 'validation.deadlineTooFar', values: { days: MAX_DEADLINE_DAYS_AHEAD } } : undefined;
}

export function validateHandle(values: HandleValues, today: string): FieldErrors<HandleField> {
  const deadline = values.followUpDeadline.trim();
  return compact<HandleField>({
    status: values.status ? undefined : { key: 'validation.statusRequired' },
    conclusion: tooLong(values.conclusion),
    remarks: tooLong(values.remarks),
    followUpType: values.withFollowUp && !values.followUpType ? { key: 'validation.followUpTypeRequired' } : undefined,
    followUpDeadline: !values.withFollowUp ? undefined : !deadline ? { key: 'validation.followUpDeadlineRequired' } : deadlineError(deadline, today),
    followUpRemarks: values.withFollowUp ? tooLong(values.followUpRemarks) : undefined,
  });
}

export function handleInput(activityId: string, values: HandleValues): HandleActivityInput {
  const input: HandleActivityInput = { activityId, status: values.status === 'CANCELLED' ? 'CANCELLED' : 'HANDLED' };
  const conclusion = optionalText(values.conclusion);
  const remarks = optionalText(values.remarks);
  if (conclusion) input.conclusion = conclusion;
  if (remarks) input.remarks = remarks;
  if (values.withFollowUp) {
    const followUpRemarks = optionalText(values.followUpRemarks);
    input.followUp = {
      activityTypeCode: values.followUpType,
      deadline: values.followUpDeadline.trim(),
      ...(followUpRemarks ? { remarks: followUpRemarks } : {}),
    };
  }
  return input;
}

// ---------------------------------------------------------------------------------------------
// Adding an activity ("Toevoegen van activiteiten")

export interface AddActivityValues {
  activityTypeCode: string;
  deadline: string;
  remarks: string;
}
export type AddActivityField = keyof AddActivityValues;

export function validateAddActivity(values: AddActivityValues, today: string): FieldErrors<AddActivityField> {
  return compact<AddActivityField>({
    activityTypeCode: values.activityTypeCode ? undefined : { key: 'validation.activityTypeRequired' },
    deadline: deadlineError(values.deadline, today),
    remarks: tooLong(values.remarks),
  });
}

export function addActivityInput(personId: string, sickCaseId: string | null, values: AddActivityValues): AddActivityInput {
  const remarks = optionalText(values.remarks);
  return {
    personId,
    ...(sickCaseId ? { sickCaseId } : {}),
    activityTypeCode: values.activityTypeCode,
    deadline: values.deadline.trim(),
    ...(remarks ? { remarks } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Errors of the API

const KNOWN_CODES = new Set(Object.keys(nl.employerDashboard.errors));

/**
 * The message key for a failed mutation: the stable `extensions.code` when the catalog knows it,
 * else a network or generic message. Never the server's English text: it is for developers.
 */
export function errorMessageKey(error: unknown): `errors.${keyof typeof nl.employerDashboard.errors}` {
  const code = errorCode(error);
  if (code && KNOWN_CODES.has(code)) return `errors.${code as keyof typeof nl.employerDashboard.errors}`;
  if (code === 'GRAPHQL_VALIDATION_FAILED') return 'errors.BAD_USER_INPUT';
  if (error && typeof error === 'object' && !code) {
    const name = (error as { name?: unknown }).name;
    const message = String((error as { message?: unknown }).message ?? '');
    if (name === 'TypeError' || /fetch|network|load failed/i.test(message)) return 'errors.network';
  }
  return 'errors.unknown';
}
