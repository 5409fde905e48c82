import { DEMO_PERSON_COUNT, demoId, demoPlacement, statementCounter } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import { todayInBusinessZone } from '../src/domain/clock.js';
import { termDates } from '../src/domain/term.js';
import { actors, codes, jobsIn, startDossier, type DossierHarness, type Loose } from './helpers.js';

let harness: DossierHarness;

beforeAll(async () => {
  harness = await startDossier();
});

afterAll(async () => {
  await harness?.stop();
});

const personsOfEmployer = (employerIndex: number) =>
  Array.from({ length: DEMO_PERSON_COUNT }, (_, i) => i + 1).filter((index) => demoPlacement(index).employerIndex === employerIndex);

const PERSONS = /* GraphQL */ `
  query Persons($filter: PersonFilter, $page: PageInput) {
    persons(filter: $filter, page: $page) {
      total
      items { id fullName personnelNumber employments { employer { id name } division { id } department { id name } } }
    }
  }
`;

describe('persons and scope', () => {
  it('shows an employer exactly the persons employed in its scope', async () => {
    const response = await harness.gql(actors.employer1, PERSONS, { page: { limit: 200 } });
    expect(response.errors).toBeUndefined();
    const expected = personsOfEmployer(1).map((index) => demoId('person', index));
    expect(response.data.persons.total).toBe(expected.length);
    expect(response.data.persons.items.map((person: Loose) => person.id).sort()).toEqual([...expected].sort());
    for (const person of response.data.persons.items) {
      expect(person.employments.map((employment: Loose) => employment.employer.id)).toEqual([demoId('employer', 1)]);
    }
  });

  it('refuses a person of another employer as if it did not exist', async () => {
    const other = demoId('person', personsOfEmployer(2)[0]!);
    const query = 'query ($id: ID!) { person(id: $id) { id fullName } }';
    const outOfScope = await harness.gql(actors.employer1, query, { id: other });
    expect(codes(outOfScope)).toEqual(['PERSON_NOT_FOUND']);
    expect(outOfScope.data?.person ?? null).toBeNull();
    const missing = await harness.gql(actors.employer1, query, { id: '00000000-0000-4000-8000-000000000000' });
    expect(codes(missing)).toEqual(['PERSON_NOT_FOUND']);
    expect(codes(await harness.gql(actors.employer1, query, { id: 'not-a-uuid' }))).toEqual(['PERSON_NOT_FOUND']);
    // The other employer does see that person.
    const own = await harness.gql(actors.employer2, query, { id: other });
    expect(own.data.person.id).toBe(other);
  });

  it('filters on search text (ILIKE, wildcards literal), units and active employment', async () => {
    const search = async (text: string) => (await harness.gql(actors.admin, PERSONS, { filter: { search: text } })).data.persons;
    const sanne = await search('sanne de vr');
    expect(sanne.items.map((person: Loose) => person.fullName)).toContain('Sanne de Vries');
    expect((await search('P00001')).items.map((person: Loose) => person.id)).toContain(demoId('person', 1));
    expect((await search('%')).total).toBe(0);
    expect((await search('_')).total).toBe(0);

    const department1 = await harness.gql(actors.admin, PERSONS, { filter: { departmentId: demoId('department', 1) }, page: { limit: 200 } });
    const expected = Array.from({ length: DEMO_PERSON_COUNT }, (_, i) => i + 1).filter((index) => demoPlacement(index).departmentIndex === 1);
    expect(department1.data.persons.total).toBe(expected.length);

    const all = await harness.gql(actors.admin, PERSONS, { page: { limit: 1 } });
    const active = await harness.gql(actors.admin, PERSONS, { filter: { activeOnly: true }, page: { limit: 1 } });
    expect(all.data.persons.total).toBe(DEMO_PERSON_COUNT);
    // Every 40th demo person has left.
    expect(active.data.persons.total).toBe(DEMO_PERSON_COUNT - DEMO_PERSON_COUNT / 40);
  });

  it('filters on absence: persons with an open case in scope, or the ones to report sick', async () => {
    const absent = await harness.gql(actors.employer1, PERSONS, { filter: { absent: true }, page: { limit: 1 } });
    const present = await harness.gql(actors.employer1, PERSONS, { filter: { absent: false }, page: { limit: 1 } });
    const [{ count }] = await harness.sql(`SELECT count(*)::int AS count FROM dossier.sick_case WHERE status = 'OPEN' AND employer_id = $1`, [
      demoId('employer', 1),
    ]);
    expect(count).toBeGreaterThan(0);
    expect(absent.data.persons.total).toBe(count);
    expect(absent.data.persons.total + present.data.persons.total).toBe(personsOfEmployer(1).length);
  });

  it('pages in name order and refuses impossible pages', async () => {
    const first = await harness.gql(actors.admin, PERSONS, { page: { offset: 0, limit: 5 } });
    const second = await harness.gql(actors.admin, PERSONS, { page: { offset: 5, limit: 5 } });
    const both = await harness.gql(actors.admin, PERSONS, { page: { offset: 0, limit: 10 } });
    expect([...first.data.persons.items, ...second.data.persons.items].map((p: Loose) => p.id)).toEqual(
      both.data.persons.items.map((p: Loose) => p.id),
    );
    expect(codes(await harness.gql(actors.admin, PERSONS, { page: { limit: 201 } }))).toEqual(['INVALID_PAGE']);
    expect(codes(await harness.gql(actors.admin, PERSONS, { page: { offset: -1 } }))).toEqual(['INVALID_PAGE']);
    expect(codes(await harness.gql(actors.admin, PERSONS, { filter: { search: 'x'.repeat(101) } }))).toEqual(['INVALID_SEARCH']);
  });

  it('shows a department-scoped team leader only that department and its ancestors', async () => {
    const persons = await harness.gql(actors.teamLeader, PERSONS, { page: { limit: 200 } });
    for (const person of persons.data.persons.items) {
      expect(person.employments.map((employment: Loose) => employment.department.id)).toEqual([demoId('department', 1)]);
    }
    const tree = await harness.gql(actors.teamLeader, '{ employers { id divisions { id departments { id name } } } }');
    expect(tree.data.employers).toEqual([
      { id: demoId('employer', 1), divisions: [{ id: demoId('division', 1), departments: [{ id: demoId('department', 1), name: 'Team Tiel' }] }] },
    ]);
    const employer = await harness.gql(actors.employer1, '{ employers { name divisions { name departments { name } } } }');
    expect(employer.data.employers).toHaveLength(1);
    expect(employer.data.employers[0].divisions.flatMap((division: Loose) => division.departments)).toHaveLength(4);
    expect((await harness.gql(actors.admin, '{ employers { id } }')).data.employers).toHaveLength(3);
  });

  it('requires a signed-in caller and, for partner software, the API scope', async () => {
    expect(codes(await harness.gql(null, PERSONS))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await harness.gql(actors.apiClient(['sickcases:read']), PERSONS))).toEqual(['FORBIDDEN']);
    const partner = await harness.gql(actors.apiClient(['persons:read']), '{ persons(page: {limit: 1}) { total items { id sickCases { id } } } }');
    expect(partner.data?.persons ?? null).toBeNull();
    expect(codes(partner)).toEqual(['FORBIDDEN']);
    const allowed = await harness.gql(actors.apiClient(['persons:read']), '{ persons(page: {limit: 1}) { total } }');
    expect(allowed.data.persons.total).toBe(personsOfEmployer(1).length);
  });
});

