import { compact, parseWholeNumber, type FieldError, type FieldErrors } from '../../shared/validation';
import type { ActivityKind, ActivityRole } from '../action-list/operations';
import type { ProtocolRowValues, UpdateProtocolRowInput } from './operations';

/** The API's limits (INVALID_PROTOCOL_DAY, TEXT_TOO_LONG). */
export const MAX_PROTOCOL_DAY = 800;
export const MAX_PROTOCOL_TITLE = 120;

export interface ProtocolRowForm {
  title: string;
  role: ActivityRole;
  kind: ActivityKind;
  signalDay: string;
  deadlineDay: string;
}
export type ProtocolRowField = keyof ProtocolRowForm;

export const formOf = (row: ProtocolRowValues): ProtocolRowForm => ({
  title: row.title,
  role: row.role,
  kind: row.kind,
  signalDay: String(row.signalDay),
  deadlineDay: String(row.deadlineDay),
});

const dayError = (value: string): FieldError | undefined =>
  parseWholeNumber(value, 0, MAX_PROTOCOL_DAY) === null
    ? { key: 'validation.protocolDayRange', values: { max: MAX_PROTOCOL_DAY } }
    : undefined;

export function validateProtocolRow(form: ProtocolRowForm): FieldErrors<ProtocolRowField> {
  const title = form.title.trim();
  const signal = parseWholeNumber(form.signalDay, 0, MAX_PROTOCOL_DAY);
  const deadline = parseWholeNumber(form.deadlineDay, 0, MAX_PROTOCOL_DAY);
  return compact<ProtocolRowField>({
    title: !title
      ? { key: 'validation.protocolTitleRequired' }
      : [...title].length > MAX_PROTOCOL_TITLE
        ? { key: 'validation.tooLong', values: { max: MAX_PROTOCOL_TITLE } }
        : undefined,
    signalDay: dayError(form.signalDay),
    deadlineDay:
      dayError(form.deadlineDay) ??
      (signal !== null && deadline !== null && deadline < signal
        ? { key: 'validation.deadlineBeforeSignal' }
        : undefined),
  });
}

/** Only the values that differ from the row as shown, so an unchanged field never overwrites a concurrent change. */
export function protocolRowInput(
  row: ProtocolRowValues & { code: string },
  form: ProtocolRowForm,
  context: { employerId: string | null; version: number },
): UpdateProtocolRowInput {
  const input: UpdateProtocolRowInput = { code: row.code, expectedVersion: context.version };
  if (context.employerId) input.employerId = context.employerId;
  const title = form.title.trim();
  if (title !== row.title) input.title = title;
  if (form.role !== row.role) input.role = form.role;
  if (form.kind !== row.kind) input.kind = form.kind;
  const signalDay = Number(form.signalDay.trim());
  const deadlineDay = Number(form.deadlineDay.trim());
  if (signalDay !== row.signalDay) input.signalDay = signalDay;
  if (deadlineDay !== row.deadlineDay) input.deadlineDay = deadlineDay;
  return input;
}

/** Whether the input changes anything at all (else no new version is worth making). */
export const changesSomething = (input: UpdateProtocolRowInput): boolean =>
  (['title', 'role', 'kind', 'signalDay', 'deadlineDay'] as const).some(
    (field) => input[field] !== undefined,
  );
