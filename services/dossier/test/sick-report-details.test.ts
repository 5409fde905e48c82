import { demoId } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBusinessZone } from '../src/domain/clock.js';
import { addDays } from '../src/domain/term.js';
import { buildDemoPlan, type PersonPlan } from '../src/seed/plan.js';
import { actors, codes, startDossier, type DossierHarness } from './helpers.js';

let harness: DossierHarness;
const today = todayInBusinessZone();
const plan = buildDemoPlan(today);

const casesOf = (person: PersonPlan) => plan.sickCases.filter((sickCase) => sickCase.personId === person.id);
/** Employer-1 persons with a running employment and no sick history: free to report in these tests. */
const freePersons = plan.persons.filter(
  (person) => person.employment.employerId === demoId('employer', 1) && !person.employment.endDate && casesOf(person).length === 0,
);
// Start from the end: the other mutation tests take free persons from the front.
const takeFree = (() => {
  let next = freePersons.length - 1;
  return () => freePersons[next--]!;
})();

beforeAll(async () => {
  harness = await startDossier();
});

afterAll(async () => {
  await harness?.stop();
});

const DETAILS = 'id expectedRecoveryDate workAccident safetyNet thirdPartyLiable whereabouts contactPhone questionForProfessional remarks';
const REPORT = `mutation ($input: ReportSicknessInput!) { reportSickness(input: $input) { ${DETAILS} } }`;
const UPDATE = `mutation ($input: UpdateSickCaseInput!) { updateSickCase(input: $input) { ${DETAILS} } }`;
const READ = `query ($id: ID!) { sickCase(id: $id) { ${DETAILS} } }`;

const snapshot = async () =>
  harness.sql(`SELECT
    (SELECT count(*)::int FROM dossier.sick_case) AS cases,
    (SELECT coalesce(max(updated_at), 'epoch')::text FROM dossier.sick_case) AS last_update,
    (SELECT count(*)::int FROM pgboss.job WHERE name LIKE '%.sick-case.%') AS events`);

async function report(input: Record<string, unknown>) {
  const response = await harness.gql(actors.employer1, REPORT, { input: { firstSickDay: addDays(today, -1), ...input } });
  expect(response.errors).toBeUndefined();
  return response.data.reportSickness as Record<string, unknown> & { id: string };
}

describe('reportSickness with the extended attributes', () => {
  it('stores the facts an employer may record, trimmed, and shows them to whoever may see the case', async () => {
    const person = takeFree();
    const reported = await report({
      personId: person.id,
      safetyNet: true,
      workAccident: true,
      thirdPartyLiable: true,
      whereabouts: '  Bij zijn ouders, Dorpsstraat 4, Zwolle ',
      contactPhone: '+31 (0)6-1234 5678',
      questionForProfessional: 'Kan hij aangepast werk doen in de magazijnafdeling?',
      remarks: '',
    });
    const expected = {
      safetyNet: true,
      workAccident: true,
      thirdPartyLiable: true,
      whereabouts: 'Bij zijn ouders, Dorpsstraat 4, Zwolle',
      contactPhone: '+31 (0)6-1234 5678',
      questionForProfessional: 'Kan hij aangepast werk doen in de magazijnafdeling?',
      remarks: null,
    };
    expect(reported).toMatchObject(expected);
    const [row] = await harness.sql('SELECT whereabouts, contact_phone, question_for_professional, remarks FROM dossier.sick_case WHERE id = $1', [
      reported.id,
    ]);
    expect(row).toEqual({
      whereabouts: expected.whereabouts,
      contact_phone: expected.contactPhone,
      question_for_professional: expected.questionForProfessional,
      remarks: null,
    });
    for (const identity of [actors.caseManager, actors.admin]) {
      expect((await harness.gql(identity, READ, { id: reported.id })).data.sickCase).toMatchObject(expected);
    }
    const outside = await harness.gql(actors.employer2, READ, { id: reported.id });
    expect(codes(outside)).toEqual(['SICK_CASE_NOT_FOUND']);
  });

  it('refuses text over its limit and a malformed phone number, storing nothing', async () => {
    const person = takeFree();
    const attempts: [Record<string, unknown>, string][] = [
      [{ whereabouts: 'x'.repeat(501) }, 'TEXT_TOO_LONG'],
      [{ questionForProfessional: 'x'.repeat(2001) }, 'TEXT_TOO_LONG'],
      [{ remarks: 'x'.repeat(2001) }, 'TEXT_TOO_LONG'],
      [{ contactPhone: '0'.repeat(31) }, 'TEXT_TOO_LONG'],
      [{ contactPhone: 'bel mijn vrouw' }, 'INVALID_PHONE'],
      [{ contactPhone: '12-34' }, 'INVALID_PHONE'],
    ];
    for (const [extra, code] of attempts) {
      const before = await snapshot();
      const response = await harness.gql(actors.employer1, REPORT, { input: { personId: person.id, firstSickDay: today, ...extra } });
      expect(codes(response), JSON.stringify(extra).slice(0, 60)).toEqual([code]);
      expect(await snapshot()).toEqual(before);
    }
    // Exactly at the limit is fine.
    const atLimit = await report({ personId: person.id, whereabouts: 'x'.repeat(500), questionForProfessional: 'é'.repeat(2000) });
    expect((atLimit.whereabouts as string).length).toBe(500);
  });

  it('documents every input field, and warns against medical information in the question', async () => {
    const response = await harness.gql(
      actors.admin,
      `{ report: __type(name: "ReportSicknessInput") { inputFields { name description } }
         update: __type(name: "UpdateSickCaseInput") { inputFields { name description } } }`,
    );
    const fields = [...response.data.report.inputFields, ...response.data.update.inputFields] as { name: string; description: string | null }[];
    expect(fields.filter((field) => !field.description).map((field) => field.name)).toEqual([]);
    const question = fields.find((field) => field.name === 'questionForProfessional')!;
    expect(question.description).toMatch(/no medical information/i);
  });
});

