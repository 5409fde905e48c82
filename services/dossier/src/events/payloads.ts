import type { EventBus } from '@poortwachter/kit';
import {
  employmentCovers,
  partTimeFactor,
  type AbsenceCoursePointEntity,
  type EmploymentEntity,
  type SickCaseEntity,
} from '../entities/index.js';
import type { IsoDate } from '../domain/term.js';

/*
 * Events dossier publishes. Payloads carry ids and the non-medical facts consumers need. Every
 * sick-case event carries the whole current state of the case (including the absence course), so
 * a consumer that sees `recovered` before `changed` (they travel in different queues) still ends
 * up with the right state by upserting on `sickCaseId`.
 */

export interface PersonChangedEvent {
  personId: string;
  /** Unit of the current (or else the latest) employment; null when the person has none. */
  employerId: string | null;
  divisionId: string | null;
  departmentId: string | null;
  /** Whether an employment runs today. */
  active: boolean;
  changedAt: string;
}

export interface EmploymentChangedEvent {
  employmentId: string;
  personId: string;
  employerId: string;
  divisionId: string | null;
  departmentId: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  hoursPerWeek: number;
  partTimeFactor: number;
  changedAt: string;
}

export interface SickCaseFacts {
  sickCaseId: string;
  personId: string;
  employmentId: string | null;
  employerId: string;
  divisionId: string | null;
  departmentId: string | null;
  /** Of the employment at the report; needed for the absence percentage statistics. */
  partTimeFactor: number | null;
  firstSickDay: IsoDate;
  status: 'OPEN' | 'RECOVERED';
  absencePercentage: number;
  expectedRecoveryDate: IsoDate | null;
  recoveredOn: IsoDate | null;
  termStartDay: IsoDate;
  termGapDays: number;
  workAccident: boolean;
  safetyNet: boolean;
  thirdPartyLiable: boolean;
  absenceCourse: { from: IsoDate; absencePercentage: number }[];
  reportedAt: string;
}

export interface SickCaseReportedEvent extends SickCaseFacts {
  /**
   * Only for cases imported from earlier records (the demo seed): protocol steps with a deadline
   * before this date were handled in the old system, so activities does not list them as overdue.
   */
  handledBefore?: IsoDate;
}
export interface SickCaseChangedEvent extends SickCaseFacts {
  /** The course step this change added or corrected. */
  changedFrom: IsoDate;
  changedAt: string;
}
export interface SickCaseRecoveredEvent extends SickCaseFacts {
  recoveredOn: IsoDate;
  recoveredAt: string;
}

export function sickCaseFacts(
  sickCase: SickCaseEntity,
  course: readonly AbsenceCoursePointEntity[],
  employment: EmploymentEntity | null,
): SickCaseFacts {
  return {
    sickCaseId: sickCase.id,
    personId: sickCase.personId,
    employmentId: sickCase.employmentId,
    employerId: sickCase.employerId,
    divisionId: sickCase.divisionId,
    departmentId: sickCase.departmentId,
    partTimeFactor: employment ? partTimeFactor(employment) : null,
    firstSickDay: sickCase.firstSickDay,
    status: sickCase.status,
    absencePercentage: sickCase.absencePercentage,
    expectedRecoveryDate: sickCase.expectedRecoveryDate,
    recoveredOn: sickCase.recoveredOn,
    termStartDay: sickCase.termStartDay,
    termGapDays: sickCase.termGapDays,
    workAccident: sickCase.workAccident,
    safetyNet: sickCase.safetyNet,
    thirdPartyLiable: sickCase.thirdPartyLiable,
    absenceCourse: [...course]
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
      .map((point) => ({ from: point.from, absencePercentage: point.absencePercentage })),
    reportedAt: sickCase.reportedAt.toISOString(),
  };
}

/** The employment that places a person today: the running one, else the most recent. */
export function placingEmployment(employments: readonly EmploymentEntity[], today: IsoDate): EmploymentEntity | null {
  const running = employments.filter((employment) => employmentCovers(employment, today));
  const pool = running.length > 0 ? running : employments;
  return [...pool].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : a.id < b.id ? -1 : 1))[0] ?? null;
}

export function personChanged(personId: string, employments: readonly EmploymentEntity[], today: IsoDate): PersonChangedEvent {
  const placing = placingEmployment(employments, today);
  return {
    personId,
    employerId: placing?.employerId ?? null,
    divisionId: placing?.divisionId ?? null,
    departmentId: placing?.departmentId ?? null,
    active: employments.some((employment) => employmentCovers(employment, today)),
    changedAt: new Date().toISOString(),
  };
}

export function employmentChanged(employment: EmploymentEntity): EmploymentChangedEvent {
  return {
    employmentId: employment.id,
    personId: employment.personId,
    employerId: employment.employerId,
    divisionId: employment.divisionId,
    departmentId: employment.departmentId,
    startDate: employment.startDate,
    endDate: employment.endDate,
    hoursPerWeek: employment.hoursPerWeek,
    partTimeFactor: partTimeFactor(employment),
    changedAt: new Date().toISOString(),
  };
}

/** Publishing needs a bus; only SDL printing runs without one, and it never writes. */
export function requireBus(bus: EventBus | null): EventBus {
  if (!bus) throw new Error('The dossier service needs an event bus to change data');
  return bus;
}

/**
 * The employee signed a document. Identity mails the employer users whose scope covers the unit and
 * the arbodienst's professionals; the title is the only text, never the document's content.
 */
export interface DocumentSignedEvent {
  signatureRequestId: string;
  documentId: string;
  signedDocumentId: string;
  sickCaseId: string;
  personId: string;
  employerId: string;
  divisionId: string | null;
  departmentId: string | null;
  documentTitle: string;
  signedAt: string;
}
