import { fakerNL as faker } from '@faker-js/faker';
import { DEMO_PERSON_COUNT, demoId, demoPlacement } from '@poortwachter/kit';
import type { Gender, WorkPattern } from '../entities/index.js';
import { addDays, daysBetween, termForNewPeriod, type EarlierPeriod, type IsoDate } from '../domain/term.js';

/*
 * The demo data set as a pure function of "today": the same ids and names on every machine and
 * every run (fixed faker seeds, `demoId`), with dates relative to today so the trajectory stages
 * stay meaningful (a case "seven weeks old" is seven weeks old whenever the demo starts).
 */

const FAKER_SEED = 20_260_101;

export interface EmploymentPlan {
  id: string;
  personId: string;
  employerId: string;
  divisionId: string;
  departmentId: string;
  jobTitle: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  hoursPerWeek: number;
  fullTimeHoursPerWeek: number;
  workPattern: WorkPattern | null;
}

export interface PersonPlan {
  index: number;
  id: string;
  firstName: string;
  lastName: string;
  initials: string;
  dateOfBirth: IsoDate;
  gender: Gender;
  email: string;
  phone: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  personnelNumber: string;
  employment: EmploymentPlan;
}

export interface CoursePointPlan {
  id: string;
  from: IsoDate;
  absencePercentage: number;
}

export interface SickCasePlan {
  index: number;
  id: string;
  personId: string;
  personIndex: number;
  employment: EmploymentPlan;
  firstSickDay: IsoDate;
  recoveredOn: IsoDate | null;
  expectedRecoveryDate: IsoDate | null;
  /** Ends with a 0 % point on the recovery date for closed cases, like a reported recovery does. */
  course: CoursePointPlan[];
  termStartDay: IsoDate;
  termGapDays: number;
  workAccident: boolean;
  safetyNet: boolean;
  thirdPartyLiable: boolean;
}

export interface DemoPlan {
  persons: PersonPlan[];
  sickCases: SickCasePlan[];
}

const JOB_TITLES: Record<number, string[]> = {
  1: ['Wijkverpleegkundige', 'Verzorgende IG', 'Helpende', 'Verpleegkundige', 'Activiteitenbegeleider', 'Teamcoördinator'],
  2: ['Timmerman', 'Metselaar', 'Uitvoerder', 'Werkvoorbereider', 'Projectleider', 'Administratief medewerker'],
  3: ['Medewerker burgerzaken', 'Klantcontactmedewerker', 'Beleidsmedewerker', 'Medewerker buitendienst', 'Vakspecialist', 'Teamleider'],
};
/** Full-time week per employer (CAO): care and municipality 36 hours, construction 40. */
const FULL_TIME_HOURS: Record<number, number> = { 1: 36, 2: 40, 3: 36 };

/** Open cases at every stage of the trajectory, in days since the first sick day. */
export const OPEN_CASE_AGES = [2, 3, 3, 5, 9, 16, 24, 33, 49, 56, 70, 98, 140, 196, 252, 287, 315, 343, 392, 455, 520, 590, 630, 651, 700];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

function workPatternFor(hours: number): WorkPattern {
  const days = [0, 0, 0, 0, 0, 0, 0];
  let left = hours;
  for (let day = 0; day < 5 && left > 0; day++) {
    days[day] = Math.min(8, left);
    left -= days[day]!;
  }
  return { weeks: [days] };
}

function employmentFor(index: number, personId: string, today: IsoDate): EmploymentPlan {
  const placement = demoPlacement(index);
  const fullTime = FULL_TIME_HOURS[placement.employerIndex]!;
  const hours = faker.helpers.arrayElement([fullTime, fullTime, 32, 28, 24, 20, 16].filter((value) => value <= fullTime));
  const startDaysAgo = index === 1 ? 2_300 : faker.number.int({ min: 1_100, max: 8_000 });
  // A few former employees: their dossier stays (retention), with closed cases only.
  const endDate = index % 40 === 0 ? addDays(today, -faker.number.int({ min: 60, max: 300 })) : null;
  return {
    id: demoId('employment', index),
    personId,
    employerId: demoId('employer', placement.employerIndex),
    divisionId: demoId('division', placement.divisionIndex),
    departmentId: demoId('department', placement.departmentIndex),
    jobTitle: index === 1 ? 'Wijkverpleegkundige' : faker.helpers.arrayElement(JOB_TITLES[placement.employerIndex]!),
    startDate: addDays(today, -startDaysAgo),
    endDate,
    hoursPerWeek: hours,
    fullTimeHoursPerWeek: fullTime,
    workPattern: hours < fullTime && index % 2 === 0 ? workPatternFor(hours) : null,
  };
}