describe('updateSickCase', () => {
  it('changes the given details, keeps omitted ones and clears nulls', async () => {
    const person = takeFree();
    const reported = await report({ personId: person.id, whereabouts: 'Thuis', contactPhone: '06 12345678', remarks: 'Eerste melding' });
    const response = await harness.gql(actors.employer1, UPDATE, {
      input: { sickCaseId: reported.id, expectedRecoveryDate: addDays(today, 7), whereabouts: 'Ziekenhuis Isala', remarks: null },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data.updateSickCase).toMatchObject({
      expectedRecoveryDate: addDays(today, 7),
      whereabouts: 'Ziekenhuis Isala',
      contactPhone: '06 12345678',
      remarks: null,
    });
    const [row] = await harness.sql('SELECT whereabouts, contact_phone, remarks, expected_recovery_date::text AS erd FROM dossier.sick_case WHERE id = $1', [
      reported.id,
    ]);
    expect(row).toEqual({ whereabouts: 'Ziekenhuis Isala', contact_phone: '06 12345678', remarks: null, erd: addDays(today, 7) });
  });

  it('refuses bad input with its code and changes nothing', async () => {
    const person = takeFree();
    const reported = await report({ personId: person.id, firstSickDay: addDays(today, -3), remarks: 'Blijft' });
    const recovered = plan.sickCases.find((sickCase) => sickCase.recoveredOn && sickCase.employment.employerId === demoId('employer', 1))!;
    const attempts: [Parameters<DossierHarness['gql']>[0], Record<string, unknown>, string][] = [
      [actors.employer1, { sickCaseId: reported.id, remarks: 'x'.repeat(2001) }, 'TEXT_TOO_LONG'],
      [actors.employer1, { sickCaseId: reported.id, whereabouts: 'x'.repeat(501) }, 'TEXT_TOO_LONG'],
      [actors.employer1, { sickCaseId: reported.id, contactPhone: 'onbekend' }, 'INVALID_PHONE'],
      [actors.employer1, { sickCaseId: reported.id, expectedRecoveryDate: addDays(today, -3) }, 'EXPECTED_RECOVERY_BEFORE_FIRST_SICK_DAY'],
      [actors.employer2, { sickCaseId: reported.id, remarks: 'x' }, 'SICK_CASE_NOT_FOUND'],
      [actors.employer1, { sickCaseId: 'no-uuid', remarks: 'x' }, 'SICK_CASE_NOT_FOUND'],
      [actors.employer1, { sickCaseId: recovered.id, remarks: 'x' }, 'SICK_CASE_ALREADY_RECOVERED'],
      [actors.employee, { sickCaseId: reported.id, remarks: 'x' }, 'FORBIDDEN'],
      [actors.apiClient(['sickcases:read']), { sickCaseId: reported.id, remarks: 'x' }, 'FORBIDDEN'],
    ];
    for (const [identity, input, code] of attempts) {
      const before = await snapshot();
      const response = await harness.gql(identity, UPDATE, { input });
      expect(codes(response), JSON.stringify(input).slice(0, 80)).toEqual([code]);
      expect(await snapshot()).toEqual(before);
    }
    const [row] = await harness.sql('SELECT remarks FROM dossier.sick_case WHERE id = $1', [reported.id]);
    expect(row.remarks).toBe('Blijft');
  });
});
