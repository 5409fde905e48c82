import { gql, type TypedDocumentNode } from '@apollo/client';

export type SickCaseStatus = 'OPEN' | 'RECOVERED';

export interface AbsenceCase {
  id: string;
  firstSickDay: string;
  status: SickCaseStatus;
  absencePercentage: number;
  expectedRecoveryDate: string | null;
  recoveredOn: string | null;
  absenceCourse: { from: string; absencePercentage: number }[];
  waitingPeriodEndsOn: string;
}

export interface PersonAbsence {
  id: string;
  fullName: string;
  sickCases: AbsenceCase[];
}

export const SICK_CASE_FIELDS = gql`
  fragment AbsenceCaseFields on SickCase {
    id
    firstSickDay
    status
    absencePercentage
    expectedRecoveryDate
    recoveredOn
    absenceCourse {
      from
      absencePercentage
    }
    waitingPeriodEndsOn
  }
`;

export const PERSON_ABSENCE: TypedDocumentNode<{ person: PersonAbsence | null }, { id: string }> = gql`
  query PersonAbsence($id: ID!) {
    person(id: $id) {
      id
      fullName
      sickCases {
        ...AbsenceCaseFields
      }
    }
  }
  ${SICK_CASE_FIELDS}
`;

export interface ReportSicknessInput {
  personId: string;
  firstSickDay: string;
  absencePercentage: number;
  expectedRecoveryDate?: string;
  safetyNet: boolean;
  workAccident: boolean;
  thirdPartyLiable: boolean;
  whereabouts?: string;
  contactPhone?: string;
  questionForProfessional?: string;
  remarks?: string;
}

export const REPORT_SICKNESS: TypedDocumentNode<
  { reportSickness: AbsenceCase },
  { input: ReportSicknessInput }
> = gql`
  mutation ReportSickness($input: ReportSicknessInput!) {
    reportSickness(input: $input) {
      ...AbsenceCaseFields
    }
  }
  ${SICK_CASE_FIELDS}
`;

export interface ReportRecoveryInput {
  sickCaseId: string;
  recoveredOn: string;
  /** Still absent for this share of contract hours; 0 or omitted is a full recovery. */
  absencePercentage?: number;
}

export const REPORT_RECOVERY: TypedDocumentNode<
  { reportRecovery: AbsenceCase },
  { input: ReportRecoveryInput }
> = gql`
  mutation ReportRecovery($input: ReportRecoveryInput!) {
    reportRecovery(input: $input) {
      ...AbsenceCaseFields
    }
  }
  ${SICK_CASE_FIELDS}
`;
