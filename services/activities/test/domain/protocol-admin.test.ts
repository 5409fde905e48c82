import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import {
  applyRowChange,
  describeChange,
  overlayRows,
  sameValues,
  type ProtocolRowValues,
  type StoredProtocolRow,
} from '../../src/domain/protocol-admin.js';

const base: ProtocolRowValues = { title: 'Spreekuur probleemanalyse', role: 'BA', kind: 'ACTION', signalDay: 32, deadlineDay: 42 };

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return error.extensions.code as string;
    throw error;
  }
  return undefined;
};

describe('applyRowChange', () => {
  it('keeps omitted fields and trims the title', () => {
    expect(applyRowChange(base, { signalDay: 30, title: '  Probleemanalyse  ' })).toEqual({ ...base, signalDay: 30, title: 'Probleemanalyse' });
    expect(applyRowChange(base, {})).toEqual(base);
  });

  it.each([
    [{ title: '' }, 'PROTOCOL_TITLE_REQUIRED'],
    [{ title: 'é'.repeat(121) }, 'TEXT_TOO_LONG'],
    [{ signalDay: 1.5 }, 'INVALID_PROTOCOL_DAY'],
    [{ signalDay: -1 }, 'INVALID_PROTOCOL_DAY'],
    [{ deadlineDay: 801 }, 'INVALID_PROTOCOL_DAY'],
    [{ signalDay: 43 }, 'DEADLINE_BEFORE_SIGNAL_DAY'],
    [{ role: 'XX' as never }, 'BAD_USER_INPUT'],
    [{ kind: 'XX' as never }, 'BAD_USER_INPUT'],
  ])('refuses %j with %s', (change, code) => {
    expect(codeOf(() => applyRowChange(base, change))).toBe(code);
  });

  it('accepts the edges: day 0, day 800 and a deadline on the signal day', () => {
    expect(applyRowChange(base, { signalDay: 0, deadlineDay: 0 })).toMatchObject({ signalDay: 0, deadlineDay: 0 });
    expect(applyRowChange(base, { signalDay: 800, deadlineDay: 800 })).toMatchObject({ signalDay: 800, deadlineDay: 800 });
    expect(applyRowChange(base, { title: 'é'.repeat(120) }).title).toHaveLength(120);
  });
});

describe('overlayRows', () => {
  const row = (code: string, position: number, values: Partial<ProtocolRowValues> = {}): StoredProtocolRow => ({
    id: `${code}-${position}`,
    code,
    position,
    trigger: 'SICK_REPORT',
    ...base,
    ...values,
  });

  it("replaces standard rows by the employer's rows with the same code, in the standard's order", () => {
    const standard = [row('B', 2), row('A', 1), row('C', 3)];
    const own = [{ ...row('C', 99, { deadlineDay: 50 }), trigger: 'FREQUENT_3' as const }];
    const rows = overlayRows(standard, own);
    expect(rows.map((r) => [r.code, r.overridden, r.deadlineDay])).toEqual([
      ['A', false, 42],
      ['B', false, 42],
      ['C', true, 50],
    ]);
    // Position and trigger stay the standard's: the engine owns them.
    expect(rows[2]).toMatchObject({ position: 3, trigger: 'SICK_REPORT', standardRow: { id: 'C-3' } });
    expect(rows[0]!.standardRow).toBeNull();
  });

  it('ignores employer rows whose code the standard no longer has', () => {
    expect(overlayRows([row('A', 1)], [row('Z', 1)]).map((r) => r.code)).toEqual(['A']);
  });
});

describe('describeChange', () => {
  it('lists every changed value in Dutch', () => {
    expect(describeChange(base, { ...base, role: 'CM', kind: 'REMINDER', signalDay: 30, title: 'X' })).toBe(
      'Spreekuur probleemanalyse: titel "Spreekuur probleemanalyse" → "X", rol bedrijfsarts → casemanager, soort actie → reminder, signalering dag 32 → 30',
    );
    expect(describeChange(base, base)).toBe('Spreekuur probleemanalyse: geen wijziging');
    expect(sameValues(base, { ...base })).toBe(true);
    expect(sameValues(base, { ...base, deadlineDay: 41 })).toBe(false);
  });
});
