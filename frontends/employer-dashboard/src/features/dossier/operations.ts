import { gql, type TypedDocumentNode } from '@apollo/client';
import { ACTIVITY_DETAIL_FIELDS, type ActivityDetail } from '../action-list/operations';
import { SICK_CASE_FIELDS, type PersonAbsence } from '../sick-report/operations';

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
