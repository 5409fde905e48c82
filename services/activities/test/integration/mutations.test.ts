import { EventBus, runService, type Identity, type RunningService } from '@poortwachter/kit';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/domain/dates.js';
import { handlePersonChanged, handleSickCaseReported } from '../../src/events/handlers.js';
import { service } from '../../src/index.js';
import { graphql, newId, scope, waitFor } from '../helpers.js';

let db: DatabaseServer;
let running: RunningService;
let identityBus: EventBus;
const accessLog: { event: string; personId: string | null; role: string | null; outcome: string }[] = [];

const today = todayIn();
const E1 = newId();
const E2 = newId();

const employer1: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [E1] }) };
const employer2: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [E2] }) };
const physician: Identity = { sub: newId(), role: 'OCCUPATIONAL_PHYSICIAN', scope: scope({ employerIds: [E1] }) };
const admin: Identity = { sub: newId(), role: 'ADMIN' };
const employee = (personId: string): Identity => ({ sub: newId(), role: 'EMPLOYEE', personId });
const partner = (apiScopes: string[]): Identity => ({
  sub: newId(),
  role: 'API_CLIENT',
  scope: scope({ employerIds: [E1] }),
  apiScopes,
});

async function sickPerson(employerId: string, daysAgo: number) {
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
  });
  return { personId, sickCaseId, firstSickDay };
}

interface Row {
  id: string;
  title: string;
  role: string;
  kind: string;
  status: string;
  signal_date: string;
  deadline: string;
  conclusion: string | null;
  remarks: string | null;
  handled_at: Date | null;
  sick_case_id: string | null;
  activity_type_code: string | null;
  follow_up_of: string | null;
}

const rowsOf = (personId: string): Promise<Row[]> =>
  running.deps.dataSource.query(
    `SELECT id, title, role, kind, status, signal_date::text, deadline::text, conclusion, remarks, handled_at, sick_case_id,
            activity_type_code, follow_up_of
       FROM activities.activity WHERE person_id = $1 ORDER BY signal_date, title`,
    [personId],
  );

async function activityOf(personId: string, title: string): Promise<Row> {
  const row = (await rowsOf(personId)).find((candidate) => candidate.title === title);
  if (!row) throw new Error(`no activity ${title}`);
  return row;
}

const FIELDS = 'id title role kind status signalDate deadline conclusion remarks overdue sickCase { id } person { id }';
const HANDLE = `mutation ($input: HandleActivityInput!) { handleActivity(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation ($id: ID!, $remarks: String) { cancelActivity(activityId: $id, remarks: $remarks) { ${FIELDS} } }`;
const ADD = `mutation ($input: AddActivityInput!) { addActivity(input: $input) { ${FIELDS} } }`;
const LIST = `query ($filter: ActivityFilter) { activities(filter: $filter) { ${FIELDS} } }`;
const ACTION_LIST = `query ($role: ActivityRole, $overdueOnly: Boolean) { actionList(role: $role, overdueOnly: $overdueOnly) { ${FIELDS} } }`;

interface Item {
  id: string;
  title: string;
  role: string;
  kind: string;
  status: string;
  signalDate: string;
  deadline: string;
  conclusion: string | null;
  remarks: string | null;
  overdue: boolean;
  sickCase: { id: string } | null;
  person: { id: string };
}

const handle = (identity: Identity | null, input: Record<string, unknown>) =>
  graphql<{ handleActivity: Item }>(running.url, identity, HANDLE, { input });
const add = (identity: Identity | null, input: Record<string, unknown>) =>
  graphql<{ addActivity: Item }>(running.url, identity, ADD, { input });
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: false });
  identityBus = await EventBus.start({ connectionString: db.url, service: 'identity' });
  await identityBus.subscribe<typeof accessLog>('access.logged', async (entry) => {
    accessLog.push(...(Array.isArray(entry) ? entry : [entry]));
  });
});

afterAll(async () => {
  await identityBus?.stop();
  await running?.close();
  await db?.stop();
});

