import { domainError } from '@poortwachter/kit';
import {
  ACTIVITY_KINDS,
  ACTIVITY_ROLES,
  type ActivityKind,
  type ActivityRole,
  type ProtocolRowSpec,
  type ProtocolTrigger,
} from './protocol.js';

/** Stable error codes of protocol administration. Partners and the UI switch on them; never rename one. */
export const ProtocolErrorCode = {
  PROTOCOL_ROW_NOT_FOUND: 'PROTOCOL_ROW_NOT_FOUND',
  EMPLOYER_NOT_FOUND: 'EMPLOYER_NOT_FOUND',
  PROTOCOL_VERSION_CONFLICT: 'PROTOCOL_VERSION_CONFLICT',
  PROTOCOL_TITLE_REQUIRED: 'PROTOCOL_TITLE_REQUIRED',
  INVALID_PROTOCOL_DAY: 'INVALID_PROTOCOL_DAY',
  DEADLINE_BEFORE_SIGNAL_DAY: 'DEADLINE_BEFORE_SIGNAL_DAY',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
} as const;

/** The latest day a protocol step may fall on: the 104-week term plus the longest standard deadline's margin. */
export const MAX_PROTOCOL_DAY = 800;
export const MAX_PROTOCOL_TITLE_LENGTH = 120;

/** What an administrator may change in a row. Code, position and trigger belong to the engine. */
export interface ProtocolRowValues {
  title: string;
  role: ActivityRole;
  kind: ActivityKind;
  signalDay: number;
  deadlineDay: number;
}

export interface StoredProtocolRow extends ProtocolRowSpec {
  position: number;
}

/** A row as the administration shows it: the values in force and where they come from. */
export interface EffectiveProtocolRow extends StoredProtocolRow {
  /** True when the employer's own version sets this row (false in the standard protocol). */
  overridden: boolean;
  /** The standard row it deviates from, when overridden. */
  standardRow: StoredProtocolRow | null;
}

export const rowValues = (row: ProtocolRowValues): ProtocolRowValues => ({
  title: row.title,
  role: row.role,
  kind: row.kind,
  signalDay: row.signalDay,
  deadlineDay: row.deadlineDay,
});

export function sameValues(a: ProtocolRowValues, b: ProtocolRowValues): boolean {
  return (
    a.title === b.title &&
    a.role === b.role &&
    a.kind === b.kind &&
    a.signalDay === b.signalDay &&
    a.deadlineDay === b.deadlineDay
  );
}

/**
 * Applies a partial change to a row's values and checks the result. Bad input throws a domain
 * error with a stable code; nothing is stored then.
 */
export function applyRowChange(current: ProtocolRowValues, change: Partial<ProtocolRowValues>): ProtocolRowValues {
  const next: ProtocolRowValues = {
    title: change.title === undefined ? current.title : change.title.trim(),
    role: change.role ?? current.role,
    kind: change.kind ?? current.kind,
    signalDay: change.signalDay ?? current.signalDay,
    deadlineDay: change.deadlineDay ?? current.deadlineDay,
  };
  if (next.title.length === 0) {
    throw domainError(ProtocolErrorCode.PROTOCOL_TITLE_REQUIRED, 'A protocol row needs a title.', { field: 'title' });
  }
  if ([...next.title].length > MAX_PROTOCOL_TITLE_LENGTH) {
    throw domainError(ProtocolErrorCode.TEXT_TOO_LONG, `title may be at most ${MAX_PROTOCOL_TITLE_LENGTH} characters long.`, {
      field: 'title',
      max: MAX_PROTOCOL_TITLE_LENGTH,
    });
  }
  if (!(ACTIVITY_ROLES as readonly string[]).includes(next.role)) {
    throw domainError('BAD_USER_INPUT', `Unknown role ${next.role}.`, { field: 'role' });
  }
  if (!(ACTIVITY_KINDS as readonly string[]).includes(next.kind)) {
    throw domainError('BAD_USER_INPUT', `Unknown kind ${next.kind}.`, { field: 'kind' });
  }
  for (const field of ['signalDay', 'deadlineDay'] as const) {
    const day = next[field];
    if (!Number.isInteger(day) || day < 0 || day > MAX_PROTOCOL_DAY) {
      throw domainError(ProtocolErrorCode.INVALID_PROTOCOL_DAY, `${field} must be a whole number of days from 0 to ${MAX_PROTOCOL_DAY}.`, {
        field,
        min: 0,
        max: MAX_PROTOCOL_DAY,
      });
    }
  }
  if (next.deadlineDay < next.signalDay) {
    throw domainError(ProtocolErrorCode.DEADLINE_BEFORE_SIGNAL_DAY, 'The deadline day cannot lie before the signal day.', {
      field: 'deadlineDay',
    });
  }
  return next;
}

/**
 * The rows in force for an employer: the standard rows, each replaced by the employer's own row
 * with the same code. Rows keep the standard's order.
 */
export function overlayRows(
  standard: readonly StoredProtocolRow[],
  own: readonly StoredProtocolRow[],
): EffectiveProtocolRow[] {
  const byCode = new Map(own.map((row) => [row.code, row]));
  return [...standard]
    .sort((a, b) => a.position - b.position)
    .map((row) => {
      const override = byCode.get(row.code);
      return override
        ? { ...override, position: row.position, trigger: row.trigger, overridden: true, standardRow: row }
        : { ...row, overridden: false, standardRow: null };
    });
}

const ROLE_NL: Record<ActivityRole, string> = { WG: 'werkgever', BA: 'bedrijfsarts', CM: 'casemanager' };
const KIND_NL: Record<ActivityKind, string> = { ACTION: 'actie', REMINDER: 'reminder', UWV: 'UWV', SIGNAL: 'signalering' };

/** A one-line Dutch description of a change, for the version history. */
export function describeChange(before: ProtocolRowValues, after: ProtocolRowValues, label = before.title): string {
  const parts: string[] = [];
  if (before.title !== after.title) parts.push(`titel "${before.title}" → "${after.title}"`);
  if (before.role !== after.role) parts.push(`rol ${ROLE_NL[before.role]} → ${ROLE_NL[after.role]}`);
  if (before.kind !== after.kind) parts.push(`soort ${KIND_NL[before.kind]} → ${KIND_NL[after.kind]}`);
  if (before.signalDay !== after.signalDay) parts.push(`signalering dag ${before.signalDay} → ${after.signalDay}`);
  if (before.deadlineDay !== after.deadlineDay) parts.push(`deadline dag ${before.deadlineDay} → ${after.deadlineDay}`);
  return `${label}: ${parts.length > 0 ? parts.join(', ') : 'geen wijziging'}`;
}

export type { ProtocolTrigger };
