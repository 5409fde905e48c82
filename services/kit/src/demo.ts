import { createHash } from 'node:crypto';
import * as OTPAuth from 'otpauth';

/**
 * The demo data set is seeded by several subgraphs independently (none reads another's tables).
 * Deterministic ids let each one refer to the same employers and persons: `demoId('person', 1)` is
 * the same UUID in dossier, identity, agenda and everywhere else, on every machine.
 */
export function demoId(kind: string, index: number): string {
  const hash = createHash('sha1').update(`poortwachter-demo:${kind}:${index}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5 layout
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The shape of the demo organisation: three employers, each with divisions and departments. */
export const DEMO_EMPLOYERS = [
  {
    index: 1,
    name: 'Zorggroep Rivierenland',
    divisions: [
      { index: 1, name: 'Wijkverpleging', departments: [{ index: 1, name: 'Team Tiel' }, { index: 2, name: 'Team Culemborg' }] },
      { index: 2, name: 'Ouderenzorg', departments: [{ index: 3, name: 'Huize De Linge' }, { index: 4, name: 'Dagbesteding' }] },
    ],
  },
  {
    index: 2,
    name: 'Bouwbedrijf Van Dijk & Zn.',
    divisions: [
      { index: 3, name: 'Utiliteitsbouw', departments: [{ index: 5, name: 'Uitvoering' }, { index: 6, name: 'Werkvoorbereiding' }] },
      { index: 4, name: 'Kantoor', departments: [{ index: 7, name: 'Administratie' }] },
    ],
  },
  {
    index: 3,
    name: 'Gemeente Lekstad',
    divisions: [
      { index: 5, name: 'Publiekszaken', departments: [{ index: 8, name: 'Burgerzaken' }, { index: 9, name: 'Klantcontact' }] },
      { index: 6, name: 'Ruimte', departments: [{ index: 10, name: 'Beheer openbare ruimte' }] },
    ],
  },
] as const;

export const DEMO_PERSON_COUNT = 200;

/** Which employer and department demo person `index` (1-based) works in. */
export function demoPlacement(index: number): { employerIndex: number; divisionIndex: number; departmentIndex: number } {
  const departments = DEMO_EMPLOYERS.flatMap((employer) =>
    employer.divisions.flatMap((division) =>
      division.departments.map((department) => ({
        employerIndex: employer.index,
        divisionIndex: division.index,
        departmentIndex: department.index,
      })),
    ),
  );
  return departments[(index - 1) % departments.length]!;
}

/** The password of every demo login. Development only; meets the portal's password rule. */
export const DEMO_PASSWORD = 'Verzuim-Demo-2026';

export const DEMO_USERS = [
  { username: 'werknemer.demo', displayName: 'Sanne de Vries (demo werknemer)', role: 'EMPLOYEE', personIndex: 1 },
  { username: 'werkgever.demo', displayName: 'Peter Jansen (HR, Zorggroep Rivierenland)', role: 'EMPLOYER', employerIndexes: [1] },
  { username: 'teamleider.demo', displayName: 'Fatima El Amrani (teamleider Team Tiel)', role: 'EMPLOYER', departmentIndexes: [1] },
  { username: 'werkgever2.demo', displayName: 'Kees van Dijk (Bouwbedrijf Van Dijk)', role: 'EMPLOYER', employerIndexes: [2] },
  { username: 'bedrijfsarts.demo', displayName: 'dr. Marieke Bos (bedrijfsarts)', role: 'OCCUPATIONAL_PHYSICIAN', employerIndexes: [1, 2, 3] },
  { username: 'casemanager.demo', displayName: 'Ruben Visser (casemanager)', role: 'CASE_MANAGER', employerIndexes: [1, 2, 3] },
  { username: 'planner.demo', displayName: 'Ingrid Smit (planner)', role: 'PLANNER', employerIndexes: [1, 2, 3] },
  { username: 'beheerder.demo', displayName: 'Admin Arbodienst (beheerder)', role: 'ADMIN' },
] as const;

/** The professionals whose agendas hold the demo appointments. */
export const DEMO_PROFESSIONALS = [
  { index: 1, name: 'dr. Marieke Bos', role: 'OCCUPATIONAL_PHYSICIAN', username: 'bedrijfsarts.demo' },
  { index: 2, name: 'Ruben Visser', role: 'CASE_MANAGER', username: 'casemanager.demo' },
] as const;

/**
 * The authenticator (TOTP) secret of a demo login, derived from the username so it is the same on
 * every machine and `npm start` can print it. Development only; never used for real accounts.
 */
export function demoTotpSecret(username: string): string {
  const bytes = new Uint8Array(createHash('sha256').update(`poortwachter-demo-totp:${username}`).digest().subarray(0, 20));
  return new OTPAuth.Secret({ buffer: bytes.buffer }).base32;
}
