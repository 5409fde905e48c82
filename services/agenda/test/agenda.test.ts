import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import {
  DEMO_PERSON_COUNT,
  EventBus,
  demoId,
  demoPlacement,
  runService,
  statementCounter,
  type AccessLogEntry,
  type Identity,
  type RunningService,
} from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAppointments, period, service, workingDayAt, type PersonChanged } from '../src/index.js';
import { gql, waitFor } from './helpers.js';

const DAY = 24 * 3600 * 1000;
const person = (i: number) => demoId('person', i);
const indexOfPerson = new Map(Array.from({ length: DEMO_PERSON_COUNT }, (_, i) => [person(i + 1), i + 1]));
const employerOf = (personId: string) => demoPlacement(indexOfPerson.get(personId)!).employerIndex;
const departmentOf = (personId: string) => demoPlacement(indexOfPerson.get(personId)!).departmentIndex;

const scope = (employerIds: string[] = [], departmentIds: string[] = []) => ({ employerIds, divisionIds: [], departmentIds });
const employee: Identity = { sub: demoId('user', 1), role: 'EMPLOYEE', personId: person(1) };
const employer1: Identity = { sub: demoId('user', 2), role: 'EMPLOYER', scope: scope([demoId('employer', 1)]) };
const teamLead: Identity = { sub: demoId('user', 3), role: 'EMPLOYER', scope: scope([], [demoId('department', 1)]) };
const employer2: Identity = { sub: demoId('user', 4), role: 'EMPLOYER', scope: scope([demoId('employer', 2)]) };
const physician: Identity = {
  sub: demoId('user', 5),
  role: 'OCCUPATIONAL_PHYSICIAN',
  scope: scope([1, 2, 3].map((e) => demoId('employer', e))),
};
const admin: Identity = { sub: demoId('user', 8), role: 'ADMIN' };

