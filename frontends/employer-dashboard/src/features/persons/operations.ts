import { gql, type TypedDocumentNode } from '@apollo/client';

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
  filter?: {
    search?: string;
    employerId?: string;
    divisionId?: string;
    departmentId?: string;
    activeOnly?: boolean;
    absent?: boolean;
  };
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

/** The open sick case of a person, if any (the one that started last). */
export function openCase(person: PersonRow): PersonRow['sickCases'][number] | null {
  return (
    person.sickCases
      .filter((c) => c.status === 'OPEN')
      .sort((a, b) => b.firstSickDay.localeCompare(a.firstSickDay))[0] ?? null
  );
}
