import { gql, type TypedDocumentNode } from '@apollo/client';
import type { InvitationStatus, LoginChallengeData, TwoFactorMethod } from './login-operations';
import type { Role } from './session';

export const REQUEST_PASSWORD_RESET: TypedDocumentNode<{ requestPasswordReset: boolean }, { username: string }> = gql`
  mutation RequestPasswordReset($username: String!) {
    requestPasswordReset(username: $username)
  }
`;

export const PASSWORD_RESET_STATUS: TypedDocumentNode<{ passwordResetStatus: InvitationStatus }, { token: string }> = gql`
  query PasswordResetStatus($token: String!) {
    passwordResetStatus(token: $token)
  }
`;

export const RESET_PASSWORD: TypedDocumentNode<
  { resetPassword: { username: string; role: Role } },
  { input: { token: string; password: string; passwordRepeat: string } }
> = gql`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      username
      role
    }
  }
`;

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

export const ACCOUNT: TypedDocumentNode<{ viewer: AccountViewer | null; mySettings: UserSettingsData }, Record<string, never>> = gql`
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

export const START_FACTOR_CHANGE: TypedDocumentNode<{ startFactorChange: LoginChallengeData }, { password: string }> = gql`
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
