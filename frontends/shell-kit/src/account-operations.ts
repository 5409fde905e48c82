import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GraphQLOperation } from './graphql-request';
import * as login from './login-operations';
import type { LoginChallengeData, TwoFactorMethod } from './login-operations';
import type { Role } from './session';

// The account page's operations. It is a signed-in page, so it goes through Apollo Client (loaded
// with the signed-in part of the shell); the pages before signing in use plain fetch instead.

/** One of the plain-fetch operations as an Apollo document (the same text, parsed by graphql-tag). */
function asDocument<TData, TVariables>(
  operation: GraphQLOperation<TData, TVariables>,
): TypedDocumentNode<TData, TVariables> {
  return gql(operation.query) as TypedDocumentNode<TData, TVariables>;
}

export const BEGIN_TOTP_ENROLMENT = asDocument(login.BEGIN_TOTP_ENROLMENT);
export const BEGIN_SMS_ENROLMENT = asDocument(login.BEGIN_SMS_ENROLMENT);
export const CONFIRM_TWO_FACTOR_ENROLMENT = asDocument(login.CONFIRM_TWO_FACTOR_ENROLMENT);

export interface AccountViewer {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  email: string | null;
  twoFactorMethod: TwoFactorMethod | null;
}

export interface UserSettingsData {
  actionListDaysAhead: number;
  dailyDigest: boolean;
  locale: string;
}

export const ACCOUNT: TypedDocumentNode<
  { viewer: AccountViewer | null; mySettings: UserSettingsData },
  Record<string, never>
> = gql`
  query Account {
    viewer {
      id
      username
      displayName
      role
      email
      twoFactorMethod
    }
    mySettings {
      actionListDaysAhead
      dailyDigest
      locale
    }
  }
`;

export const UPDATE_MY_SETTINGS: TypedDocumentNode<
  { updateMySettings: UserSettingsData },
  { input: { actionListDaysAhead?: number; dailyDigest?: boolean; locale?: string } }
> = gql`
  mutation UpdateMySettings($input: UpdateMySettingsInput!) {
    updateMySettings(input: $input) {
      actionListDaysAhead
      dailyDigest
      locale
    }
  }
`;

export const CHANGE_PASSWORD: TypedDocumentNode<
  { changePassword: boolean },
  { input: { currentPassword: string; password: string; passwordRepeat: string } }
> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;

const CHALLENGE = `challengeId methods enrolmentRequired passwordChangeRequired smsSentTo session { accessToken accessTokenExpiresAt user { id username displayName role personId } }`;

export const START_FACTOR_CHANGE: TypedDocumentNode<
  { startFactorChange: LoginChallengeData },
  { password: string }
> = gql`
  mutation StartFactorChange($password: String!) {
    startFactorChange(password: $password) { ${CHALLENGE} }
  }
`;

export const VERIFY_CURRENT_FACTOR: TypedDocumentNode<
  { verifyCurrentFactor: LoginChallengeData },
  { challengeId: string; code?: string | null; recoveryCode?: string | null }
> = gql`
  mutation VerifyCurrentFactor($challengeId: ID!, $code: String, $recoveryCode: String) {
    verifyCurrentFactor(challengeId: $challengeId, code: $code, recoveryCode: $recoveryCode) { ${CHALLENGE} }
  }
`;
