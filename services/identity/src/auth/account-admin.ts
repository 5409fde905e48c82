import { randomInt } from 'node:crypto';
import { domainError, notFound, ROLES, type EventBus, type Role, type UnitScope } from '@poortwachter/kit';
import { publishUserChanged } from '../events/user-changed.js';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessLogEntryEntity, UserEntity } from '../entities/index.js';
import { hashPassword } from './passwords.js';
import { passwordViolations } from './password-policy.js';
import type { Sessions } from './sessions.js';

const PROVISIONAL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** 16 unambiguous characters in groups of four; redrawn until it meets the password rule. */
export function provisionalPassword(username: string): string {
  for (;;) {
    const chars = Array.from({ length: 16 }, () => PROVISIONAL_ALPHABET[randomInt(0, PROVISIONAL_ALPHABET.length)]!).join('');
    const candidate = chars.match(/.{4}/g)!.join('-');
    if (passwordViolations(candidate, username).length === 0) return candidate;
  }
}

/** What the administrator does to an account: block, provisional password, reset of the second factor. */
export class AccountAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: Sessions,
    private readonly bus: EventBus | null = null,
  ) {}

  private async account(manager: EntityManager, userId: string): Promise<UserEntity> {
    const user = /^[0-9a-f-]{36}$/i.test(userId) ? await manager.getRepository(UserEntity).findOneBy({ id: userId }) : null;
    if (!user) throw notFound('User', userId);
    return user;
  }

  /** Blocking ends every session at once; the user cannot sign in or refresh until unblocked. */
  async setBlocked(userId: string, blocked: boolean, adminId: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.account(manager, userId);
      if (user.id === adminId && blocked) throw domainError('BAD_USER_INPUT', 'You cannot block your own account.');
      user.blocked = blocked;
      await manager.getRepository(UserEntity).save(user);
      if (blocked) await this.sessions.revokeAllForUser(user.id, 'blocked', manager);
      await this.log(manager, blocked ? 'account.blocked' : 'account.unblocked', user, adminId);
      await publishUserChanged(this.bus, manager, user);
      return user;
    });
  }

  /**
   * Employer accounts may start with a provisional password the administrator hands over; it must
   * be replaced at the first sign-in. Returned once, never stored in clear.
   */
  async setProvisionalPassword(userId: string, adminId: string): Promise<{ user: UserEntity; password: string }> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.account(manager, userId);
      const password = provisionalPassword(user.username);
      user.passwordHash = await hashPassword(password);
      user.mustChangePassword = true;
      await manager.getRepository(UserEntity).save(user);
      await this.sessions.revokeAllForUser(user.id, 'provisional-password', manager);
      await this.log(manager, 'account.provisional-password', user, adminId);
      await publishUserChanged(this.bus, manager, user);
      return { user, password };
    });
  }

  /** A lost phone: the second factor and recovery codes go; the next sign-in enrols again. */
  async resetTwoFactor(userId: string, adminId: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.account(manager, userId);
      await manager.query(`DELETE FROM identity.two_factor WHERE user_id = $1`, [user.id]);
      await manager.query(`DELETE FROM identity.recovery_codes WHERE user_id = $1`, [user.id]);
      await this.sessions.revokeAllForUser(user.id, 'two-factor-reset', manager);
      await this.log(manager, 'account.two-factor-reset', user, adminId);
      await publishUserChanged(this.bus, manager, user);
      return user;
    });
  }

  /**
   * Role and unit scope of an account. The sessions end at once: their tokens carry the old role
   * and scope, which every subgraph would otherwise trust until the token expires.
   */
  async updateAccess(input: { userId: string; role: Role; scope: Partial<UnitScope> | null }, adminId: string): Promise<UserEntity> {
    const scope = normalizeScope(input.role, input.scope);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.account(manager, input.userId);
      if (user.id === adminId && input.role !== user.role) {
        throw domainError('BAD_USER_INPUT', 'You cannot change your own role.', { field: 'role' });
      }
      // An employee account is one person's; no other role can be bound to a person, nor the reverse.
      if ((user.role === 'EMPLOYEE') !== (input.role === 'EMPLOYEE')) {
        throw domainError('ROLE_CHANGE_NOT_ALLOWED', 'An employee account stays an employee account, and no other account can become one.', {
          field: 'role',
        });
      }
      user.role = input.role;
      user.employerIds = scope.employerIds;
      user.divisionIds = scope.divisionIds;
      user.departmentIds = scope.departmentIds;
      await manager.getRepository(UserEntity).save(user);
      await this.sessions.revokeAllForUser(user.id, 'access-changed', manager);
      await this.log(manager, 'account.access-changed', user, adminId);
      await publishUserChanged(this.bus, manager, user);
      return user;
    });
  }

  private async log(manager: EntityManager, event: string, user: UserEntity, adminId: string): Promise<void> {
    await manager.getRepository(AccessLogEntryEntity).insert({
      at: new Date(),
      event,
      outcome: 'success',
      userId: adminId,
      role: 'ADMIN',
      onBehalfOf: null,
      purpose: 'account administration',
      accessPoint: `identity:${event}`,
      personId: user.personId,
      source: 'identity',
      sourceKey: null,
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Roles that work in units and so carry a scope; the administrator sees everything without one. */
const SCOPED_ROLES: readonly Role[] = ['EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER'];
const MAX_SCOPE_IDS = 500;

/** Validates a scope for a role: ids only, EMPLOYER needs one unit, unscoped roles get none. */
export function normalizeScope(role: Role, scope: Partial<UnitScope> | null | undefined): UnitScope {
  if (!ROLES.includes(role) || role === 'API_CLIENT') throw domainError('BAD_USER_INPUT', 'This role cannot be given to a user.', { field: 'role' });
  const clean: UnitScope = {
    employerIds: [...new Set((scope?.employerIds ?? []).map((id) => id.toLowerCase()))],
    divisionIds: [...new Set((scope?.divisionIds ?? []).map((id) => id.toLowerCase()))],
    departmentIds: [...new Set((scope?.departmentIds ?? []).map((id) => id.toLowerCase()))],
  };
  const ids = [...clean.employerIds, ...clean.divisionIds, ...clean.departmentIds];
  if (ids.some((id) => !UUID.test(id))) throw domainError('BAD_USER_INPUT', 'The scope holds an id that is not an id.', { field: 'scope' });
  if (ids.length > MAX_SCOPE_IDS) throw domainError('BAD_USER_INPUT', `A scope holds at most ${MAX_SCOPE_IDS} units.`, { field: 'scope' });
  if (!SCOPED_ROLES.includes(role) && ids.length > 0) {
    throw domainError('BAD_USER_INPUT', `A ${role} account has no unit scope.`, { field: 'scope' });
  }
  if (role === 'EMPLOYER' && ids.length === 0) {
    throw domainError('SCOPE_REQUIRED', 'An employer account needs at least one employer, division or department.', { field: 'scope' });
  }
  return clean;
}
