import { randomUUID } from 'node:crypto';
import { domainError, notFound, type EventBus, type Role, type UnitScope } from '@poortwachter/kit';
import { publishUserChanged } from '../events/user-changed.js';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessLogEntryEntity, InvitationEntity, UserEntity } from '../entities/index.js';
import type { Messaging } from '../messaging/outbox.js';
import { invitationMail, passwordResetMail } from '../messaging/templates.js';
import type { IdentitySettings } from '../settings.js';
import { hashPassword } from './passwords.js';
import { normalizePassword, passwordViolations, PASSWORD_MAX_LENGTH } from './password-policy.js';
import type { Sessions } from './sessions.js';
import type { SimpleLimit } from './throttle.js';
import { randomToken, tokenHash } from './tokens.js';

export type InvitationState = 'VALID' | 'EXPIRED' | 'USED' | 'UNKNOWN';
type LinkPurpose = InvitationEntity['purpose'];

/**
 * Stores a new password (NFKC, Argon2id), clears a provisional-password flag, voids every open
 * link of the account and ends all its sessions: whoever held the old password is out.
 */
export async function setPassword(
  manager: EntityManager,
  sessions: Sessions,
  account: UserEntity,
  password: string,
  reason: string,
  bus: EventBus | null,
): Promise<void> {
  const activating = account.activatedAt === null;
  account.passwordHash = await hashPassword(normalizePassword(password));
  account.mustChangePassword = false;
  account.activatedAt ??= new Date();
  await manager.getRepository(UserEntity).save(account);
  // An activated account can sign in and receive the digest: consumers must hear of it.
  if (activating) await publishUserChanged(bus, manager, account);
  await manager.query(`UPDATE identity.invitations SET revoked_at = now() WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [
    account.id,
  ]);
  await sessions.revokeAllForUser(account.id, reason, manager);
}

/** Throws the first broken password rule (all of them in extensions.violations). */
export function assertPasswordPolicy(password: string, passwordRepeat: string, username: string): void {
  if (normalizePassword(password) !== normalizePassword(passwordRepeat)) {
    throw domainError('PASSWORD_MISMATCH', 'The passwords are not the same.', { field: 'passwordRepeat' });
  }
  const violations = passwordViolations(password, username);
  if (violations.length > 0) {
    throw domainError(violations[0]!, 'The password does not meet the requirements.', { field: 'password', violations });
  }
}

export interface InviteInput {
  role: Role;
  personId?: string | null;
  email: string;
  displayName: string;
  username?: string | null;
  scope?: Partial<UnitScope> | null;
}

export interface InviteOutcome {
  user: UserEntity;
  invitationId: string;
  expiresAt: Date;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVITABLE_ROLES: readonly Role[] = ['EMPLOYEE', 'EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN'];

function badInput(code: string, message: string, field: string) {
  return domainError(code, message, { field });
}

export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

/** "Sanne de Vries" → "sanne.de.vries": ASCII, lowercase, dots. */
export function usernameFrom(displayName: string): string {
  const base = displayName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 40);
  return base.length >= 3 ? base : `gebruiker.${base || 'nieuw'}`;
}

function stateOf(invitation: InvitationEntity, now = new Date()): InvitationState {
  if (invitation.usedAt) return 'USED';
  // A link replaced by a newer invitation reads as expired: the newest mail is the one to use.
  if (invitation.revokedAt || invitation.expiresAt <= now) return 'EXPIRED';
  return 'VALID';
}

/**
 * Invitations and activation (employee manual §1.1–1.2): an admin or planner invites, the mail
 * carries the username and a single-use link, the user sets a password with e-mail + repeat.
 */
export class Invitations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: IdentitySettings,
    private readonly messaging: Messaging,
    private readonly sessions: Sessions,
    private readonly limits: { activation: SimpleLimit; resend: SimpleLimit },
    private readonly bus: EventBus | null = null,
  ) {}

  private validate(input: InviteInput): { email: string; displayName: string; username: string | null; scope: UnitScope } {
    if (!INVITABLE_ROLES.includes(input.role)) throw badInput('BAD_USER_INPUT', 'This role cannot be invited.', 'role');
    const email = normalizeEmail(input.email);
    if (email.length > 254 || !EMAIL.test(email)) throw badInput('INVALID_EMAIL', 'The e-mail address is not valid.', 'email');
    const displayName = input.displayName.trim();
    if (displayName.length < 1 || displayName.length > 200) {
      throw badInput('BAD_USER_INPUT', 'The display name must be 1 to 200 characters.', 'displayName');
    }
    const username = input.username?.trim() || null;
    if (username !== null && !USERNAME.test(username)) {
      throw badInput('INVALID_USERNAME', 'A username is 3 to 64 letters, digits, dots, dashes or underscores.', 'username');
    }
    if (input.role === 'EMPLOYEE' && !input.personId) {
      throw badInput('BAD_USER_INPUT', 'An employee account belongs to a person: personId is required.', 'personId');
    }
    if (input.role !== 'EMPLOYEE' && input.personId) {
      throw badInput('BAD_USER_INPUT', 'Only employee accounts are linked to a person.', 'personId');
    }
    if (input.personId && !UUID.test(input.personId)) throw badInput('BAD_USER_INPUT', 'personId is not an id.', 'personId');
    const scope: UnitScope = {
      employerIds: [...new Set(input.scope?.employerIds ?? [])],
      divisionIds: [...new Set(input.scope?.divisionIds ?? [])],
      departmentIds: [...new Set(input.scope?.departmentIds ?? [])],
    };
    const ids = [...scope.employerIds, ...scope.divisionIds, ...scope.departmentIds];
    if (ids.some((id) => !UUID.test(id))) throw badInput('BAD_USER_INPUT', 'The scope holds an id that is not an id.', 'scope');
    if (input.role === 'EMPLOYEE' && ids.length > 0) throw badInput('BAD_USER_INPUT', 'An employee account has no unit scope.', 'scope');
    if (input.role === 'EMPLOYER' && ids.length === 0) {
      throw badInput('BAD_USER_INPUT', 'An employer account needs at least one employer, division or department.', 'scope');
    }
    return { email, displayName, username, scope };
  }

  private async freeUsername(manager: EntityManager, wanted: string): Promise<string> {
    const taken = new Set(
      (
        await manager.query(`SELECT username FROM identity.users WHERE username = $1 OR username LIKE $2`, [
          wanted,
          `${wanted.replace(/[\\%_]/g, '\\$&')}%`,
        ])
      ).map((row: { username: string }) => row.username),
    );
    if (!taken.has(wanted)) return wanted;
    for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`)) return `${wanted}${n}`;
  }

  async invite(input: InviteInput, invitedBy: string): Promise<InviteOutcome> {
    const valid = this.validate(input);
    let deliver: () => Promise<void> = async () => {};
    const outcome = await this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(UserEntity);
      // Serializes invitations, so two admins inviting the same person cannot create two accounts.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('identity.invite'))`);
      let user = input.personId ? await users.findOneBy({ personId: input.personId }) : null;
      if (!user && valid.username) {
        const sameName = await users.findOneBy({ username: valid.username });
        if (sameName) throw badInput('USERNAME_TAKEN', 'This username is already in use.', 'username');
      }
      if (user?.passwordHash) {
        throw domainError('ALREADY_ACTIVATED', 'This account is already activated; the user can sign in or reset the password.');
      }
      if (user && user.role !== input.role) throw badInput('CONFLICT', 'This person already has an account with another role.', 'role');
      if (user) {
        user.email = valid.email;
        user.displayName = valid.displayName;
        user.employerIds = valid.scope.employerIds;
        user.divisionIds = valid.scope.divisionIds;
        user.departmentIds = valid.scope.departmentIds;
        await users.save(user);
      } else {
        const username = valid.username ?? (await this.freeUsername(manager, usernameFrom(valid.displayName)));
        user = users.create({
          id: randomUUID(),
          username,
          displayName: valid.displayName,
          email: valid.email,
          passwordHash: null,
          role: input.role,
          personId: input.personId ?? null,
          blocked: false,
          mustChangePassword: false,
          employerIds: valid.scope.employerIds,
          divisionIds: valid.scope.divisionIds,
          departmentIds: valid.scope.departmentIds,
          activatedAt: null,
          lastLoginAt: null,
        });
        await users.insert(user);
      }
      const created = await this.createInvitation(manager, user, invitedBy);
      deliver = created.deliver;
      await publishUserChanged(this.bus, manager, user);
      await this.log(manager, 'invitation.created', user, invitedBy);
      return { user, invitationId: created.invitation.id, expiresAt: created.invitation.expiresAt };
    });
    await deliver();
    return outcome;
  }

  /** A new link for the account; every older open link of the same purpose stops working. */
  private async createInvitation(manager: EntityManager, user: UserEntity, invitedBy: string | null, purpose: LinkPurpose = 'ACTIVATION') {
    if (!user.email) throw domainError('BAD_USER_INPUT', 'The account has no e-mail address to send the invitation to.');
    await manager.query(
      `UPDATE identity.invitations SET revoked_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL`,
      [user.id, purpose],
    );
    const token = randomToken();
    const invitation = manager.getRepository(InvitationEntity).create({
      id: randomUUID(),
      userId: user.id,
      purpose,
      tokenHash: tokenHash(token),
      email: user.email,
      invitedBy,
      createdAt: new Date(),
      expiresAt: new Date(
        Date.now() +
          (purpose === 'ACTIVATION' ? this.settings.invitationTtlDays * 24 * 3600 : this.settings.passwordResetTtlMinutes * 60) * 1000,
      ),
      usedAt: null,
      revokedAt: null,
    });
    await manager.getRepository(InvitationEntity).insert(invitation);
    const base = user.role === 'EMPLOYEE' ? this.settings.publicEmployeeUrl : this.settings.publicEmployerUrl;
    const path = purpose === 'ACTIVATION' ? '/activeren' : '/wachtwoord-herstellen';
    const link = `${base}${path}?token=${encodeURIComponent(token)}`;
    const content = { to: user.email, displayName: user.displayName, username: user.username, link, expiresAt: invitation.expiresAt };
    const deliver = await this.messaging.mail(purpose === 'ACTIVATION' ? invitationMail(content) : passwordResetMail(content), manager);
    return { invitation, deliver };
  }

  private async find(
    token: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
    purpose: LinkPurpose = 'ACTIVATION',
  ): Promise<InvitationEntity | null> {
    if (token.length === 0 || token.length > 200) return null;
    return manager.getRepository(InvitationEntity).findOne({
      where: { tokenHash: tokenHash(token), purpose },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async status(token: string, purpose: LinkPurpose = 'ACTIVATION'): Promise<InvitationState> {
    const invitation = await this.find(token, this.dataSource.manager, false, purpose);
    return invitation ? stateOf(invitation) : 'UNKNOWN';
  }

  /**
   * Sets the password. The e-mail address must be the one the link was sent to, so a forwarded or
   * intercepted link alone does not open the account; attempts are limited per invitation.
   */
  async activate(input: { token: string; email: string; password: string; passwordRepeat: string }): Promise<UserEntity> {
    if (input.password.length > PASSWORD_MAX_LENGTH * 4) {
      throw domainError('PASSWORD_TOO_LONG', 'The password is too long.', { field: 'password', violations: ['PASSWORD_TOO_LONG'] });
    }
    await this.limits.activation.assertAvailable(tokenHash(input.token).toString('hex'));
    let deferred: Error | null = null;
    const user = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.find(input.token, manager, true);
      if (!invitation) throw domainError('INVITATION_UNKNOWN', 'This activation link is not valid.');
      const state = stateOf(invitation);
      if (state === 'USED') throw domainError('INVITATION_USED', 'This activation link has already been used.');
      if (state === 'EXPIRED') throw domainError('INVITATION_EXPIRED', 'This activation link has expired. Request a new invitation.');
      if (normalizeEmail(input.email) !== normalizeEmail(invitation.email)) {
        // Counted outside this transaction's rollback: the limit must hold even though we throw.
        deferred = domainError('EMAIL_MISMATCH', 'This is not the e-mail address the invitation was sent to.', { field: 'email' });
        return null;
      }
      const account = await manager.getRepository(UserEntity).findOneByOrFail({ id: invitation.userId });
      assertPasswordPolicy(input.password, input.passwordRepeat, account.username);
      if (account.blocked) throw domainError('INVITATION_UNKNOWN', 'This activation link is not valid.');
      await manager.query(`UPDATE identity.invitations SET used_at = now() WHERE id = $1`, [invitation.id]);
      await setPassword(manager, this.sessions, account, input.password, 'password-set', this.bus);
      await this.log(manager, 'account.activated', account, account.id);
      return account;
    });
    if (deferred || !user) {
      await this.limits.activation.consume(tokenHash(input.token).toString('hex'));
      throw deferred ?? domainError('INVITATION_UNKNOWN', 'This activation link is not valid.');
    }
    return user;
  }

  /**
   * For a link that expired or was used. The answer is the same whatever happens, so the link
   * reveals nothing about the account: a not-yet-activated account gets a fresh link at the
   * address on file (a few times a day at most); anything else becomes a request the arbodienst
   * handles.
   */
  async requestNew(token: string): Promise<void> {
    const invitation = await this.find(token);
    if (!invitation) return;
    const state = stateOf(invitation);
    if (state === 'VALID') return;
    let deliver: () => Promise<void> = async () => {};
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id: invitation.userId });
      if (!user || user.blocked) return;
      const canResend = !user.passwordHash && state === 'EXPIRED' && (await this.limits.resend.tryConsume(user.id));
      if (canResend) {
        deliver = (await this.createInvitation(manager, user, null)).deliver;
        await this.log(manager, 'invitation.resent', user, null);
      } else {
        await manager.query(
          `INSERT INTO identity.invitation_requests (id, user_id, invitation_id, reason)
           VALUES ($1, $2, $3, $4) ON CONFLICT (invitation_id) WHERE handled_at IS NULL DO NOTHING`,
          [randomUUID(), user.id, invitation.id, invitation.usedAt ? 'USED' : invitation.revokedAt ? 'REVOKED' : 'EXPIRED'],
        );
        await this.log(manager, 'invitation.requested', user, null);
      }
    });
    await deliver();
  }

  /**
   * "Opnieuw uitnodigen" (admin or planner): a fresh activation link for an account that is not
   * activated yet; older links stop working and the account's open requests count as handled.
   * `authorize` sees the account before anything changes (a planner's limits).
   */
  async resend(userId: string, invitedBy: string, authorize: (user: UserEntity) => void): Promise<InviteOutcome> {
    let deliver: () => Promise<void> = async () => {};
    const outcome = await this.dataSource.transaction(async (manager) => {
      const user = UUID.test(userId) ? await manager.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!user) throw notFound('User', userId);
      authorize(user);
      if (user.passwordHash) {
        throw domainError('ALREADY_ACTIVATED', 'This account is already activated; the user can sign in or reset the password.');
      }
      if (user.blocked) throw domainError('ACCOUNT_BLOCKED', 'This account is blocked; unblock it before inviting again.');
      const created = await this.createInvitation(manager, user, invitedBy);
      deliver = created.deliver;
      await this.closeRequests(manager, { userId: user.id }, invitedBy);
      await this.log(manager, 'invitation.resent', user, invitedBy);
      return { user, invitationId: created.invitation.id, expiresAt: created.invitation.expiresAt };
    });
    await deliver();
    return outcome;
  }

  /**
   * Closes an open request without a new invitation (the account was activated after all, or the
   * arbodienst helped otherwise, e.g. with a provisional password). Returns the account concerned.
   */
  async closeRequest(requestId: string, handledBy: string, authorize: (user: UserEntity) => void): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { user_id: string }[] = UUID.test(requestId)
        ? await manager.query(`SELECT user_id FROM identity.invitation_requests WHERE id = $1 AND handled_at IS NULL FOR UPDATE`, [requestId])
        : [];
      const user = rows[0] ? await manager.getRepository(UserEntity).findOneBy({ id: rows[0].user_id }) : null;
      if (!user) throw notFound('InvitationRequest', requestId);
      authorize(user);
      await this.closeRequests(manager, { requestId }, handledBy);
      await this.log(manager, 'invitation.request-closed', user, handledBy);
      return user;
    });
  }

  private async closeRequests(manager: EntityManager, which: { userId: string } | { requestId: string }, handledBy: string): Promise<void> {
    const [column, id] = 'userId' in which ? ['user_id', which.userId] : ['id', which.requestId];
    await manager.query(`UPDATE identity.invitation_requests SET handled_at = now(), handled_by = $2 WHERE ${column} = $1 AND handled_at IS NULL`, [
      id,
      handledBy,
    ]);
  }

  /**
   * Forgot password: mails a single-use reset link to the address on file. Always silent: the
   * answer is the same for unknown, blocked and not-yet-activated accounts, and repeated requests
   * are dropped quietly after a few per hour.
   */
  async requestPasswordReset(username: string): Promise<void> {
    if (username.length === 0 || username.length > 200) return;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    if (!user || user.blocked || !user.passwordHash || !user.email) return;
    if (!(await this.limits.resend.tryConsume(`reset:${user.id}`))) return;
    let deliver: () => Promise<void> = async () => {};
    await this.dataSource.transaction(async (manager) => {
      deliver = (await this.createInvitation(manager, user, null, 'PASSWORD_RESET')).deliver;
      await this.log(manager, 'password-reset.requested', user, null);
    });
    await deliver();
  }

  /** Sets a new password from a reset link; same rules and errors as activation (without e-mail). */
  async resetPassword(input: { token: string; password: string; passwordRepeat: string }): Promise<UserEntity> {
    if (input.password.length > PASSWORD_MAX_LENGTH * 4) {
      throw domainError('PASSWORD_TOO_LONG', 'The password is too long.', { field: 'password', violations: ['PASSWORD_TOO_LONG'] });
    }
    return this.dataSource.transaction(async (manager) => {
      const link = await this.find(input.token, manager, true, 'PASSWORD_RESET');
      if (!link) throw domainError('RESET_LINK_UNKNOWN', 'This link is not valid.');
      const state = stateOf(link);
      if (state === 'USED') throw domainError('RESET_LINK_USED', 'This link has already been used.');
      if (state === 'EXPIRED') throw domainError('RESET_LINK_EXPIRED', 'This link has expired. Request a new one.');
      const account = await manager.getRepository(UserEntity).findOneByOrFail({ id: link.userId });
      if (account.blocked) throw domainError('RESET_LINK_UNKNOWN', 'This link is not valid.');
      assertPasswordPolicy(input.password, input.passwordRepeat, account.username);
      await manager.query(`UPDATE identity.invitations SET used_at = now() WHERE id = $1`, [link.id]);
      await setPassword(manager, this.sessions, account, input.password, 'password-reset', this.bus);
      await this.log(manager, 'password-reset.completed', account, account.id);
      return account;
    });
  }

  private async log(manager: EntityManager, event: string, user: UserEntity, actorId: string | null): Promise<void> {
    await manager.getRepository(AccessLogEntryEntity).insert({
      at: new Date(),
      event,
      outcome: 'success',
      userId: actorId,
      role: null,
      onBehalfOf: null,
      purpose: 'account administration',
      accessPoint: `identity:${event}`,
      personId: user.personId,
      source: 'identity',
      sourceKey: null,
    });
  }
}
