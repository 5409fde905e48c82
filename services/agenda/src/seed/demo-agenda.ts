import { DEMO_PERSON_COUNT, DEMO_PROFESSIONALS, DEMO_USERS, demoId, type ServiceDeps } from '@poortwachter/kit';
import { amsterdamOffsetMinutes } from '../domain/amsterdam-time.js';
import type { AgendaRole, AppointmentStatus } from '../entities/index.js';

const TIME_ZONE = 'Europe/Amsterdam';
const DAY_MS = 24 * 3600 * 1000;

const LOCATIONS = [
  'Arbodienst Rivierenland, Stationsweg 12, Tiel',
  'Arbodienst Rivierenland, Havendijk 3, Culemborg',
  'Spreekkamer Gemeentehuis Lekstad, Markt 1, Lekstad',
] as const;

const KINDS = {
  OCCUPATIONAL_PHYSICIAN: ['Spreekuur bedrijfsarts', 'Spreekuur probleemanalyse', 'Spreekuur eerstejaarsevaluatie', 'Telefonisch consult bedrijfsarts'],
  CASE_MANAGER: ['Gesprek casemanager', 'Evaluatie plan van aanpak'],
} as const;

/** Today's calendar date in Amsterdam as a UTC-midnight Date, so day arithmetic stays exact. */
function amsterdamToday(now: Date): Date {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now).split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!));
}

/**
 * A working-day moment `dayOffset` days from today at hh:mm Amsterdam time (weekends move to the
 * Monday after), so the demo agenda looks like a real consulting-hours schedule.
 */
export function workingDayAt(now: Date, dayOffset: number, hour: number, minute: number): Date {
  const day = new Date(amsterdamToday(now).getTime() + dayOffset * DAY_MS);
  const weekday = day.getUTCDay();
  if (weekday === 6) day.setUTCDate(day.getUTCDate() + 2);
  if (weekday === 0) day.setUTCDate(day.getUTCDate() + 1);
  const wallClockAsUtc = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute);
  const offset = amsterdamOffsetMinutes(new Date(wallClockAsUtc));
  return new Date(wallClockAsUtc - offset * 60_000);
}

export interface DemoAppointment {
  id: string;
  agendaId: string;
  personId: string;
  startsAt: Date;
  endsAt: Date;
  kind: string;
  location: string | null;
  videoUrl: string | null;
  status: AppointmentStatus;
}

function professionalAgenda(role: 'OCCUPATIONAL_PHYSICIAN' | 'CASE_MANAGER'): string {
  const professional = DEMO_PROFESSIONALS.find((p) => p.role === role)!;
  return demoId('agenda', professional.index);
}

/**
 * The demo appointments relative to `now`: the demo employee (person 1) has two past, one
 * cancelled and two upcoming appointments; sixty other persons spread over every department have
 * one each, from about five weeks ago to five weeks ahead, a quarter of them by video.
 */
export function demoAppointments(now: Date): DemoAppointment[] {
  const appointments: DemoAppointment[] = [];
  let n = 0;
  const add = (
    personIndex: number,
    role: 'OCCUPATIONAL_PHYSICIAN' | 'CASE_MANAGER',
    kind: string,
    dayOffset: number,
    hour: number,
    minute: number,
    minutes: number,
    video: boolean,
    cancelled = false,
  ) => {
    n++;
    const id = demoId('appointment', n);
    const startsAt = workingDayAt(now, dayOffset, hour, minute);
    const past = startsAt.getTime() < now.getTime();
    appointments.push({
      id,
      agendaId: professionalAgenda(role),
      personId: demoId('person', personIndex),
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      kind,
      location: video ? null : LOCATIONS[n % LOCATIONS.length]!,
      videoUrl: video ? `https://video.poortwachter.example/spreekuur/${id.slice(0, 8)}` : null,
      status: cancelled ? 'CANCELLED' : past ? 'HELD' : 'PLANNED',
    });
  };

  add(1, 'OCCUPATIONAL_PHYSICIAN', 'Spreekuur probleemanalyse', -35, 10, 0, 45, false);
  add(1, 'CASE_MANAGER', 'Gesprek casemanager', -21, 14, 30, 30, true);
  add(1, 'OCCUPATIONAL_PHYSICIAN', 'Spreekuur bedrijfsarts', -7, 9, 0, 30, false, true);
  add(1, 'OCCUPATIONAL_PHYSICIAN', 'Spreekuur bedrijfsarts', 3, 11, 0, 30, true);
  add(1, 'CASE_MANAGER', 'Evaluatie plan van aanpak', 14, 13, 30, 45, false);

  for (let k = 1; k <= 60; k++) {
    // Step 3 through the persons visits every department (demoPlacement cycles through ten).
    const personIndex = 2 + 3 * (k - 1);
    if (personIndex > DEMO_PERSON_COUNT) break;
    const role = k % 3 === 0 ? 'CASE_MANAGER' : 'OCCUPATIONAL_PHYSICIAN';
    const kinds = KINDS[role];
    const dayOffset = ((k * 37) % 70) - 35;
    const cancelled = dayOffset < 0 ? k % 7 === 0 : k % 11 === 0;
    add(personIndex, role, kinds[k % kinds.length]!, dayOffset, 9 + (k % 8), (k % 2) * 30, role === 'CASE_MANAGER' ? 45 : 30, k % 4 === 0, cancelled);
  }
  return appointments;
}

