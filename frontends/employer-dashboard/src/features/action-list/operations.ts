import { gql, type TypedDocumentNode } from '@apollo/client';

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

export const ACTION_LIST: TypedDocumentNode<
  ActionListData,
  { daysAhead: number; role?: 'WG' | 'BA' | 'CM' | null }
> = gql`
  query ActionList($daysAhead: Int, $role: ActivityRole) {
    actionList(daysAhead: $daysAhead, role: $role) {
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

/** Open and past its deadline (deadline before today). */
export function isOverdue(item: Pick<ActionItem, 'status' | 'deadline'>, today: string): boolean {
  return item.status === 'OPEN' && item.deadline < today;
}

export const ACTIVITY_DETAIL_FIELDS = gql`
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

export interface ActivityTypeItem {
  code: string;
  title: string;
  role: ActivityRole;
  kind: ActivityKind;
  category: string;
}

export const ACTIVITY_TYPES: TypedDocumentNode<
  { activityTypes: ActivityTypeItem[] },
  Record<string, never>
> = gql`
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

export const HANDLE_ACTIVITY: TypedDocumentNode<
  { handleActivity: ActivityDetail },
  { input: HandleActivityInput }
> = gql`
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

export const ADD_ACTIVITY: TypedDocumentNode<{ addActivity: ActivityDetail }, { input: AddActivityInput }> =
  gql`
    mutation AddActivity($input: AddActivityInput!) {
      addActivity(input: $input) {
        ...ActivityDetailFields
      }
    }
    ${ACTIVITY_DETAIL_FIELDS}
  `;
