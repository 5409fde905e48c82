import { i18n } from '@poortwachter/ui';
import { catalogs } from '../src/i18n/all';

const { nl, en } = catalogs;
import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { absenceSegments, caseDuration, openSickCase } from '../src/features/sick-report/absence';
import type { AbsenceCase } from '../src/features/sick-report/operations';
import {
  addActivityInput,
  emptyHandle,
  handleInput,
  validateAddActivity,
  validateHandle,
} from '../src/features/action-list/validation';
import {
  emptySickReport,
  recoveryInput,
  sickReportInput,
  validateRecovery,
  validateSickReport,
} from '../src/features/sick-report/validation';
import { errorMessageKey } from '../src/shared/validation';

const TODAY = '2026-03-02';
const report = (changes: Partial<ReturnType<typeof emptySickReport>>) => ({
  ...emptySickReport('2026-03-02'),
  ...changes,
});

describe('sick report validation', () => {
  it('accepts the defaults: today, 100%', () => {
    expect(validateSickReport(report({}))).toEqual({});
  });

  it('requires a valid first sick day', () => {
    expect(validateSickReport(report({ firstSickDay: '' })).firstSickDay?.key).toBe(
      'validation.firstSickDayRequired',
    );
    expect(validateSickReport(report({ firstSickDay: '2026-02-30' })).firstSickDay?.key).toBe(
      'validation.dateInvalid',
    );
  });

  it.each([
    ['0', false],
    ['1', true],
    ['50', true],
    ['100', true],
    ['101', false],
    ['-5', false],
    ['50.5', false],
    ['', false],
    ['abc', false],
  ])('percentage %j valid: %s', (absencePercentage, valid) => {
    const errors = validateSickReport(report({ absencePercentage }));
    expect(errors.absencePercentage?.key).toBe(valid ? undefined : 'validation.percentageRange');
  });

  it('refuses an expected recovery date before the first sick day, accepts the same day', () => {
    expect(validateSickReport(report({ expectedRecoveryDate: '2026-03-01' })).expectedRecoveryDate?.key).toBe(
      'validation.expectedBeforeFirst',
    );
    expect(validateSickReport(report({ expectedRecoveryDate: '2026-03-02' }))).toEqual({});
  });

  it('checks phone numbers and text lengths', () => {
    expect(validateSickReport(report({ contactPhone: 'bel mij' })).contactPhone?.key).toBe(
      'validation.phoneInvalid',
    );
    expect(validateSickReport(report({ contactPhone: '+31 6 1234 5678' }))).toEqual({});
    expect(validateSickReport(report({ remarks: 'x'.repeat(2001) })).remarks).toEqual({
      key: 'validation.tooLong',
      values: { max: 2000 },
    });
  });

  it('builds the mutation input without empty optional fields', () => {
    expect(
      sickReportInput(
        'p1',
        report({
          absencePercentage: ' 60 ',
          remarks: '  ',
          questionForProfessional: ' Welk werk kan wel? ',
          safetyNet: true,
        }),
      ),
    ).toEqual({
      personId: 'p1',
      firstSickDay: '2026-03-02',
      absencePercentage: 60,
      safetyNet: true,
      workAccident: false,
      thirdPartyLiable: false,
      questionForProfessional: 'Welk werk kan wel?',
    });
  });
});