const APPOINTMENTS = `query($from: DateTime, $to: DateTime) {
  appointments(from: $from, to: $to) { id startsAt endsAt professionalName professionalRole kind location videoUrl status person { id } }
}`;
const PERSON_APPOINTMENTS = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Person { id appointments { id kind status startsAt } } }
}`;

type AppointmentsResult = { appointments: { id: string; status: string; videoUrl: string | null; person: { id: string } }[] };
type EntitiesResult = { _entities: ({ id: string; appointments: { id: string }[] } | null)[] };

let db: DatabaseServer;
let running: RunningService;
let dossierBus: EventBus;
const window = { from: new Date(Date.now() - 40 * DAY).toISOString(), to: new Date(Date.now() + 40 * DAY).toISOString() };

function placementEvent(i: number): PersonChanged {
  const placement = demoPlacement(i);
  return {
    personId: person(i),
    employerId: demoId('employer', placement.employerIndex),
    divisionId: demoId('division', placement.divisionIndex),
    departmentId: demoId('department', placement.departmentIndex),
    active: true,
  };
}

async function placementCount(): Promise<number> {
  const [row] = await running.deps.dataSource.query(`SELECT count(*)::int AS n FROM agenda.person_placement`);
  return row.n;
}

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
  dossierBus = await EventBus.start({ connectionString: db.url, service: 'dossier' });
});

afterAll(async () => {
  await running?.close();
  await dossierBus?.stop();
  await db?.stop();
});

describe('demo seed', () => {
  it('creates both agendas and a spread of appointments, and a second run changes nothing', async () => {
    const read = () =>
      running.deps.dataSource.query(`SELECT id, agenda_id, person_id, starts_at, ends_at, kind, status, video_url, updated_at FROM agenda.appointment ORDER BY id`);
    const before = await read();
    expect(before).toHaveLength(demoAppointments(new Date()).length);
    const agendas = await running.deps.dataSource.query(`SELECT name, role FROM agenda.agenda ORDER BY role DESC, name`);
    expect(agendas).toEqual([
      { name: 'dr. Jeroen Mulder', role: 'OCCUPATIONAL_PHYSICIAN' },
      { name: 'dr. Marieke Bos', role: 'OCCUPATIONAL_PHYSICIAN' },
      { name: 'Ruben Visser', role: 'CASE_MANAGER' },
    ]);
    const ofPerson1 = before.filter((a: { person_id: string }) => a.person_id === person(1));
    expect(ofPerson1.length).toBeGreaterThanOrEqual(4);
    expect(ofPerson1.some((a: { status: string }) => a.status === 'HELD')).toBe(true);
    expect(ofPerson1.some((a: { status: string }) => a.status === 'PLANNED')).toBe(true);
    const departments = new Set(before.map((a: { person_id: string }) => departmentOf(a.person_id)));
    expect(departments.size).toBe(10);
    expect(before.some((a: { video_url: string | null }) => a.video_url !== null)).toBe(true);

    await service.seedDemo!(running.deps);
    expect(await read()).toEqual(before);
  });
});

describe('person placement read model', () => {
  it('is filled from person.changed events published by dossier, idempotently', async () => {
    expect(await placementCount()).toBe(0);
    for (let i = 1; i <= DEMO_PERSON_COUNT; i++) await dossierBus.publish('person.changed', placementEvent(i));
    await waitFor(async () => (await placementCount()) === DEMO_PERSON_COUNT);

    // A redelivered event and a real change: one row per person, holding the latest facts.
    await dossierBus.publish('person.changed', placementEvent(7));
    await dossierBus.publish('person.changed', { ...placementEvent(7), active: false });
    const row = await waitFor(async () => {
      const [placement] = await running.deps.dataSource.query(`SELECT * FROM agenda.person_placement WHERE person_id = $1`, [person(7)]);
      return placement.active === false ? placement : null;
    });
    expect(row.employer_id).toBe(demoId('employer', demoPlacement(7).employerIndex));
    expect(await placementCount()).toBe(DEMO_PERSON_COUNT);
    await dossierBus.publish('person.changed', placementEvent(7));
    await waitFor(async () => {
      const [placement] = await running.deps.dataSource.query(`SELECT active FROM agenda.person_placement WHERE person_id = $1`, [person(7)]);
      return placement.active === true;
    });
  });
});

describe('Query.appointments', () => {
  it("gives an employer only the appointments of persons in the employer's units", async () => {
    const result = await gql<AppointmentsResult>(running.url, APPOINTMENTS, window, employer1);
    expect(result.errors).toBeUndefined();
    const list = result.data!.appointments;
    const all = await gql<AppointmentsResult>(running.url, APPOINTMENTS, window, admin);
    const expected = all.data!.appointments.filter((a) => employerOf(a.person.id) === 1);
    expect(list.length).toBeGreaterThan(0);
    expect(list.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(all.data!.appointments.length).toBeGreaterThan(list.length);
  });

  it('narrows a team lead to their department', async () => {
    const result = await gql<AppointmentsResult>(running.url, APPOINTMENTS, window, teamLead);
    const list = result.data!.appointments;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((a) => departmentOf(a.person.id) === 1)).toBe(true);
  });

  it('gives an employee only their own appointments', async () => {
    const result = await gql<AppointmentsResult>(running.url, APPOINTMENTS, window, employee);
    const list = result.data!.appointments;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((a) => a.person.id === person(1))).toBe(true);
  });

  it('returns only appointments overlapping the period and refuses bad periods', async () => {
    const from = new Date();
    const to = new Date(from.getTime() + 14 * DAY);
    const result = await gql<{ appointments: { startsAt: string; endsAt: string }[] }>(
      running.url,
      `query($from: DateTime, $to: DateTime) { appointments(from: $from, to: $to) { startsAt endsAt } }`,
      { from: from.toISOString(), to: to.toISOString() },
      admin,
    );
    const list = result.data!.appointments;
    expect(list.length).toBeGreaterThan(0);
    for (const a of list) {
      expect(new Date(a.startsAt).getTime()).toBeLessThan(to.getTime());
      expect(new Date(a.endsAt).getTime()).toBeGreaterThan(from.getTime());
    }
    const backwards = await gql(running.url, APPOINTMENTS, { from: window.to, to: window.from }, admin);
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await gql(running.url, APPOINTMENTS, { from: window.from, to: new Date(Date.now() + 400 * DAY).toISOString() }, admin);
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('needs a signed-in caller', async () => {
    const result = await gql(running.url, APPOINTMENTS, window, null);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('Query.myAppointments', () => {
  it("lists the employee's own appointments, past and upcoming", async () => {
    const result = await gql<{ myAppointments: { status: string; startsAt: string; videoUrl: string | null }[] }>(
      running.url,
      '{ myAppointments { status startsAt videoUrl } }',
      {},
      employee,
    );
    const own = demoAppointments(new Date()).filter((a) => a.personId === person(1));
    const list = result.data!.myAppointments;
    expect(list).toHaveLength(own.length);
    const now = Date.now();
    expect(list.some((a) => new Date(a.startsAt).getTime() < now)).toBe(true);
    expect(list.some((a) => new Date(a.startsAt).getTime() > now && a.status === 'PLANNED')).toBe(true);
  });

  it('is for employees only', async () => {
    const result = await gql(running.url, '{ myAppointments { id } }', {}, employer1);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Person.appointments', () => {
  const representation = (i: number) => ({ __typename: 'Person', id: person(i) });

  it("refuses another employer's person and serves the employer's own", async () => {
    // Person 1 works for employer 1; person 5 for employer 2.
    expect(employerOf(person(1))).toBe(1);
    expect(employerOf(person(5))).toBe(2);
    const refused = await gql<EntitiesResult>(running.url, PERSON_APPOINTMENTS, { representations: [representation(1)] }, employer2);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const served = await gql<EntitiesResult>(running.url, PERSON_APPOINTMENTS, { representations: [representation(5)] }, employer2);
    expect(served.errors).toBeUndefined();
    expect(served.data!._entities[0]!.appointments.length).toBeGreaterThan(0);
  });

  it('lets an employee see their own appointments only', async () => {
    const own = await gql<EntitiesResult>(running.url, PERSON_APPOINTMENTS, { representations: [representation(1)] }, employee);
    expect(own.data!._entities[0]!.appointments.length).toBe(demoAppointments(new Date()).filter((a) => a.personId === person(1)).length);
    const other = await gql<EntitiesResult>(running.url, PERSON_APPOINTMENTS, { representations: [representation(2)] }, employee);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('costs the same number of SQL statements for 50 persons as for 10', async () => {
    const counter = statementCounter(running.deps.dataSource);
    const measure = async (n: number) => {
      const representations = Array.from({ length: n }, (_, k) => representation(2 + 3 * k));
      const before = counter.count;
      const result = await gql<EntitiesResult>(running.url, PERSON_APPOINTMENTS, { representations }, physician);
      const statements = counter.count - before;
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toHaveLength(n);
      expect(result.data!._entities.every((p) => p!.appointments.length > 0)).toBe(true);
      return statements;
    };
    const ten = await measure(10);
    const fifty = await measure(50);
    expect(ten).toBeGreaterThan(0);
    expect(fifty).toBe(ten);
  });

  it('ships access-log lines for reads and refusals to identity', async () => {
    // Read identity's queue rather than consume it: this checks what agenda sends, not pg-boss.
    const lines = await waitFor(async () => {
      const rows: { data: AccessLogEntry }[] = await running.deps.dataSource.query(
        `SELECT data FROM pgboss.job WHERE name = 'identity.access.logged' AND data->>'source' = 'agenda'`,
      );
      const found = rows.map((row) => row.data);
      return found.some((l) => l.outcome === 'denied') ? found : null;
    });
    const denied = lines.find((l) => l.outcome === 'denied' && l.userId === employer2.sub);
    expect(denied).toMatchObject({ event: 'appointment.read', personId: person(1), role: 'EMPLOYER' });
    expect(lines.some((l) => l.outcome === 'success' && l.userId === employee.sub && l.personId === person(1))).toBe(true);
    expect(lines.some((l) => l.outcome === 'success' && l.userId === employee.sub && l.personId !== person(1))).toBe(false);
  });
});

describe('period', () => {
  it('defaults to the coming 90 days and derives a missing start from the end', () => {
    const now = new Date('2026-05-01T10:00:00Z');
    expect(period(null, null, now)).toEqual({ from: now, to: new Date('2026-07-30T10:00:00Z') });
    const to = new Date('2026-05-31T00:00:00Z');
    expect(period(undefined, to, now)).toEqual({ from: new Date('2026-03-02T00:00:00Z'), to });
  });
});

describe('demo appointment times', () => {
  it('fall on working days at Amsterdam wall-clock time, across the change to summer time', () => {
    // Friday 27 March 2026 + 1 day is a Saturday: moved to Monday 30 March, after the DST change.
    const friday = new Date('2026-03-27T12:00:00Z');
    expect(workingDayAt(friday, 1, 10, 0).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(workingDayAt(friday, 0, 10, 0).toISOString()).toBe('2026-03-27T09:00:00.000Z');
    // Late evening UTC is already the next day in Amsterdam.
    expect(workingDayAt(new Date('2026-01-05T23:30:00Z'), 0, 9, 30).toISOString()).toBe('2026-01-06T08:30:00.000Z');
  });

  it('are deterministic: the same ids every run', () => {
    const a = demoAppointments(new Date('2026-05-01T10:00:00Z')).map((x) => x.id);
    const b = demoAppointments(new Date('2026-06-01T10:00:00Z')).map((x) => x.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });
});
