import {
  InvalidEventError,
  eventDate,
  eventOptionalUuid,
  eventRecord,
  eventUuid,
  isAbsent,
  type RawEvent,
} from '@poortwachter/kit';
import type { LogEntry, LoggedEvent } from './projection.js';

/*
 * Dossier's events, checked on arrival so that a malformed event fails loudly instead of landing
 * in the log. The read model keeps the payload as it came (ids, dates, percentages, flags; never
 * medical content) and derives its tables from it in SQL.
 */

export { InvalidEventError };

function timestamp(event: string, raw: RawEvent, field: string): Date {
  const value = new Date(String(raw[field]));
  if (isAbsent(raw[field]) || Number.isNaN(value.getTime()))
    throw new InvalidEventError(`${event}: ${field} must be an ISO timestamp`);
  return value;
}

function percentage(event: string, raw: RawEvent, field: string): number {
  const value = raw[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    throw new InvalidEventError(`${event}: ${field} must be a whole percentage 0–100`);
  }
  return value;
}

const OCCURRED_AT: Record<string, string> = {
  'sick-case.reported': 'reportedAt',
  'sick-case.changed': 'changedAt',
  'sick-case.recovered': 'recoveredAt',
};

/** A sick-case event: the whole state of the case, ordered by when dossier stated it. */
export function parseSickCaseEvent(event: 'sick-case.reported' | 'sick-case.changed' | 'sick-case.recovered', payload: unknown): LogEntry {
  const raw = eventRecord(event, payload);
  const sickCaseId = eventUuid(event, raw, 'sickCaseId');
  const personId = eventUuid(event, raw, 'personId');
  eventUuid(event, raw, 'employerId');
  eventOptionalUuid(event, raw, 'divisionId');
  eventOptionalUuid(event, raw, 'departmentId');
  eventOptionalUuid(event, raw, 'employmentId');
  const firstSickDay = eventDate(event, raw, 'firstSickDay');
  if (!isAbsent(raw.recoveredOn)) {
    const recoveredOn = eventDate(event, raw, 'recoveredOn');
    if (recoveredOn < firstSickDay) throw new InvalidEventError(`${event}: recoveredOn before firstSickDay`);
  }
  if (!isAbsent(raw.absencePercentage)) percentage(event, raw, 'absencePercentage');
  const course = isAbsent(raw.absenceCourse) ? [] : raw.absenceCourse;
  if (!Array.isArray(course)) throw new InvalidEventError(`${event}: absenceCourse must be a list`);
  for (const point of course) {
    const record = eventRecord(`${event} absenceCourse`, point);
    eventDate(event, record, 'from');
    percentage(event, record, 'absencePercentage');
  }
  // The field that dates the event; a replay of an event published without it keeps its order by arrival.
  const field = OCCURRED_AT[event]!;
  const occurredAt = isAbsent(raw[field]) ? timestamp(event, raw, 'reportedAt') : timestamp(event, raw, field);
  return { event, subjectId: sickCaseId, personId, occurredAt, payload: raw };
}

export function parseEmploymentChanged(payload: unknown): LogEntry {
  const event = 'employment.changed';
  const raw = eventRecord(event, payload);
  const employmentId = eventUuid(event, raw, 'employmentId');
  const personId = eventUuid(event, raw, 'personId');
  eventUuid(event, raw, 'employerId');
  eventOptionalUuid(event, raw, 'divisionId');
  eventOptionalUuid(event, raw, 'departmentId');
  const startDate = eventDate(event, raw, 'startDate');
  if (!isAbsent(raw.endDate) && eventDate(event, raw, 'endDate') < startDate)
    throw new InvalidEventError(`${event}: endDate before startDate`);
  const factor = raw.partTimeFactor;
  if (typeof factor !== 'number' || !(factor > 0 && factor <= 1))
    throw new InvalidEventError(`${event}: partTimeFactor must be a number in (0, 1]`);
  return { event, subjectId: employmentId, personId, occurredAt: timestamp(event, raw, 'changedAt'), payload: raw };
}

/** Only the placement (units) of the person matters to reporting. */
export function parsePersonChanged(payload: unknown): LogEntry {
  const event = 'person.changed';
  const raw = eventRecord(event, payload);
  const personId = eventUuid(event, raw, 'personId');
  if (!isAbsent(raw.employerId)) eventUuid(event, raw, 'employerId');
  eventOptionalUuid(event, raw, 'divisionId');
  eventOptionalUuid(event, raw, 'departmentId');
  const units = { employerId: raw.employerId ?? null, divisionId: raw.divisionId ?? null, departmentId: raw.departmentId ?? null };
  return { event, subjectId: personId, personId, occurredAt: timestamp(event, raw, 'changedAt'), payload: units };
}

export type { LoggedEvent };
