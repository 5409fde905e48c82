import {
  EventBus,
  runService,
  statementCounter,
  type Identity,
  type RunningService,
} from '@poortwachter/kit';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/domain/dates.js';
import { handlePersonChanged, handleSickCaseReported } from '../../src/events/handlers.js';
import { service } from '../../src/index.js';
import { graphql, newId, scope, waitFor } from '../helpers.js';

let db: DatabaseServer;
let running: RunningService;
let identityBus: EventBus;
const accessLog: { event: string; personId: string | null; role: string | null; source: string }[] = [];

const today = todayIn();
const E1 = newId();
const E2 = newId();
const DIV1 = newId();
const DEP1 = newId();
const DEP2 = newId();

const employer1: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [E1] }) };
const employer2: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [E2] }) };
const teamLeader: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ departmentIds: [DEP2] }) };
const physician: Identity = {
  sub: newId(),
  role: 'OCCUPATIONAL_PHYSICIAN',
  scope: scope({ employerIds: [E1] }),
};
const caseManager: Identity = { sub: newId(), role: 'CASE_MANAGER', scope: scope({ employerIds: [E1, E2] }) };
const admin: Identity = { sub: newId(), role: 'ADMIN' };

/** A person of E1 (department DEP1 or DEP2) or E2, sick since `daysAgo` days. */
async function sickPerson(employerId: string, daysAgo: number, departmentId: string | null = null) {
  const personId = newId();
  const sickCaseId = newId();
  const firstSickDay = addDays(today, -daysAgo);
  await handlePersonChanged(running.deps.dataSource, {
    personId,
    employerId,
    divisionId: employerId === E1 ? DIV1 : null,
    departmentId,
    active: true,
  });
  await handleSickCaseReported(running.deps.dataSource, {
    sickCaseId,
    personId,
    employerId,
    divisionId: employerId === E1 ? DIV1 : null,
    departmentId,
    firstSickDay,
    termStartDay: firstSickDay,
    termGapDays: 0,
  });
  return { personId, sickCaseId, firstSickDay };
}

interface ListItem {
  id: string;
  title: string;
  role: string;
  kind: string;
  signalDate: string;
  deadline: string;
  status: string;
  person: { id: string };
  sickCase: { id: string } | null;
}

const ACTION_LIST = `query ($daysAhead: Int) { actionList(daysAhead: $daysAhead) { id title role kind signalDate deadline status person { id } sickCase { id } } }`;

async function actionList(identity: Identity | null, daysAhead?: number) {
  return graphql<{ actionList: ListItem[] }>(
    running.url,
    identity,
    ACTION_LIST,
    daysAhead === undefined ? {} : { daysAhead },
  );
}

let recent: Awaited<ReturnType<typeof sickPerson>>;
let tenDays: Awaited<ReturnType<typeof sickPerson>>;
let fiftyDays: Awaited<ReturnType<typeof sickPerson>>;
let otherEmployer: Awaited<ReturnType<typeof sickPerson>>;

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: false });
  identityBus = await EventBus.start({ connectionString: db.url, service: 'identity' });
  await identityBus.subscribe<typeof accessLog>('access.logged', async (entry) => {
    accessLog.push(...(Array.isArray(entry) ? entry : [entry]));
  });
  recent = await sickPerson(E1, 3, DEP1);
  tenDays = await sickPerson(E1, 10, DEP2);
  fiftyDays = await sickPerson(E1, 50, DEP1);
  otherEmployer = await sickPerson(E2, 3);
});

afterAll(async () => {
  await identityBus?.stop();
  await running?.close();
  await db?.stop();
});

