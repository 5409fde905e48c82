import { randomInt } from 'node:crypto';
import { domainError, notFound } from '@poortwachter/kit';
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
