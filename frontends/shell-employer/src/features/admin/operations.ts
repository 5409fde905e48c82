import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '@poortwachter/shell-kit';

export interface UnitScope {
  employerIds: string[];
  divisionIds: string[];
  departmentIds: string[];
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  email: string | null;
  blocked: boolean;
  twoFactorMethod: 'TOTP' | 'SMS' | null;
  lastLoginAt: string | null;
  activatedAt: string | null;
  personId: string | null;
  scope: UnitScope | null;
}

const USER_FIELDS = `
  id username displayName role email blocked twoFactorMethod lastLoginAt activatedAt personId
  scope { employerIds divisionIds departmentIds }
`;

export const USERS: TypedDocumentNode<
  { users: { total: number; items: AdminUser[] } },
  { filter: { search?: string | null; role?: Role | null; blocked?: boolean | null }; page: { offset: number; limit: number } }
> = gql`
  query AdminUsers($filter: UserFilter, $page: PageInput) {
    users(filter: $filter, page: $page) {
      total
      items { ${USER_FIELDS} }
    }
  }
`;

export const INVITE_USER: TypedDocumentNode<
  { inviteUser: { invitationId: string; user: AdminUser } },
  { input: { role: Role; personId?: string | null; email: string; displayName: string; username?: string | null; scope?: UnitScope | null } }
> = gql`
  mutation AdminInviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      invitationId
      user { ${USER_FIELDS} }
    }
  }
`;

export const SET_USER_BLOCKED: TypedDocumentNode<{ setUserBlocked: AdminUser }, { userId: string; blocked: boolean }> = gql`
  mutation AdminSetUserBlocked($userId: ID!, $blocked: Boolean!) {
    setUserBlocked(userId: $userId, blocked: $blocked) { ${USER_FIELDS} }
  }
`;

export const SET_PROVISIONAL_PASSWORD: TypedDocumentNode<
  { setProvisionalPassword: { provisionalPassword: string; user: AdminUser } },
  { userId: string }
> = gql`
  mutation AdminSetProvisionalPassword($userId: ID!) {
    setProvisionalPassword(userId: $userId) {
      provisionalPassword
      user { ${USER_FIELDS} }
    }
  }
`;

export const RESET_TWO_FACTOR: TypedDocumentNode<{ resetTwoFactor: AdminUser }, { userId: string }> = gql`
  mutation AdminResetTwoFactor($userId: ID!) {
    resetTwoFactor(userId: $userId) { ${USER_FIELDS} }
  }
`;

export const UPDATE_USER_ACCESS: TypedDocumentNode<
  { updateUserAccess: AdminUser },
  { input: { userId: string; role: Role; scope: UnitScope | null } }
> = gql`
  mutation AdminUpdateUserAccess($input: UpdateUserAccessInput!) {
    updateUserAccess(input: $input) { ${USER_FIELDS} }
  }
`;

export interface OrgEmployer {
  id: string;
  name: string;
  divisions: { id: string; name: string; departments: { id: string; name: string }[] }[];
}

export const EMPLOYERS: TypedDocumentNode<{ employers: OrgEmployer[] }, Record<string, never>> = gql`
  query AdminEmployers {
    employers {
      id
      name
      divisions {
        id
        name
        departments {
          id
          name
        }
      }
    }
  }
`;

export const PERSON_SEARCH: TypedDocumentNode<
  { persons: { items: { id: string; fullName: string; dateOfBirth: string | null }[] } },
  { search: string }
> = gql`
  query AdminPersonSearch($search: String!) {
    persons(filter: { search: $search, activeOnly: false }, page: { limit: 20 }) {
      items {
        id
        fullName
        dateOfBirth
      }
    }
  }
`;

export interface ApiClientData {
  id: string;
  name: string;
  employerId: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const CLIENT_FIELDS = 'id name employerId scopes createdAt lastUsedAt revokedAt';

export const API_CLIENTS: TypedDocumentNode<{ apiClients: ApiClientData[] }, Record<string, never>> = gql`
  query AdminApiClients {
    apiClients { ${CLIENT_FIELDS} }
  }
`;

export const CREATE_API_CLIENT: TypedDocumentNode<
  { createApiClient: { clientSecret: string; client: ApiClientData } },
  { input: { name: string; employerId: string; scopes: string[] } }
> = gql`
  mutation AdminCreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      clientSecret
      client { ${CLIENT_FIELDS} }
    }
  }
`;

export const REVOKE_API_CLIENT: TypedDocumentNode<{ revokeApiClient: ApiClientData }, { id: string }> = gql`
  mutation AdminRevokeApiClient($id: ID!) {
    revokeApiClient(id: $id) { ${CLIENT_FIELDS} }
  }
`;

/**
 * The catalog key of each scope: i18next reads a colon in a key as a namespace separator, so the
 * scope names themselves cannot be keys.
 */
export const API_SCOPE_LABEL_KEYS = {
  'persons:read': 'personsRead',
  'persons:write': 'personsWrite',
  'sickcases:read': 'sickcasesRead',
  'sickcases:write': 'sickcasesWrite',
  'appointments:read': 'appointmentsRead',
  'activities:read': 'activitiesRead',
  'reports:read': 'reportsRead',
  'documents:read': 'documentsRead',
} as const;

export const API_SCOPES = [
  'persons:read',
  'persons:write',
  'sickcases:read',
  'sickcases:write',
  'appointments:read',
  'activities:read',
  'reports:read',
  'documents:read',
] as const;

export interface InvitationRequestData {
  id: string;
  /** EXPIRED, USED or REVOKED: what the link was when the user opened it. */
  reason: 'EXPIRED' | 'USED' | 'REVOKED';
  createdAt: string;
  user: AdminUser;
}

export const INVITATION_REQUESTS: TypedDocumentNode<{ invitationRequests: InvitationRequestData[] }, Record<string, never>> = gql`
  query AdminInvitationRequests {
    invitationRequests {
      id
      reason
      createdAt
      user { ${USER_FIELDS} }
    }
  }
`;

export const RESEND_INVITATION: TypedDocumentNode<{ resendInvitation: { invitationId: string; user: AdminUser } }, { userId: string }> = gql`
  mutation AdminResendInvitation($userId: ID!) {
    resendInvitation(userId: $userId) {
      invitationId
      user { ${USER_FIELDS} }
    }
  }
`;

export const CLOSE_INVITATION_REQUEST: TypedDocumentNode<{ closeInvitationRequest: boolean }, { id: string }> = gql`
  mutation AdminCloseInvitationRequest($id: ID!) {
    closeInvitationRequest(id: $id)
  }
`;
