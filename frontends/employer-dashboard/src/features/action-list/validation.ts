import { daysBetween } from '@poortwachter/ui';
import {
  type FieldError,
  type FieldErrors,
  isValidDate,
  tooLong,
  compact,
  optionalText,
} from '../../shared/validation';
import type { AddActivityInput, HandleActivityInput } from './operations';

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
  return daysBetween(today, deadline) > MAX_DEADLINE_DAYS_AHEAD
    ? { key: 'validation.deadlineTooFar', values: { days: MAX_DEADLINE_DAYS_AHEAD } }
    : undefined;
}

export function validateHandle(values: HandleValues, today: string): FieldErrors<HandleField> {
  const deadline = values.followUpDeadline.trim();
  return compact<HandleField>({
    status: values.status ? undefined : { key: 'validation.statusRequired' },
    conclusion: tooLong(values.conclusion),
    remarks: tooLong(values.remarks),
    followUpType:
      values.withFollowUp && !values.followUpType ? { key: 'validation.followUpTypeRequired' } : undefined,
    followUpDeadline: !values.withFollowUp
      ? undefined
      : !deadline
        ? { key: 'validation.followUpDeadlineRequired' }
        : deadlineError(deadline, today),
    followUpRemarks: values.withFollowUp ? tooLong(values.followUpRemarks) : undefined,
  });
}

export function handleInput(activityId: string, values: HandleValues): HandleActivityInput {
  const input: HandleActivityInput = {
    activityId,
    status: values.status === 'CANCELLED' ? 'CANCELLED' : 'HANDLED',
  };
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

export function addActivityInput(
  personId: string,
  sickCaseId: string | null,
  values: AddActivityValues,
): AddActivityInput {
  const remarks = optionalText(values.remarks);
  return {
    personId,
    ...(sickCaseId ? { sickCaseId } : {}),
    activityTypeCode: values.activityTypeCode,
    deadline: values.deadline.trim(),
    ...(remarks ? { remarks } : {}),
  };
}
