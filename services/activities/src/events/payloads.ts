import {
  InvalidEventError,
  eventDate,
  eventOptionalUuid,
  eventRecord,
  eventUuid,
} from '@poortwachter/kit';

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

export { InvalidEventError };


export function parseSickCaseReported(payload: unknown): SickCaseReportedEvent {
  const event = 'sick-case.reported';
  const raw = eventRecord(event, payload);
  const firstSickDay = eventDate(event, raw, 'firstSickDay');
  // A report without term facts starts its own term.
  const termStartDay =
    raw.termStartDay === undefined || raw.termStartDay === null
      ? firstSickDay
      : eventDate(event, raw, 'termStartDay');
  const termGapDays = raw.termGapDays === undefined || raw.termGapDays === null ? 0 : raw.termGapDays;
  if (typeof termGapDays !== 'number' || !Number.isInteger(termGapDays) || termGapDays < 0) {
    throw new InvalidEventError(`${event}: termGapDays must be a non-negative integer`);
  }
  if (termStartDay > firstSickDay)
    throw new InvalidEventError(`${event}: termStartDay lies after firstSickDay`);
  return {
    sickCaseId: eventUuid(event, raw, 'sickCaseId'),
    personId: eventUuid(event, raw, 'personId'),
    employerId: eventUuid(event, raw, 'employerId'),
    divisionId: eventOptionalUuid(event, raw, 'divisionId'),
    departmentId: eventOptionalUuid(event, raw, 'departmentId'),
    firstSickDay,
    termStartDay,
    termGapDays,
    ...(raw.handledBefore === undefined || raw.handledBefore === null ? {} : { handledBefore: eventDate(event, raw, 'handledBefore') }),
  };
}

export function parseSickCaseRecovered(payload: unknown): SickCaseRecoveredEvent {
  const event = 'sick-case.recovered';
  const raw = eventRecord(event, payload);
  return {
    sickCaseId: eventUuid(event, raw, 'sickCaseId'),
    personId: eventUuid(event, raw, 'personId'),
    recoveredOn: eventDate(event, raw, 'recoveredOn'),
  };
}

/** Only the placement matters here; the absence course is reporting's business. */
export function parseSickCaseChanged(payload: unknown): SickCaseChangedEvent {
  const event = 'sick-case.changed';
  const raw = eventRecord(event, payload);
  const parsed: SickCaseChangedEvent = { sickCaseId: eventUuid(event, raw, 'sickCaseId') };
  if (raw.employerId !== undefined && raw.employerId !== null) {
    parsed.employerId = eventUuid(event, raw, 'employerId');
    parsed.divisionId = eventOptionalUuid(event, raw, 'divisionId');
    parsed.departmentId = eventOptionalUuid(event, raw, 'departmentId');
  }
  return parsed;
}

export function parsePersonChanged(payload: unknown): PersonChangedEvent {
  const event = 'person.changed';
  const raw = eventRecord(event, payload);
  if (raw.active !== undefined && typeof raw.active !== 'boolean')
    throw new InvalidEventError(`${event}: active must be a boolean`);
  return {
    personId: eventUuid(event, raw, 'personId'),
    employerId: eventOptionalUuid(event, raw, 'employerId'),
    divisionId: eventOptionalUuid(event, raw, 'divisionId'),
    departmentId: eventOptionalUuid(event, raw, 'departmentId'),
    active: raw.active !== false,
  };
}
