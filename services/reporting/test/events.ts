import type { DataSource } from 'typeorm';
import { parseEmploymentChanged, parseSickCaseEvent } from '../src/events/payloads.js';
import { logAndApply } from '../src/events/projection.js';
import { newId } from './helpers.js';

/** Dossier-shaped event payloads (the fields dossier's publishers send), for tests. */
export interface CaseSpec {
  sickCaseId?: string;
  personId: string;
  employmentId?: string | null;
  employerId: string;
  divisionId?: string | null;
  departmentId?: string | null;
  firstSickDay: string;
  recoveredOn?: string | null;
  /** Course points after the first; the first point is the first sick day at `absencePercentage`. */
  course?: { from: string; absencePercentage: number }[];
  absencePercentage?: number;
  workAccident?: boolean;
}

export function sickCasePayload(spec: CaseSpec, at: string) {
  const first = { from: spec.firstSickDay, absencePercentage: spec.absencePercentage ?? 100 };
  const course = [first, ...(spec.course ?? [])];
  return {
    sickCaseId: spec.sickCaseId ?? newId(),
    personId: spec.personId,
    employmentId: spec.employmentId ?? null,
    employerId: spec.employerId,
    divisionId: spec.divisionId ?? null,
    departmentId: spec.departmentId ?? null,
    partTimeFactor: null,
    firstSickDay: spec.firstSickDay,
    status: spec.recoveredOn ? 'RECOVERED' : 'OPEN',
    absencePercentage: course[course.length - 1]!.absencePercentage,
    expectedRecoveryDate: null,
    recoveredOn: spec.recoveredOn ?? null,
    termStartDay: spec.firstSickDay,
    termGapDays: 0,
    workAccident: spec.workAccident ?? false,
    safetyNet: false,
    thirdPartyLiable: false,
    absenceCourse: course,
    reportedAt: at,
  };
}

export interface EmploymentSpec {
  employmentId?: string;
  personId: string;
  employerId: string;
  divisionId?: string | null;
  departmentId?: string | null;
  startDate: string;
  endDate?: string | null;
  partTimeFactor: number;
}

export function employmentPayload(spec: EmploymentSpec, at: string) {
  return {
    employmentId: spec.employmentId ?? newId(),
    personId: spec.personId,
    employerId: spec.employerId,
    divisionId: spec.divisionId ?? null,
    departmentId: spec.departmentId ?? null,
    startDate: spec.startDate,
    endDate: spec.endDate ?? null,
    hoursPerWeek: Math.round(spec.partTimeFactor * 36 * 100) / 100,
    partTimeFactor: spec.partTimeFactor,
    changedAt: at,
  };
}

/** Applies a sick case as dossier tells it: reported, then each course change, then the recovery. */
export async function applyCase(dataSource: DataSource, spec: CaseSpec): Promise<string> {
  const sickCaseId = spec.sickCaseId ?? newId();
  const base = { ...spec, sickCaseId };
  const reportedAt = `${spec.firstSickDay}T09:00:00.000Z`;
  await logAndApply(
    dataSource,
    parseSickCaseEvent('sick-case.reported', sickCasePayload({ ...base, course: [], recoveredOn: null }, reportedAt)),
  );
  const course = spec.course ?? [];
  for (let index = 0; index < course.length; index++) {
    const changedAt = `${course[index]!.from}T09:00:00.000Z`;
    await logAndApply(
      dataSource,
      parseSickCaseEvent('sick-case.changed', {
        ...sickCasePayload({ ...base, course: course.slice(0, index + 1), recoveredOn: null }, reportedAt),
        changedFrom: course[index]!.from,
        changedAt,
      }),
    );
  }
  if (spec.recoveredOn) {
    await logAndApply(
      dataSource,
      parseSickCaseEvent('sick-case.recovered', {
        ...sickCasePayload(base, reportedAt),
        recoveredAt: `${spec.recoveredOn}T09:00:00.000Z`,
      }),
    );
  }
  return sickCaseId;
}

export async function applyEmployment(dataSource: DataSource, spec: EmploymentSpec): Promise<string> {
  const employmentId = spec.employmentId ?? newId();
  await logAndApply(
    dataSource,
    parseEmploymentChanged(employmentPayload({ ...spec, employmentId }, `${spec.startDate}T08:00:00.000Z`)),
  );
  return employmentId;
}
