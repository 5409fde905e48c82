import { gql, type TypedDocumentNode } from '@apollo/client';

export interface MyDetails {
  id: string;
  firstName: string;
  lastName: string;
  initials: string | null;
  fullName: string;
  dateOfBirth: string | null;
  email: string | null;
  phone: string | null;
  personnelNumber: string | null;
  address: {
    street: string | null;
    houseNumber: string | null;
    postalCode: string | null;
    city: string | null;
  } | null;
  currentEmployment: {
    id: string;
    jobTitle: string | null;
    startDate: string;
    endDate: string | null;
    hoursPerWeek: number;
    employer: { id: string; name: string };
    division: { id: string; name: string } | null;
    department: { id: string; name: string } | null;
  } | null;
}

export const MY_DETAILS: TypedDocumentNode<{ me: MyDetails | null }, Record<string, never>> = gql`
  query MyDetails {
    me {
      id
      firstName
      lastName
      initials
      fullName
      dateOfBirth
      email
      phone
      personnelNumber
      address {
        street
        houseNumber
        postalCode
        city
      }
      currentEmployment {
        id
        jobTitle
        startDate
        endDate
        hoursPerWeek
        employer {
          id
          name
        }
        division {
          id
          name
        }
        department {
          id
          name
        }
      }
    }
  }
`;

export const UPDATE_MY_CONTACT_DETAILS: TypedDocumentNode<
  { updateMyContactDetails: { id: string; email: string | null; phone: string | null } },
  { email?: string; phone?: string }
> = gql`
  mutation UpdateMyContactDetails($email: String, $phone: String) {
    updateMyContactDetails(input: { email: $email, phone: $phone }) {
      id
      email
      phone
    }
  }
`;

export const PERSON_FIELDS = [
  'FIRST_NAME',
  'LAST_NAME',
  'INITIALS',
  'DATE_OF_BIRTH',
  'ADDRESS',
  'PERSONNEL_NUMBER',
  'EMPLOYMENT',
  'OTHER',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type CorrectionStatus = 'OPEN' | 'RESOLVED' | 'REJECTED';

export interface CorrectionRequest {
  id: string;
  field: PersonField;
  currentValue: string | null;
  proposedValue: string;
  explanation: string | null;
  status: CorrectionStatus;
  createdAt: string;
  /** The answer of whoever handled it (required when it was rejected). */
  response: string | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
}

const CORRECTION_FIELDS = gql`
  fragment EmployeeCorrectionFields on CorrectionRequest {
    id
    field
    currentValue
    proposedValue
    explanation
    status
    createdAt
    response
    resolvedAt
    resolvedByName
  }
`;

export const MY_CORRECTION_REQUESTS: TypedDocumentNode<
  { myCorrectionRequests: CorrectionRequest[] },
  Record<string, never>
> = gql`
  query MyCorrectionRequests {
    myCorrectionRequests {
      ...EmployeeCorrectionFields
    }
  }
  ${CORRECTION_FIELDS}
`;

export const REQUEST_PERSON_CORRECTION: TypedDocumentNode<
  { requestPersonCorrection: CorrectionRequest },
  { field: PersonField; proposedValue: string; explanation?: string | null }
> = gql`
  mutation RequestPersonCorrection($field: PersonField!, $proposedValue: String!, $explanation: String) {
    requestPersonCorrection(
      input: { field: $field, proposedValue: $proposedValue, explanation: $explanation }
    ) {
      ...EmployeeCorrectionFields
    }
  }
  ${CORRECTION_FIELDS}
`;

export interface AccessLogEntry {
  id: string;
  at: string;
  event: string;
  outcome: string;
  actorName: string | null;
  role: string | null;
  purpose: string;
  accessPoint: string;
  source: string;
}

export const MY_ACCESS_LOG: TypedDocumentNode<{ myAccessLog: AccessLogEntry[] }, { limit: number }> = gql`
  query MyAccessLog($limit: Int!) {
    myAccessLog(limit: $limit) {
      id
      at
      event
      outcome
      actorName
      role
      purpose
      accessPoint
      source
    }
  }
`;

/** The value shown for a field today, as the correction request's "current value". */
export function currentValue(
  person: MyDetails,
  field: PersonField,
  format: { date: (value: string) => string; hours: (hours: number) => string },
): string | null {
  switch (field) {
    case 'FIRST_NAME':
      return person.firstName;
    case 'LAST_NAME':
      return person.lastName;
    case 'INITIALS':
      return person.initials;
    case 'DATE_OF_BIRTH':
      return person.dateOfBirth ? format.date(person.dateOfBirth) : null;
    case 'ADDRESS':
      return formatAddress(person.address);
    case 'PERSONNEL_NUMBER':
      return person.personnelNumber;
    case 'EMPLOYMENT': {
      const employment = person.currentEmployment;
      if (!employment) return null;
      return [employment.employer.name, employment.jobTitle, format.hours(employment.hoursPerWeek)]
        .filter(Boolean)
        .join(', ');
    }
    default:
      return null;
  }
}

export function formatAddress(address: MyDetails['address']): string | null {
  if (!address) return null;
  const line1 = [address.street, address.houseNumber].filter(Boolean).join(' ');
  const line2 = [address.postalCode, address.city].filter(Boolean).join(' ');
  const text = [line1, line2].filter(Boolean).join(', ');
  return text || null;
}
