import { demoId } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBusinessZone } from '../src/domain/clock.js';
import { addDays, daysBetween, termDates } from '../src/domain/term.js';
import { buildDemoPlan, type PersonPlan } from '../src/seed/plan.js';
import { actors, codes, jobsIn, startDossier, type DossierHarness, type Loose } from './helpers.js';

let harness: DossierHarness;
const today = todayInBusinessZone();
const plan = buildDemoPlan(today);

const casesOf = (person: PersonPlan) => plan.sickCases.filter((sickCase) => sickCase.personId === person.id);
/** Employer-1 persons with a running employment and no sick history: free to report in these tests. */
const freePersons = plan.persons.filter(
  (person) => person.employment.employerId === demoId('employer', 1) && !person.employment.endDate && casesOf(person).length === 0,
);
const takeFree = (() => {
  let next = 0;
  return () => freePersons[next++]!;
})();

beforeAll(async () => {
  harness = await startDossier();
});

afterAll(async () => {
  await harness?.stop();
});

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportSicknessInput!) {
    reportSickness(input: $input) {
      id status firstSickDay absencePercentage expectedRecoveryDate termStartDay termGapDays workAccident safetyNet thirdPartyLiable
      waitingPeriodEndsOn week42ReportDue wiaApplicationDue absenceCourse { from absencePercentage } person { id }
    }
  }
`;
const RECOVER = /* GraphQL */ `
  mutation Recover($input: ReportRecoveryInput!) {
    reportRecovery(input: $input) { id status absencePercentage recoveredOn absenceCourse { from absencePercentage } }
  }
