import { runService, type Identity, type RunningService } from '@poortwachter/kit';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/domain/dates.js';
import { handlePersonChanged, handleSickCaseRecovered, handleSickCaseReported } from '../../src/events/handlers.js';
import { service } from '../../src/index.js';
import { graphql, newId, scope } from '../helpers.js';

let db: DatabaseServer;
let running: RunningService;

const today = todayIn();
const E1 = newId();
const E2 = newId();
const employer1: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [E1] }) };
const employer2: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [E2] }) };
const physician: Identity = { sub: newId(), role: 'OCCUPATIONAL_PHYSICIAN', scope: scope({ employerIds: [E1] }) };
const employee = (personId: string): Identity => ({ sub: newId(), role: 'EMPLOYEE', personId });
const partner = (apiScopes: string[]): Identity => ({ sub: newId(), role: 'API_CLIENT', scope: scope({ employerIds: [E1] }), apiScopes });

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.field;

async function sickPerson(employerId: string, daysAgo: number, handledBefore?: string) {
  const personId = newId();
  const sickCaseId = newId();
  const firstSickDay = addDays(today, -daysAgo);
  await handlePersonChanged(running.deps.dataSource, { personId, employerId, divisionId: null, departmentId: null, active: true });
  await handleSickCaseReported(running.deps.dataSource, {
    sickCaseId,
    personId,
    employerId,
    divisionId: null,
    departmentId: null,
    firstSickDay,
    termStartDay: firstSickDay,
    termGapDays: 0,
    ...(handledBefore ? { handledBefore } : {}),
  });
  return { personId, sickCaseId, firstSickDay };
}

interface Item {
  id: string;
  title: string;
  status: string;
  role: string;
  deadline: string;
  signalDate: string;
  document: { id: string } | null;
}
const ITEM = 'id title status role deadline signalDate document { id }';
const PAGE_QUERY = `query ($personId: ID!, $filter: PersonActivitiesFilter, $sort: ActivitySortInput, $page: PageInput) {
  personActivities(personId: $personId, filter: $filter, sort: $sort, page: $page) { total items { ${ITEM} } } }`;
const page = (identity: Identity, variables: Record<string, unknown>) =>
  graphql<{ personActivities: { total: number; items: Item[] } }>(running.url, identity, PAGE_QUERY, variables);
const ADD = `mutation ($input: AddActivityInput!) { addActivity(input: $input) { ${ITEM} } }`;

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: false });
});

afterAll(async () => {
  await running?.close();
  await db?.stop();
});

describe('the activity catalogue', () => {
  it('numbers every type once, with one name per type', async () => {
    const result = await graphql<{ activityTypes: { code: string; title: string; number: number; category: string; linksDocument: boolean }[] }>(
      running.url,
      employer1,
      '{ activityTypes { code title number category linksDocument } }',
    );
    expect(result.errors).toBeUndefined();
    const types = result.data!.activityTypes;
    expect(types.map((type) => type.number)).toEqual(types.map((_, index) => index + 1));
    expect(new Set(types.map((type) => type.title.toLowerCase())).size).toBe(types.length);
    expect(types.filter((type) => /telefonische intake/i.test(type.title)).map((type) => type.title)).toEqual([
      'Telefonische intake (triage)',
      'Aanvraag telefonische intake (triage)',
    ]);
    expect(types.every((type) => type.category !== 'WG_REQUEST' || type.title.startsWith('Aanvraag '))).toBe(true);
    const importing = types.find((type) => type.number === 14)!;
    expect(importing).toMatchObject({ code: 'WG_ACTIE_IMPORTEREN_DOCUMENT', title: 'Importeren document', linksDocument: true });
    expect(types.filter((type) => type.linksDocument)).toHaveLength(1);
    expect(types.some((type) => type.code === 'WG_AANVRAAG_ONDERSTEUNING_CM')).toBe(true);
  });
});