function personFor(index: number, today: IsoDate): PersonPlan {
  faker.seed(FAKER_SEED + index);
  const id = demoId('person', index);
  const sex = faker.person.sexType();
  const firstName = index === 1 ? 'Sanne' : faker.person.firstName(sex);
  const lastName = index === 1 ? 'de Vries' : faker.person.lastName();
  const gender: Gender = index === 1 ? 'FEMALE' : sex === 'female' ? 'FEMALE' : 'MALE';
  const dateOfBirth = index === 1 ? '1988-04-12' : addDays(today, -faker.number.int({ min: 19 * 365, max: 64 * 365 }));
  const person: Omit<PersonPlan, 'employment'> = {
    index,
    id,
    firstName,
    lastName,
    initials: `${firstName[0]!.toUpperCase()}.`,
    dateOfBirth,
    gender,
    email: `${slug(firstName)}.${slug(lastName)}${index === 1 ? '' : index}@example.org`,
    phone: index === 1 ? '06 12345678' : faker.phone.number(),
    street: index === 1 ? 'Waalkade' : faker.location.street(),
    houseNumber: index === 1 ? '12' : faker.location.buildingNumber(),
    postalCode: index === 1 ? '4001 LM' : faker.location.zipCode(),
    city: index === 1 ? 'Tiel' : faker.location.city(),
    personnelNumber: `P${String(index).padStart(5, '0')}`,
  };
  return { ...person, employment: employmentFor(index, id, today) };
}

interface RawCase {
  firstSickDay: IsoDate;
  recoveredOn: IsoDate | null;
  /** Course steps after the first day: [days after day 0, percentage]. */
  steps: [number, number][];
  firstPercentage: number;
  expectedRecoveryDate?: IsoDate | null;
  workAccident?: boolean;
}

/** Hand-made cases that the demo and the tests rely on. */
function specialCases(index: number, today: IsoDate): RawCase[] | null {
  const ago = (days: number) => addDays(today, -days);
  if (index === 1) {
    // The demo employee: two closed earlier periods (separate terms) and an open one of seven weeks.
    return [
      { firstSickDay: ago(400), recoveredOn: ago(390), steps: [], firstPercentage: 100 },
      { firstSickDay: ago(130), recoveredOn: ago(116), steps: [[8, 50]], firstPercentage: 100 },
      { firstSickDay: ago(49), recoveredOn: null, steps: [[35, 50]], firstPercentage: 100, expectedRecoveryDate: addDays(today, 21) },
    ];
  }
  if (index === 2) {
    // A relapse: the new period starts 15 days after recovery, so it continues the earlier term.
    return [
      { firstSickDay: ago(80), recoveredOn: ago(60), steps: [], firstPercentage: 100 },
      { firstSickDay: ago(45), recoveredOn: null, steps: [[28, 50]], firstPercentage: 100 },
    ];
  }
  if (index % 25 === 7) {
    // Frequent absence: four short periods within twelve months (the 3rd and 4th raise signals).
    return [300, 200, 110, 30].map((days, step) => ({
      firstSickDay: ago(days),
      recoveredOn: ago(days - 3 - step),
      steps: [],
      firstPercentage: 100,
    }));
  }
  return null;
}

function openCaseFor(index: number, today: IsoDate, employment: EmploymentPlan): RawCase | null {
  if (index % 8 !== 3 || employment.endDate) return null;
  const age = OPEN_CASE_AGES[((index - 3) / 8) % OPEN_CASE_AGES.length]!;
  const steps: [number, number][] = [];
  if (age > 56) steps.push([42, faker.helpers.arrayElement([50, 60, 75])]);
  if (age > 200) steps.push([182, faker.helpers.arrayElement([20, 30, 40])]);
  const firstPercentage = faker.helpers.arrayElement([100, 100, 100, 50]);
  return {
    firstSickDay: addDays(today, -age),
    recoveredOn: null,
    steps: steps.filter(([, percentage], position) => percentage !== (position === 0 ? firstPercentage : steps[position - 1]![1])),
    firstPercentage,
    expectedRecoveryDate: age < 30 ? addDays(today, faker.number.int({ min: 3, max: 21 })) : null,
    workAccident: index % 48 === 11,
  };
}