describe('recovery validation', () => {
  it('requires a date not before the first sick day and 1–99 for a partial recovery', () => {
    expect(
      validateRecovery({ kind: 'FULL', recoveredOn: '', absencePercentage: '' }, '2026-03-02').recoveredOn
        ?.key,
    ).toBe('validation.dateRequired');
    expect(
      validateRecovery({ kind: 'FULL', recoveredOn: '2026-03-01', absencePercentage: '' }, '2026-03-02')
        .recoveredOn?.key,
    ).toBe('validation.recoveryBeforeFirst');
    expect(
      validateRecovery({ kind: 'FULL', recoveredOn: '2026-03-09', absencePercentage: '' }, '2026-03-02'),
    ).toEqual({});
    expect(
      validateRecovery({ kind: 'PARTIAL', recoveredOn: '2026-03-09', absencePercentage: '100' }, '2026-03-02')
        .absencePercentage?.key,
    ).toBe('validation.partialPercentageRange');
    expect(
      validateRecovery({ kind: 'PARTIAL', recoveredOn: '2026-03-09', absencePercentage: '50' }, '2026-03-02'),
    ).toEqual({});
  });

  it('sends 0 for a full recovery and the remaining percentage for a partial one', () => {
    expect(recoveryInput('s1', { kind: 'FULL', recoveredOn: '2026-03-09', absencePercentage: '40' })).toEqual(
      { sickCaseId: 's1', recoveredOn: '2026-03-09', absencePercentage: 0 },
    );
    expect(
      recoveryInput('s1', { kind: 'PARTIAL', recoveredOn: '2026-03-09', absencePercentage: '40' }),
    ).toEqual({ sickCaseId: 's1', recoveredOn: '2026-03-09', absencePercentage: 40 });
  });
});

describe('activity handling', () => {
  it('requires type and deadline only when a follow-up is asked for', () => {
    expect(validateHandle(emptyHandle, TODAY)).toEqual({});
    const errors = validateHandle({ ...emptyHandle, withFollowUp: true }, TODAY);
    expect(errors.followUpType?.key).toBe('validation.followUpTypeRequired');
    expect(errors.followUpDeadline?.key).toBe('validation.followUpDeadlineRequired');
    expect(validateHandle({ ...emptyHandle, status: '' }, TODAY).status?.key).toBe(
      'validation.statusRequired',
    );
  });

  it('accepts a follow-up deadline from today up to 800 days ahead', () => {
    const followUp = (followUpDeadline: string) =>
      validateHandle({ ...emptyHandle, withFollowUp: true, followUpType: 'X', followUpDeadline }, TODAY)
        .followUpDeadline?.key;
    expect(followUp('2026-03-01')).toBe('validation.deadlineInPast');
    expect(followUp(TODAY)).toBeUndefined();
    expect(followUp('2028-05-10')).toBeUndefined(); // 800 days
    expect(followUp('2028-05-11')).toBe('validation.deadlineTooFar');
  });

  it('leaves out the follow-up when not asked for, even with leftover values', () => {
    expect(
      handleInput('a1', {
        ...emptyHandle,
        status: 'CANCELLED',
        followUpType: 'WG_X',
        followUpDeadline: '2026-04-01',
      }),
    ).toEqual({ activityId: 'a1', status: 'CANCELLED' });
  });
});

describe('adding an activity', () => {
  it('requires a type and a deadline from today', () => {
    expect(validateAddActivity({ activityTypeCode: '', deadline: '', remarks: '' }, TODAY)).toEqual({
      activityTypeCode: { key: 'validation.activityTypeRequired' },
      deadline: { key: 'validation.deadlineRequired' },
    });
    expect(
      validateAddActivity({ activityTypeCode: 'X', deadline: '2026-03-01', remarks: '' }, TODAY).deadline
        ?.key,
    ).toBe('validation.deadlineInPast');
    expect(
      validateAddActivity({ activityTypeCode: 'X', deadline: '2026-03-09', remarks: '' }, TODAY),
    ).toEqual({});
  });

  it('links the activity to the open case when there is one', () => {
    const values = { activityTypeCode: 'WG_REQUEST_CM', deadline: '2026-03-09', remarks: ' Graag snel. ' };
    expect(addActivityInput('p1', 's1', values)).toEqual({
      personId: 'p1',
      sickCaseId: 's1',
      activityTypeCode: 'WG_REQUEST_CM',
      deadline: '2026-03-09',
      remarks: 'Graag snel.',
    });
    expect(addActivityInput('p1', null, { ...values, remarks: '' })).toEqual({
      personId: 'p1',
      activityTypeCode: 'WG_REQUEST_CM',
      deadline: '2026-03-09',
    });
  });
});

