import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ActivityKind, ActivityRole } from '../action-list/operations';

export type ProtocolTrigger = 'SICK_REPORT' | 'FREQUENT_3' | 'FREQUENT_4';

export interface ProtocolRowValues {
  title: string;
  role: ActivityRole;
  kind: ActivityKind;
  signalDay: number;
  deadlineDay: number;
}

export interface ProtocolRow extends ProtocolRowValues {
  id: string;
  code: string;
  position: number;
  trigger: ProtocolTrigger;
  overridden: boolean;
  standardRow: (ProtocolRowValues & { id: string }) | null;
}

export interface Protocol {
  id: string;
  isStandard: boolean;
  version: number;
  standardVersion: number;
  changedAt: string | null;
  rows: ProtocolRow[];
}

const PROTOCOL_FIELDS = gql`
  fragment ProtocolFields on Protocol {
    id
    isStandard
    version
    standardVersion
    changedAt
    rows {
      id
      code
      position
      title
      role
      kind
      signalDay
      deadlineDay
      trigger
      overridden
      standardRow {
        id
        title
        role
        kind
        signalDay
        deadlineDay
      }
    }
  }
`;

export const PROTOCOL: TypedDocumentNode<{ protocol: Protocol }, { employerId?: string | null }> = gql`
  query Protocol($employerId: ID) {
    protocol(employerId: $employerId) {
      ...ProtocolFields
    }
  }
  ${PROTOCOL_FIELDS}
`;

export interface ProtocolVersion {
  version: number;
  createdAt: string;
  summary: string | null;
  changedBy: { id: string; displayName: string } | null;
}

/** Separate from the protocol: names come from identity, and the rows must show even when they cannot. */
export const PROTOCOL_HISTORY: TypedDocumentNode<
  { protocol: { id: string; history: ProtocolVersion[] } },
  { employerId?: string | null }
> = gql`
  query ProtocolHistory($employerId: ID) {
    protocol(employerId: $employerId) {
      id
      history(limit: 20) {
        version
        createdAt
        summary
        changedBy {
          id
          displayName
        }
      }
    }
  }
`;

export const EMPLOYERS: TypedDocumentNode<
  { employers: { id: string; name: string }[] },
  Record<string, never>
> = gql`
  query ProtocolEmployers {
    employers {
      id
      name
    }
  }
`;

export interface UpdateProtocolRowInput extends Partial<ProtocolRowValues> {
  employerId?: string;
  code: string;
  expectedVersion: number;
}

export const UPDATE_PROTOCOL_ROW: TypedDocumentNode<
  { updateProtocolRow: Protocol },
  { input: UpdateProtocolRowInput }
> = gql`
  mutation UpdateProtocolRow($input: UpdateProtocolRowInput!) {
    updateProtocolRow(input: $input) {
      ...ProtocolFields
    }
  }
  ${PROTOCOL_FIELDS}
`;

export const RESET_PROTOCOL_ROW: TypedDocumentNode<
  { resetProtocolRow: Protocol },
  { input: { employerId: string; code: string; expectedVersion: number } }
> = gql`
  mutation ResetProtocolRow($input: ResetProtocolRowInput!) {
    resetProtocolRow(input: $input) {
      ...ProtocolFields
    }
  }
  ${PROTOCOL_FIELDS}
`;

export const RESET_PROTOCOL: TypedDocumentNode<
  { resetProtocol: Protocol },
  { input: { employerId: string; expectedVersion: number } }
> = gql`
  mutation ResetProtocol($input: ResetProtocolInput!) {
    resetProtocol(input: $input) {
      ...ProtocolFields
    }
  }
  ${PROTOCOL_FIELDS}
`;

export const AFTER_PROTOCOL_CHANGE = ['ProtocolHistory'];
