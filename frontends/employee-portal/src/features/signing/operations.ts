import { gql, type TypedDocumentNode } from '@apollo/client';
import { DOCUMENT_FIELDS, type DossierDocument, type SignatureStatus } from '../dossiers/operations';

export interface PendingSignature {
  id: string;
  status: SignatureStatus;
  requestedAt: string;
  requestedByName: string | null;
  document: DossierDocument & { sickCase: { id: string; firstSickDay: string } };
}

export const MY_PENDING_SIGNATURES: TypedDocumentNode<
  { myPendingSignatures: PendingSignature[] },
  Record<string, never>
> = gql`
  query MyPendingSignatures {
    myPendingSignatures {
      id
      status
      requestedAt
      requestedByName
      document {
        ...EmployeeDocumentFields
        sickCase {
          id
          firstSickDay
        }
      }
    }
  }
  ${DOCUMENT_FIELDS}
`;

export interface CompletedSignature {
  id: string;
  status: SignatureStatus;
  signedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  document: { id: string; sickCase: { id: string } };
  signedDocument: { id: string; title: string } | null;
}

const COMPLETED_FIELDS = `
  id
  status
  signedAt
  declinedAt
  declineReason
  document {
    id
    sickCase {
      id
    }
    signatureRequest {
      id
      status
    }
  }
  signedDocument {
    id
    title
  }
`;

export const SIGN_DOCUMENT: TypedDocumentNode<
  { signDocument: CompletedSignature },
  { signatureRequestId: string; signaturePng: string }
> = gql`
  mutation SignDocument($signatureRequestId: ID!, $signaturePng: String!) {
    signDocument(input: { signatureRequestId: $signatureRequestId, signaturePng: $signaturePng }) {
      ${COMPLETED_FIELDS}
    }
  }
`;

export const DECLINE_SIGNATURE: TypedDocumentNode<
  { declineSignature: CompletedSignature },
  { signatureRequestId: string; reason: string }
> = gql`
  mutation DeclineSignature($signatureRequestId: ID!, $reason: String!) {
    declineSignature(input: { signatureRequestId: $signatureRequestId, reason: $reason }) {
      ${COMPLETED_FIELDS}
    }
  }
`;
