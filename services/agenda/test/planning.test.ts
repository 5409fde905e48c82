import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { demoId, runService, type Identity, type RunningService } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamInstant, easterSunday, kingsDay, publicHolidayOn, service } from '../src/index.js';
import { gql } from './helpers.js';

const scope = (employerIds: string[] = []) => ({ employerIds, divisionIds: [], departmentIds: [] });
const planner: Identity = { sub: demoId('user', 7), role: 'PLANNER', scope: scope([1, 2, 3].map((e) => demoId('employer', e))) };
const employer1: Identity = { sub: demoId('user', 2), role: 'EMPLOYER', scope: scope([demoId('employer', 1)]) };
const employer2: Identity = { sub: demoId('user', 4), role: 'EMPLOYER', scope: scope([demoId('employer', 2)]) };
const bos = demoId('agenda', 1);
const person1 = demoId('person', 1); // employer 1

describe('Dutch public holidays', () => {
  it('computes Easter and the days that follow from it', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(publicHolidayOn('2027-03-29')?.name).toBe('Tweede Paasdag');
    expect(publicHolidayOn('2027-05-06')?.name).toBe('Hemelvaartsdag');
    expect(publicHolidayOn('2027-05-17')?.name).toBe('Tweede Pinksterdag');
    expect(publicHolidayOn('2027-03-30')).toBeNull();
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday', () => {
    expect(kingsDay(2025)).toBe('2025-04-26');
    expect(kingsDay(2026)).toBe('2026-04-27');
    expect(publicHolidayOn('2025-04-27')).toBeNull();
  });
});

let db: DatabaseServer;
let running: RunningService;
const PLAN = `mutation($input: PlanAppointmentInput!) { planAppointment(input: $input) { id status version videoUrl } }`;

/** A Monday well ahead at hh:mm Amsterdam time, on no holiday. */
function nextMonday(weeksAhead: number, minutes: number): Date {
  const today = new Date();
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 7 * weeksAhead));
  while (day.getUTCDay() !== 1 || publicHolidayOn(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() + 1);
  return amsterdamInstant(day.toISOString().slice(0, 10), minutes);
}

const plan = (startsAt: Date, extra: Record<string, unknown> = {}, who: Identity = planner) =>
  gql<{ planAppointment: { id: string; status: string; version: number; videoUrl: string | null } }>(
    running.url,
    PLAN,
    { input: { agendaId: bos, personId: person1, startsAt: startsAt.toISOString(), kind: 'Spreekuur probleemanalyse', ...extra } },
    who,
  );

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
  await running.deps.dataSource.query(
    `INSERT INTO agenda.person_placement (person_id, employer_id, division_id, department_id, active) VALUES ($1, $2, $3, $4, true)`,
    [person1, demoId('employer', 1), demoId('division', 1), demoId('department', 1)],
  );
});

afterAll(async () => {
  await running?.close();
  await db?.stop();
});

describe('planning', () => {
  it('books a free slot inside working hours', async () => {
    const result = await plan(nextMonday(3, 9 * 60));
    expect(result.errors).toBeUndefined();
    expect(result.data!.planAppointment).toMatchObject({ status: 'PLANNED', version: 1 });
    const [row] = await running.deps.dataSource.query(`SELECT status FROM agenda.appointment WHERE id = $1`, [result.data!.planAppointment.id]);
    expect(row.status).toBe('PLANNED');
  });

  it('refuses double booking, out-of-hours and public holidays with stable codes', async () => {
    const taken = await plan(nextMonday(3, 9 * 60 + 15));
    expect(taken.errors?.[0]?.extensions?.code).toBe('SLOT_TAKEN');
    const late = await plan(nextMonday(3, 20 * 60));
    expect(late.errors?.[0]?.extensions?.code).toBe('OUTSIDE_WORKING_HOURS');
    const year = new Date().getUTCFullYear() + 1;
    const holiday = await plan(amsterdamInstant(`${year}-12-25`, 10 * 60));
    expect(holiday.errors?.[0]?.extensions?.code).toBe('PUBLIC_HOLIDAY');
    const past = await plan(new Date(Date.now() - 86_400_000));
    expect(past.errors?.[0]?.extensions?.code).toBe('APPOINTMENT_IN_PAST');
  });

  it('lets exactly one of two concurrent bookings of one slot win', async () => {
    const at = nextMonday(4, 10 * 60);
    const results = await Promise.all([plan(at), plan(at)]);
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost[0]!.errors![0]!.extensions!.code).toBe('SLOT_TAKEN');
    const [row] = await running.deps.dataSource.query(
      `SELECT count(*)::int AS n FROM agenda.appointment WHERE agenda_id = $1 AND starts_at = $2 AND status <> 'CANCELLED'`,
      [bos, at],
    );
    expect(row.n).toBe(1);
  });

  it('refuses a move at a stale version', async () => {
    const booked = await plan(nextMonday(5, 8 * 60 + 30));
    expect(booked.errors).toBeUndefined();
    const id = booked.data!.planAppointment.id;
    const MOVE = `mutation($input: MoveAppointmentInput!) { moveAppointment(input: $input) { status version } }`;
    const moved = await gql<{ moveAppointment: { status: string; version: number } }>(
      running.url, MOVE, { input: { appointmentId: id, expectedVersion: 1, startsAt: nextMonday(5, 16 * 60 + 30).toISOString() } }, planner,
    );
    expect(moved.data?.moveAppointment).toEqual({ status: 'MOVED', version: 2 });
    const stale = await gql(running.url, MOVE, { input: { appointmentId: id, expectedVersion: 1, startsAt: nextMonday(5, 15 * 60).toISOString() } }, planner);
    expect(stale.errors?.[0]?.extensions?.code).toBe('APPOINTMENT_VERSION_CONFLICT');
  });

  it('shows employers their persons without video link and others only as busy', async () => {
    const at = nextMonday(6, 9 * 60);
    const video = await running.deps.dataSource.query(`SELECT id FROM agenda.location WHERE agenda_id = $1 AND video`, [bos]);
    const booked = await plan(at, { locationId: video[0].id });
    expect(booked.data!.planAppointment.videoUrl).toMatch(/^https:/);
    const ENTRIES = `query($ids: [ID!], $from: DateTime, $to: DateTime) {
      agendaEntries(agendaIds: $ids, from: $from, to: $to) { id busy appointment { kind videoUrl calendarFile person { id } } } }`;
    const vars = { ids: [bos], from: new Date(at.getTime() - 60_000).toISOString(), to: new Date(at.getTime() + 3_600_000).toISOString() };
    const own = await gql<{ agendaEntries: { id: string; busy: boolean; appointment: { kind: string; videoUrl: string | null; calendarFile: string | null } | null }[] }>(running.url, ENTRIES, vars, employer1);
    const entry = own.data!.agendaEntries.find((e) => e.id === booked.data!.planAppointment.id)!;
    expect(entry.busy).toBe(false);
    expect(entry.appointment).toMatchObject({ kind: 'Spreekuur probleemanalyse', videoUrl: null, calendarFile: null });
    const other = await gql<{ agendaEntries: { id: string; busy: boolean; appointment: unknown }[] }>(running.url, ENTRIES, vars, employer2);
    const hidden = other.data!.agendaEntries.find((e) => e.id === booked.data!.planAppointment.id)!;
    expect(hidden).toEqual({ id: booked.data!.planAppointment.id, busy: true, appointment: null });
  });

  it('refuses planning to employer roles', async () => {
    const result = await plan(nextMonday(7, 9 * 60), {}, employer1);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
