import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity, SERVICE_NAMES } from '@poortwachter/kit';
import { EMPLOYER_1, PERSON_1, System, eventually } from '@poortwachter/infra';

/**
 * Integration through the real gateway, five real subgraph processes and a real Postgres with the
 * demo data. Each assertion is on an outcome: data returned, data stored, access refused.
 */
let system: System;
let employerToken: string;
let employeeToken: string;
let otherEmployerToken: string;

const PERSON_ACROSS_SUBGRAPHS = `query Person($id: ID!) {
  person(id: $id) {
    id fullName
    currentEmployment { employer { id name } department { name } }
    sickCases { id firstSickDay status waitingPeriodEndsOn activities { id title role kind signalDate deadline status } }
    appointments { id startsAt professionalName }
  }
}`;

beforeAll(async () => {
  system = await System.start();
  [employerToken, employeeToken, otherEmployerToken] = await Promise.all([
    system.login('werkgever.demo'),
    system.login('werknemer.demo'),
    system.login('werkgever2.demo'),
  ]);
  // The trajectory activities arrive through events from the dossier seed.
  await eventually(async () => {
    const result = await system.query<{ person: { sickCases: { activities: unknown[] }[] } }>(PERSON_ACROSS_SUBGRAPHS, { id: PERSON_1 }, employerToken);
    return result.data?.person?.sickCases.some((sickCase) => sickCase.activities.length > 0);
  }, 60_000);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe('the whole system through the gateway', () => {
  it('reports healthy with every subgraph up', async () => {
    const response = await fetch(system.stack.urls.gateway.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });

  it('answers one query across four subgraphs: person, sick cases, their activities, appointments', async () => {
    const result = await system.query<{
      person: {
        fullName: string;
        currentEmployment: { employer: { id: string } };
        sickCases: { status: string; activities: { title: string; role: string }[] }[];
        appointments: { startsAt: string }[];
      };
    }>(PERSON_ACROSS_SUBGRAPHS, { id: PERSON_1 }, employerToken);
    expect(result.errors).toBeUndefined();
    const person = result.data!.person;
    expect(person.fullName).toBe('Sanne de Vries');
    expect(person.currentEmployment.employer.id).toBe(EMPLOYER_1);
    const open = person.sickCases.find((sickCase) => sickCase.status === 'OPEN');
    expect(open).toBeDefined();
    expect(open!.activities.map((activity) => activity.title)).toEqual(expect.arrayContaining([expect.stringMatching(/gesprek/i)]));
    expect(person.appointments.length).toBeGreaterThan(0);
  });

  it('shows an employer only the persons of their own employer', async () => {
    const result = await system.query<{ persons: { total: number; items: { currentEmployment: { employer: { id: string } } | null }[] } }>(
      '{ persons(page: { limit: 200 }) { total items { currentEmployment { employer { id } } } } }',
      {},
      employerToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.persons.total).toBeGreaterThan(20);
    expect(result.data!.persons.total).toBeLessThan(200);
    for (const person of result.data!.persons.items) expect(person.currentEmployment?.employer.id).toBe(EMPLOYER_1);
  });

  it("refuses another employer's person", async () => {
    const result = await system.query<{ person: unknown }>(PERSON_ACROSS_SUBGRAPHS, { id: PERSON_1 }, otherEmployerToken);
    expect(result.data?.person ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('PERSON_NOT_FOUND');
  });

  it('lets an employee read their own cases and refuses a colleague', async () => {
    const own = await system.query<{ me: { id: string; sickCases: unknown[] } }>('{ me { id sickCases { id status } } }', {}, employeeToken);
    expect(own.data!.me.id).toBe(PERSON_1);
    expect(own.data!.me.sickCases.length).toBeGreaterThanOrEqual(1);
    const colleague = await system.query<{ persons: { items: { id: string }[] } }>('{ persons { items { id } } }', {}, employeeToken);
    expect(colleague.data?.persons.items.map((person) => person.id) ?? []).toEqual([PERSON_1]);
  });

  it('refuses anonymous callers and forged tokens', async () => {
    const anonymous = await system.query('{ persons { total } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await system.query('{ persons { total } }', {}, `${employerToken.slice(0, -4)}AAAA`);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('every subgraph refuses requests without or with a forged gateway signature', async () => {
    for (const name of SERVICE_NAMES) {
      const url = system.stack.urls.subgraphs[name];
      const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(unsigned.status, `${name} unsigned`).toBe(401);
      const forged = signIdentity({ sub: 'x', role: 'ADMIN' }, 'not-the-gateway-secret-not-the-gateway-secret');
      const withForged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...forged }, body: '{"query":"{ __typename }"}' });
      expect(withForged.status, `${name} forged`).toBe(401);
    }
  });

  it('a sick report through the gateway creates the trajectory in activities through the event queue', async () => {
    const persons = await system.query<{ persons: { items: { id: string; sickCases: { status: string }[] }[] } }>(
      '{ persons(page: { limit: 200 }) { items { id sickCases { status } } } }',
      {},
      employerToken,
    );
    const healthy = persons.data!.persons.items.find((person) => person.sickCases.every((sickCase) => sickCase.status !== 'OPEN'))!;
    const today = new Date().toISOString().slice(0, 10);
    const reported = await system.query<{ reportSickness: { id: string; status: string } }>(
      'mutation Report($input: ReportSicknessInput!) { reportSickness(input: $input) { id status firstSickDay } }',
      { input: { personId: healthy.id, firstSickDay: today, absencePercentage: 100 } },
      employerToken,
    );
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportSickness.status).toBe('OPEN');
    const activities = await eventually(async () => {
      const result = await system.query<{ sickCase: { activities: { title: string; signalDate: string }[] } }>(
        'query Case($id: ID!) { sickCase(id: $id) { activities { title signalDate } } }',
        { id: reported.data!.reportSickness.id },
        employerToken,
      );
      const list = result.data?.sickCase.activities ?? [];
      return list.length > 0 ? list : null;
    });
    expect(activities.some((activity) => activity.signalDate === today)).toBe(true);
  });

  it('with the agenda subgraph stopped, returns the other data plus an error for the agenda fields', async () => {
    await system.stack.stopService('agenda');
    try {
      const result = await system.query<{ person: { fullName: string; sickCases: unknown[]; appointments: unknown } }>(
        PERSON_ACROSS_SUBGRAPHS,
        { id: PERSON_1 },
        employerToken,
      );
      expect(result.data?.person.fullName).toBe('Sanne de Vries');
      expect(result.data?.person.sickCases.length).toBeGreaterThan(0);
      expect(result.errors?.length).toBeGreaterThan(0);
      // Only the agenda field is empty; @apollo/gateway reports the failed fetch without a path.
      expect(result.data?.person.appointments).toBeNull();
      expect(result.errors!.map((error) => error.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');
      const health = await fetch(system.stack.urls.gateway.replace('/graphql', '/health'));
      expect(health.status).toBe(503);
    } finally {
      await system.stack.startService('agenda');
    }
    const again = await system.query<{ person: { appointments: unknown[] } }>(PERSON_ACROSS_SUBGRAPHS, { id: PERSON_1 }, employerToken);
    expect(again.errors).toBeUndefined();
    expect(again.data!.person.appointments.length).toBeGreaterThan(0);
  });

  it('costs the same number of SQL statements for 5 and for 50 persons', async () => {
    const counts = async () => {
      let total = 0;
      for (const name of SERVICE_NAMES) {
        const response = await fetch(system.stack.urls.subgraphs[name].replace('/graphql', '/debug/sql-statements'));
        total += ((await response.json()) as { statements: number }).statements;
      }
      return total;
    };
    const query = `query Many($limit: Int!) { persons(page: { limit: $limit }) { items { id fullName
      sickCases { id activities { id title } } appointments { id } } } }`;
    const measure = async (limit: number) => {
      const before = await counts();
      const result = await system.query(query, { limit }, employerToken);
      expect(result.errors).toBeUndefined();
      return (await counts()) - before;
    };
    await measure(5); // warm caches (query plans, prepared metadata)
    expect(await measure(50)).toBe(await measure(5));
  });
});