describe('actionList', () => {
  it('shows an employer the WG activities of their own units, due within 28 days, by deadline', async () => {
    const { data, errors } = await actionList(employer1);
    expect(errors).toBeUndefined();
    const items = data!.actionList;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((item) => item.role))).toEqual(new Set(['WG']));
    expect(items.every((item) => item.status === 'OPEN' && item.signalDate <= addDays(today, 28))).toBe(true);
    const persons = new Set(items.map((item) => item.person.id));
    expect(persons).toEqual(new Set([recent.personId, tenDays.personId, fiftyDays.personId]));
    const deadlines = items.map((item) => item.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const titlesOf = (personId: string) =>
      items
        .filter((item) => item.person.id === personId)
        .map((item) => item.title)
        .sort();
    expect(titlesOf(recent.personId)).toEqual(
      ['(Inzetbaarheids)gesprek', 'Inplannen spreekuur BA', 'Ondersteuning CM'].sort(),
    );
    // Its reminders appeared 50 days ago: gone; the one from day 35 is still shown.
    expect(titlesOf(fiftyDays.personId)).toEqual(
      ['(Inzetbaarheids)gesprek', 'Ondersteuning CM bij PvA', 'Plan van aanpak'].sort(),
    );
    expect(items.find((item) => item.person.id === recent.personId)?.sickCase).toEqual({
      id: recent.sickCaseId,
    });
  });

  it('looks further ahead on request', async () => {
    const { data } = await actionList(employer1, 60);
    const titles = data!.actionList
      .filter((item) => item.person.id === recent.personId)
      .map((item) => item.title);
    expect(titles).toContain('Plan van aanpak');
    const { data: none } = await actionList(employer1, 0);
    expect(none!.actionList.every((item) => item.signalDate <= today)).toBe(true);
  });

  it('shows another employer only their own', async () => {
    const { data } = await actionList(employer2);
    expect(new Set(data!.actionList.map((item) => item.person.id))).toEqual(
      new Set([otherEmployer.personId]),
    );
  });

  it('limits a team leader to their department', async () => {
    const { data } = await actionList(teamLeader);
    expect(new Set(data!.actionList.map((item) => item.person.id))).toEqual(new Set([tenDays.personId]));
  });

  it('shows the bedrijfsarts the BA activities and the casemanager the CM activities', async () => {
    const ba = (await actionList(physician)).data!.actionList;
    // Overdue actions stay on the list: the fifty-day case's analysis first, by deadline.
    expect(ba.map((item) => [item.person.id, item.title])).toEqual([
      [fiftyDays.personId, 'Spreekuur probleemanalyse'],
      [tenDays.personId, 'Spreekuur probleemanalyse'],
    ]);
    const cm = (await actionList(caseManager)).data!.actionList;
    expect(new Set(cm.map((item) => item.role))).toEqual(new Set(['CM']));
    expect(cm.map((item) => item.title)).toContain('Screening dossier week 1');
    expect(cm.map((item) => item.person.id)).toContain(otherEmployer.personId);
  });

  it('shows the administrator every role', async () => {
    const roles = new Set((await actionList(admin)).data!.actionList.map((item) => item.role));
    expect(roles).toEqual(new Set(['WG', 'BA', 'CM']));
  });

  it('refuses employees, anonymous callers and a bad daysAhead', async () => {
    const employee: Identity = { sub: newId(), role: 'EMPLOYEE', personId: recent.personId };
    expect((await actionList(employee)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await actionList(null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await actionList(employer1, -1)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await actionList(employer1, 10_000)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('follows the person to their new employer', async () => {
    const moved = await sickPerson(E1, 3, DEP1);
    await handlePersonChanged(running.deps.dataSource, {
      personId: moved.personId,
      employerId: E2,
      divisionId: null,
      departmentId: null,
      active: true,
    });
    expect((await actionList(employer1)).data!.actionList.map((item) => item.person.id)).not.toContain(
      moved.personId,
    );
    expect((await actionList(employer2)).data!.actionList.map((item) => item.person.id)).toContain(
      moved.personId,
    );
  });

  it('logs the reads for the persons concerned', async () => {
    await actionList(employer2);
    await waitFor(
      async () =>
        accessLog.some(
          (entry) =>
            entry.event === 'activity.read' &&
            entry.personId === otherEmployer.personId &&
            entry.role === 'EMPLOYER' &&
            entry.source === 'activities',
        ),
      'an access-log line',
    );
  });
});

const CASE_ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on SickCase { id activities { id title role signalDate } } } }`;
const PERSON_ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { id activities { id title sickCase { id } } } } }`;

describe('SickCase.activities and Person.activities', () => {
  it('returns a case trajectory of every role to someone in scope, nothing to others', async () => {
    const representations = [{ __typename: 'SickCase', id: recent.sickCaseId }];
    const mine = await graphql<{ _entities: { activities: { role: string }[] }[] }>(
      running.url,
      employer1,
      CASE_ENTITIES,
      { representations },
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!._entities[0]!.activities).toHaveLength(15);
    expect(new Set(mine.data!._entities[0]!.activities.map((activity) => activity.role))).toEqual(
      new Set(['WG', 'BA', 'CM']),
    );
    const theirs = await graphql<{ _entities: { activities: unknown[] }[] }>(
      running.url,
      employer2,
      CASE_ENTITIES,
      { representations },
    );
    expect(theirs.data!._entities[0]!.activities).toEqual([]);
    const employee: Identity = { sub: newId(), role: 'EMPLOYEE', personId: recent.personId };
    const own = await graphql<{ _entities: { activities: unknown[] }[] }>(
      running.url,
      employee,
      CASE_ENTITIES,
      { representations },
    );
    expect(own.data!._entities[0]!.activities).toEqual([]);
  });

  it('returns a person’s activities with their case', async () => {
    const result = await graphql<{ _entities: { activities: { sickCase: { id: string } }[] }[] }>(
      running.url,
      physician,
      PERSON_ENTITIES,
      {
        representations: [{ __typename: 'Person', id: tenDays.personId }],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]!.activities).toHaveLength(15);
    expect(
      result.data!._entities[0]!.activities.every((activity) => activity.sickCase.id === tenDays.sickCaseId),
    ).toBe(true);
  });

  it('resolves Activity references within scope only', async () => {
    const [first] = (await actionList(employer1)).data!.actionList;
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Activity { id title } } }`;
    const representations = [{ __typename: 'Activity', id: first!.id }];
    expect(
      (await graphql<{ _entities: unknown[] }>(running.url, employer1, query, { representations })).data!
        ._entities,
    ).toEqual([{ id: first!.id, title: first!.title }]);
    expect(
      (await graphql<{ _entities: unknown[] }>(running.url, employer2, query, { representations })).data!
        ._entities,
    ).toEqual([null]);
  });

  it('costs the same number of statements for 10 cases as for 50', async () => {
    const cases: string[] = [];
    for (let index = 0; index < 50; index++) cases.push((await sickPerson(E1, index, DEP1)).sickCaseId);
    const counter = statementCounter(running.deps.dataSource);
    const statementsFor = async (ids: string[]) => {
      const before = counter.count;
      const result = await graphql<{ _entities: { activities: unknown[] }[] }>(
        running.url,
        employer1,
        CASE_ENTITIES,
        {
          representations: ids.map((id) => ({ __typename: 'SickCase', id })),
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.every((entity) => entity.activities.length === 15)).toBe(true);
      return counter.count - before;
    };
    const ten = await statementsFor(cases.slice(0, 10));
    const fifty = await statementsFor(cases);
    expect(ten).toBe(1);
    expect(fifty).toBe(ten);
  });
});
