import { describe, expect, it } from 'vitest';
import {
  actionListWindow,
  activityRoleOf,
  frequentAbsenceTrigger,
  planFrequentAbsence,
  planRecovery,
  planTrajectory,
  reportNumberWithinYear,
  sickDaysBeforePeriod,
  type SickReport,
} from '../../src/domain/protocol.js';
import { STANDARD_PROTOCOL, TRAJECTORY_CODES } from '../fixtures/standard-protocol.js';

const PERSON = '00000000-0000-4000-8000-000000000001';

function report(overrides: Partial<SickReport> = {}): SickReport {
  const firstSickDay = overrides.firstSickDay ?? '2025-03-03';
  return {
    sickCaseId: 'case-1',
    personId: PERSON,
    firstSickDay,
    termStartDay: firstSickDay,
    termGapDays: 0,
    ...overrides,
  };
}

const datesOf = (planned: ReturnType<typeof planTrajectory>) =>
  Object.fromEntries(planned.map((a) => [a.code, [a.signalDate, a.deadline]]));

describe('planTrajectory: a new term', () => {
  const planned = planTrajectory(STANDARD_PROTOCOL, report());
  const byCode = datesOf(planned);

  it.each([
    ['WG_INZETBAARHEIDSGESPREK', '2025-03-03', '2025-03-04'],
    ['CM_SCREENING_WEEK_1', '2025-03-10', '2025-03-12'],
    ['WG_REMINDER_SPREEKUUR_BA', '2025-03-03', '2025-04-07'],
    ['WG_REMINDER_ONDERSTEUNING_CM', '2025-03-03', '2025-04-07'],
    ['BA_PROBLEEMANALYSE', '2025-04-04', '2025-04-14'],
    ['CM_SCREENING_PVA', '2025-04-14', '2025-04-28'],
    ['WG_PLAN_VAN_AANPAK', '2025-04-14', '2025-04-28'],
    ['WG_REMINDER_42E_WEEKSMELDING', '2025-12-01', '2025-12-15'],
    ['BA_EERSTEJAARSEVALUATIE', '2026-01-27', '2026-03-03'],
    ['WG_EERSTEJAARSEVALUATIE_PVA', '2026-03-03', '2026-03-17'],
    ['BA_ACTUEEL_OORDEEL', '2026-10-04', '2026-11-03'],
    ['BA_MEDISCHE_INFORMATIE_WIA', '2026-10-04', '2026-11-03'],
    ['BA_SPREEKUUR_WIA_AANVRAAG', '2026-10-04', '2026-11-03'],
    ['WG_EINDEVALUATIE_PVA', '2026-10-04', '2026-11-03'],
    ['WG_REMINDER_CM_BIJ_PVA', '2025-04-07', '2027-05-12'],
  ])('%s: signal %s, deadline %s', (code, signalDate, deadline) => {
    expect(byCode[code]).toEqual([signalDate, deadline]);
  });

  it('plans every trajectory row once, and no frequent-absence row', () => {
    expect(planned.map((a) => a.code).sort()).toEqual([...TRAJECTORY_CODES].sort());
  });

  it('keys trajectory activities on the term, so another case of the term cannot duplicate them', () => {
    expect(new Set(planned.map((a) => a.generationKey)).size).toBe(planned.length);
    for (const activity of planned)
      expect(activity.generationKey).toBe(`term:${PERSON}:2025-03-03:${activity.code}`);
    expect(planned.every((a) => a.sickCaseId === 'case-1' && a.periodStart === '2025-03-03')).toBe(true);
  });
});

describe('planTrajectory: a term starting on a leap day', () => {
  const byCode = datesOf(planTrajectory(STANDARD_PROTOCOL, report({ firstSickDay: '2024-02-29' })));

  it.each([
    ['WG_INZETBAARHEIDSGESPREK', '2024-02-29', '2024-03-01'],
    ['CM_SCREENING_WEEK_1', '2024-03-07', '2024-03-09'],
    ['BA_PROBLEEMANALYSE', '2024-04-01', '2024-04-11'],
    ['WG_REMINDER_42E_WEEKSMELDING', '2024-11-28', '2024-12-12'],
    ['BA_EERSTEJAARSEVALUATIE', '2025-01-24', '2025-02-28'],
    ['WG_EERSTEJAARSEVALUATIE_PVA', '2025-02-28', '2025-03-14'],
    ['WG_EINDEVALUATIE_PVA', '2025-10-01', '2025-10-31'],
    ['WG_REMINDER_CM_BIJ_PVA', '2024-04-04', '2026-05-09'],
  ])('%s: signal %s, deadline %s', (code, signalDate, deadline) => {
    expect(byCode[code]).toEqual([signalDate, deadline]);
  });
});

