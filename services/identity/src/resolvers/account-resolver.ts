import { authorize, domainError, forbidden, invalidPage, type Identity, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { In } from 'typeorm';
import { OutboxMessageEntity } from '../entities/index.js';
import type { CompletedLogin, LoginStart } from '../auth/login-flow.js';
import type { ApiClientRow } from '../auth/api-clients.js';
import type { IdentityServices } from '../auth/identity-services.js';
import { passwordStrength } from '../auth/password-policy.js';
import { devOutboxEnabled } from '../dev/outbox-page.js';
import { collectRevocations } from '../auth/revocations.js';
import {
  ActivateAccountInput,
  ActivationResult,
  ApiClient,
  ApiClientCreated,
  AuthSession,
  ClientCredentialsToken,
  CreateApiClientInput,
  ChangePasswordInput,
  ProvisionalPasswordResult,
  ResetPasswordInput,
  InvitationRequest,
  InvitationStatusEnum,
  InviteUserInput,
  InviteUserResult,
  JsonWebKeySetType,
  LoginChallenge,
  OutboxMessage,
  PasswordStrength,
  SmsCodeSent,
  TotpEnrolment,
  TwoFactorEnrolmentResult,
} from './account-types.js';
import { toUser, User } from './types.js';
import { UserEntity } from '../entities/index.js';

/** Roles a planner may invite; staff accounts of the arbodienst are the administrator's. */
const PLANNER_INVITES = ['EMPLOYEE', 'EMPLOYER'];
const OUTBOX_LIMIT = { default: 50, max: 500 } as const;

/**
 * The client address the gateway vouches for. Until the kit puts it on the context (see the
 * report for issue #4) it is absent and login throttling works per account only.
 */
function clientAddress(ctx: SubgraphContext): string | null {
  const address = (ctx as SubgraphContext & { clientAddress?: unknown }).clientAddress;
  return typeof address === 'string' && address.length > 0 && address.length <= 64 ? address : null;
}

function toApiClient(row: ApiClientRow): ApiClient {
  return Object.assign(new ApiClient(), {
    id: row.id,
    name: row.name,
    employerId: row.employer_id,
    scopes: row.scopes,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  });
}

function toChallenge(start: LoginStart): LoginChallenge {
  return Object.assign(new LoginChallenge(), {
    challengeId: start.challengeId,
    methods: start.methods,
    enrolmentRequired: start.enrolmentRequired,
    passwordChangeRequired: start.passwordChangeRequired,
    smsSentTo: start.smsSentTo,
    session: start.session ? toSession(start.session) : null,
  });
}

function toSession(login: CompletedLogin | Omit<CompletedLogin, 'trustToken' | 'trustTokenExpiresAt'>): AuthSession {
  return Object.assign(new AuthSession(), {
    accessToken: login.accessToken,
    accessTokenExpiresAt: login.accessTokenExpiresAt,
    refreshToken: login.refreshToken,
    refreshTokenExpiresAt: login.refreshTokenExpiresAt,
    trustToken: 'trustToken' in login ? login.trustToken : null,
    trustTokenExpiresAt: 'trustTokenExpiresAt' in login ? login.trustTokenExpiresAt : null,
    user: toUser(login.user),
  });
}

/**
 * A planner invites within their own clients: the employers granted must be in the planner's scope.
 * (Divisions and departments cannot be checked here: identity keeps no organisation read model.)
 */
function requireInviter(ctx: SubgraphContext, input: InviteUserInput): Identity {
  const identity = ctx.actor.requireRole('ADMIN', 'PLANNER');
  if (identity.role === 'PLANNER') {
    if (!PLANNER_INVITES.includes(input.role)) throw forbidden('inviting this role');
    const own = identity.scope?.employerIds ?? [];
    if ((input.scope?.employerIds ?? []).some((id) => !own.includes(id))) throw forbidden('granting an employer outside your scope');
  }
  return identity;
}

/** Why a planner may not act on an account, or null when they may (an administrator always may). */
function accountRefusal(identity: Identity, user: UserEntity): string | null {
  if (identity.role !== 'PLANNER') return null;
  if (!PLANNER_INVITES.includes(user.role)) return 'inviting this role';
  const own = identity.scope?.employerIds ?? [];
  return user.employerIds.some((id) => !own.includes(id)) ? 'an account outside your scope' : null;
}

/** A planner may act on the accounts they could have invited: employees, and employer users of their employers. */
function requireAccountInviter(ctx: SubgraphContext): { identity: Identity; authorize: (user: UserEntity) => void } {
  const identity = ctx.actor.requireRole('ADMIN', 'PLANNER');
  const authorize = (user: UserEntity) => {
    const refusal = accountRefusal(identity, user);
    if (refusal) throw forbidden(refusal);
  };
  return { identity, authorize };
}

@Resolver()
@UseMiddleware(collectRevocations)
export class AccountResolver {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly services: IdentityServices,
  ) {}

  @Query(() => PasswordStrength, { description: 'Live strength hint while choosing a password (zxcvbn-ts, offline).' })
  passwordStrength(
    @Arg('password', () => String, { description: 'The password being typed; only its first 1024 characters are checked. Never stored.' })
    password: string,
    @Arg('username', () => String, { nullable: true, description: 'The login name, when known: a password that contains it breaks a rule.' })
    username: string | null,
  ): PasswordStrength {
    return Object.assign(new PasswordStrength(), passwordStrength(password.slice(0, 1024), username));
  }

  @Mutation(() => InviteUserResult, { description: 'ADMIN or PLANNER: creates (or re-invites) an account and mails a single-use activation link.' })
  async inviteUser(@Arg('input', () => InviteUserInput, { description: 'The account and its invitation address.' }) input: InviteUserInput, @Ctx() ctx: SubgraphContext): Promise<InviteUserResult> {
    const identity = requireInviter(ctx, input);
    const outcome = await this.services.invitations.invite(
      {
        role: input.role,
        personId: input.personId ?? null,
        email: input.email,
        displayName: input.displayName,
        username: input.username ?? null,
        scope: input.scope
          ? { employerIds: input.scope.employerIds ?? [], divisionIds: input.scope.divisionIds ?? [], departmentIds: input.scope.departmentIds ?? [] }
          : null,
      },
      identity.sub,
    );
    if (outcome.user.personId) ctx.accessLog.change('user', 'create', outcome.user.personId, 'account administration');
    return Object.assign(new InviteUserResult(), { invitationId: outcome.invitationId, expiresAt: outcome.expiresAt, user: toUser(outcome.user) });
  }

  @Query(() => InvitationStatusEnum, { description: 'What the activation page should show for a link.' })
  async invitationStatus(@Arg('token', () => String, { description: 'The token from the activation link.' }) token: string): Promise<string> {
    return this.services.invitations.status(token);
  }

  @Mutation(() => ActivationResult, {
    description:
      'Sets the first password from an activation link. Errors: INVITATION_UNKNOWN, INVITATION_EXPIRED, INVITATION_USED, EMAIL_MISMATCH, ' +
      'PASSWORD_MISMATCH, a PASSWORD_* rule (all broken rules in extensions.violations), TOO_MANY_ATTEMPTS.',
  })
  async activateAccount(
    @Arg('input', () => ActivateAccountInput, { description: 'The link token, the invitation address and the first password.' }) input: ActivateAccountInput): Promise<ActivationResult> {
    const user = await this.services.invitations.activate(input);
    return Object.assign(new ActivationResult(), { username: user.username, role: user.role });
  }

  @Mutation(() => Boolean, {
    description:
      'For an expired or used link: sends a fresh link to the address on file, or files a request for the arbodienst. Always true: the answer reveals nothing.',
  })
  async requestNewInvitation(@Arg('token', () => String, { description: 'The token from the expired or used activation link.' }) token: string): Promise<boolean> {
    await this.services.invitations.requestNew(token);
    return true;
  }

  @Query(() => [InvitationRequest], {
    description:
      'ADMIN: all open requests for a new invitation; PLANNER: only those of accounts they may re-invite (employees, and employer users of their employers).',
  })
  async invitationRequests(@Ctx() ctx: SubgraphContext): Promise<InvitationRequest[]> {
    const identity = ctx.actor.requireRole('ADMIN', 'PLANNER');
    const rows: { id: string; user_id: string; reason: string; created_at: Date }[] = await this.deps.dataSource.query(
      `SELECT id, user_id, reason, created_at FROM identity.invitation_requests WHERE handled_at IS NULL ORDER BY created_at LIMIT 500`,
    );
    const users = new Map(
      (await this.deps.dataSource.getRepository(UserEntity).findBy({ id: In(rows.map((row) => row.user_id)) })).map((user) => [user.id, user] as const),
    );
    // The same rule as resendInvitation and closeInvitationRequest: a planner sees only what they may act on.
    return rows
      .filter((row) => users.has(row.user_id) && accountRefusal(identity, users.get(row.user_id)!) === null)
      .map((row) => Object.assign(new InvitationRequest(), { id: row.id, reason: row.reason, createdAt: row.created_at, user: toUser(users.get(row.user_id)!) }));
  }

  @Mutation(() => InviteUserResult, {
    description:
      'ADMIN or PLANNER ("opnieuw uitnodigen"): mails a fresh activation link to an account that is not activated yet; older links stop working and ' +
      'the open invitation requests of the account are closed. Errors: NOT_FOUND, ALREADY_ACTIVATED, ACCOUNT_BLOCKED, FORBIDDEN.',
  })
  async resendInvitation(@Arg('userId', () => ID, { description: 'The account to invite again.' }) userId: string, @Ctx() ctx: SubgraphContext): Promise<InviteUserResult> {
    const { identity, authorize } = requireAccountInviter(ctx);
    const outcome = await this.services.invitations.resend(userId, identity.sub, authorize);
    if (outcome.user.personId) ctx.accessLog.change('user', 'update', outcome.user.personId, 'account administration');
    return Object.assign(new InviteUserResult(), { invitationId: outcome.invitationId, expiresAt: outcome.expiresAt, user: toUser(outcome.user) });
  }

  @Mutation(() => Boolean, {
    description:
      'ADMIN or PLANNER: closes an open invitation request without a new invitation (e.g. the account was already activated and the user was ' +
      'helped otherwise). Errors: NOT_FOUND (unknown or already handled), FORBIDDEN.',
  })
  async closeInvitationRequest(@Arg('id', () => ID, { description: 'The request to close (InvitationRequest.id).' }) id: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const { identity, authorize } = requireAccountInviter(ctx);
    await this.services.invitations.closeRequest(id, identity.sub, authorize);
    return true;
  }

  @Query(() => [OutboxMessage], {
    description:
      'DEVELOPMENT ONLY: mails and SMS as sent, newest first. Refused (NOT_AVAILABLE) in production unless EXPOSE_DEV_OUTBOX=true, like the /dev/outbox page.',
  })
  async devOutbox(
    @Arg('limit', () => Int, { defaultValue: OUTBOX_LIMIT.default, description: `At most ${OUTBOX_LIMIT.max} messages.` }) limit: number,
    @Arg('to', () => String, { nullable: true, description: 'Only messages to this address or number.' }) to: string | null,
  ): Promise<OutboxMessage[]> {
    if (!devOutboxEnabled()) throw domainError('NOT_AVAILABLE', 'The outbox is not available in production (set EXPOSE_DEV_OUTBOX=true to show it).');
    if (!Number.isInteger(limit) || limit < 1 || limit > OUTBOX_LIMIT.max) {
      throw invalidPage('limit', OUTBOX_LIMIT.max);
    }
    const messages = await this.deps.dataSource.getRepository(OutboxMessageEntity).find({
      where: to ? { recipient: to.trim().toLowerCase().startsWith('+') ? to.trim() : to.trim().toLowerCase() } : {},
      order: { createdAt: 'DESC' },
      take: limit,
    });
    return messages.map((message) =>
      Object.assign(new OutboxMessage(), {
        id: message.id,
        kind: message.kind,
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
        purpose: message.purpose,
        createdAt: message.createdAt,
      }),
    );
  }

  @Mutation(() => LoginChallenge, {
    description:
      'Step 1 of signing in: username (case-sensitive) and password. Errors: INVALID_CREDENTIALS (whatever the reason), TOO_MANY_ATTEMPTS ' +
      '(extensions.retryAfterSeconds). A valid trustToken from an earlier SMS login skips the SMS step.',
  })
  async startLogin(
    @Arg('username', () => String, { description: 'The login name; case-sensitive.' }) username: string,
    @Arg('password', () => String, { description: "The account's password (or the provisional password)." }) password: string,
    @Arg('trustToken', () => String, {
      nullable: true,
      description: 'The trustToken of an earlier SMS sign-in in this browser (AuthSession.trustToken), if any.',
    })
    trustToken: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoginChallenge> {
    return toChallenge(await this.services.login.start(username, password, clientAddress(ctx), trustToken));
  }

  @Mutation(() => LoginChallenge, {
    description:
      'First sign-in with a provisional password: choose an own password (same rules) before the second factor. Errors: PASSWORD_* rules, PASSWORD_MISMATCH, PASSWORD_REUSED.',
  })
  async chooseOwnPassword(
    @Arg('challengeId', () => ID, { description: 'The challengeId from startLogin, whose passwordChangeRequired was true.' }) challengeId: string,
    @Arg('password', () => String, { description: 'The own password: the same rules as at activation.' }) password: string,
    @Arg('passwordRepeat', () => String, { description: 'The same password again; PASSWORD_MISMATCH when it differs.' }) passwordRepeat: string,
  ): Promise<LoginChallenge> {
    return toChallenge(await this.services.login.chooseOwnPassword(challengeId, password, passwordRepeat));
  }

  @Mutation(() => Boolean, {
    description: 'Signed-in user: new password (same rules). Ends every session of the account, this one included. Errors: INVALID_CREDENTIALS, PASSWORD_*.',
  })
  async changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'The present password and the new one, twice.' }) input: ChangePasswordInput, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const identity = ctx.actor.require();
    if (identity.role === 'API_CLIENT') throw forbidden('password changes');
    await this.services.login.changePassword(identity.sub, input.currentPassword, input.password, input.passwordRepeat, clientAddress(ctx));
    return true;
  }

  @Mutation(() => LoginChallenge, {
    description:
      'Signed-in user: start replacing the second factor (new phone number or method). Needs the password; an SMS user gets a code. ' +
      'Then verifyCurrentFactor, then beginTotpEnrolment/beginSmsEnrolment and confirmTwoFactorEnrolment with this challengeId.',
  })
  async startFactorChange(
    @Arg('password', () => String, { description: 'The present password; INVALID_CREDENTIALS when wrong.' }) password: string, @Ctx() ctx: SubgraphContext): Promise<LoginChallenge> {
    const identity = ctx.actor.require();
    if (identity.role === 'API_CLIENT') throw forbidden('two-factor settings');
    return toChallenge(await this.services.login.startFactorChange(identity.sub, password, clientAddress(ctx)));
  }

  @Mutation(() => LoginChallenge, { description: 'Signed-in user: a code of the current factor (or a recovery code) before enrolling a new one.' })
  async verifyCurrentFactor(
    @Arg('challengeId', () => ID, { description: 'The challengeId from startFactorChange.' }) challengeId: string,
    @Arg('code', () => String, { nullable: true, description: 'A 6-digit code of the current factor (the app, or the SMS just sent). Give this or recoveryCode.' })
    code: string | null,
    @Arg('recoveryCode', () => String, { nullable: true, description: 'One unused recovery code instead of a code; it is used up.' })
    recoveryCode: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoginChallenge> {
    const identity = ctx.actor.require();
    return toChallenge(
      await this.services.login.verifyCurrentFactor(identity.sub, challengeId, code?.trim() || null, recoveryCode?.trim() || null, clientAddress(ctx)),
    );
  }

  @Mutation(() => Boolean, { description: 'Forgot password: mails a single-use reset link if the account exists. Always true.' })
  async requestPasswordReset(@Arg('username', () => String, { description: 'Case-sensitive.' }) username: string): Promise<boolean> {
    await this.services.invitations.requestPasswordReset(username);
    return true;
  }

  @Query(() => InvitationStatusEnum, { description: 'What the reset page should show for a reset link.' })
  async passwordResetStatus(@Arg('token', () => String, { description: 'The token from the reset link.' }) token: string): Promise<string> {
    return this.services.invitations.status(token, 'PASSWORD_RESET');
  }

  @Mutation(() => ActivationResult, {
    description: 'Sets a new password from a reset link; ends all sessions. Errors: RESET_LINK_UNKNOWN, RESET_LINK_EXPIRED, RESET_LINK_USED, PASSWORD_*.',
  })
  async resetPassword(@Arg('input', () => ResetPasswordInput, { description: 'The link token and the new password, twice.' }) input: ResetPasswordInput): Promise<ActivationResult> {
    const user = await this.services.invitations.resetPassword(input);
    return Object.assign(new ActivationResult(), { username: user.username, role: user.role });
  }

  @Mutation(() => User, { description: 'ADMIN: block (ends all sessions at once) or unblock an account.' })
  async setUserBlocked(
    @Arg('userId', () => ID, { description: 'The account.' }) userId: string,
    @Arg('blocked', () => Boolean, { description: 'true blocks the account, false unblocks it.' }) blocked: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<User> {
    const identity = ctx.actor.requireRole('ADMIN');
    return toUser(await this.services.admin.setBlocked(userId, blocked, identity.sub));
  }

  @Mutation(() => ProvisionalPasswordResult, { description: 'ADMIN: a provisional password the user must replace at the next sign-in.' })
  async setProvisionalPassword(@Arg('userId', () => ID, { description: 'The account.' }) userId: string, @Ctx() ctx: SubgraphContext): Promise<ProvisionalPasswordResult> {
    const identity = ctx.actor.requireRole('ADMIN');
    const { user, password } = await this.services.admin.setProvisionalPassword(userId, identity.sub);
    return Object.assign(new ProvisionalPasswordResult(), { provisionalPassword: password, user: toUser(user) });
  }

  @Mutation(() => User, { description: 'ADMIN: removes the second factor and recovery codes (lost phone); the next sign-in enrols again.' })
  async resetTwoFactor(@Arg('userId', () => ID, { description: 'The account.' }) userId: string, @Ctx() ctx: SubgraphContext): Promise<User> {
    const identity = ctx.actor.requireRole('ADMIN');
    return toUser(await this.services.admin.resetTwoFactor(userId, identity.sub));
  }

  @Mutation(() => TotpEnrolment, { description: 'First login: set up the authenticator app. Shows the QR code and the secret.' })
  async beginTotpEnrolment(@Arg('challengeId', () => ID, { description: 'The challengeId of the sign-in that needs enrolment, or of the factor change after verifyCurrentFactor.' }) challengeId: string): Promise<TotpEnrolment> {
    return Object.assign(new TotpEnrolment(), await this.services.login.beginTotpEnrolment(challengeId));
  }

  @Mutation(() => SmsCodeSent, { description: 'First login: set up SMS. Dutch numbers work without +31. Error: INVALID_PHONE_NUMBER.' })
  async beginSmsEnrolment(
    @Arg('challengeId', () => ID, { description: 'The challengeId of the sign-in that needs enrolment, or of the factor change after verifyCurrentFactor.' }) challengeId: string,
    @Arg('phoneNumber', () => String, { description: 'The mobile number for the codes, international (+31 6 …) or Dutch (06 …).' }) phoneNumber: string,
  ): Promise<SmsCodeSent> {
    return Object.assign(new SmsCodeSent(), { sentTo: await this.services.login.beginSmsEnrolment(challengeId, phoneNumber.slice(0, 40)) });
  }

  @Mutation(() => SmsCodeSent, { description: 'Sends a new SMS code (rate-limited: TOO_MANY_ATTEMPTS).' })
  async resendLoginSms(@Arg('challengeId', () => ID, { description: 'The challenge that is waiting for an SMS code.' }) challengeId: string): Promise<SmsCodeSent> {
    return Object.assign(new SmsCodeSent(), { sentTo: await this.services.login.resendSms(challengeId) });
  }

  @Mutation(() => TwoFactorEnrolmentResult, {
    description: 'First login: the first code from the new factor. Returns the one-time recovery codes and the session. Error: INVALID_CODE.',
  })
  async confirmTwoFactorEnrolment(
    @Arg('challengeId', () => ID, { description: 'The challengeId used with beginTotpEnrolment or beginSmsEnrolment.' }) challengeId: string,
    @Arg('code', () => String, { description: 'The 6-digit code the new app shows, or that the SMS brought.' }) code: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TwoFactorEnrolmentResult> {
    const { login, recoveryCodes } = await this.services.login.confirmEnrolment(challengeId, code.trim(), clientAddress(ctx));
    return Object.assign(new TwoFactorEnrolmentResult(), { recoveryCodes, session: toSession(login) });
  }

  @Mutation(() => AuthSession, {
    description:
      'Step 2 of signing in: a 6-digit code (app or SMS) or one recovery code. Errors: INVALID_CODE, LOGIN_CHALLENGE_INVALID, TOO_MANY_ATTEMPTS.',
  })
  async completeLogin(
    @Arg('challengeId', () => ID, { description: 'The challengeId from startLogin (or chooseOwnPassword).' }) challengeId: string,
    @Arg('code', () => String, { nullable: true, description: 'The 6-digit code from the app or the SMS. Give this or recoveryCode.' })
    code: string | null,
    @Arg('recoveryCode', () => String, { nullable: true, description: 'One unused recovery code instead of a code; it is used up.' })
    recoveryCode: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AuthSession> {
    return toSession(await this.services.login.complete(challengeId, code?.trim() || null, recoveryCode?.trim() || null, clientAddress(ctx)));
  }

  @Mutation(() => AuthSession, {
    description:
      'Rotates the refresh token. Errors: INVALID_REFRESH_TOKEN, REFRESH_TOKEN_REUSED (the whole session is revoked), SESSION_REVOKED, SESSION_EXPIRED.',
  })
  async refreshSession(
    @Arg('refreshToken', () => String, { description: "The session's latest refresh token; it is used up." }) refreshToken: string): Promise<AuthSession> {
    return toSession(await this.services.sessions.refresh(refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the given refresh token, or else of the calling access token.' })
  async logout(
    @Arg('refreshToken', () => String, { nullable: true, description: 'The refresh token of the session to end; when omitted, the session of the access token.' })
    refreshToken: string | null, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    if (refreshToken) return (await this.services.sessions.revokeByRefreshToken(refreshToken.slice(0, 200), 'logout')) !== null;
    const sessionId = ctx.actor.identity?.sessionId;
    if (!sessionId) return false;
    await this.services.sessions.revoke(sessionId, 'logout');
    return true;
  }

  @Mutation(() => ApiClientCreated, { description: 'ADMIN: a partner API client for one employer. The secret is returned once.' })
  async createApiClient(
    @Arg('input', () => CreateApiClientInput, { description: 'Name, employer and scopes of the client.' }) input: CreateApiClientInput, @Ctx() ctx: SubgraphContext): Promise<ApiClientCreated> {
    authorize(ctx.actor, 'apiClient', 'create');
    const identity = ctx.actor.require();
    const { client, secret } = await this.services.apiClients.create(input, identity.sub);
    return Object.assign(new ApiClientCreated(), { client: toApiClient(client), clientSecret: secret });
  }

  @Mutation(() => ApiClient, { description: 'ADMIN: the client can no longer get tokens (tokens already issued expire within minutes).' })
  async revokeApiClient(@Arg('id', () => ID, { description: 'The client_id (ApiClient.id).' }) id: string, @Ctx() ctx: SubgraphContext): Promise<ApiClient> {
    authorize(ctx.actor, 'apiClient', 'delete');
    const identity = ctx.actor.require();
    return toApiClient(await this.services.apiClients.revoke(id, identity.sub));
  }

  @Query(() => [ApiClient], { description: 'ADMIN: all partner API clients.' })
  async apiClients(@Ctx() ctx: SubgraphContext): Promise<ApiClient[]> {
    authorize(ctx.actor, 'apiClient', 'list');
    return (await this.services.apiClients.list()).map(toApiClient);
  }

  @Mutation(() => ClientCredentialsToken, {
    description:
      'OAuth 2.0 client credentials, for the gateway\'s /oauth/token and the explorer. Errors: INVALID_CLIENT, INVALID_SCOPE, TOO_MANY_ATTEMPTS.',
  })
  async clientCredentialsToken(
    @Arg('clientId', () => String, { description: 'The OAuth client_id (ApiClient.id).' }) clientId: string,
    @Arg('clientSecret', () => String, { description: 'The client_secret shown once when the client was created.' }) clientSecret: string,
    @Arg('scope', () => String, { nullable: true, description: 'Space-separated subset of the granted scopes.' }) scope: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ClientCredentialsToken> {
    const requested = scope?.trim() ? scope.trim().split(/\s+/) : null;
    const token = await this.services.apiClients.token(clientId, clientSecret, requested, clientAddress(ctx));
    return Object.assign(new ClientCredentialsToken(), {
      accessToken: token.accessToken,
      tokenType: 'Bearer',
      expiresIn: Math.round((token.expiresAt.getTime() - Date.now()) / 1000),
      scope: token.scopes.join(' '),
    });
  }

  @Query(() => Boolean, {
    description:
      "Whether the caller's session is still active (not logged out, revoked or past its absolute timeout). For the gateway's revocation check; true for partner clients, false for anonymous callers.",
  })
  async sessionActive(@Ctx() ctx: SubgraphContext): Promise<boolean> {
    const identity = ctx.actor.identity;
    if (!identity) return false;
    if (identity.role === 'API_CLIENT') return true;
    return identity.sessionId ? this.services.sessions.isActive(identity.sessionId) : false;
  }

  @Query(() => JsonWebKeySetType, { description: 'Public keys that verify access tokens; the gateway serves them at /.well-known/jwks.json.' })
  async jwks(): Promise<JsonWebKeySetType> {
    await this.services.keys.current();
    const set = await this.services.keys.jwks();
    return Object.assign(new JsonWebKeySetType(), {
      keys: set.keys.map((key) => ({ kty: key.kty, crv: key.crv ?? null, x: key.x ?? null, y: key.y ?? null, kid: key.kid, alg: key.alg, use: key.use ?? 'sig' })),
    });
  }
}
