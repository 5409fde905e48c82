import { isCalendarDate } from '../domain/dates.js';

/**
 * Event payloads as dossier publishes them. Checked on arrival: a malformed event fails loudly (and
 * lands in pg-boss's failed jobs) instead of writing half a trajectory.
 */
export interface SickCaseReportedEvent {
  sickCaseId: string;
  personId: string;
  employerId: string;
  divisionId: string | null;
  departmentId: string | null;
  firstSickDay: string;
  termStartDay: string;
  termGapDays: number;
  /**
   * Set when a running case is imported from a previous system (a client moving to Poortwachter,
   * or the demo data): trajectory steps whose deadline lies before this date were handled there.
   */
  handledBefore?: string;
}

export interface SickCaseRecoveredEvent {
  sickCaseId: string;
  personId: string;
  recoveredOn: string;
}

export interface SickCaseChangedEvent {
  sickCaseId: string;
  employerId?: string;
  divisionId?: string | null;
  departmentId?: string | null;
}

export interface PersonChangedEvent {
  personId: string;
  employerId: string | null;
  divisionId: string | null;
  departmentId: string | null;
  active: boolean;
}

export class InvalidEventError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Raw = Record<string, unknown>;

function record(event: string, payload: unknown): Raw {
  if (typeof payload !== 'object' || payload === null)
    throw new InvalidEventError(`${event}: payload is not an object`);
  return payload as Raw;
}

function uuid(event: string, raw: Raw, field: string): string {
  const value = raw[field];
  if (typeof value !== 'string' || !UUID.test(value))
    throw new InvalidEventError(`${event}: ${field} must be a UUID`);
  return value.toLowerCase();
}

function optionalUuid(event: string, raw: Raw, field: string): string | null {
  return raw[field] === undefined || raw[field] === null ? null : uuid(event, raw, field);
}

function date(event: string, raw: Raw, field: string): string {
  const value = raw[field];
  if (!isCalendarDate(value)) throw new InvalidEventError(`${event}: ${field} must be a date (YYYY-MM-DD)`);
  return value;
}

export function parseSickCaseReported(payload: unknown): SickCaseReportedEvent {
  const event = 'sick-case.reported';
  const raw = record(event, payload);
  const firstSickDay = date(event, raw, 'firstSickDay');
  // A report without term facts starts its own term.
  const termStartDay =
    raw.termStartDay === undefined || raw.termStartDay === null
      ? firstSickDay
      : date(event, raw, 'termStartDay');
  const termGapDays = raw.termGapDays === undefined || raw.termGapDays === null ? 0 : raw.termGapDays;
  if (typeof termGapDays !== 'number' || !Number.isInteger(termGapDays) || termGapDays < 0) {
    throw new InvalidEventError(`${event}: termGapDays must be a non-negative integer`);
  }
  if (termStartDay > firstSickDay)
    throw new InvalidEventError(`${event}: termStartDay lies after firstSickDay`);
  return {
    sickCaseId: uuid(event, raw, 'sickCaseId'),
    personId: uuid(event, raw, 'personId'),
    employerId: uuid(event, raw, 'employerId'),
    divisionId: optionalUuid(event, raw, 'divisionId'),
    departmentId: optionalUuid(event, raw, 'departmentId'),
    firstSickDay,
    termStartDay,
    termGapDays,
    ...(raw.handledBefore === undefined || raw.handledBefore === null ? {} : { handledBefore: date(event, raw, 'handledBefore') }),
  };
}

export function parseSickCaseRecovered(payload: unknown): SickCaseRecoveredEvent {
  const event = 'sick-case.recovered';
  const raw = record(event, payload);
  return {
    sickCaseId: uuid(event, raw, 'sickCaseId'),
    personId: uuid(event, raw, 'personId'),
    recoveredOn: date(event, raw, 'recoveredOn'),
  };
}

/** Only the placement matters here; the absence course is reporting's business. */
export function parseSickCaseChanged(payload: unknown): SickCaseChangedEvent {
  const event = 'sick-case.changed';
  const raw = record(event, payload);
  const parsed: SickCaseChangedEvent = { sickCaseId: uuid(event, raw, 'sickCaseId') };
  if (raw.employerId !== undefined && raw.employerId !== null) {
    parsed.employerId = uuid(event, raw, 'employerId');
    parsed.divisionId = optionalUuid(event, raw, 'divisionId');
    parsed.departmentId = optionalUuid(event, raw, 'departmentId');
  }
  return parsed;
}

export function parsePersonChanged(payload: unknown): PersonChangedEvent {
  const event = 'person.changed';
  const raw = record(event, payload);
  if (raw.active !== undefined && typeof raw.active !== 'boolean')
    throw new InvalidEventError(`${event}: active must be a boolean`);
  return {
    personId: uuid(event, raw, 'personId'),
    employerId: optionalUuid(event, raw, 'employerId'),
    divisionId: optionalUuid(event, raw, 'divisionId'),
    departmentId: optionalUuid(event, raw, 'departmentId'),
    active: raw.active !== false,
  };
}