`;

async function state() {
  const [row] = await harness.sql(`SELECT
    (SELECT count(*)::int FROM dossier.sick_case) AS cases,
    (SELECT count(*)::int FROM dossier.absence_course_point) AS points,
    (SELECT coalesce(max(updated_at), 'epoch')::text FROM dossier.sick_case) AS last_update,
    (SELECT count(*)::int FROM pgboss.job WHERE name LIKE '%.sick-case.%') AS events`);
  return row;
}

/** Runs a mutation that must be refused with `code` and leave every table and queue as it was. */
async function expectRefused(identity: Parameters<DossierHarness['gql']>[0], mutation: string, input: Record<string, unknown>, code: string) {
  const before = await state();
  const response = await harness.gql(identity, mutation, { input });
  expect(codes(response), JSON.stringify(input)).toEqual([code]);
  expect(response.data ?? null).toBeNull();
  expect(await state()).toEqual(before);
}

describe('reportSickness', () => {
  it('stores the case with its first course point and publishes sick-case.reported in the same transaction', async () => {
    const person = takeFree();
    const response = await harness.gql(actors.employer1, REPORT, {
      input: { personId: person.id, firstSickDay: addDays(today, -2), expectedRecoveryDate: addDays(today, 10), workAccident: true },
    });
    expect(response.errors).toBeUndefined();
    const reported = response.data.reportSickness;
    expect(reported).toMatchObject({
      status: 'OPEN',
      firstSickDay: addDays(today, -2),
      absencePercentage: 100,
      expectedRecoveryDate: addDays(today, 10),
      termStartDay: addDays(today, -2),
      termGapDays: 0,
      workAccident: true,
      safetyNet: false,
      thirdPartyLiable: false,
      absenceCourse: [{ from: addDays(today, -2), absencePercentage: 100 }],
      person: { id: person.id },
      ...termDates({ termStartDay: addDays(today, -2), termGapDays: 0 }),
    });

    const [row] = await harness.sql('SELECT * FROM dossier.sick_case WHERE id = $1', [reported.id]);
    expect(row).toMatchObject({ person_id: person.id, employer_id: person.employment.employerId, department_id: person.employment.departmentId, status: 'OPEN' });

    for (const consumer of ['activities', 'reporting']) {
      const jobs = (await jobsIn(harness, `${consumer}.sick-case.reported`)).filter((job) => job.data.sickCaseId === reported.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.data).toMatchObject({
        sickCaseId: reported.id,
        personId: person.id,
        employerId: person.employment.employerId,
        divisionId: person.employment.divisionId,
        departmentId: person.employment.departmentId,
        firstSickDay: addDays(today, -2),
        absencePercentage: 100,
        termStartDay: addDays(today, -2),
        termGapDays: 0,
        status: 'OPEN',
      });
      expect(Object.keys(jobs[0]!.data)).toEqual(expect.arrayContaining(['reportedAt', 'partTimeFactor', 'absenceCourse']));
    }

    await harness.running.accessLog.flush();
    const logged = (await jobsIn(harness, 'identity.access.logged')).map((job) => job.data);
    expect(logged).toContainEqual(expect.objectContaining({ event: 'sick-case.create', personId: person.id, userId: 'user-werkgever' }));
  });

  it('accepts a first sick day up to 14 days ahead, not 15', async () => {
    const person = takeFree();
    await expectRefused(actors.employer1, REPORT, { personId: person.id, firstSickDay: addDays(today, 15) }, 'FIRST_SICK_DAY_TOO_FAR_AHEAD');
    const response = await harness.gql(actors.employer1, REPORT, { input: { personId: person.id, firstSickDay: addDays(today, 14) } });
    expect(response.errors).toBeUndefined();
  });

  it('refuses every bad report with its own code and changes nothing', async () => {
    const person = takeFree();
    const otherEmployers = plan.persons.find((candidate) => candidate.employment.employerId === demoId('employer', 2))!;
    const sanne = plan.persons[0]!;
    const report = (input: Record<string, unknown>) => ({ personId: person.id, firstSickDay: addDays(today, -1), ...input });

    await expectRefused(actors.employer1, REPORT, report({ personId: otherEmployers.id }), 'PERSON_NOT_FOUND');
    await expectRefused(actors.employer1, REPORT, report({ personId: '00000000-0000-4000-8000-000000000000' }), 'PERSON_NOT_FOUND');
    await expectRefused(actors.employer1, REPORT, report({ personId: 'nope' }), 'PERSON_NOT_FOUND');
    await expectRefused(actors.employer1, REPORT, report({ firstSickDay: addDays(person.employment.startDate, -1) }), 'FIRST_SICK_DAY_BEFORE_EMPLOYMENT');
    await expectRefused(actors.employer1, REPORT, report({ personId: sanne.id }), 'OVERLAPPING_OPEN_CASE');
    await expectRefused(actors.employer1, REPORT, report({ absencePercentage: 0 }), 'INVALID_PERCENTAGE');
    await expectRefused(actors.employer1, REPORT, report({ absencePercentage: 101 }), 'INVALID_PERCENTAGE');
    await expectRefused(actors.employer1, REPORT, report({ absencePercentage: -5 }), 'INVALID_PERCENTAGE');
    await expectRefused(actors.employer1, REPORT, report({ expectedRecoveryDate: addDays(today, -1) }), 'EXPECTED_RECOVERY_BEFORE_FIRST_SICK_DAY');
    await expectRefused(actors.employee, REPORT, report({ personId: sanne.id }), 'FORBIDDEN');
    await expectRefused(actors.planner, REPORT, report({}), 'FORBIDDEN');
    await expectRefused(actors.apiClient(['persons:read', 'sickcases:read']), REPORT, report({}), 'FORBIDDEN');

    const formerEmployee = plan.persons.find((candidate) => candidate.employment.endDate && casesOf(candidate).every((c) => c.recoveredOn))!;
    await expectRefused(actors.admin, REPORT, report({ personId: formerEmployee.id, firstSickDay: addDays(formerEmployee.employment.endDate!, 1) }), 'FIRST_SICK_DAY_AFTER_EMPLOYMENT');

    const withHistory = plan.persons.find(
      (candidate) =>
        candidate.employment.employerId === demoId('employer', 1) &&
        casesOf(candidate).length > 0 &&
        casesOf(candidate).every((c) => c.recoveredOn && daysBetween(c.firstSickDay, c.recoveredOn) >= 2),
    )!;
    const closed = casesOf(withHistory)[0]!;
    await expectRefused(actors.employer1, REPORT, { personId: withHistory.id, firstSickDay: addDays(closed.firstSickDay, 1) }, 'OVERLAPPING_CASE');
    await expectRefused(actors.employer1, REPORT, { personId: withHistory.id, firstSickDay: addDays(closed.firstSickDay, -1) }, 'OVERLAPPING_CASE');

    // Malformed dates never reach the resolver.
    const malformed = await harness.gql(actors.employer1, REPORT, { input: report({ firstSickDay: '2025-02-30' }) });
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('lets one of two simultaneous reports for the same person win', async () => {
    const person = takeFree();
    const input = { personId: person.id, firstSickDay: addDays(today, -1) };
    const responses = await Promise.all([
      harness.gql(actors.employer1, REPORT, { input }),
      harness.gql(actors.caseManager, REPORT, { input }),
    ]);
    expect(responses.map((response) => codes(response)[0] ?? 'OK').sort()).toEqual(['OK', 'OVERLAPPING_OPEN_CASE']);
    const [{ count }] = await harness.sql('SELECT count(*)::int AS count FROM dossier.sick_case WHERE person_id = $1', [person.id]);
    expect(count).toBe(1);
  });

  it('lets partner software with sickcases:write report within its scope', async () => {
    const person = takeFree();
    const response = await harness.gql(actors.apiClient(['sickcases:write']), REPORT, { input: { personId: person.id, firstSickDay: today, absencePercentage: 50 } });
    expect(response.errors).toBeUndefined();
    expect(response.data.reportSickness.absencePercentage).toBe(50);
  });
});

describe('reportRecovery', () => {
  it('records a partial recovery (sick-case.changed) and then the full recovery (sick-case.recovered)', async () => {
    const person = takeFree();
    const reported = await harness.gql(actors.employer1, REPORT, { input: { personId: person.id, firstSickDay: addDays(today, -10) } });
    const id = reported.data.reportSickness.id;

    const partial = await harness.gql(actors.employer1, RECOVER, { input: { sickCaseId: id, recoveredOn: addDays(today, -3), absencePercentage: 50 } });
    expect(partial.errors).toBeUndefined();
    expect(partial.data.reportRecovery).toMatchObject({
      status: 'OPEN',
      absencePercentage: 50,
      recoveredOn: null,
      absenceCourse: [
        { from: addDays(today, -10), absencePercentage: 100 },
        { from: addDays(today, -3), absencePercentage: 50 },
      ],
    });
    for (const consumer of ['activities', 'reporting']) {
      const changed = (await jobsIn(harness, `${consumer}.sick-case.changed`)).filter((job) => job.data.sickCaseId === id);
      expect(changed).toHaveLength(1);
      expect(changed[0]!.data).toMatchObject({ changedFrom: addDays(today, -3), absencePercentage: 50, status: 'OPEN' });
    }
    expect((await jobsIn(harness, 'activities.sick-case.recovered')).filter((job) => job.data.sickCaseId === id)).toHaveLength(0);

    const full = await harness.gql(actors.employer1, RECOVER, { input: { sickCaseId: id, recoveredOn: today } });
    expect(full.errors).toBeUndefined();
    expect(full.data.reportRecovery).toMatchObject({ status: 'RECOVERED', absencePercentage: 0, recoveredOn: today });
    expect(full.data.reportRecovery.absenceCourse.at(-1)).toEqual({ from: today, absencePercentage: 0 });
    for (const consumer of ['activities', 'reporting']) {
      const recovered = (await jobsIn(harness, `${consumer}.sick-case.recovered`)).filter((job) => job.data.sickCaseId === id);
      expect(recovered).toHaveLength(1);
      expect(recovered[0]!.data).toMatchObject({ sickCaseId: id, personId: person.id, recoveredOn: today, status: 'RECOVERED' });
    }
  });

  it('refuses every bad recovery with its own code and changes nothing', async () => {
    const sanneOpen = plan.sickCases.find((sickCase) => sickCase.personIndex === 1 && !sickCase.recoveredOn)!;
    const sanneClosed = plan.sickCases.find((sickCase) => sickCase.personIndex === 1 && sickCase.recoveredOn)!;
    const otherEmployersCase = plan.sickCases.find((sickCase) => sickCase.employment.employerId === demoId('employer', 2))!;
    const recover = (input: Record<string, unknown>) => ({ sickCaseId: sanneOpen.id, recoveredOn: today, ...input });

    await expectRefused(actors.employer1, RECOVER, recover({ sickCaseId: '00000000-0000-4000-8000-000000000000' }), 'SICK_CASE_NOT_FOUND');
    await expectRefused(actors.employer1, RECOVER, recover({ sickCaseId: otherEmployersCase.id }), 'SICK_CASE_NOT_FOUND');
    await expectRefused(actors.employer1, RECOVER, recover({ recoveredOn: addDays(sanneOpen.firstSickDay, -1) }), 'RECOVERY_BEFORE_FIRST_SICK_DAY');
    await expectRefused(actors.employer1, RECOVER, recover({ recoveredOn: sanneOpen.firstSickDay }), 'RECOVERY_BEFORE_FIRST_SICK_DAY');
    await expectRefused(actors.employer1, RECOVER, recover({ recoveredOn: addDays(today, 1) }), 'RECOVERY_DATE_IN_FUTURE');
    await expectRefused(actors.employer1, RECOVER, recover({ recoveredOn: addDays(today, 15), absencePercentage: 20 }), 'RECOVERY_TOO_FAR_AHEAD');
    await expectRefused(actors.employer1, RECOVER, recover({ absencePercentage: 101 }), 'INVALID_PERCENTAGE');
    await expectRefused(actors.employer1, RECOVER, recover({ absencePercentage: -1 }), 'INVALID_PERCENTAGE');
    // Sanne's case went to 50 % fourteen days ago.
    await expectRefused(actors.employer1, RECOVER, recover({ recoveredOn: addDays(today, -20), absencePercentage: 20 }), 'RECOVERY_BEFORE_LAST_CHANGE');
    await expectRefused(actors.employer1, RECOVER, recover({ recoveredOn: addDays(today, -1), absencePercentage: 50 }), 'ABSENCE_PERCENTAGE_UNCHANGED');
    await expectRefused(actors.employer1, RECOVER, recover({ sickCaseId: sanneClosed.id }), 'SICK_CASE_ALREADY_RECOVERED');
    await expectRefused(actors.employee, RECOVER, recover({}), 'FORBIDDEN');
  });
});

describe('the 104-week term across periods', () => {
  async function reportAndRecover(person: PersonPlan, firstSickDay: string, recoveredOn: string | null): Promise<Loose> {
    const reported = await harness.gql(actors.employer1, REPORT, { input: { personId: person.id, firstSickDay } });
    expect(reported.errors).toBeUndefined();
    if (recoveredOn) {
      const recovered = await harness.gql(actors.employer1, RECOVER, { input: { sickCaseId: reported.data.reportSickness.id, recoveredOn } });
      expect(recovered.errors).toBeUndefined();
    }
    return reported.data.reportSickness;
  }

  it('continues the term after a relapse within 4 weeks and moves the deadlines by the gap', async () => {
    const person = takeFree();
    const first = await reportAndRecover(person, addDays(today, -40), addDays(today, -30));
    const relapse = await reportAndRecover(person, addDays(today, -10), null);
    expect(relapse.termStartDay).toBe(first.firstSickDay);
    expect(relapse.termGapDays).toBe(20);
    expect(relapse.waitingPeriodEndsOn).toBe(addDays(first.firstSickDay, 728 + 20));
    expect(relapse.week42ReportDue).toBe(addDays(first.week42ReportDue, 20));
    const [job] = (await jobsIn(harness, 'activities.sick-case.reported')).filter((candidate) => candidate.data.sickCaseId === relapse.id);
    expect(job!.data).toMatchObject({ termStartDay: first.firstSickDay, termGapDays: 20 });
  });

  it('starts a new term when the new period starts 4 weeks or more after recovery', async () => {
    const person = takeFree();
    await reportAndRecover(person, addDays(today, -60), addDays(today, -30));
    const later = await reportAndRecover(person, addDays(today, -2), null);
    expect(later.termStartDay).toBe(addDays(today, -2));
    expect(later.termGapDays).toBe(0);
  });
});
