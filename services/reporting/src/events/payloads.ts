import { isCalendarDate } from '../domain/dates.js';

/** Payloads of dossier's events, checked on arrival so a malformed event fails loudly. */
export interface UnitFacts {
  employerId: string;
  divisionId: string | null;
  departmentId: string | null;
}

export interface SickCaseReportedEvent extends UnitFacts {
  sickCaseId: string;
  personId: string;
  firstSickDay: string;
  absencePercentage: number;
  /** When the report was made: orders it against later changes of the percentage. */
  asOf: Date | null;
}

export interface SickCaseChangedEvent {
  sickCaseId: string;
  personId: string | null;
  units: UnitFacts | null;
  firstSickDay: string | null;
  absencePercentage: number | null;
  asOf: Date | null;
}

export interface SickCaseRecoveredEvent {
  sickCaseId: string;
  personId: string | null;
  recoveredOn: string;
}

export interface PersonChangedEvent {
  personId: string;
  units: UnitFacts | null;
}

export class InvalidEventError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Raw = Record<string, unknown>;

const absent = (value: unknown) => value === undefined || value === null;

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
  return absent(raw[field]) ? null : uuid(event, raw, field);
}

function date(event: string, raw: Raw, field: string): string {
  const value = raw[field];
  if (!isCalendarDate(value)) throw new InvalidEventError(`${event}: ${field} must be a date (YYYY-MM-DD)`);
  return value;
}

function percentage(event: string, raw: Raw, field: string): number {
  const value = raw[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    throw new InvalidEventError(`${event}: ${field} must be a whole percentage 0–100`);
  }
  return value;
}

function timestamp(event: string, raw: Raw, ...fields: string[]): Date | null {
  for (const field of fields) {
    if (absent(raw[field])) continue;
    const value = new Date(String(raw[field]));
    if (Number.isNaN(value.getTime()))
      throw new InvalidEventError(`${event}: ${field} must be an ISO timestamp`);
    return value;
  }
  return null;
}

function units(event: string, raw: Raw): UnitFacts | null {
  if (absent(raw.employerId)) return null;
  return {
    employerId: uuid(event, raw, 'employerId'),
    divisionId: optionalUuid(event, raw, 'divisionId'),
    departmentId: optionalUuid(event, raw, 'departmentId'),
  };
}

export function parseSickCaseReported(payload: unknown): SickCaseReportedEvent {
  const event = 'sick-case.reported';
  const raw = record(event, payload);
  return {
    sickCaseId: uuid(event, raw, 'sickCaseId'),
    personId: uuid(event, raw, 'personId'),
    employerId: uuid(event, raw, 'employerId'),
    divisionId: optionalUuid(event, raw, 'divisionId'),
    departmentId: optionalUuid(event, raw, 'departmentId'),
    firstSickDay: date(event, raw, 'firstSickDay'),
    absencePercentage: absent(raw.absencePercentage) ? 100 : percentage(event, raw, 'absencePercentage'),
    asOf: timestamp(event, raw, 'reportedAt'),
  };
}

/** A change of the absence course; every field but the id is optional. */
export function parseSickCaseChanged(payload: unknown): SickCaseChangedEvent {
  const event = 'sick-case.changed';
  const raw = record(event, payload);
  return {
    sickCaseId: uuid(event, raw, 'sickCaseId'),
    personId: optionalUuid(event, raw, 'personId'),
    units: units(event, raw),
    firstSickDay: absent(raw.firstSickDay) ? null : date(event, raw, 'firstSickDay'),
    absencePercentage: absent(raw.absencePercentage) ? null : percentage(event, raw, 'absencePercentage'),
    asOf: timestamp(event, raw, 'changedAt', 'occurredAt'),
  };
}

export function parseSickCaseRecovered(payload: unknown): SickCaseRecoveredEvent {
  const event = 'sick-case.recovered';
  const raw = record(event, payload);
  return {
    sickCaseId: uuid(event, raw, 'sickCaseId'),
    personId: optionalUuid(event, raw, 'personId'),
    recoveredOn: date(event, raw, 'recoveredOn'),
  };
}

export function parsePersonChanged(payload: unknown): PersonChangedEvent {
  const event = 'person.changed';
  const raw = record(event, payload);
  return { personId: uuid(event, raw, 'personId'), units: units(event, raw) };
}
