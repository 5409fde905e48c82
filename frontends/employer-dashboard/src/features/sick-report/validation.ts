import {
  type FieldErrors,
  isValidDate,
  parseWholeNumber,
  tooLong,
  compact,
  optionalText,
} from '../../shared/validation';
import type { ReportRecoveryInput, ReportSicknessInput } from './operations';

/** Where the employee stays: the API allows 500 characters. */
const MAX_WHEREABOUTS = 500;

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
    absencePercentage:
      parseWholeNumber(values.absencePercentage, 1, 100) === null
        ? { key: 'validation.percentageRange' }
        : undefined,
    expectedRecoveryDate: !expected
      ? undefined
      : !isValidDate(expected)
        ? { key: 'validation.dateInvalid' }
        : isValidDate(first) && expected < first
          ? { key: 'validation.expectedBeforeFirst' }
          : undefined,
    whereabouts: tooLong(values.whereabouts, MAX_WHEREABOUTS),
    contactPhone:
      values.contactPhone.trim() && !PHONE.test(values.contactPhone.trim())
        ? { key: 'validation.phoneInvalid' }
        : undefined,
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
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (input as unknown as Record<string, unknown>)[key] = value;
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
    ? {
        sickCaseId,
        recoveredOn: values.recoveredOn.trim(),
        absencePercentage: Number(values.absencePercentage.trim()),
      }
    : { sickCaseId, recoveredOn: values.recoveredOn.trim(), absencePercentage: 0 };
}
