import type { Role } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RoleEnum, TwoFactorMethodEnum, User } from './types.js';

export { TwoFactorMethodEnum };


export const InvitationStatusEnum = { VALID: 'VALID', EXPIRED: 'EXPIRED', USED: 'USED', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(InvitationStatusEnum, {
  name: 'InvitationStatus',
  description: 'What an activation link can still do. EXPIRED also covers a link replaced by a newer invitation.',
  valuesConfig: {
    VALID: { description: 'The link can be used now.' },
    EXPIRED: { description: 'The link is past its expiry time, or a newer link replaced it; a new link can be requested.' },
    USED: { description: 'The link was used already: the password was set with it.' },
    UNKNOWN: { description: 'No such link, e.g. a mistyped or truncated one.' },
  },
});

export const MessageKindEnum = { MAIL: 'MAIL', SMS: 'SMS' } as const;
registerEnumType(MessageKindEnum, {
  name: 'MessageKind',
  description: 'How a message was sent.',
  valuesConfig: {
    MAIL: { description: 'An e-mail.' },
    SMS: { description: 'A text message to a mobile number.' },
  },
});


@ObjectType('PasswordStrength', { description: 'Live password hint: zxcvbn estimate and the rules still broken.' })
export class PasswordStrength {
  @Field(() => Int, { description: '0 (very weak) … 4 (strong).' })
  score: number;

  @Field(() => Float, {
    description: "zxcvbn's estimate of the guesses needed to find the password, as a base-10 logarithm (10 means 10^10 guesses).",
  })
  guessesLog10: number;

  @Field(() => String, { nullable: true, description: 'English zxcvbn warning; the UI shows its own Dutch text per rule.' })
  warning: string | null;

  @Field(() => [String], { description: 'English zxcvbn tips to make the password stronger; often empty.' })
  suggestions: string[];

  @Field(() => [String], {
    description:
      'Broken rules: PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_NEEDS_UPPERCASE, PASSWORD_NEEDS_DIGIT, PASSWORD_CONTAINS_USERNAME, PASSWORD_TOO_COMMON.',
  })
  violations: string[];
}

@InputType('UnitScopeInput', { description: 'Units a scoped role works in; a unit covers everything below it.' })
export class UnitScopeInput {
  @Field(() => [ID], { nullable: true, description: 'Whole employers (ids from the dossier `employers` query).' })
  employerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Divisions (all their departments).' })
  divisionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Single departments.' })
  departmentIds?: string[] | null;
}

@InputType('InviteUserInput', { description: 'The account to create (or re-invite) and where its invitation goes.' })
export class InviteUserInput {
  @Field(() => RoleEnum, { description: 'The role of the account. A PLANNER may invite EMPLOYEE and EMPLOYER only; API_CLIENT is refused.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for EMPLOYEE: the person in the dossier.' })
  personId?: string | null;

  @Field(() => String, { description: 'Where the invitation goes (for employees: their private address).' })
  email: string;

  @Field(() => String, { description: 'Name as shown in the portal and in the invitation mail, e.g. "Peter Jansen (HR)".' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Case-sensitive login name; made from the display name when omitted.' })
  username?: string | null;

  @Field(() => UnitScopeInput, { nullable: true, description: 'Units a scoped role works in (EMPLOYER needs one).' })
  scope?: UnitScopeInput | null;
}

@ObjectType('InviteUserResult', { description: 'An activation link was mailed to the account.' })
export class InviteUserResult {
  @Field(() => ID, { description: 'Stable id of the invitation. The link itself is only in the mail.' })
  invitationId: string;

  @Field(() => DateTimeResolver, { description: 'When the activation link stops working (7 days after sending, unless configured otherwise).' })
  expiresAt: Date;

  @Field(() => User, { description: 'The invited account, not activated yet.' })
  user: User;
}

@InputType('ActivateAccountInput', { description: 'The activation form: the link, the invitation address and the first password.' })
export class ActivateAccountInput {
  @Field(() => String, { description: 'The token from the activation link.' })
  token: string;

  @Field(() => String, { description: 'The address the invitation was sent to.' })
  email: string;

  @Field(() => String, { description: 'The new password: 12 to 128 characters, with an uppercase letter and a digit, not containing the username, not a common password.' })
  password: string;

  @Field(() => String, { description: 'The same password again; PASSWORD_MISMATCH when it differs.' })
  passwordRepeat: string;
}

@ObjectType('ActivationResult', { description: 'The account whose password was just set; it signs in next with startLogin.' })
export class ActivationResult {
  @Field(() => String, { description: 'The login name to sign in with next.' })
  username: string;

  @Field(() => RoleEnum, { description: 'Tells the shell which portal to continue in.' })
  role: Role;
}

@ObjectType('OutboxMessage', { description: 'A mail or SMS as sent (development outbox).' })
export class OutboxMessage {
  @Field(() => ID, { description: 'Stable id of the message.' })
  id: string;

  @Field(() => MessageKindEnum, { description: 'E-mail or SMS.' })
  kind: 'MAIL' | 'SMS';

  @Field(() => String, { description: 'The recipient: an e-mail address (lower case) or a mobile number (+31…).' })
  to: string;

  @Field(() => String, { nullable: true, description: 'Subject of a mail; null for SMS.' })
  subject: string | null;

  @Field(() => String, { description: 'The plain-text body (for SMS, the whole message).' })
  text: string;

  @Field(() => String, { nullable: true, description: 'The HTML body of a mail; null for SMS.' })
  html: string | null;

  @Field(() => String, { description: 'e.g. `invitation`, `login-code`.' })
  purpose: string;

  @Field(() => DateTimeResolver, { description: 'When the message was sent.' })
  createdAt: Date;
}

@ObjectType('InvitationRequest', { description: 'A user asked for a new invitation the system could not send by itself.' })
export class InvitationRequest {
  @Field(() => ID, { description: 'Stable id of the request, for closeInvitationRequest.' })
  id: string;

  @Field(() => User, { description: 'The account whose link could not be used.' })
  user: User;

  @Field(() => String, { description: 'EXPIRED, USED or REVOKED: what the link was when it was opened.' })
  reason: string;

  @Field(() => DateTimeResolver, { description: 'When the user asked for a new invitation.' })
  createdAt: Date;
}

@ObjectType('AuthSession', {
  description:
    'A signed-in session. The gateway keeps refreshToken and trustToken in HttpOnly cookies; the access token is short-lived.',
})
export class AuthSession {
  @Field(() => String, { description: 'ES256 JWT for `Authorization: Bearer`; verify with the JWKS.' })
  accessToken: string;

  @Field(() => DateTimeResolver, {
    description: "When the access token expires (5 minutes after issue by default, never after the session's absolute timeout); refreshSession before.",
  })
  accessTokenExpiresAt: Date;

  @Field(() => String, { description: 'Single use: each refreshSession returns a new one.' })
  refreshToken: string;

  @Field(() => DateTimeResolver, { description: 'Idle timeout, capped by the absolute timeout.' })
  refreshTokenExpiresAt: Date;

  @Field(() => String, { nullable: true, description: 'After an SMS code: skips the SMS step in this browser for 24 h.' })
  trustToken: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When trustToken stops skipping the SMS step; null when there is no trustToken.' })
  trustTokenExpiresAt: Date | null;

  @Field(() => User, { description: 'The signed-in account.' })
  user: User;
}

@ObjectType('LoginChallenge', { description: 'The password was right; the second factor comes next.' })
export class LoginChallenge {
  @Field(() => ID, {
    description: 'Pass it to the next step (chooseOwnPassword, completeLogin, the enrolment mutations). Valid for 10 minutes by default, and until the fifth wrong code.',
  })
  challengeId: string;

  @Field(() => [TwoFactorMethodEnum], { description: 'The enrolled method, or the methods to choose from when enrolment is required.' })
  methods: ('TOTP' | 'SMS')[];

  @Field(() => Boolean, { description: 'First login: the user must set up a second factor now.' })
  enrolmentRequired: boolean;

  @Field(() => Boolean, { description: 'Provisional password: call chooseOwnPassword before the second factor.' })
  passwordChangeRequired: boolean;

  @Field(() => String, { nullable: true, description: 'Masked number an SMS code was just sent to.' })
  smsSentTo: string | null;

  @Field(() => AuthSession, { nullable: true, description: 'Set when a trusted browser skipped the second factor.' })
  session: AuthSession | null;
}

@ObjectType('TotpEnrolment', { description: 'A new authenticator app to set up; confirmTwoFactorEnrolment with its first code activates it.' })
export class TotpEnrolment {
  @Field(() => String, { description: 'Base32 secret, for typing in when scanning is not possible.' })
  secret: string;

  @Field(() => String, { description: 'The `otpauth://totp/…` URI with the secret, for authenticator apps.' })
  otpauthUri: string;

  @Field(() => String, { description: 'PNG data URL of the QR code of otpauthUri.' })
  qrCodeDataUrl: string;
}

@ObjectType('SmsCodeSent', { description: 'An SMS code was sent.' })
export class SmsCodeSent {
  @Field(() => String, { description: 'Masked phone number, e.g. "+31 6 •••• 5678".' })
  sentTo: string;
}

@ObjectType('TwoFactorEnrolmentResult', { description: 'The new second factor is active.' })
export class TwoFactorEnrolmentResult {
  @Field(() => [String], { description: 'Ten one-time recovery codes; shown once, stored hashed.' })
  recoveryCodes: string[];

  @Field(() => AuthSession, {
    description: 'A new session. After a factor change every other session of the account has ended.',
  })
  session: AuthSession;
}

@ObjectType('JsonWebKey', { description: 'One public key (RFC 7517): an elliptic-curve P-256 key for ES256 signatures.' })
export class JsonWebKey {
  @Field(() => String, { description: 'Key type: `EC`.' })
  kty: string;

  @Field(() => String, { nullable: true, description: 'Curve: `P-256` (always set for these EC keys).' })
  crv: string | null;

  @Field(() => String, { nullable: true, description: 'X coordinate of the public point, base64url (always set for these EC keys).' })
  x: string | null;

  @Field(() => String, { nullable: true, description: 'Y coordinate of the public point, base64url (always set for these EC keys).' })
  y: string | null;

  @Field(() => String, { description: 'Key id: matches the `kid` header of the tokens this key verifies.' })
  kid: string;

  @Field(() => String, { description: 'Signature algorithm: `ES256`.' })
  alg: string;

  @Field(() => String, { description: 'Key use: `sig` (verifying signatures).' })
  use: string;
}

@ObjectType('JsonWebKeySet', { description: 'Public keys that verify access tokens (RFC 7517).' })
export class JsonWebKeySetType {
  @Field(() => [JsonWebKey], {
    description: 'The current key and recently retired keys, so that tokens signed before a key rotation still verify.',
  })
  keys: JsonWebKey[];
}

@InputType('ResetPasswordInput', { description: 'The reset form: the link and the new password.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the reset link.' })
  token: string;

  @Field(() => String, { description: 'The new password: 12 to 128 characters, with an uppercase letter and a digit, not containing the username, not a common password.' })
  password: string;

  @Field(() => String, { description: 'The same password again; PASSWORD_MISMATCH when it differs.' })
  passwordRepeat: string;
}

@InputType('ChangePasswordInput', { description: "A signed-in user's new password." })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The present password; INVALID_CREDENTIALS when wrong.' })
  currentPassword: string;

  @Field(() => String, { description: 'The new password: 12 to 128 characters, with an uppercase letter and a digit, not containing the username, not a common password.' })
  password: string;

  @Field(() => String, { description: 'The same password again; PASSWORD_MISMATCH when it differs.' })
  passwordRepeat: string;
}

@ObjectType('ProvisionalPasswordResult', { description: 'A provisional password an administrator set for an account.' })
export class ProvisionalPasswordResult {
  @Field(() => String, { description: 'Shown once; hand it to the user another way than the username.' })
  provisionalPassword: string;

  @Field(() => User, { description: 'The account: its sessions have ended and it must choose a new password at the next sign-in.' })
  user: User;
}

@ObjectType('ApiClient', { description: 'Partner software with access to one employer, limited by OAuth scopes.' })
export class ApiClient {
  @Field(() => ID, { description: 'The OAuth client_id.' })
  id: string;

  @Field(() => String, { description: 'Name given by the administrator, e.g. the partner product.' })
  name: string;

  @Field(() => ID, { description: 'The one employer whose data the client may reach (an id from the dossier `employers` query).' })
  employerId: string;

  @Field(() => [String], { description: 'The granted OAuth scopes, e.g. `persons:read`.' })
  scopes: string[];

  @Field(() => DateTimeResolver, { description: 'When the client was created.' })
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the client last obtained a token; null if it never did.' })
  lastUsedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When an administrator revoked the client; null while it is active.' })
  revokedAt: Date | null;
}

@ObjectType('ApiClientCreated', { description: 'A new partner API client and its secret.' })
export class ApiClientCreated {
  @Field(() => ApiClient, { description: 'The new client; its id is the client_id.' })
  client: ApiClient;

  @Field(() => String, { description: 'The client_secret. Shown this once; only a hash is kept.' })
  clientSecret: string;
}

@InputType('CreateApiClientInput', { description: 'A new partner API client for one employer.' })
export class CreateApiClientInput {
  @Field(() => String, { description: 'A recognisable name, e.g. the partner product; 1 to 200 characters.' })
  name: string;

  @Field(() => ID, { description: 'The one employer whose data the client may reach (an id from the dossier `employers` query).' })
  employerId: string;

  @Field(() => [String], { description: 'e.g. persons:read, persons:write, sickcases:write.' })
  scopes: string[];
}

@ObjectType('ClientCredentialsToken', { description: 'OAuth 2.0 client-credentials grant result (RFC 6749 §4.4).' })
export class ClientCredentialsToken {
  @Field(() => String, { description: 'ES256 JWT for `Authorization: Bearer` on the gateway; verify with the JWKS.' })
  accessToken: string;

  @Field(() => String, { description: 'Always `Bearer`.' })
  tokenType: string;

  @Field(() => Int, { description: 'Seconds.' })
  expiresIn: number;

  @Field(() => String, { description: 'Granted scopes, space-separated.' })
  scope: string;
}
