import { graphqlOperation, type GraphQLOperation } from './graphql-request';
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

// The operations of the pages before signing in, sent with plain fetch (graphql-request.tsx).
// The refresh and trust token fields are selected so the gateway moves them into HttpOnly cookies;
// it removes them from the body.
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

export const START_LOGIN: GraphQLOperation<
  { startLogin: LoginChallengeData },
  { username: string; password: string }
> = graphqlOperation(`
  mutation StartLogin($username: String!, $password: String!) {
    startLogin(username: $username, password: $password) { ${CHALLENGE_FIELDS} }
  }
`);

export const CHOOSE_OWN_PASSWORD: GraphQLOperation<
  { chooseOwnPassword: LoginChallengeData },
  { challengeId: string; password: string; passwordRepeat: string }
> = graphqlOperation(`
  mutation ChooseOwnPassword($challengeId: ID!, $password: String!, $passwordRepeat: String!) {
    chooseOwnPassword(challengeId: $challengeId, password: $password, passwordRepeat: $passwordRepeat) { ${CHALLENGE_FIELDS} }
  }
`);

export const BEGIN_TOTP_ENROLMENT: GraphQLOperation<
  { beginTotpEnrolment: { secret: string; qrCodeDataUrl: string } },
  { challengeId: string }
> = graphqlOperation(`
  mutation BeginTotpEnrolment($challengeId: ID!) {
    beginTotpEnrolment(challengeId: $challengeId) {
      secret
      qrCodeDataUrl
    }
  }
`);

export const BEGIN_SMS_ENROLMENT: GraphQLOperation<
  { beginSmsEnrolment: { sentTo: string } },
  { challengeId: string; phoneNumber: string }
> = graphqlOperation(`
  mutation BeginSmsEnrolment($challengeId: ID!, $phoneNumber: String!) {
    beginSmsEnrolment(challengeId: $challengeId, phoneNumber: $phoneNumber) {
      sentTo
    }
  }
`);

export const RESEND_LOGIN_SMS: GraphQLOperation<
  { resendLoginSms: { sentTo: string } },
  { challengeId: string }
> = graphqlOperation(`
  mutation ResendLoginSms($challengeId: ID!) {
    resendLoginSms(challengeId: $challengeId) {
      sentTo
    }
  }
`);

export const CONFIRM_TWO_FACTOR_ENROLMENT: GraphQLOperation<
  { confirmTwoFactorEnrolment: { recoveryCodes: string[]; session: AuthSessionData } },
  { challengeId: string; code: string }
> = graphqlOperation(`
  mutation ConfirmTwoFactorEnrolment($challengeId: ID!, $code: String!) {
    confirmTwoFactorEnrolment(challengeId: $challengeId, code: $code) {
      recoveryCodes
      session { ${SESSION_FIELDS} }
    }
  }
`);

export const COMPLETE_LOGIN: GraphQLOperation<
  { completeLogin: AuthSessionData },
  { challengeId: string; code?: string | null; recoveryCode?: string | null }
> = graphqlOperation(`
  mutation CompleteLogin($challengeId: ID!, $code: String, $recoveryCode: String) {
    completeLogin(challengeId: $challengeId, code: $code, recoveryCode: $recoveryCode) { ${SESSION_FIELDS} }
  }
`);

export const PASSWORD_STRENGTH: GraphQLOperation<
  { passwordStrength: { score: number; violations: string[] } },
  { username?: string | null; password: string }
> = graphqlOperation(`
  query PasswordStrength($username: String, $password: String!) {
    passwordStrength(username: $username, password: $password) {
      score
      violations
    }
  }
`);

export type InvitationStatus = 'VALID' | 'EXPIRED' | 'USED' | 'UNKNOWN';

export const INVITATION_STATUS: GraphQLOperation<{ invitationStatus: InvitationStatus }, { token: string }> =
  graphqlOperation(`
  query InvitationStatus($token: String!) {
    invitationStatus(token: $token)
  }
`);

export const ACTIVATE_ACCOUNT: GraphQLOperation<
  { activateAccount: { username: string; role: Role } },
  { input: { token: string; email: string; password: string; passwordRepeat: string } }
> = graphqlOperation(`
  mutation ActivateAccount($input: ActivateAccountInput!) {
    activateAccount(input: $input) {
      username
      role
    }
  }
`);

export const REQUEST_NEW_INVITATION: GraphQLOperation<{ requestNewInvitation: boolean }, { token: string }> =
  graphqlOperation(`
  mutation RequestNewInvitation($token: String!) {
    requestNewInvitation(token: $token)
  }
`);

export const REQUEST_PASSWORD_RESET: GraphQLOperation<
  { requestPasswordReset: boolean },
  { username: string }
> = graphqlOperation(`
  mutation RequestPasswordReset($username: String!) {
    requestPasswordReset(username: $username)
  }
`);

export const PASSWORD_RESET_STATUS: GraphQLOperation<
  { passwordResetStatus: InvitationStatus },
  { token: string }
> = graphqlOperation(`
  query PasswordResetStatus($token: String!) {
    passwordResetStatus(token: $token)
  }
`);

export const RESET_PASSWORD: GraphQLOperation<
  { resetPassword: { username: string; role: Role } },
  { input: { token: string; password: string; passwordRepeat: string } }
> = graphqlOperation(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      username
      role
    }
  }
`);
