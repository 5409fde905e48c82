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
  filter?: { search?: string; employerId?: string; divisionId?: string; departmentId?: string; activeOnly?: boolean };
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