describe('planTrajectory: a relapse within the term', () => {
  // Sick from 6 January, recovered 14 days, sick again from 20 February: 31 sick days behind us.
  const relapse = report({
    sickCaseId: 'case-2',
    firstSickDay: '2025-02-20',
    termStartDay: '2025-01-06',
    termGapDays: 14,
  });
  const planned = planTrajectory(STANDARD_PROTOCOL, relapse);
  const byCode = datesOf(planned);

  it('counts the sick days of the earlier periods', () => {
    expect(sickDaysBeforePeriod(relapse)).toBe(31);
  });

  it('does not plan again what the earlier period already reached', () => {
    for (const code of [
      'WG_INZETBAARHEIDSGESPREK',
      'CM_SCREENING_WEEK_1',
      'WG_REMINDER_SPREEKUUR_BA',
      'WG_REMINDER_ONDERSTEUNING_CM',
    ]) {
      expect(byCode[code]).toBeUndefined();
    }
  });

  it.each([
    ['BA_PROBLEEMANALYSE', '2025-02-21', '2025-03-03'],
    ['WG_PLAN_VAN_AANPAK', '2025-03-03', '2025-03-17'],
    ['WG_REMINDER_CM_BIJ_PVA', '2025-02-24', '2027-03-31'],
    ['WG_EINDEVALUATIE_PVA', '2026-08-23', '2026-09-22'],
  ])('shifts %s by the gap days: signal %s, deadline %s', (code, signalDate, deadline) => {
    expect(byCode[code]).toEqual([signalDate, deadline]);
  });

  it('keeps the term key and hands the activities to the new period', () => {
    expect(planned.every((a) => a.generationKey.startsWith(`term:${PERSON}:2025-01-06:`))).toBe(true);
    expect(planned.every((a) => a.sickCaseId === 'case-2' && a.periodStart === '2025-02-20')).toBe(true);
  });

  it('refuses term facts that cannot be', () => {
    expect(() =>
      sickDaysBeforePeriod(report({ firstSickDay: '2025-01-01', termStartDay: '2025-01-05' })),
    ).toThrow(RangeError);
    expect(() =>
      sickDaysBeforePeriod(
        report({ firstSickDay: '2025-01-10', termStartDay: '2025-01-05', termGapDays: 6 }),
      ),
    ).toThrow(RangeError);
  });
});

