import { gql, type TypedDocumentNode } from '@apollo/client';
import type { FieldErrors } from '../../shared/validation';

export type PersonField =
  | 'FIRST_NAME'
  | 'LAST_NAME'
  | 'INITIALS'
  | 'DATE_OF_BIRTH'
  | 'ADDRESS'
  | 'PERSONNEL_NUMBER'
  | 'EMPLOYMENT'
  | 'OTHER';
export type CorrectionDecision = 'RESOLVED' | 'REJECTED';

export interface CorrectionRequestRow {
  id: string;
  field: PersonField;
  currentValue: string | null;
  proposedValue: string;
  explanation: string | null;
  status: 'OPEN' | 'RESOLVED' | 'REJECTED';
  createdAt: string;
}

export const OPEN_CORRECTION_REQUESTS: TypedDocumentNode<
  { correctionRequests: CorrectionRequestRow[] },
  { personId: string }
> = gql`
  query PersonCorrectionRequests($personId: ID!) {
    correctionRequests(status: OPEN, personId: $personId) {
      id
      field
      currentValue
      proposedValue
      explanation
      status
      createdAt
    }
  }
`;

export const RESOLVE_CORRECTION_REQUEST: TypedDocumentNode<
  {
    resolveCorrectionRequest: {
      id: string;
      status: CorrectionRequestRow['status'];
      response: string | null;
      resolvedAt: string | null;
    };
  },
  { input: { correctionRequestId: string; status: CorrectionDecision; response?: string } }
> = gql`
  mutation ResolveCorrectionRequest($input: ResolveCorrectionRequestInput!) {
    resolveCorrectionRequest(input: $input) {
      id
      status
      response
      resolvedAt
    }
  }
`;

export const RESPONSE_MAX = 2000;

export function validateResolution(decision: CorrectionDecision, response: string): FieldErrors<'response'> {
  const trimmed = response.trim();
  if (decision === 'REJECTED' && trimmed === '') return { response: { key: 'validation.responseRequired' } };
  if ([...trimmed].length > RESPONSE_MAX)
    return { response: { key: 'validation.tooLong', values: { max: RESPONSE_MAX } } };
  return {};
}