describe('API error messages', () => {
  const codes = [
    'PERSON_NOT_FOUND',
    'FIRST_SICK_DAY_BEFORE_EMPLOYMENT',
    'FIRST_SICK_DAY_TOO_FAR_AHEAD',
    'OVERLAPPING_OPEN_CASE',
    'INVALID_PERCENTAGE',
    'RECOVERY_BEFORE_FIRST_SICK_DAY',
    'ACTIVITY_ALREADY_CLOSED',
    'SICK_CASE_ALREADY_RECOVERED',
    'UNKNOWN_ACTIVITY_TYPE',
    'INVALID_DEADLINE',
  ];
  const graphQLError = (code: string) =>
    new CombinedGraphQLErrors({ errors: [{ message: `server text for ${code}`, extensions: { code } }] });

  it.each(codes)('maps %s to its own Dutch and English message', (code) => {
    const key = errorMessageKey(graphQLError(code));
    expect(key).toBe(`errors.${code}`);
    const dutch = i18n.t(`employerDashboard:${key}` as never) as string;
    expect(dutch).toBe((nl.employerDashboard.errors as Record<string, string>)[code]);
    expect(dutch).not.toContain(code);
    expect((en.employerDashboard.errors as Record<string, string>)[code]).not.toBe(dutch);
  });

  it('gives every known code a different message', () => {
    const messages = codes.map((code) => (nl.employerDashboard.errors as Record<string, string>)[code]);
    expect(new Set(messages).size).toBe(codes.length);
  });

  it('falls back to a generic or network message, never the server text', () => {
    expect(errorMessageKey(graphQLError('SOMETHING_NEW'))).toBe('errors.unknown');
    expect(errorMessageKey(new TypeError('Failed to fetch'))).toBe('errors.network');
    expect(errorMessageKey(graphQLError('GRAPHQL_VALIDATION_FAILED'))).toBe('errors.BAD_USER_INPUT');
    expect(i18n.t('employerDashboard:errors.FIRST_SICK_DAY_BEFORE_EMPLOYMENT')).toBe(
      'De eerste ziektedag ligt vóór de start van het dienstverband.',
    );
  });
});

describe('absence card', () => {
  const sickCase = (changes: Partial<AbsenceCase>): AbsenceCase => ({
    id: 's1',
    firstSickDay: '2026-01-05',
    status: 'RECOVERED',
    absencePercentage: 100,
    expectedRecoveryDate: null,
    recoveredOn: '2026-01-19',
    absenceCourse: [{ from: '2026-01-05', absencePercentage: 100 }],
    waitingPeriodEndsOn: '2028-01-03',
    ...changes,
  });

  it('splits a case into segments by its absence course, up to recovery or through today', () => {
    const closed = sickCase({
      absenceCourse: [
        { from: '2026-01-12', absencePercentage: 50 },
        { from: '2026-01-05', absencePercentage: 100 },
      ],
    });
    const open = sickCase({
      id: 's2',
      firstSickDay: '2026-03-01',
      status: 'OPEN',
      recoveredOn: null,
      absenceCourse: [],
    });
    expect(absenceSegments([open, closed], '2026-03-10')).toEqual([
      { caseId: 's1', from: '2026-01-05', to: '2026-01-12', absencePercentage: 100, ongoing: false },
      { caseId: 's1', from: '2026-01-12', to: '2026-01-19', absencePercentage: 50, ongoing: false },
      { caseId: 's2', from: '2026-03-01', to: '2026-03-11', absencePercentage: 100, ongoing: true },
    ]);
    expect(caseDuration(closed, '2026-03-10')).toBe(14);
    expect(caseDuration(open, '2026-03-10')).toBe(10);
    expect(openSickCase([closed, open])?.id).toBe('s2');
  });
});