describe('frequent absence', () => {
  const current = { sickCaseId: 'c-now', firstSickDay: '2025-06-15' };

  it.each([
    ['only this one', [], 1],
    ['two earlier within the year', ['2024-07-01', '2025-01-10'], 3],
    ['three earlier within the year', ['2024-06-16', '2024-11-01', '2025-03-01'], 4],
    ['one exactly twelve months earlier does not count', ['2024-06-15', '2025-01-10', '2025-03-01'], 3],
    ['older ones do not count', ['2023-01-01', '2024-05-01', '2025-03-01'], 2],
    ['later reports do not count', ['2025-03-01', '2025-07-01', '2025-08-01'], 2],
  ])('%s', (_label, earlier, expected) => {
    const history = (earlier as string[]).map((firstSickDay, index) => ({
      sickCaseId: `c-${index}`,
      firstSickDay,
    }));
    expect(reportNumberWithinYear(current, [...history, current])).toBe(expected);
  });

  it('counts across a leap day with a clamped window', () => {
    const leap = { sickCaseId: 'c-leap', firstSickDay: '2024-02-29' };
    expect(
      reportNumberWithinYear(leap, [
        { sickCaseId: 'a', firstSickDay: '2023-02-28' },
        { sickCaseId: 'b', firstSickDay: '2023-03-01' },
      ]),
    ).toBe(2);
    const after = { sickCaseId: 'c-after', firstSickDay: '2025-02-28' };
    expect(
      reportNumberWithinYear(after, [
        { sickCaseId: 'a', firstSickDay: '2024-02-29' },
        { sickCaseId: 'b', firstSickDay: '2024-02-28' },
      ]),
    ).toBe(2);
  });

  it('orders reports of the same day by id', () => {
    const history = [
      { sickCaseId: 'a', firstSickDay: '2025-06-15' },
      { sickCaseId: 'z', firstSickDay: '2025-06-15' },
    ];
    expect(reportNumberWithinYear({ sickCaseId: 'm', firstSickDay: '2025-06-15' }, history)).toBe(2);
  });

  it.each([
    [2, null],
    [3, 'FREQUENT_3'],
    [4, 'FREQUENT_4'],
    [5, null],
  ])('report number %i triggers %s', (n, trigger) => {
    expect(frequentAbsenceTrigger(n)).toBe(trigger);
  });

  it('raises the employer signal at the 3rd report, dated from its own first sick day', () => {
    const planned = planFrequentAbsence(
      STANDARD_PROTOCOL,
      report({ sickCaseId: 'c3', firstSickDay: '2025-03-03', termStartDay: '2025-02-10', termGapDays: 10 }),
      3,
    );
    expect(planned).toMatchObject([
      {
        code: 'WG_FREQUENT_VERZUIM_3X',
        role: 'WG',
        kind: 'SIGNAL',
        signalDate: '2025-03-03',
        deadline: '2025-03-08',
        generationKey: 'case:c3:WG_FREQUENT_VERZUIM_3X',
      },
    ]);
  });

  it('plans the bedrijfsarts consultation at the 4th report', () => {
    expect(planFrequentAbsence(STANDARD_PROTOCOL, report({ sickCaseId: 'c4' }), 4)).toMatchObject([
      {
        code: 'BA_SPREEKUUR_FREQUENT_VERZUIM_4X',
        role: 'BA',
        kind: 'ACTION',
        signalDate: '2025-03-04',
        deadline: '2025-03-10',
      },
    ]);
    expect(planFrequentAbsence(STANDARD_PROTOCOL, report(), 2)).toEqual([]);
  });
});

describe('recovery and the action list', () => {
  it('cancels what is not yet due and closes reminders', () => {
    const open = [
      { id: 'past-action', kind: 'ACTION' as const, signalDate: '2025-03-03' },
      { id: 'today-action', kind: 'UWV' as const, signalDate: '2025-03-20' },
      { id: 'past-reminder', kind: 'REMINDER' as const, signalDate: '2025-03-03' },
      { id: 'future-action', kind: 'ACTION' as const, signalDate: '2025-03-21' },
      { id: 'future-reminder', kind: 'REMINDER' as const, signalDate: '2025-12-01' },
    ];
    expect(planRecovery(open, '2025-03-20').sort()).toEqual([
      'future-action',
      'future-reminder',
      'past-reminder',
    ]);
  });

  it('cancels imported steps the trajectory never reached and keeps those it did', () => {
    // A two-day absence imported as "done before": the day-1 talk happened, nothing after it did.
    const imported = [
      { id: 'talk', kind: 'ACTION' as const, signalDate: '2025-03-03', deadline: '2025-03-04', imported: true },
      { id: 'analysis', kind: 'ACTION' as const, signalDate: '2025-04-04', deadline: '2025-04-14', imported: true },
      { id: 'running-reminder', kind: 'REMINDER' as const, signalDate: '2025-03-03', deadline: '2025-04-07', imported: true },
      { id: 'ended-reminder', kind: 'REMINDER' as const, signalDate: '2025-03-03', deadline: '2025-03-04', imported: true },
    ];
    expect(planRecovery(imported, '2025-03-05').sort()).toEqual(['analysis', 'running-reminder']);
  });

  it('shows what is due within the days ahead and reminders for 42 days', () => {
    expect(actionListWindow('2025-03-01', 28)).toEqual({
      signalUntil: '2025-03-29',
      reminderSignalFrom: '2025-01-19',
    });
  });

  it.each([
    ['EMPLOYER', 'WG'],
    ['OCCUPATIONAL_PHYSICIAN', 'BA'],
    ['CASE_MANAGER', 'CM'],
    ['EMPLOYEE', null],
    ['ADMIN', null],
  ])('%s works the %s list', (role, expected) => {
    expect(activityRoleOf(role)).toBe(expected);
  });
});
