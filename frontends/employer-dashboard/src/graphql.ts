import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DurationClass } from '@poortwachter/ui';

export interface PersonRow {
  id: string;
  fullName: string;
  currentEmployment: {
    id: string;
    jobTitle: string | null;
    department: { id: string; name: string } | null;
    employer: { id: string; name: string };
  } | null;
  sickCases: { id: string; status: 'OPEN' | 'RECOVERED'; firstSickDay: string }[];
}

export interface PersonsData {
  persons: { total: number; items: PersonRow[] };
}
export interface PersonsVariables {
  filter?: { search?: string; employerId?: string; divisionId?: string; departmentId?: string; activeOnly?: boolean; absent?: boolean };
  page?: { offset?: number; limit?: number };
}

export const PERSONS: TypedDocumentNode<PersonsData, PersonsVariables> = gql`
  query Persons($filter: PersonFilter, $page: PageInput) {
    persons(filter: $filter, page: $page) {
      total
      items {
        id
        fullName
        currentEmployment {
          id
          jobTitle
          department {
            id
            name
          }
          employer {
            id
            name
          }
        }
        sickCases {
          id
          status
          firstSickDay
        }
      }
    }
  }
`;

export type ActivityRole = 'WG' | 'BA' | 'CM';
export type ActivityKind = 'ACTION' | 'REMINDER' | 'UWV' | 'SIGNAL';
export type ActivityStatus = 'OPEN' | 'HANDLED' | 'CANCELLED';

export interface ActionItem {
  id: string;
  title: string;
  role: ActivityRole;
  kind: ActivityKind;
  signalDate: string;
  deadline: string;
  status: ActivityStatus;
  person: { id: string; fullName: string };
}

/** An activity as the dossier shows it: with the outcome of a closed one. */
export interface ActivityDetail extends ActionItem {
  conclusion: string | null;
  remarks: string | null;
}

export interface ActionListData {
  actionList: ActionItem[];
}

export const ACTION_LIST: TypedDocumentNode<ActionListData, { daysAhead: number }> = gql`
  query ActionList($daysAhead: Int) {
    actionList(daysAhead: $daysAhead) {
      id
      title
      role
      kind
      signalDate
      deadline
      status
      person {
        id
        fullName
      }
    }
  }
`;

export interface OpenAbsenceData {
  openAbsenceByDurationClass: { durationClass: DurationClass; label: string; count: number; share: number }[];
}

export const OPEN_ABSENCE_BY_DURATION_CLASS: TypedDocumentNode<OpenAbsenceData, Record<string, never>> = gql`
  query OpenAbsenceByDurationClass {
    openAbsenceByDurationClass {
      durationClass
      label
      count
      share
    }
  }
`;

/** Open and past its deadline (deadline before today). */
export function isOverdue(item: Pick<ActionItem, 'status' | 'deadline'>, today: string): boolean {
  return item.status === 'OPEN' && item.deadline < today;
}

/** The open sick case of a person, if any (the one that started last). */
export function openCase(person: PersonRow): PersonRow['sickCases'][number] | null {
  return person.sickCases.filter((c) => c.status === 'OPEN').sort((a, b) => b.firstSickDay.localeCompare(a.firstSickDay))[0] ?? null;
}

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

const SICK_CASE_FIELDS = gql`
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

const ACTIVITY_DETAIL_FIELDS = gql`
  fragment ActivityDetailFields on Activity {
    id
    title
    role
    kind
    signalDate
    deadline
    status
    conclusion
    remarks
    person {
      id
      fullName
    }
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

export interface PersonDossier extends PersonAbsence {
  activities: ActivityDetail[] | null;
}

export const PERSON_DOSSIER: TypedDocumentNode<{ person: PersonDossier | null }, { id: string }> = gql`
  query PersonDossier($id: ID!) {
    person(id: $id) {
      id
      fullName
      sickCases {
        ...AbsenceCaseFields
      }
      activities {
        ...ActivityDetailFields
      }
    }
  }
  ${SICK_CASE_FIELDS}
  ${ACTIVITY_DETAIL_FIELDS}
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

export const REPORT_SICKNESS: TypedDocumentNode<{ reportSickness: AbsenceCase }, { input: ReportSicknessInput }> = gql`
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

export const REPORT_RECOVERY: TypedDocumentNode<{ reportRecovery: AbsenceCase }, { input: ReportRecoveryInput }> = gql`
  mutation ReportRecovery($input: ReportRecoveryInput!) {
    reportRecovery(input: $input) {
      ...AbsenceCaseFields
    }
  }
  ${SICK_CASE_FIELDS}
`;

export interface ActivityTypeItem {
  code: string;
  title: string;
  role: ActivityRole;
  kind: ActivityKind;
  category: string;
}

export const ACTIVITY_TYPES: TypedDocumentNode<{ activityTypes: ActivityTypeItem[] }, Record<string, never>> = gql`
  query ActivityTypes {
    activityTypes {
      code
      title
      role
      kind
      category
    }
  }
`;

export interface HandleActivityInput {
  activityId: string;
  status: 'HANDLED' | 'CANCELLED';
  conclusion?: string;
  remarks?: string;
  followUp?: { activityTypeCode: string; deadline: string; remarks?: string };
}

export const HANDLE_ACTIVITY: TypedDocumentNode<{ handleActivity: ActivityDetail }, { input: HandleActivityInput }> = gql`
  mutation HandleActivity($input: HandleActivityInput!) {
    handleActivity(input: $input) {
      ...ActivityDetailFields
    }
  }
  ${ACTIVITY_DETAIL_FIELDS}
`;

export interface AddActivityInput {
  personId: string;
  sickCaseId?: string;
  activityTypeCode: string;
  deadline: string;
  remarks?: string;
}

export const ADD_ACTIVITY: TypedDocumentNode<{ addActivity: ActivityDetail }, { input: AddActivityInput }> = gql`
  mutation AddActivity($input: AddActivityInput!) {
    addActivity(input: $input) {
      ...ActivityDetailFields
    }
  }
  ${ACTIVITY_DETAIL_FIELDS}
`;

/** Queries that show activities or absence; refetched after every change so all widgets agree. */
export const AFTER_CHANGE_QUERIES = ['ActionList', 'PersonAbsence', 'PersonDossier', 'Persons'];