describe('the employee', () => {
  const SANNE = demoId('person', 1);

  it('sees their own person and sick cases through me', async () => {
    const response = await harness.gql(
      actors.employee,
      `{ me { id fullName address { city } currentEmployment { jobTitle partTimeFactor employer { name } }
            sickCases { id status firstSickDay termStartDay termGapDays waitingPeriodEndsOn week42ReportDue wiaApplicationDue
                        absencePercentage absenceCourse { from absencePercentage } person { id } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const me = response.data.me;
    expect(me.fullName).toBe('Sanne de Vries');
    expect(me.currentEmployment.employer.name).toBe('Zorggroep Rivierenland');
    expect(me.currentEmployment.partTimeFactor).toBeGreaterThan(0);
    expect(me.sickCases).toHaveLength(3);
    const open = me.sickCases.filter((sickCase: Loose) => sickCase.status === 'OPEN');
    expect(open).toHaveLength(1);
    const today = todayInBusinessZone();
    const firstSickDay = new Date(Date.parse(`${today}T00:00:00Z`) - 49 * 86_400_000).toISOString().slice(0, 10);
    expect(open[0].firstSickDay).toBe(firstSickDay);
    expect(open[0].absencePercentage).toBe(50);
    expect(open[0].absenceCourse.map((point: Loose) => point.absencePercentage)).toEqual([100, 50]);
    expect(open[0]).toMatchObject(termDates({ termStartDay: firstSickDay, termGapDays: 0 }));
    for (const closed of me.sickCases.filter((sickCase: Loose) => sickCase.status === 'RECOVERED')) {
      expect(closed.absenceCourse.at(-1).absencePercentage).toBe(0);
    }
  });

  it('sees only their own sick cases and nobody else', async () => {
    const list = await harness.gql(actors.employee, '{ sickCases(page: {limit: 200}) { total items { id person { id } } } }');
    expect(list.data.sickCases.total).toBe(3);
    expect(new Set(list.data.sickCases.items.map((sickCase: Loose) => sickCase.person.id))).toEqual(new Set([SANNE]));

    const [otherCase] = await harness.sql<{ id: string }>('SELECT id FROM dossier.sick_case WHERE person_id <> $1 LIMIT 1', [SANNE]);
    const refused = await harness.gql(actors.employee, 'query ($id: ID!) { sickCase(id: $id) { id } }', { id: otherCase!.id });
    expect(codes(refused)).toEqual(['SICK_CASE_NOT_FOUND']);
    expect(codes(await harness.gql(actors.employee, 'query ($id: ID!) { person(id: $id) { id } }', { id: demoId('person', 2) }))).toEqual([
      'PERSON_NOT_FOUND',
    ]);
    const persons = await harness.gql(actors.employee, '{ persons { total items { id } } }');
    expect(persons.data.persons).toEqual({ total: 1, items: [{ id: SANNE }] });
    expect((await harness.gql(actors.employer1, '{ me { id } }')).data.me).toBeNull();
  });
});

describe('sick case lists', () => {
  it('filters on status and scope in SQL', async () => {
    const open = await harness.gql(actors.employer1, '{ sickCases(filter: {status: OPEN}, page: {limit: 200}) { total items { status employer { id } durationDays } } }');
    expect(open.errors).toBeUndefined();
    expect(open.data.sickCases.total).toBeGreaterThan(0);
    for (const sickCase of open.data.sickCases.items) {
      expect(sickCase).toMatchObject({ status: 'OPEN', employer: { id: demoId('employer', 1) } });
    }
    const [{ count }] = await harness.sql(`SELECT count(*)::int AS count FROM dossier.sick_case WHERE status = 'OPEN' AND employer_id = $1`, [
      demoId('employer', 1),
    ]);
    expect(open.data.sickCases.total).toBe(count);
  });
});

describe('federation references', () => {
  it('resolves entities the caller may see and null for the rest', async () => {
    const inScope = demoId('person', personsOfEmployer(1)[1]!);
    const outOfScope = demoId('person', personsOfEmployer(2)[0]!);
    const [outCase] = await harness.sql<{ id: string }>('SELECT id FROM dossier.sick_case WHERE employer_id = $1 LIMIT 1', [demoId('employer', 2)]);
    const [inCase] = await harness.sql<{ id: string }>('SELECT id FROM dossier.sick_case WHERE employer_id = $1 LIMIT 1', [demoId('employer', 1)]);
    const response = await harness.gql(
      actors.employer1,
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on Person { id fullName } ... on SickCase { id firstSickDay } ... on Employer { id name } } }`,
      {
        representations: [
          { __typename: 'Person', id: inScope },
          { __typename: 'Person', id: outOfScope },
          { __typename: 'SickCase', id: inCase!.id },
          { __typename: 'SickCase', id: outCase!.id },
          { __typename: 'Employer', id: demoId('employer', 1) },
          { __typename: 'Employer', id: demoId('employer', 2) },
          { __typename: 'Person', id: 'garbage' },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    const entities = response.data._entities;
    expect(entities[0].id).toBe(inScope);
    expect(entities[1]).toBeNull();
    expect(entities[2].id).toBe(inCase!.id);
    expect(entities[3]).toBeNull();
    expect(entities[4].name).toBe('Zorggroep Rivierenland');
    expect(entities[5]).toBeNull();
    expect(entities[6]).toBeNull();
  });
});

describe('access log', () => {
  it('records who read which persons, in one batch per list', async () => {
    // Lines of earlier tests may still be buffered: ship them first.
    await harness.running.accessLog.flush();
    const before = (await jobsIn(harness, 'identity.access.logged')).length;
    const response = await harness.gql(actors.employer1, PERSONS, { page: { limit: 7 } });
    const ids: string[] = response.data.persons.items.map((person: Loose) => person.id);
    await harness.running.accessLog.flush();
    const jobs = (await jobsIn(harness, 'identity.access.logged')).slice(before);
    expect(jobs.map((job) => job.data.personId).sort()).toEqual([...ids].sort());
    for (const job of jobs) {
      expect(job.data).toMatchObject({ event: 'person.read', outcome: 'success', userId: 'user-werkgever', role: 'EMPLOYER', source: 'dossier' });
    }

    const denied = demoId('person', personsOfEmployer(2)[0]!);
    await harness.gql(actors.employer1, 'query ($id: ID!) { person(id: $id) { id } }', { id: denied });
    await harness.running.accessLog.flush();
    const last = (await jobsIn(harness, 'identity.access.logged')).at(-1)!;
    expect(last.data).toMatchObject({ event: 'person.read', outcome: 'denied', personId: denied });
  });
});

describe('SQL statements per request', () => {
  const DEEP = /* GraphQL */ `
    query Deep($limit: Int!) {
      persons(page: { limit: $limit }) {
        total
        items {
          id fullName
          currentEmployment { id }
          employments { id partTimeFactor employer { id name } division { id name employer { id } } department { id name division { id } } }
          sickCases { id status waitingPeriodEndsOn absenceCourse { from absencePercentage } person { id fullName } employer { id } }
        }
      }
    }
  `;

  async function statementsFor(identity: Parameters<DossierHarness['gql']>[0], limit: number): Promise<number> {
    const counter = statementCounter(harness.running.deps.dataSource);
    const before = counter.count;
    const response = await harness.gql(identity, DEEP, { limit });
    expect(response.errors).toBeUndefined();
    expect(response.data.persons.items.length).toBe(Math.min(limit, response.data.persons.total));
    return counter.count - before;
  }

  it('does not grow with the number of persons (10 vs 50)', async () => {
    for (const identity of [actors.admin, actors.employer1, actors.caseManager]) {
      const ten = await statementsFor(identity, 10);
      const fifty = await statementsFor(identity, 50);
      expect(fifty).toBe(ten);
      expect(ten).toBeLessThanOrEqual(8);
    }
  });
});

describe('demo seed', () => {
  it('is idempotent: a second run inserts and publishes nothing', async () => {
    const counts = async () => {
      const [row] = await harness.sql(`SELECT
        (SELECT count(*)::int FROM dossier.person) AS persons,
        (SELECT count(*)::int FROM dossier.employment) AS employments,
        (SELECT count(*)::int FROM dossier.sick_case) AS sick_cases,
        (SELECT count(*)::int FROM dossier.absence_course_point) AS points,
        (SELECT count(*)::int FROM pgboss.job WHERE name NOT LIKE 'identity.%') AS jobs`);
      return row;
    };
    const before = await counts();
    expect(before.persons).toBe(DEMO_PERSON_COUNT);
    expect((await jobsIn(harness, 'activities.person.changed')).length).toBe(DEMO_PERSON_COUNT);
    const reported = await jobsIn(harness, 'activities.sick-case.reported');
    expect(reported.length).toBe(before.sick_cases);
    expect(reported.every((job) => job.data.handledBefore === todayInBusinessZone())).toBe(true);
    const [{ recovered }] = await harness.sql(`SELECT count(*)::int AS recovered FROM dossier.sick_case WHERE status = 'RECOVERED'`);
    expect((await jobsIn(harness, 'activities.sick-case.recovered')).length).toBe(recovered);

    await service.seedDemo!(harness.running.deps);
    expect(await counts()).toEqual(before);
  });
});
