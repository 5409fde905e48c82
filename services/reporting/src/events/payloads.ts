import {
  InvalidEventError,
  eventDate,
  eventOptionalUuid,
  eventRecord,
  eventUuid,
  isAbsent,
  type RawEvent,
} from '@poortwachter/kit';

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

export { InvalidEventError };


function percentage(event: string, raw: RawEvent, field: string): number {
  const value = raw[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    throw new InvalidEventError(`${event}: ${field} must be a whole percentage 0–100`);
  }
  return value;
}

function timestamp(event: string, raw: RawEvent, ...fields: string[]): Date | null {
  for (const field of fields) {
    if (isAbsent(raw[field])) continue;
    const value = new Date(String(raw[field]));
    if (Number.isNaN(value.getTime()))
      throw new InvalidEventError(`${event}: ${field} must be an ISO timestamp`);
    return value;
  }
  return null;
}

function units(event: string, raw: RawEvent): UnitFacts | null {
  if (isAbsent(raw.employerId)) return null;
  return {
    employerId: eventUuid(event, raw, 'employerId'),
    divisionId: eventOptionalUuid(event, raw, 'divisionId'),
    departmentId: eventOptionalUuid(event, raw, 'departmentId'),
  };
}

export function parseSickCaseReported(payload: unknown): SickCaseReportedEvent {
  const event = 'sick-case.reported';
  const raw = eventRecord(event, payload);
  return {
    sickCaseId: eventUuid(event, raw, 'sickCaseId'),
    personId: eventUuid(event, raw, 'personId'),
    employerId: eventUuid(event, raw, 'employerId'),
    divisionId: eventOptionalUuid(event, raw, 'divisionId'),
    departmentId: eventOptionalUuid(event, raw, 'departmentId'),
    firstSickDay: eventDate(event, raw, 'firstSickDay'),
    absencePercentage: isAbsent(raw.absencePercentage) ? 100 : percentage(event, raw, 'absencePercentage'),
    asOf: timestamp(event, raw, 'reportedAt'),
  };
}

/** A change of the absence course; every field but the id is optional. */
export function parseSickCaseChanged(payload: unknown): SickCaseChangedEvent {
  const event = 'sick-case.changed';
  const raw = eventRecord(event, payload);
  return {
    sickCaseId: eventUuid(event, raw, 'sickCaseId'),
    personId: eventOptionalUuid(event, raw, 'personId'),
    units: units(event, raw),
    firstSickDay: isAbsent(raw.firstSickDay) ? null : eventDate(event, raw, 'firstSickDay'),
    absencePercentage: isAbsent(raw.absencePercentage) ? null : percentage(event, raw, 'absencePercentage'),
    asOf: timestamp(event, raw, 'changedAt', 'occurredAt'),
  };
}

export function parseSickCaseRecovered(payload: unknown): SickCaseRecoveredEvent {
  const event = 'sick-case.recovered';
  const raw = eventRecord(event, payload);
  return {
    sickCaseId: eventUuid(event, raw, 'sickCaseId'),
    personId: eventOptionalUuid(event, raw, 'personId'),
    recoveredOn: eventDate(event, raw, 'recoveredOn'),
  };
}

export function parsePersonChanged(payload: unknown): PersonChangedEvent {
  const event = 'person.changed';
  const raw = eventRecord(event, payload);
  return { personId: eventUuid(event, raw, 'personId'), units: units(event, raw) };
}
