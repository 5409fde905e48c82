import { isCalendarDate } from './calendar.js';

/**
 * Readers for event payloads: a consumer checks what arrives, so a malformed event fails loudly
 * (and lands in pg-boss's failed jobs) instead of writing half a read model.
 */
export class InvalidEventError extends Error {}

export type RawEvent = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isAbsent = (value: unknown): value is undefined | null => value === undefined || value === null;

export function eventRecord(event: string, payload: unknown): RawEvent {
  if (typeof payload !== 'object' || payload === null) throw new InvalidEventError(`${event}: payload is not an object`);
  return payload as RawEvent;
}

export function eventUuid(event: string, raw: RawEvent, field: string): string {
  const value = raw[field];
  if (typeof value !== 'string' || !UUID.test(value)) throw new InvalidEventError(`${event}: ${field} must be a UUID`);
  return value.toLowerCase();
}

export function eventOptionalUuid(event: string, raw: RawEvent, field: string): string | null {
  return isAbsent(raw[field]) ? null : eventUuid(event, raw, field);
}

export function eventDate(event: string, raw: RawEvent, field: string): string {
  const value = raw[field];
  if (!isCalendarDate(value)) throw new InvalidEventError(`${event}: ${field} must be a date (YYYY-MM-DD)`);
  return value;
}
