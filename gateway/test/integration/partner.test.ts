import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '@poortwachter/kit';
import { EMPLOYER_1, System } from '@poortwachter/infra';

/**
 * Issue 5's partner contract, as HR software (e.g. an AFAS coupling) uses it: a client of one
 * employer gets a token with client credentials and reports sickness, a partial and a full recovery
 * and a relapse through the gateway; every bad input is refused with its code and stores nothing.
 */
let system: System;
let partnerToken: string;
let readOnlyToken: string;
let healthyPersonId: string;
let otherEmployersPersonId: string;

const CASE_FIELDS = `id status firstSickDay absencePercentage recoveredOn termStartDay termGapDays
  waitingPeriodEndsOn week42ReportDue wiaApplicationDue absenceCourse { from absencePercentage }`;

interface SickCaseResult {
  id: string;
  status: string;
  firstSickDay: string;
  absencePercentage: number;
  recoveredOn: string | null;
  termStartDay: string;
  termGapDays: number;
  waitingPeriodEndsOn: string;
  week42ReportDue: string;
  wiaApplicationDue: string;
  absenceCourse: { from: string; absencePercentage: number }[];
}

async function clientToken(scopes: string[]): Promise<string> {
  const admin = await system.login('beheerder.demo');
  const created = await system.query<{ createApiClient: { client: { id: string }; clientSecret: string } }>(
    'mutation C($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret } }',
    { input: { name: `HR-koppeling ${scopes.join(' ')}`, employerId: EMPLOYER_1, scopes } },
    admin,
  );
  const { client, clientSecret } = created.data!.createApiClient;
  const response = await fetch(system.stack.urls.gateway.replace('/graphql', '/oauth/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: clientSecret, scope: scopes.join(' ') }).toString(),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

const report = (input: Record<string, unknown>, token = partnerToken) =>
  system.query<{ reportSickness: SickCaseResult }>(
    `mutation R($input: ReportSicknessInput!) { reportSickness(input: $input) { ${CASE_FIELDS} } }`,
    { input },
    token,
  );

const recover = (input: Record<string, unknown>) =>
  system.query<{ reportRecovery: SickCaseResult }>(
    `mutation R($input: ReportRecoveryInput!) { reportRecovery(input: $input) { ${CASE_FIELDS} } }`,
    { input },
    partnerToken,
  );

async function casesOf(personId: string): Promise<SickCaseResult[]> {
  const result = await system.query<{ person: { sickCases: SickCaseResult[] } }>(
    `query P($id: ID!) { person(id: $id) { sickCases { ${CASE_FIELDS} } } }`,
    { id: personId },
    partnerToken,
  );
  return result.data!.person.sickCases;
}

beforeAll(async () => {
  system = await System.start();
  [partnerToken, readOnlyToken] = [
    await clientToken(['persons:read', 'sickcases:read', 'sickcases:write']),
    await clientToken(['persons:read']),
  ];
  const hr = await system.login('werkgever.demo');
  const persons = await system.query<{ persons: { items: { id: string; sickCases: unknown[] }[] } }>(
    '{ persons(page: { limit: 200 }) { items { id sickCases { id } } } }',
    {},
    hr,
  );
  healthyPersonId = persons.data!.persons.items.find((person) => person.sickCases.length === 0)!.id;
  const other = await system.query<{ persons: { items: { id: string }[] } }>('{ persons(page: { limit: 1 }) { items { id } } }', {}, await system.login('werkgever2.demo'));
  otherEmployersPersonId = other.data!.persons.items[0]!.id;
}, 240_000);

afterAll(async () => {
  await system?.stop();
});

describe('partner API: sick report to relapse', () => {
  const today = todayIn();
  const firstSickDay = addDays(today, -40);

  it('reports sickness with the term dates of the Wet verbetering poortwachter', async () => {
    const result = await report({ personId: healthyPersonId, firstSickDay, absencePercentage: 100 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.reportSickness).toMatchObject({
      status: 'OPEN',
      firstSickDay,
      absencePercentage: 100,
      termStartDay: firstSickDay,
      termGapDays: 0,
      waitingPeriodEndsOn: addDays(firstSickDay, 728),
      absenceCourse: [{ from: firstSickDay, absencePercentage: 100 }],
    });
  });

  it('refuses each bad input with its code and stores nothing', async () => {
    const before = await casesOf(healthyPersonId);
    const refusals: [Record<string, unknown>, string][] = [
      [{ personId: '00000000-0000-4000-8000-000000000000', firstSickDay }, 'PERSON_NOT_FOUND'],
      [{ personId: otherEmployersPersonId, firstSickDay }, 'PERSON_NOT_FOUND'],
      [{ personId: healthyPersonId, firstSickDay: addDays(today, -3), absencePercentage: 150 }, 'INVALID_PERCENTAGE'],
      [{ personId: healthyPersonId, firstSickDay: addDays(today, 60) }, 'FIRST_SICK_DAY_TOO_FAR_AHEAD'],
      [{ personId: healthyPersonId, firstSickDay: '1960-01-01' }, 'FIRST_SICK_DAY_BEFORE_EMPLOYMENT'],
      [{ personId: healthyPersonId, firstSickDay: addDays(today, -2) }, 'OVERLAPPING_OPEN_CASE'],
    ];
    for (const [input, code] of refusals) {
      const result = await report(input);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
    }
    const sickCaseId = before.find((sickCase) => sickCase.status === 'OPEN')!.id;
    const early = await recover({ sickCaseId, recoveredOn: addDays(firstSickDay, -1) });
    expect(early.errors?.[0]?.extensions?.code).toBe('RECOVERY_BEFORE_FIRST_SICK_DAY');
    expect(await casesOf(healthyPersonId)).toEqual(before);
  });

  it('records a partial recovery as a new point in the absence course, then the full recovery', async () => {
    const [open] = (await casesOf(healthyPersonId)).filter((sickCase) => sickCase.status === 'OPEN');
    const partial = await recover({ sickCaseId: open!.id, recoveredOn: addDays(firstSickDay, 10), absencePercentage: 50 });
    expect(partial.errors).toBeUndefined();
    expect(partial.data!.reportRecovery).toMatchObject({ status: 'OPEN', absencePercentage: 50 });
    expect(partial.data!.reportRecovery.absenceCourse).toEqual([
      { from: firstSickDay, absencePercentage: 100 },
      { from: addDays(firstSickDay, 10), absencePercentage: 50 },
    ]);
    const full = await recover({ sickCaseId: open!.id, recoveredOn: addDays(firstSickDay, 20) });
    expect(full.errors).toBeUndefined();
    expect(full.data!.reportRecovery).toMatchObject({ status: 'RECOVERED', recoveredOn: addDays(firstSickDay, 20) });
  });

  it('continues the same term on a relapse within four weeks, moving its end by the gap', async () => {
    const relapseDay = addDays(firstSickDay, 34); // 14 days after recovery
    const relapse = await report({ personId: healthyPersonId, firstSickDay: relapseDay });
    expect(relapse.errors).toBeUndefined();
    expect(relapse.data!.reportSickness).toMatchObject({
      status: 'OPEN',
      termStartDay: firstSickDay,
      termGapDays: 14,
      waitingPeriodEndsOn: addDays(firstSickDay, 728 + 14),
    });
  });

  it('refuses a client without the write scope', async () => {
    const before = await casesOf(healthyPersonId);
    const result = await report({ personId: healthyPersonId, firstSickDay: addDays(today, -1) }, readOnlyToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await casesOf(healthyPersonId)).toEqual(before);
  });
});