interface DemoAgenda {
  id: string;
  name: string;
  role: AgendaRole;
  username: string | null;
  employerIndexes: number[];
  /** [weekday, "HH:MM", "HH:MM"] blocks. */
  hours: [number, string, string][];
  locations: { name: string; address: string | null; video: boolean }[];
}

const WEEKDAYS = [1, 2, 3, 4, 5];

/**
 * The demo agendas: the two demo professionals of every demo login (serving all three employers)
 * and a second bedrijfsarts without a login for Bouwbedrijf Van Dijk and Gemeente Lekstad, so an
 * employer can choose between doctors and sees other customers' consultations only as "bezet".
 */
export function demoAgendas(): DemoAgenda[] {
  const physician = DEMO_PROFESSIONALS.find((p) => p.role === 'OCCUPATIONAL_PHYSICIAN')!;
  const caseManager = DEMO_PROFESSIONALS.find((p) => p.role === 'CASE_MANAGER')!;
  return [
    {
      id: demoId('agenda', physician.index),
      name: physician.name,
      role: 'OCCUPATIONAL_PHYSICIAN',
      username: physician.username,
      employerIndexes: [1, 2, 3],
      hours: WEEKDAYS.flatMap((day): [number, string, string][] => [
        [day, '08:30', '12:30'],
        [day, '13:00', '17:30'],
      ]),
      locations: [
        { name: 'Spreekkamer Tiel', address: LOCATIONS[0], video: false },
        { name: 'Videogesprek', address: null, video: true },
      ],
    },
    {
      id: demoId('agenda', caseManager.index),
      name: caseManager.name,
      role: 'CASE_MANAGER',
      username: caseManager.username,
      employerIndexes: [1, 2, 3],
      hours: WEEKDAYS.map((day): [number, string, string] => [day, '09:00', '17:30']),
      locations: [
        { name: 'Spreekkamer Culemborg', address: LOCATIONS[1], video: false },
        { name: 'Videogesprek', address: null, video: true },
      ],
    },
    {
      id: demoId('agenda', 3),
      name: 'dr. Jeroen Mulder',
      role: 'OCCUPATIONAL_PHYSICIAN',
      username: null,
      employerIndexes: [2, 3],
      hours: [2, 3, 4].map((day): [number, string, string] => [day, '09:00', '16:00']),
      locations: [
        { name: 'Spreekkamer Lekstad', address: LOCATIONS[2], video: false },
        { name: 'Videogesprek', address: null, video: true },
      ],
    },
  ];
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Seeds the professionals' agendas and the demo appointments. Idempotent: existing rows are left
 * alone, so a second run changes nothing (dates stay where the first run put them).
 */
export async function seedDemoAgenda(deps: ServiceDeps, now = new Date()): Promise<void> {
  const appointments = demoAppointments(now);
  await deps.dataSource.transaction(async (manager) => {
    let locationNumber = 0;
    for (const agenda of demoAgendas()) {
      const userIndex = DEMO_USERS.findIndex((user) => user.username === agenda.username);
      const employerIds = agenda.employerIndexes.map((index) => demoId('employer', index));
      // An agenda seeded before planning existed gets its employers once; later changes stay.
      await manager.query(
        `INSERT INTO agenda.agenda (id, name, role, user_id, employer_ids) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET employer_ids = EXCLUDED.employer_ids WHERE agenda.employer_ids = '{}'`,
        [agenda.id, agenda.name, agenda.role, userIndex >= 0 ? demoId('user', userIndex + 1) : null, employerIds],
      );
      await manager.query(
        `INSERT INTO agenda.working_hours (agenda_id, weekday, start_minute, end_minute)
         SELECT $1, w, s, e FROM unnest($2::int[], $3::int[], $4::int[]) AS t(w, s, e)
          WHERE NOT EXISTS (SELECT 1 FROM agenda.working_hours WHERE agenda_id = $1)`,
        [agenda.id, agenda.hours.map((h) => h[0]), agenda.hours.map((h) => minutesOf(h[1])), agenda.hours.map((h) => minutesOf(h[2]))],
      );
      for (const [position, location] of agenda.locations.entries()) {
        locationNumber++;
        await manager.query(
          `INSERT INTO agenda.location (id, agenda_id, name, address, video, position) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
          [demoId('location', locationNumber), agenda.id, location.name, location.address, location.video, position],
        );
      }
    }
    await manager.query(
      `INSERT INTO agenda.appointment (id, agenda_id, person_id, starts_at, ends_at, kind, location, video_url, status)
       SELECT r.id, r.agenda_id, r.person_id, r.starts_at, r.ends_at, r.kind, r.location, r.video_url, r.status
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, agenda_id uuid, person_id uuid, starts_at timestamptz, ends_at timestamptz,
                                                   kind text, location text, video_url text, status text)
       ON CONFLICT DO NOTHING`,
      [
        JSON.stringify(
          appointments.map((a) => ({
            id: a.id,
            agenda_id: a.agendaId,
            person_id: a.personId,
            starts_at: a.startsAt.toISOString(),
            ends_at: a.endsAt.toISOString(),
            kind: a.kind,
            location: a.location,
            video_url: a.videoUrl,
            status: a.status,
          })),
        ),
      ],
    );
  });
}