describe('Importeren document', () => {
  it('records the uploaded document as a handled activity', async () => {
    const sick = await sickPerson(E1, 3);
    const documentId = newId();
    const result = await graphql<{ addActivity: Item }>(running.url, employer1, ADD, {
      input: { personId: sick.personId, activityTypeCode: 'WG_ACTIE_IMPORTEREN_DOCUMENT', deadline: today, documentId, remarks: 'Brief huisarts' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.addActivity).toMatchObject({ title: 'Importeren document', status: 'HANDLED', role: 'WG', document: { id: documentId } });
    const [row] = await running.deps.dataSource.query(`SELECT document_id, handled_at FROM activities.activity WHERE id = $1`, [
      result.data!.addActivity.id,
    ]);
    expect(row.document_id).toBe(documentId);
    expect(row.handled_at).not.toBeNull();
  });

  it('refuses a missing document, a document on another type, and callers outside the scope, storing nothing', async () => {
    const sick = await sickPerson(E1, 3);
    const count = async () =>
      Number((await running.deps.dataSource.query(`SELECT count(*) FROM activities.activity WHERE person_id = $1`, [sick.personId]))[0].count);
    const before = await count();
    const base = { personId: sick.personId, activityTypeCode: 'WG_ACTIE_IMPORTEREN_DOCUMENT', deadline: today };
    const missing = await graphql(running.url, employer1, ADD, { input: base });
    expect([codeOf(missing), fieldOf(missing)]).toEqual(['BAD_USER_INPUT', 'documentId']);
    const notLinkable = await graphql(running.url, employer1, ADD, {
      input: { ...base, activityTypeCode: 'WG_AANVRAAG_SPREEKUUR_BA', documentId: newId() },
    });
    expect([codeOf(notLinkable), fieldOf(notLinkable)]).toEqual(['BAD_USER_INPUT', 'documentId']);
    const malformed = await graphql(running.url, employer1, ADD, { input: { ...base, documentId: 'x' } });
    expect([codeOf(malformed), fieldOf(malformed)]).toEqual(['BAD_USER_INPUT', 'documentId']);
    expect(codeOf(await graphql(running.url, employer2, ADD, { input: { ...base, documentId: newId() } }))).toBe('PERSON_NOT_FOUND');
    expect(codeOf(await graphql(running.url, physician, ADD, { input: { ...base, documentId: newId() } }))).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('lets the employer request casemanager support with a deadline and remarks', async () => {
    const sick = await sickPerson(E1, 3);
    const result = await graphql<{ addActivity: Item & { remarks: string } }>(
      running.url,
      employer1,
      `mutation ($input: AddActivityInput!) { addActivity(input: $input) { ${ITEM} remarks } }`,
      { input: { personId: sick.personId, activityTypeCode: 'WG_AANVRAAG_ONDERSTEUNING_CM', deadline: addDays(today, 7), remarks: 'Graag meedenken' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.addActivity).toMatchObject({
      title: 'Aanvraag ondersteuning CM',
      role: 'CM',
      status: 'OPEN',
      deadline: addDays(today, 7),
      remarks: 'Graag meedenken',
      document: null,
    });
  });
});

describe('personActivities', () => {
  it('lists the current work first and pages on the server', async () => {
    // 300 days sick with the history before last week handled: most steps closed, a few open.
    const sick = await sickPerson(E1, 300, addDays(today, -7));
    const all = await page(employer1, { personId: sick.personId, page: { limit: 200 } });
    expect(all.errors).toBeUndefined();
    const items = all.data!.personActivities.items;
    expect(all.data!.personActivities.total).toBe(items.length);
    const firstClosed = items.findIndex((item) => item.status !== 'OPEN');
    expect(firstClosed).toBeGreaterThan(0);
    expect(items.slice(firstClosed).every((item) => item.status !== 'OPEN')).toBe(true);
    const open = items.slice(0, firstClosed);
    expect(open.map((item) => item.deadline)).toEqual([...open.map((item) => item.deadline)].sort());

    const first = await page(employer1, { personId: sick.personId, page: { offset: 0, limit: 2 } });
    const second = await page(employer1, { personId: sick.personId, page: { offset: 2, limit: 2 } });
    expect(first.data!.personActivities.items.map((item) => item.id)).toEqual(items.slice(0, 2).map((item) => item.id));
    expect(second.data!.personActivities.items.map((item) => item.id)).toEqual(items.slice(2, 4).map((item) => item.id));
    const beyond = await page(employer1, { personId: sick.personId, page: { offset: 500, limit: 2 } });
    expect(beyond.data!.personActivities).toEqual({ total: items.length, items: [] });

    // The Person entity lists in the same order.
    const entity = await graphql<{ _entities: { activities: { id: string }[] }[] }>(
      running.url,
      employer1,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { activities { id } } } }',
      { r: [{ __typename: 'Person', id: sick.personId }] },
    );
    expect(entity.data!._entities[0]!.activities.map((item) => item.id)).toEqual(items.map((item) => item.id));
  });

  it('searches, filters and sorts on the server', async () => {
    const sick = await sickPerson(E1, 50);
    const search = await page(employer1, { personId: sick.personId, filter: { search: 'SCREENING' } });
    expect(search.data!.personActivities.items.map((item) => item.title).sort()).toEqual(['Screening PvA week 5–6', 'Screening dossier week 1']);
    const ba = await page(employer1, { personId: sick.personId, filter: { role: 'BA', statuses: ['OPEN'] } });
    expect(ba.data!.personActivities.items.length).toBeGreaterThan(0);
    expect(ba.data!.personActivities.items.every((item) => item.role === 'BA' && item.status === 'OPEN')).toBe(true);
    const wildcard = await page(employer1, { personId: sick.personId, filter: { search: '%' } });
    expect(wildcard.data!.personActivities.total).toBe(0);
    const byTitle = await page(employer1, { personId: sick.personId, sort: { field: 'TITLE', direction: 'DESC' } });
    const titles = byTitle.data!.personActivities.items.map((item) => item.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('returns nothing outside the scope and refuses bad paging and callers without the right', async () => {
    const sick = await sickPerson(E1, 20);
    expect((await page(employer2, { personId: sick.personId })).data!.personActivities).toEqual({ total: 0, items: [] });
    expect((await page(employer1, { personId: 'not-an-id' })).data!.personActivities).toEqual({ total: 0, items: [] });
    const bad = await page(employer1, { personId: sick.personId, page: { limit: 500 } });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'page.limit']);
    const long = await page(employer1, { personId: sick.personId, filter: { search: 'x'.repeat(101) } });
    expect([codeOf(long), fieldOf(long)]).toEqual(['BAD_USER_INPUT', 'filter.search']);
    expect(codeOf(await page(employee(sick.personId), { personId: sick.personId }))).toBe('FORBIDDEN');
    expect(codeOf(await page(partner(['activities:write']), { personId: sick.personId }))).toBe('FORBIDDEN');
    expect((await page(partner(['activities:read']), { personId: sick.personId })).data!.personActivities.total).toBeGreaterThan(0);
  });
});

describe('imported history and the recovery', () => {
  it('does not count steps as done that a short absence never reached', async () => {
    // A two-day absence long ago, imported with "everything before today handled" (the demo data).
    const sick = await sickPerson(E1, 200, today);
    await handleSickCaseRecovered(running.deps.dataSource, { sickCaseId: sick.sickCaseId, personId: sick.personId, recoveredOn: addDays(sick.firstSickDay, 2) });
    const rows: { title: string; status: string; signal_date: string }[] = await running.deps.dataSource.query(
      `SELECT title, status, signal_date::text FROM activities.activity WHERE sick_case_id = $1`,
      [sick.sickCaseId],
    );
    const handled = rows.filter((row) => row.status === 'HANDLED').map((row) => row.title);
    expect(handled).toContain('(Inzetbaarheids)gesprek');
    expect(handled).not.toContain('Spreekuur probleemanalyse');
    expect(handled).not.toContain('Plan van aanpak');
    expect(rows.filter((row) => row.signal_date > addDays(sick.firstSickDay, 2)).every((row) => row.status === 'CANCELLED')).toBe(true);
  });
});

describe('personActivities for the planner', () => {
  it('is refused: the dossier folder is no planner screen', async () => {
    const sick = await sickPerson(E1, 20);
    const planner: Identity = { sub: newId(), role: 'PLANNER', scope: scope({ employerIds: [E1] }) };
    expect(codeOf(await page(planner, { personId: sick.personId }))).toBe('FORBIDDEN');
  });
});