/** Closed earlier periods, walking back in time from `before` with random gaps (some under four weeks). */
function closedCasesBefore(before: IsoDate, employment: EmploymentPlan, count: number): RawCase[] {
  const cases: RawCase[] = [];
  let cursor = before;
  for (let n = 0; n < count; n++) {
    const gap = faker.helpers.weightedArrayElement([
      { weight: 2, value: faker.number.int({ min: 7, max: 27 }) },
      { weight: 8, value: faker.number.int({ min: 28, max: 400 }) },
    ]);
    const duration = faker.helpers.weightedArrayElement([
      { weight: 6, value: faker.number.int({ min: 1, max: 7 }) },
      { weight: 3, value: faker.number.int({ min: 8, max: 42 }) },
      { weight: 1, value: faker.number.int({ min: 43, max: 240 }) },
    ]);
    const recoveredOn = addDays(cursor, -gap);
    const firstSickDay = addDays(recoveredOn, -duration);
    if (firstSickDay <= employment.startDate) break;
    const steps: [number, number][] = duration > 28 ? [[Math.floor(duration / 2), 50]] : [];
    cases.unshift({ firstSickDay, recoveredOn, steps, firstPercentage: 100 });
    cursor = firstSickDay;
  }
  return cases;
}

function casesFor(person: PersonPlan, today: IsoDate): RawCase[] {
  const special = specialCases(person.index, today);
  if (special) return special;
  const open = openCaseFor(person.index, today, person.employment);
  const historyEnd = open?.firstSickDay ?? person.employment.endDate ?? today;
  const count = faker.helpers.weightedArrayElement([
    { weight: 5, value: 0 },
    { weight: 4, value: 1 },
    { weight: 2, value: 2 },
    { weight: 1, value: 3 },
  ]);
  return [...closedCasesBefore(historyEnd, person.employment, count), ...(open ? [open] : [])];
}

export function buildDemoPlan(today: IsoDate): DemoPlan {
  const persons: PersonPlan[] = [];
  const sickCases: SickCasePlan[] = [];
  for (let index = 1; index <= DEMO_PERSON_COUNT; index++) {
    const person = personFor(index, today);
    persons.push(person);
    const earlier: EarlierPeriod[] = [];
    for (const raw of casesFor(person, today)) {
      const caseIndex = sickCases.length + 1;
      const id = demoId('sick-case', caseIndex);
      const term = termForNewPeriod(raw.firstSickDay, earlier);
      const course: Omit<CoursePointPlan, 'id'>[] = [{ from: raw.firstSickDay, absencePercentage: raw.firstPercentage }];
      for (const [day, percentage] of raw.steps) {
        const from = addDays(raw.firstSickDay, day);
        if (from > today || (raw.recoveredOn && from >= raw.recoveredOn)) continue;
        course.push({ from, absencePercentage: percentage });
      }
      if (raw.recoveredOn) course.push({ from: raw.recoveredOn, absencePercentage: 0 });
      sickCases.push({
        index: caseIndex,
        id,
        personId: person.id,
        personIndex: person.index,
        employment: person.employment,
        firstSickDay: raw.firstSickDay,
        recoveredOn: raw.recoveredOn,
        expectedRecoveryDate: raw.expectedRecoveryDate ?? null,
        course: course.map((point, position) => ({ ...point, id: demoId(`absence-course-point:${caseIndex}`, position + 1) })),
        termStartDay: term.termStartDay,
        termGapDays: term.termGapDays,
        workAccident: raw.workAccident ?? false,
        safetyNet: person.index % 50 === 19,
        thirdPartyLiable: person.index % 60 === 27,
      });
      earlier.push({ ...term, firstSickDay: raw.firstSickDay, recoveredOn: raw.recoveredOn });
    }
  }
  return { persons, sickCases };
}

/** For the tests and the demo description: how long ago a case started. */
export function ageInDays(sickCase: Pick<SickCasePlan, 'firstSickDay'>, today: IsoDate): number {
  return daysBetween(sickCase.firstSickDay, today);
}
