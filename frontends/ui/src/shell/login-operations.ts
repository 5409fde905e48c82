import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from './session';

export type TwoFactorMethod = 'TOTP' | 'SMS';

export interface AuthSessionData {
  accessToken: string;
  accessTokenExpiresAt: string;
  user: { id: string; username: string; displayName: string; role: Role; personId: string | null };
}

export interface LoginChallengeData {
  challengeId: string;
  methods: TwoFactorMethod[];
  enrolmentRequired: boolean;
  passwordChangeRequired: boolean;
  smsSentTo: string | null;
  session: AuthSessionData | null;
}

// The refresh and trust token fields are selected so the gateway moves them into HttpOnly cookies;
// it removes them from the body, which is why these mutations bypass the cache.
const SESSION_FIELDS = `
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
  trustToken
  trustTokenExpiresAt
  user { id username displayName role personId }
`;
const CHALLENGE_FIELDS = `
  challengeId
  methods
  enrolmentRequired
  passwordChangeRequired
  smsSentTo
  session { ${SESSION_FIELDS} }
`;

export const START_LOGIN: TypedDocumentNode<{ startLogin: LoginChallengeData }, { username: string; password: string }> = gql`
  mutation StartLogin($username: String!, $password: String!) {
    startLogin(username: $username, password: $password) { ${CHALLENGE_FIELDS} }
  }
`;

export const CHOOSE_OWN_PASSWORD: TypedDocumentNode<
  { chooseOwnPassword: LoginChallengeData },
  { challengeId: string; password: string; passwordRepeat: string }
> = gql`
  mutation ChooseOwnPassword($challengeId: ID!, $password: String!, $passwordRepeat: String!) {
    chooseOwnPassword(challengeId: $challengeId, password: $password, passwordRepeat: $passwordRepeat) { ${CHALLENGE_FIELDS} }
  }
`;

export const BEGIN_TOTP_ENROLMENT: TypedDocumentNode<
  { beginTotpEnrolment: { secret: string; qrCodeDataUrl: string } },
  { challengeId: string }
> = gql`
  mutation BeginTotpEnrolment($challengeId: ID!) {
    beginTotpEnrolment(challengeId: $challengeId) {
      secret
      qrCodeDataUrl
    }
  }
`;

export const BEGIN_SMS_ENROLMENT: TypedDocumentNode<{ beginSmsEnrolment: { sentTo: string } }, { challengeId: string; phoneNumber: string }> = gql`
  mutation BeginSmsEnrolment($challengeId: ID!, $phoneNumber: String!) {
    beginSmsEnrolment(challengeId: $challengeId, phoneNumber: $phoneNumber) {
      sentTo
    }
  }
`;

export const RESEND_LOGIN_SMS: TypedDocumentNode<{ resendLoginSms: { sentTo: string } }, { challengeId: string }> = gql`
  mutation ResendLoginSms($challengeId: ID!) {
    resendLoginSms(challengeId: $challengeId) {
      sentTo
    }
  }
`;

export const CONFIRM_TWO_FACTOR_ENROLMENT: TypedDocumentNode<
  { confirmTwoFactorEnrolment: { recoveryCodes: string[]; session: AuthSessionData } },
  { challengeId: string; code: string }
> = gql`
  mutation ConfirmTwoFactorEnrolment($challengeId: ID!, $code: String!) {
    confirmTwoFactorEnrolment(challengeId: $challengeId, code: $code) {
      recoveryCodes
      session { ${SESSION_FIELDS} }
    }
  }
`;

export const COMPLETE_LOGIN: TypedDocumentNode<
  { completeLogin: AuthSessionData },
  { challengeId: string; code?: string | null; recoveryCode?: string | null }
> = gql`
  mutation CompleteLogin($challengeId: ID!, $code: String, $recoveryCode: String) {
    completeLogin(challengeId: $challengeId, code: $code, recoveryCode: $recoveryCode) { ${SESSION_FIELDS} }
  }
`;

export const PASSWORD_STRENGTH: TypedDocumentNode<
  { passwordStrength: { score: number; violations: string[] } },
  { username?: string | null; password: string }
> = gql`
  query PasswordStrength($username: String, $password: String!) {
    passwordStrength(username: $username, password: $password) {
      score
      violations
    }
  }
`;

export type InvitationStatus = 'VALID' | 'EXPIRED' | 'USED' | 'UNKNOWN';

export const INVITATION_STATUS: TypedDocumentNode<{ invitationStatus: InvitationStatus }, { token: string }> = gql`
  query InvitationStatus($token: String!) {
    invitationStatus(token: $token)
  }
`;

export const ACTIVATE_ACCOUNT: TypedDocumentNode<
  { activateAccount: { username: string; role: Role } },
  { input: { token: string; email: string; password: string; passwordRepeat: string } }
> = gql`
  mutation ActivateAccount($input: ActivateAccountInput!) {
    activateAccount(input: $input) {
      username
      role
    }
  }
`;

export const REQUEST_NEW_INVITATION: TypedDocumentNode<{ requestNewInvitation: boolean }, { token: string }> = gql`
  mutation RequestNewInvitation($token: String!) {
    requestNewInvitation(token: $token)
  }
`;