describe('handleActivity', () => {
  it('handles an activity of the own role and creates the follow-up in the same trajectory', async () => {
    const sick = await sickPerson(E1, 10);
    const talk = await activityOf(sick.personId, '(Inzetbaarheids)gesprek');
    const before = await rowsOf(sick.personId);
    const result = await handle(employer1, {
      activityId: talk.id,
      conclusion: 'Gesprek gevoerd, afspraken gemaakt',
      remarks: 'Werknemer belt vrijdag',
      followUp: { activityTypeCode: 'WG_AANVRAAG_SPREEKUUR_BA', deadline: addDays(today, 14), remarks: 'Graag deze week' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.handleActivity).toMatchObject({
      id: talk.id,
      status: 'HANDLED',
      conclusion: 'Gesprek gevoerd, afspraken gemaakt',
      remarks: 'Werknemer belt vrijdag',
      signalDate: sick.firstSickDay,
      deadline: talk.deadline,
      overdue: false,
      sickCase: { id: sick.sickCaseId },
    });
    const after = await rowsOf(sick.personId);
    expect(after).toHaveLength(before.length + 1);
    const handled = after.find((row) => row.id === talk.id)!;
    expect(handled.signal_date).toBe(talk.signal_date);
    expect(handled.handled_at).not.toBeNull();
    const followUp = after.find((row) => row.follow_up_of === talk.id)!;
    expect(followUp).toMatchObject({
      title: 'Aanvraag spreekuur BA',
      role: 'BA',
      kind: 'ACTION',
      status: 'OPEN',
      signal_date: today,
      deadline: addDays(today, 14),
      remarks: 'Graag deze week',
      sick_case_id: sick.sickCaseId,
      activity_type_code: 'WG_AANVRAAG_SPREEKUUR_BA',
    });
    const chained = await graphql<{ activities: { id: string; followUpOf: { id: string } | null }[] }>(
      running.url,
      employer1,
      'query ($filter: ActivityFilter) { activities(filter: $filter) { id followUpOf { id } } }',
      { filter: { personId: sick.personId, role: 'BA', status: 'OPEN' } },
    );
    expect(chained.data!.activities.find((item) => item.id === followUp.id)?.followUpOf).toEqual({ id: talk.id });
    // The follow-up is the bedrijfsarts' work now: it is on their action list.
    const list = await graphql<{ actionList: Item[] }>(running.url, physician, ACTION_LIST, {});
    expect(list.data!.actionList.map((item) => item.id)).toContain(followUp.id);
    await waitFor(
      async () =>
        accessLog.some((entry) => entry.event === 'activity.update' && entry.personId === sick.personId && entry.role === 'EMPLOYER') &&
        accessLog.some((entry) => entry.event === 'activity.create' && entry.personId === sick.personId),
      'access-log lines for the change',
    );
  });

  it('refuses an activity of another role with FORBIDDEN and changes nothing', async () => {
    const sick = await sickPerson(E1, 40);
    const analysis = await activityOf(sick.personId, 'Spreekuur probleemanalyse');
    const before = await rowsOf(sick.personId);
    const result = await handle(employer1, { activityId: analysis.id, conclusion: 'klaar' });
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(await rowsOf(sick.personId)).toEqual(before);
    // The bedrijfsarts may.
    const own = await handle(physician, { activityId: analysis.id, conclusion: 'Probleemanalyse opgesteld' });
    expect(own.errors).toBeUndefined();
    expect(own.data!.handleActivity.status).toBe('HANDLED');
  });

  it("answers ACTIVITY_NOT_FOUND for another employer's activity, a missing one and a malformed id", async () => {
    const sick = await sickPerson(E1, 3);
    const talk = await activityOf(sick.personId, '(Inzetbaarheids)gesprek');
    expect(codeOf(await handle(employer2, { activityId: talk.id, conclusion: 'x' }))).toBe('ACTIVITY_NOT_FOUND');
    expect(codeOf(await handle(employer1, { activityId: newId() }))).toBe('ACTIVITY_NOT_FOUND');
    expect(codeOf(await handle(employer1, { activityId: 'not-a-uuid' }))).toBe('ACTIVITY_NOT_FOUND');
    expect((await activityOf(sick.personId, '(Inzetbaarheids)gesprek')).status).toBe('OPEN');
  });

  it('refuses to handle twice with ACTIVITY_ALREADY_CLOSED, changing nothing', async () => {
    const sick = await sickPerson(E1, 3);
    const talk = await activityOf(sick.personId, '(Inzetbaarheids)gesprek');
    expect((await handle(employer1, { activityId: talk.id, conclusion: 'eerste' })).errors).toBeUndefined();
    const before = await rowsOf(sick.personId);
    const again = await handle(employer1, {
      activityId: talk.id,
      conclusion: 'tweede',
      followUp: { activityTypeCode: 'WG_ACTIE_PLANNEN_DOSSIERACTIE', deadline: addDays(today, 3) },
    });
    expect(codeOf(again)).toBe('ACTIVITY_ALREADY_CLOSED');
    expect(await rowsOf(sick.personId)).toEqual(before);
  });

  it('refuses bad follow-ups and long texts, storing nothing', async () => {
    const sick = await sickPerson(E1, 3);
    const talk = await activityOf(sick.personId, '(Inzetbaarheids)gesprek');
    const before = await rowsOf(sick.personId);
    const attempts: [Record<string, unknown>, string][] = [
      [{ followUp: { activityTypeCode: 'NO_SUCH_TYPE', deadline: addDays(today, 3) } }, 'UNKNOWN_ACTIVITY_TYPE'],
      [{ followUp: { activityTypeCode: 'WG_ACTIE_PLANNEN_DOSSIERACTIE', deadline: addDays(today, -1) } }, 'INVALID_DEADLINE'],
      [{ followUp: { activityTypeCode: 'WG_ACTIE_PLANNEN_DOSSIERACTIE', deadline: addDays(today, 801) } }, 'INVALID_DEADLINE'],
      [{ conclusion: 'x'.repeat(2001) }, 'TEXT_TOO_LONG'],
      [{ remarks: 'x'.repeat(2001) }, 'TEXT_TOO_LONG'],
    ];
    for (const [extra, code] of attempts) {
      expect(codeOf(await handle(employer1, { activityId: talk.id, conclusion: 'ok', ...extra }))).toBe(code);
    }
    // A bedrijfsarts may not create an employer activity as follow-up.
    const analysis = await activityOf(sick.personId, 'Spreekuur probleemanalyse');
    expect(
      codeOf(
        await handle(physician, {
          activityId: analysis.id,
          followUp: { activityTypeCode: 'WG_ACTIE_PLANNEN_DOSSIERACTIE', deadline: addDays(today, 3) },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await rowsOf(sick.personId)).toEqual(before);
  });

  it('keeps the signal date when a relapse re-plans the trajectory of a handled activity', async () => {
    const sick = await sickPerson(E1, 20);
    const reminder = await activityOf(sick.personId, 'Inplannen spreekuur BA');
    await handle(employer1, { activityId: reminder.id, conclusion: 'Ingepland' });
    const relapseId = newId();
    await handleSickCaseReported(running.deps.dataSource, {
      sickCaseId: relapseId,
      personId: sick.personId,
      employerId: E1,
      divisionId: null,
      departmentId: null,
      firstSickDay: addDays(today, -2),
      termStartDay: sick.firstSickDay,
      termGapDays: 5,
    });
    const rows = await rowsOf(sick.personId);
    // The relapse took over the open steps of the term...
    expect(rows.find((row) => row.title === 'Spreekuur probleemanalyse')!.sick_case_id).toBe(relapseId);
    // ...but the handled one stays as it was.
    expect(rows.find((row) => row.id === reminder.id)).toMatchObject({
      status: 'HANDLED',
      signal_date: reminder.signal_date,
      conclusion: 'Ingepland',
      sick_case_id: sick.sickCaseId,
    });
  });

  it('refuses employees, anonymous callers and partners without activities:write', async () => {
    const sick = await sickPerson(E1, 3);
    const talk = await activityOf(sick.personId, '(Inzetbaarheids)gesprek');
    expect(codeOf(await handle(employee(sick.personId), { activityId: talk.id }))).toBe('FORBIDDEN');
    expect(codeOf(await handle(null, { activityId: talk.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await handle(partner(['activities:read']), { activityId: talk.id }))).toBe('FORBIDDEN');
    const byPartner = await handle(partner(['activities:write']), { activityId: talk.id, conclusion: 'Via HR-systeem' });
    expect(byPartner.errors).toBeUndefined();
    expect(byPartner.data!.handleActivity.status).toBe('HANDLED');
  });
});

describe('cancelActivity', () => {
  it('cancels an open activity with remarks, once', async () => {
    const sick = await sickPerson(E1, 3);
    const reminder = await activityOf(sick.personId, 'Ondersteuning CM');
    const result = await graphql<{ cancelActivity: Item }>(running.url, employer1, CANCEL, { id: reminder.id, remarks: 'Niet nodig' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.cancelActivity).toMatchObject({ status: 'CANCELLED', remarks: 'Niet nodig', signalDate: reminder.signal_date });
    const again = await graphql(running.url, employer1, CANCEL, { id: reminder.id });
    expect(codeOf(again)).toBe('ACTIVITY_ALREADY_CLOSED');
    expect((await activityOf(sick.personId, 'Ondersteuning CM')).remarks).toBe('Niet nodig');
  });
});

describe('addActivity', () => {
  it('adds a catalogue activity signalled today, in the sick case when given', async () => {
    const sick = await sickPerson(E1, 3);
    const result = await add(employer1, {
      personId: sick.personId,
      sickCaseId: sick.sickCaseId,
      activityTypeCode: 'WG_AANVRAAG_TELEFONISCHE_INTAKE',
      deadline: addDays(today, 5),
      remarks: 'Graag bellen na 14 uur',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.addActivity).toMatchObject({
      title: 'Aanvraag telefonische intake (triage)',
      role: 'CM',
      kind: 'ACTION',
      status: 'OPEN',
      signalDate: today,
      deadline: addDays(today, 5),
      remarks: 'Graag bellen na 14 uur',
      overdue: false,
      sickCase: { id: sick.sickCaseId },
      person: { id: sick.personId },
    });
    const without = await add(physician, {
      personId: sick.personId,
      activityTypeCode: 'WG_AANVRAAG_SMT_OVERLEG_BA',
      deadline: today,
    });
    expect(without.errors).toBeUndefined();
    expect(without.data!.addActivity).toMatchObject({ role: 'BA', sickCase: null });
  });

  it('refuses bad input with its code and stores nothing', async () => {
    const sick = await sickPerson(E1, 3);
    const other = await sickPerson(E1, 3);
    const outside = await sickPerson(E2, 3);
    const before = await rowsOf(sick.personId);
    const outsideBefore = await rowsOf(outside.personId);
    const valid = { personId: sick.personId, activityTypeCode: 'WG_ACTIE_PLANNEN_DOSSIERACTIE', deadline: addDays(today, 5) };
    const attempts: [Identity, Record<string, unknown>, string][] = [
      [employer1, { ...valid, activityTypeCode: 'NO_SUCH_TYPE' }, 'UNKNOWN_ACTIVITY_TYPE'],
      [employer1, { ...valid, deadline: addDays(today, -1) }, 'INVALID_DEADLINE'],
      [employer1, { ...valid, remarks: 'x'.repeat(2001) }, 'TEXT_TOO_LONG'],
      [employer1, { ...valid, sickCaseId: other.sickCaseId }, 'SICK_CASE_NOT_FOUND'],
      [employer1, { ...valid, personId: outside.personId }, 'PERSON_NOT_FOUND'],
      [employer1, { ...valid, personId: newId() }, 'PERSON_NOT_FOUND'],
      [employer2, valid, 'PERSON_NOT_FOUND'],
      [physician, valid, 'FORBIDDEN'],
      [employee(sick.personId), valid, 'FORBIDDEN'],
    ];
    for (const [identity, input, code] of attempts) expect(codeOf(await add(identity, input))).toBe(code);
    expect(await rowsOf(sick.personId)).toEqual(before);
    expect(await rowsOf(outside.personId)).toEqual(outsideBefore);
  });
});

describe('activities', () => {
  it('lists the activities in scope matching the filter', async () => {
    const sick = await sickPerson(E1, 50);
    const all = await graphql<{ activities: Item[] }>(running.url, employer1, LIST, { filter: { sickCaseId: sick.sickCaseId } });
    expect(all.errors).toBeUndefined();
    expect(all.data!.activities).toHaveLength(15);
    expect(new Set(all.data!.activities.map((item) => item.role))).toEqual(new Set(['WG', 'BA', 'CM']));
    const ba = await graphql<{ activities: Item[] }>(running.url, employer1, LIST, {
      filter: { personId: sick.personId, role: 'BA', kind: 'ACTION', status: 'OPEN' },
    });
    expect(ba.data!.activities.length).toBeGreaterThan(0);
    expect(ba.data!.activities.every((item) => item.role === 'BA' && item.kind === 'ACTION' && item.status === 'OPEN')).toBe(true);
    const overdue = all.data!.activities.find((item) => item.title === 'Spreekuur probleemanalyse')!;
    expect(overdue.overdue).toBe(true);
    expect(all.data!.activities.find((item) => item.title === 'Eindevaluatie PvA')!.overdue).toBe(false);
    const theirs = await graphql<{ activities: Item[] }>(running.url, employer2, LIST, { filter: { sickCaseId: sick.sickCaseId } });
    expect(theirs.data!.activities).toEqual([]);
    expect(codeOf(await graphql(running.url, employee(sick.personId), LIST, {}))).toBe('FORBIDDEN');
    expect(codeOf(await graphql(running.url, partner(['activities:write']), LIST, {}))).toBe('FORBIDDEN');
  });
});

describe('actionList filters', () => {
  it('narrows to overdue activities and, for the administrator, to one role', async () => {
    await sickPerson(E1, 60);
    const overdue = await graphql<{ actionList: Item[] }>(running.url, employer1, ACTION_LIST, { overdueOnly: true });
    expect(overdue.errors).toBeUndefined();
    expect(overdue.data!.actionList.length).toBeGreaterThan(0);
    expect(overdue.data!.actionList.every((item) => item.overdue && item.deadline < today && item.role === 'WG')).toBe(true);
    const all = await graphql<{ actionList: Item[] }>(running.url, employer1, ACTION_LIST, {});
    expect(all.data!.actionList.some((item) => !item.overdue)).toBe(true);
    const ba = await graphql<{ actionList: Item[] }>(running.url, admin, ACTION_LIST, { role: 'BA' });
    expect(ba.data!.actionList.length).toBeGreaterThan(0);
    expect(ba.data!.actionList.every((item) => item.role === 'BA')).toBe(true);
    expect((await graphql<{ actionList: Item[] }>(running.url, employer1, ACTION_LIST, { role: 'WG' })).errors).toBeUndefined();
    expect(codeOf(await graphql(running.url, employer1, ACTION_LIST, { role: 'BA' }))).toBe('FORBIDDEN');
  });
});

describe('reminders on the action list', () => {
  it('disappear on the 42nd day after their signal date', async () => {
    const stillShown = await sickPerson(E1, 41);
    const gone = await sickPerson(E1, 42);
    const items = (await graphql<{ actionList: Item[] }>(running.url, employer1, ACTION_LIST, {})).data!.actionList;
    const reminders = (personId: string) =>
      items.filter((item) => item.person.id === personId && item.kind === 'REMINDER').map((item) => item.title).sort();
    expect(reminders(stillShown.personId)).toEqual(['Inplannen spreekuur BA', 'Ondersteuning CM', 'Ondersteuning CM bij PvA']);
    expect(reminders(gone.personId)).toEqual(['Ondersteuning CM bij PvA']);
    // Still open, only off the list.
    expect((await activityOf(gone.personId, 'Inplannen spreekuur BA')).status).toBe('OPEN');
  });
});

describe('activityTypes', () => {
  it('describes every type with code, title, role, kind and category', async () => {
    const result = await graphql<{ activityTypes: Record<string, string>[] }>(
      running.url,
      employer1,
      '{ activityTypes { code title role kind category } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.activityTypes.length).toBe(15);
    for (const type of result.data!.activityTypes) {
      expect(Object.values(type).every((value) => typeof value === 'string' && value.length > 0)).toBe(true);
    }
  });
});
