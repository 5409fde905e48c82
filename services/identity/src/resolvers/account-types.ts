import type { Role } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RoleEnum, TwoFactorMethodEnum, User } from './types.js';

export { TwoFactorMethodEnum };


export const InvitationStatusEnum = { VALID: 'VALID', EXPIRED: 'EXPIRED', USED: 'USED', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(InvitationStatusEnum, {
  name: 'InvitationStatus',
  description: 'What an activation link can still do. EXPIRED also covers a link replaced by a newer invitation.',
});

export const MessageKindEnum = { MAIL: 'MAIL', SMS: 'SMS' } as const;
registerEnumType(MessageKindEnum, { name: 'MessageKind' });


@ObjectType('PasswordStrength', { description: 'Live password hint: zxcvbn estimate and the rules still broken.' })
export class PasswordStrength {
  @Field(() => Int, { description: '0 (very weak) … 4 (strong).' })
  score: number;

  @Field(() => Float)
  guessesLog10: number;

  @Field(() => String, { nullable: true, description: 'English zxcvbn warning; the UI shows its own Dutch text per rule.' })
  warning: string | null;

  @Field(() => [String])
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

@InputType('InviteUserInput')
export class InviteUserInput {
  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for EMPLOYEE: the person in the dossier.' })
  personId?: string | null;

  @Field(() => String, { description: 'Where the invitation goes (for employees: their private address).' })
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Case-sensitive login name; made from the display name when omitted.' })
  username?: string | null;

  @Field(() => UnitScopeInput, { nullable: true, description: 'Units a scoped role works in (EMPLOYER needs one).' })
  scope?: UnitScopeInput | null;
}

@ObjectType('InviteUserResult')
export class InviteUserResult {
  @Field(() => ID)
  invitationId: string;

  @Field(() => DateTimeResolver)
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

@InputType('ActivateAccountInput')
export class ActivateAccountInput {
  @Field(() => String, { description: 'The token from the activation link.' })
  token: string;

  @Field(() => String, { description: 'The address the invitation was sent to.' })
  email: string;

  @Field(() => String)
  password: string;

  @Field(() => String)
  passwordRepeat: string;
}

@ObjectType('ActivationResult')
export class ActivationResult {
  @Field(() => String, { description: 'The login name to sign in with next.' })
  username: string;

  @Field(() => RoleEnum, { description: 'Tells the shell which portal to continue in.' })
  role: Role;
}

@ObjectType('OutboxMessage', { description: 'A mail or SMS as sent (development outbox).' })
export class OutboxMessage {
  @Field(() => ID)
  id: string;

  @Field(() => MessageKindEnum)
  kind: 'MAIL' | 'SMS';

  @Field(() => String)
  to: string;

  @Field(() => String, { nullable: true })
  subject: string | null;

  @Field(() => String)
  text: string;

  @Field(() => String, { nullable: true })
  html: string | null;

  @Field(() => String, { description: 'e.g. `invitation`, `login-code`.' })
  purpose: string;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@ObjectType('InvitationRequest', { description: 'A user asked for a new invitation the system could not send by itself.' })
export class InvitationRequest {
  @Field(() => ID)
  id: string;

  @Field(() => User)
  user: User;

  @Field(() => String, { description: 'EXPIRED, USED or REVOKED: what the link was when it was opened.' })
  reason: string;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@ObjectType('AuthSession', {
  description:
    'A signed-in session. The gateway keeps refreshToken and trustToken in HttpOnly cookies; the access token is short-lived.',
})
export class AuthSession {
  @Field(() => String, { description: 'ES256 JWT for `Authorization: Bearer`; verify with the JWKS.' })
  accessToken: string;

  @Field(() => DateTimeResolver)
  accessTokenExpiresAt: Date;

  @Field(() => String, { description: 'Single use: each refreshSession returns a new one.' })
  refreshToken: string;

  @Field(() => DateTimeResolver, { description: 'Idle timeout, capped by the absolute timeout.' })
  refreshTokenExpiresAt: Date;

  @Field(() => String, { nullable: true, description: 'After an SMS code: skips the SMS step in this browser for 24 h.' })
  trustToken: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  trustTokenExpiresAt: Date | null;

  @Field(() => User)
  user: User;
}

@ObjectType('LoginChallenge', { description: 'The password was right; the second factor comes next.' })
export class LoginChallenge {
  @Field(() => ID)
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

@ObjectType('TotpEnrolment')
export class TotpEnrolment {
  @Field(() => String, { description: 'Base32 secret, for typing in when scanning is not possible.' })
  secret: string;

  @Field(() => String)
  otpauthUri: string;

  @Field(() => String, { description: 'PNG data URL of the QR code of otpauthUri.' })
  qrCodeDataUrl: string;
}

@ObjectType('SmsCodeSent')
export class SmsCodeSent {
  @Field(() => String, { description: 'Masked phone number, e.g. "+31 6 •••• 5678".' })
  sentTo: string;
}

@ObjectType('TwoFactorEnrolmentResult')
export class TwoFactorEnrolmentResult {
  @Field(() => [String], { description: 'Ten one-time recovery codes; shown once, stored hashed.' })
  recoveryCodes: string[];

  @Field(() => AuthSession)
  session: AuthSession;
}

@ObjectType('JsonWebKey')
export class JsonWebKey {
  @Field(() => String)
  kty: string;

  @Field(() => String, { nullable: true })
  crv: string | null;

  @Field(() => String, { nullable: true })
  x: string | null;

  @Field(() => String, { nullable: true })
  y: string | null;

  @Field(() => String)
  kid: string;

  @Field(() => String)
  alg: string;

  @Field(() => String)
  use: string;
}

@ObjectType('JsonWebKeySet', { description: 'Public keys that verify access tokens (RFC 7517).' })
export class JsonWebKeySetType {
  @Field(() => [JsonWebKey])
  keys: JsonWebKey[];
}

@InputType('ResetPasswordInput')
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the reset link.' })
  token: string;

  @Field(() => String)
  password: string;

  @Field(() => String)
  passwordRepeat: string;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword: string;

  @Field(() => String)
  password: string;

  @Field(() => String)
  passwordRepeat: string;
}

@ObjectType('ProvisionalPasswordResult')
export class ProvisionalPasswordResult {
  @Field(() => String, { description: 'Shown once; hand it to the user another way than the username.' })
  provisionalPassword: string;

  @Field(() => User)
  user: User;
}

@ObjectType('ApiClient', { description: 'Partner software with access to one employer, limited by OAuth scopes.' })
export class ApiClient {
  @Field(() => ID, { description: 'The OAuth client_id.' })
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ID)
  employerId: string;

  @Field(() => [String])
  scopes: string[];

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('ApiClientCreated')
export class ApiClientCreated {
  @Field(() => ApiClient)
  client: ApiClient;

  @Field(() => String, { description: 'The client_secret. Shown this once; only a hash is kept.' })
  clientSecret: string;
}

@InputType('CreateApiClientInput')
export class CreateApiClientInput {
  @Field(() => String)
  name: string;

  @Field(() => ID)
  employerId: string;

  @Field(() => [String], { description: 'e.g. persons:read, persons:write, sickcases:write.' })
  scopes: string[];
}

@ObjectType('ClientCredentialsToken', { description: 'OAuth 2.0 client-credentials grant result (RFC 6749 §4.4).' })
export class ClientCredentialsToken {
  @Field(() => String)
  accessToken: string;

  @Field(() => String)
  tokenType: string;

  @Field(() => Int, { description: 'Seconds.' })
  expiresIn: number;

  @Field(() => String, { description: 'Granted scopes, space-separated.' })
  scope: string;
}
