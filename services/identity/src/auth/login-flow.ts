import { randomUUID } from 'node:crypto';
import { domainError, type EventBus } from '@poortwachter/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessLogEntryEntity, UserEntity } from '../entities/index.js';
import type { Messaging } from '../messaging/outbox.js';
import { loginCodeSms } from '../messaging/templates.js';
import type { IdentitySettings } from '../settings.js';
import { burnVerification, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { assertPasswordPolicy, setPassword } from './invitations.js';
import { normalizePassword } from './password-policy.js';
import type { IssuedSession, Sessions } from './sessions.js';
import type { SigningKeys } from './signing-keys.js';
import type { LoginThrottle, SimpleLimit } from './throttle.js';
import { returnedRows } from './tokens.js';
import { seal, unseal } from './sealed.js';
import {
  codeHash,
  isSixDigits,
  issueTrustToken,
  maskedPhoneNumber,
  mobileNumber,
  newRecoveryCodes,
  newSmsCode,
  newTotpSecret,
  recoveryCodeHash,
  totpCounter,
  totpEnrolment,
  trustTokenValid,
  type TwoFactorMethod,
} from './two-factor.js';

/** Wrong codes one challenge tolerates before the user must start again with the password. */
const MAX_CODE_ATTEMPTS = 5;
const SMS_CODE_TTL_MS = 5 * 60 * 1000;

export interface CompletedLogin extends IssuedSession {
  trustToken: string | null;
  trustTokenExpiresAt: Date | null;
}

export interface LoginStart {
  challengeId: string;
  /** A provisional password: chooseOwnPassword comes before the second factor. */
  passwordChangeRequired: boolean;
  methods: TwoFactorMethod[];
  enrolmentRequired: boolean;
  smsSentTo: string | null;
  /** Set when a trusted browser skipped the second factor. */
  session: CompletedLogin | null;
}

interface ChallengeRow {
  id: string;
  user_id: string;
  purpose: 'LOGIN' | 'CHANGE';
  factor_verified_at: Date | null;
  failed_attempts: number;
  pending_method: TwoFactorMethod | null;
  pending_totp_secret: string | null;
  pending_phone_number: string | null;
  sms_code_hash: Buffer | null;
  sms_code_expires_at: Date | null;
}

interface TwoFactorRow {
  method: TwoFactorMethod;
  totp_secret: string | null;
  phone_number: string | null;
}

const invalidCredentials = () =>
  domainError('INVALID_CREDENTIALS', 'The username or password is incorrect, or the account is blocked.');
const invalidCode = () => domainError('INVALID_CODE', 'The code is not correct or has already been used.');
const invalidChallenge = () => domainError('LOGIN_CHALLENGE_INVALID', 'This sign-in attempt has expired. Start again with your password.');

/**
 * The two-step login: username (case-sensitive) and password first, then the mandatory second
 * factor, enrolled at the first login (employee manual §2): an authenticator app (TOTP) or SMS.
 */
export class LoginFlow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: IdentitySettings,
    private readonly sessions: Sessions,
    private readonly keys: SigningKeys,
    private readonly messaging: Messaging,
    private readonly throttle: LoginThrottle,
    private readonly smsLimits: { perUser: SimpleLimit; spacing: SimpleLimit },
    private readonly bus: EventBus | null = null,
  ) {}

  async start(username: string, password: string, address: string | null, trustToken: string | null): Promise<LoginStart> {
    const keys = { account: username.slice(0, 200), address };
    await this.throttle.assertAllowed(keys);
    const user =
      username.length > 0 && username.length <= 200
        ? await this.dataSource.getRepository(UserEntity).findOneBy({ username })
        : null;
    const candidate = normalizePassword(password);
    const tooLong = password.length > MAX_PASSWORD_LENGTH;
    let ok = false;
    if (!user?.passwordHash) {
      // Same work whether the account exists or not: the answer's timing reveals nothing.
      if (!tooLong) await burnVerification(candidate);
    } else if (!tooLong) {
      ok = await verifyPassword(user.passwordHash, candidate);
    }
    if (!ok || !user || user.blocked) {
      await this.throttle.recordFailure(keys);
      await this.log('login.password', 'failure', user);
      throw invalidCredentials();
    }
    await this.log('login.password', 'success', user);

    const factor = await this.factorOf(user.id);
    const challengeId = randomUUID();
    await this.dataSource.query(`INSERT INTO identity.login_challenges (id, user_id, expires_at) VALUES ($1, $2, $3)`, [
      challengeId,
      user.id,
      new Date(Date.now() + this.settings.loginChallengeTtlSeconds * 1000),
    ]);
    const passwordChangeRequired = user.mustChangePassword;
    if (!factor) return { challengeId, passwordChangeRequired, methods: ['TOTP', 'SMS'], enrolmentRequired: true, smsSentTo: null, session: null };
    if (passwordChangeRequired) return { challengeId, passwordChangeRequired, methods: [factor.method], enrolmentRequired: false, smsSentTo: null, session: null };

    if (factor.method === 'SMS' && trustToken && (await trustTokenValid(this.keys, trustToken, user.id, factor.phone_number!))) {
      await this.markCompleted(challengeId);
      await this.throttle.recordSuccess(keys);
      const session = await this.sessions.issue(user);
      await this.log('login.trusted-browser', 'success', user);
      return {
        challengeId,
        passwordChangeRequired,
        methods: ['SMS'],
        enrolmentRequired: false,
        smsSentTo: null,
        session: { ...session, trustToken: null, trustTokenExpiresAt: null },
      };
    }
    let smsSentTo: string | null = null;
    if (factor.method === 'SMS') {
      // A refused send (rate limit) must not fail the password step: the user can ask again.
      smsSentTo = await this.sendSmsCode(challengeId, user.id, factor.phone_number!).catch(() => null);
    }
    return { challengeId, passwordChangeRequired, methods: [factor.method], enrolmentRequired: false, smsSentTo, session: null };
  }

  /**
   * First sign-in with a provisional password (employer manual): the user proves the provisional
   * password (the challenge) and chooses an own one under the same rules before the second factor.
   */
  async chooseOwnPassword(challengeId: string, password: string, passwordRepeat: string): Promise<LoginStart> {
    const challenge = await this.challenge(challengeId);
    const user = await this.userOf(challenge, true);
    if (!user.mustChangePassword) throw domainError('BAD_USER_INPUT', 'This account has no provisional password.');
    if (password.length > MAX_PASSWORD_LENGTH) throw domainError('PASSWORD_TOO_LONG', 'The password is too long.', { violations: ['PASSWORD_TOO_LONG'] });
    assertPasswordPolicy(password, passwordRepeat, user.username);
    if (user.passwordHash && (await verifyPassword(user.passwordHash, normalizePassword(password)))) {
      throw domainError('PASSWORD_REUSED', 'Choose a password other than the provisional one.', { field: 'password' });
    }
    await this.dataSource.transaction((manager) => setPassword(manager, this.sessions, user, password, 'password-change', this.bus));
    await this.log('password.changed', 'success', user);
    const factor = await this.factorOf(user.id);
    if (!factor) return { challengeId, passwordChangeRequired: false, methods: ['TOTP', 'SMS'], enrolmentRequired: true, smsSentTo: null, session: null };
    const smsSentTo = factor.method === 'SMS' ? await this.sendSmsCode(challengeId, user.id, factor.phone_number!).catch(() => null) : null;
    return { challengeId, passwordChangeRequired: false, methods: [factor.method], enrolmentRequired: false, smsSentTo, session: null };
  }

  /** A signed-in user changes their password; every session ends, so they sign in again. */
  async changePassword(userId: string, currentPassword: string, password: string, passwordRepeat: string, address: string | null): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user || user.blocked) throw invalidCredentials();
    const keys = { account: user.username, address };
    await this.throttle.assertAllowed(keys);
    const ok =
      !!user.passwordHash && currentPassword.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(user.passwordHash, normalizePassword(currentPassword)));
    if (!ok) {
      await this.throttle.recordFailure(keys);
      await this.log('password.change', 'failure', user);
      throw domainError('INVALID_CREDENTIALS', 'The current password is not correct.', { field: 'currentPassword' });
    }
    if (password.length > MAX_PASSWORD_LENGTH) throw domainError('PASSWORD_TOO_LONG', 'The password is too long.', { violations: ['PASSWORD_TOO_LONG'] });
    assertPasswordPolicy(password, passwordRepeat, user.username);
    await this.dataSource.transaction((manager) => setPassword(manager, this.sessions, user, password, 'password-change', this.bus));
    await this.log('password.changed', 'success', user);
  }

  async resendSms(challengeId: string): Promise<string> {
    const challenge = await this.challenge(challengeId);
    const factor = await this.factorOf(challenge.user_id);
    const phone = factor?.method === 'SMS' ? factor.phone_number : challenge.pending_method === 'SMS' ? challenge.pending_phone_number : null;
    if (!phone) throw domainError('BAD_USER_INPUT', 'This sign-in does not use SMS.');
    return this.sendSmsCode(challengeId, challenge.user_id, phone);
  }

  async beginTotpEnrolment(challengeId: string): Promise<{ secret: string; otpauthUri: string; qrCodeDataUrl: string }> {
    const { challenge, user } = await this.enrolling(challengeId);
    const secret = newTotpSecret();
    await this.dataSource.query(
      `UPDATE identity.login_challenges SET pending_method = 'TOTP', pending_totp_secret = $2, pending_phone_number = NULL, sms_code_hash = NULL
        WHERE id = $1`,
      [challenge.id, seal(secret, `totp:${user.id}`)],
    );
    return totpEnrolment(secret, user.username);
  }

  async beginSmsEnrolment(challengeId: string, phoneNumber: string): Promise<string> {
    const { challenge } = await this.enrolling(challengeId);
    const phone = mobileNumber(phoneNumber);
    await this.dataSource.query(
      // The old code is dropped with the number: a code sent to one number never confirms another.
      `UPDATE identity.login_challenges
          SET pending_method = 'SMS', pending_phone_number = $2, pending_totp_secret = NULL, sms_code_hash = NULL, sms_code_expires_at = NULL
        WHERE id = $1`,
      [challenge.id, phone],
    );
    return this.sendSmsCode(challenge.id, challenge.user_id, phone);
  }

  /** The first code from the new factor proves it works; only then is it stored. */
  async confirmEnrolment(challengeId: string, code: string, address: string | null): Promise<{ login: CompletedLogin; recoveryCodes: string[] }> {
    const { challenge, user } = await this.enrolling(challengeId);
    await this.throttle.assertAllowed({ account: user.username, address });
    if (challenge.pending_method === null) throw domainError('BAD_USER_INPUT', 'Choose the authenticator app or SMS first.');
    const counter =
      challenge.pending_method === 'TOTP' && challenge.pending_totp_secret
        ? totpCounter(unseal(challenge.pending_totp_secret, `totp:${user.id}`), user.username, code)
        : null;
    const accepted = challenge.pending_method === 'TOTP' ? counter !== null : this.smsCodeMatches(challenge, code);
    if (!accepted) {
      await this.codeFailed(challenge, user, address);
      throw invalidCode();
    }
    const recoveryCodes = newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      await this.completeChallenge(manager, challenge.id);
      await manager.query(
        `INSERT INTO identity.two_factor (user_id, method, totp_secret, totp_last_counter, phone_number) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE SET method = EXCLUDED.method, totp_secret = EXCLUDED.totp_secret,
           totp_last_counter = EXCLUDED.totp_last_counter, phone_number = EXCLUDED.phone_number, enrolled_at = now()`,
        [user.id, challenge.pending_method, challenge.pending_totp_secret, counter, challenge.pending_phone_number],
      );
      // A changed factor ends every other session: one may belong to whoever made the change necessary.
      if (challenge.purpose === 'CHANGE') await this.sessions.revokeAllForUser(user.id, 'two-factor-changed', manager);
      await manager.query(`DELETE FROM identity.recovery_codes WHERE user_id = $1`, [user.id]);
      for (const recovery of recoveryCodes) {
        await manager.query(`INSERT INTO identity.recovery_codes (user_id, code_hash) VALUES ($1, $2)`, [user.id, recoveryCodeHash(user.id, recovery)]);
      }
    });
    await this.log('two-factor.enrolled', 'success', user);
    const login = await this.finish(user, address, challenge.pending_method === 'SMS' ? challenge.pending_phone_number : null);
    return { login, recoveryCodes };
  }

  /** The second step for an enrolled user: a code from the app or SMS, or a one-time recovery code. */
  async complete(challengeId: string, code: string | null, recoveryCode: string | null, address: string | null): Promise<CompletedLogin> {
    if (!code === !recoveryCode) throw domainError('BAD_USER_INPUT', 'Give either a code or a recovery code.');
    const challenge = await this.challenge(challengeId);
    if (challenge.purpose !== 'LOGIN') throw invalidChallenge();
    const user = await this.userOf(challenge);
    const factor = await this.checkCurrentFactor(challenge, user, code, recoveryCode, address);
    await this.dataSource.transaction((manager) => this.completeChallenge(manager, challenge.id));
    await this.log(recoveryCode ? 'login.recovery-code' : 'login.second-factor', 'success', user);
    return this.finish(user, address, factor.method === 'SMS' && !recoveryCode ? factor.phone_number : null);
  }

  /** Verifies a code of the enrolled factor or a recovery code; counts failures against the account. */
  private async checkCurrentFactor(
    challenge: ChallengeRow,
    user: UserEntity,
    code: string | null,
    recoveryCode: string | null,
    address: string | null,
  ): Promise<TwoFactorRow> {
    await this.throttle.assertAllowed({ account: user.username, address });
    const factor = await this.factorOf(user.id);
    if (!factor) throw domainError('ENROLMENT_REQUIRED', 'Set up two-factor authentication first.');
    let accepted = false;
    if (recoveryCode) {
      const used = returnedRows(
        await this.dataSource.query(
          `UPDATE identity.recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id`,
          [user.id, recoveryCodeHash(user.id, recoveryCode.slice(0, 64))],
        ),
      );
      accepted = used.length === 1;
    } else if (factor.method === 'TOTP') {
      const counter = totpCounter(unseal(factor.totp_secret!, `totp:${user.id}`), user.username, code!);
      if (counter !== null) {
        // Accepted only if later than the last accepted code: a replayed or older code fails here.
        const updated = returnedRows(
          await this.dataSource.query(
            `UPDATE identity.two_factor SET totp_last_counter = $2
              WHERE user_id = $1 AND (totp_last_counter IS NULL OR totp_last_counter < $2) RETURNING user_id`,
            [user.id, counter],
          ),
        );
        accepted = updated.length === 1;
      }
    } else {
      accepted = this.smsCodeMatches(challenge, code!);
    }
    if (!accepted) {
      await this.codeFailed(challenge, user, address);
      throw invalidCode();
    }
    return factor;
  }

  /**
   * A signed-in user who wants another phone number or method proves the password and then the
   * current factor (startFactorChange → verifyCurrentFactor) before enrolling the new one.
   */
  async startFactorChange(userId: string, password: string, address: string | null): Promise<LoginStart> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user || user.blocked) throw invalidCredentials();
    const keys = { account: user.username, address };
    await this.throttle.assertAllowed(keys);
    const ok = !!user.passwordHash && password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(user.passwordHash, normalizePassword(password)));
    if (!ok) {
      await this.throttle.recordFailure(keys);
      await this.log('two-factor.change', 'failure', user);
      throw invalidCredentials();
    }
    const factor = await this.factorOf(user.id);
    const challengeId = randomUUID();
    await this.dataSource.query(
      `INSERT INTO identity.login_challenges (id, user_id, purpose, expires_at, factor_verified_at) VALUES ($1, $2, 'CHANGE', $3, $4)`,
      [challengeId, user.id, new Date(Date.now() + this.settings.loginChallengeTtlSeconds * 1000), factor ? null : new Date()],
    );
    if (!factor) return { challengeId, passwordChangeRequired: false, methods: ['TOTP', 'SMS'], enrolmentRequired: true, smsSentTo: null, session: null };
    const smsSentTo = factor.method === 'SMS' ? await this.sendSmsCode(challengeId, user.id, factor.phone_number!).catch(() => null) : null;
    return { challengeId, passwordChangeRequired: false, methods: [factor.method], enrolmentRequired: false, smsSentTo, session: null };
  }

  async verifyCurrentFactor(userId: string, challengeId: string, code: string | null, recoveryCode: string | null, address: string | null): Promise<LoginStart> {
    if (!code === !recoveryCode) throw domainError('BAD_USER_INPUT', 'Give either a code or a recovery code.');
    const challenge = await this.challenge(challengeId);
    if (challenge.purpose !== 'CHANGE' || challenge.user_id !== userId) throw invalidChallenge();
    const user = await this.userOf(challenge);
    await this.checkCurrentFactor(challenge, user, code, recoveryCode, address);
    await this.dataSource.query(`UPDATE identity.login_challenges SET factor_verified_at = now(), sms_code_hash = NULL WHERE id = $1`, [challenge.id]);
    return { challengeId, passwordChangeRequired: false, methods: ['TOTP', 'SMS'], enrolmentRequired: true, smsSentTo: null, session: null };
  }

  private async finish(user: UserEntity, address: string | null, smsPhone: string | null): Promise<CompletedLogin> {
    await this.throttle.recordSuccess({ account: user.username, address });
    const session = await this.sessions.issue(user);
    if (!smsPhone) return { ...session, trustToken: null, trustTokenExpiresAt: null };
    const trustTokenExpiresAt = new Date(Date.now() + this.settings.trustedBrowserSeconds * 1000);
    return { ...session, trustToken: await issueTrustToken(this.keys, user.id, smsPhone, trustTokenExpiresAt), trustTokenExpiresAt };
  }

  private smsCodeMatches(challenge: ChallengeRow, code: string): boolean {
    if (!isSixDigits(code) || !challenge.sms_code_hash || !challenge.sms_code_expires_at) return false;
    if (challenge.sms_code_expires_at.getTime() < Date.now()) return false;
    return codeHash(challenge.id, code).equals(challenge.sms_code_hash);
  }

  private async sendSmsCode(challengeId: string, userId: string, phone: string): Promise<string> {
    await this.smsLimits.spacing.consume(userId);
    await this.smsLimits.perUser.consume(userId);
    const code = newSmsCode();
    await this.dataSource.query(`UPDATE identity.login_challenges SET sms_code_hash = $2, sms_code_expires_at = $3 WHERE id = $1`, [
      challengeId,
      codeHash(challengeId, code),
      new Date(Date.now() + SMS_CODE_TTL_MS),
    ]);
    await this.messaging.sms({ to: phone, text: loginCodeSms(code), purpose: 'login-code' });
    return maskedPhoneNumber(phone);
  }

  private async codeFailed(challenge: ChallengeRow, user: UserEntity, address: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE identity.login_challenges SET failed_attempts = failed_attempts + 1 WHERE id = $1`, [challenge.id]);
    await this.throttle.recordFailure({ account: user.username, address });
    await this.log('login.second-factor', 'failure', user);
  }

  /** Marks the challenge used; a second completion of the same challenge (a race) is refused. */
  private async completeChallenge(manager: EntityManager, challengeId: string): Promise<void> {
    const done = returnedRows(await manager.query(
      `UPDATE identity.login_challenges SET completed_at = now(), sms_code_hash = NULL WHERE id = $1 AND completed_at IS NULL RETURNING id`,
      [challengeId],
    ));
    if (done.length !== 1) throw invalidChallenge();
  }

  private async markCompleted(challengeId: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.completeChallenge(manager, challengeId));
  }

  private async challenge(challengeId: string): Promise<ChallengeRow> {
    if (!/^[0-9a-f-]{36}$/i.test(challengeId)) throw invalidChallenge();
    const rows: ChallengeRow[] = await this.dataSource.query(
      `SELECT id, user_id, purpose, factor_verified_at, failed_attempts, pending_method, pending_totp_secret, pending_phone_number, sms_code_hash, sms_code_expires_at
         FROM identity.login_challenges
        WHERE id = $1 AND completed_at IS NULL AND expires_at > now() AND failed_attempts < $2`,
      [challengeId, MAX_CODE_ATTEMPTS],
    );
    if (!rows[0]) throw invalidChallenge();
    return rows[0];
  }

  private async userOf(challenge: ChallengeRow, allowProvisional = false): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: challenge.user_id });
    if (!user || user.blocked) throw invalidChallenge();
    if (user.mustChangePassword && !allowProvisional) {
      throw domainError('PASSWORD_CHANGE_REQUIRED', 'Choose your own password first (chooseOwnPassword).');
    }
    return user;
  }

  private async enrolling(challengeId: string): Promise<{ challenge: ChallengeRow; user: UserEntity }> {
    const challenge = await this.challenge(challengeId);
    const user = await this.userOf(challenge);
    // Replacing an enrolled factor needs the current one as well (a CHANGE challenge), never a bare password.
    const replacing = challenge.purpose === 'CHANGE' && challenge.factor_verified_at !== null;
    if (!replacing && (await this.factorOf(user.id))) throw domainError('ALREADY_ENROLLED', 'Two-factor authentication is already set up.');
    return { challenge, user };
  }

  private async factorOf(userId: string): Promise<TwoFactorRow | null> {
    const rows: TwoFactorRow[] = await this.dataSource.query(
      `SELECT method, totp_secret, phone_number FROM identity.two_factor WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  private async log(event: string, outcome: 'success' | 'failure', user: UserEntity | null): Promise<void> {
    await this.dataSource.getRepository(AccessLogEntryEntity).insert({
      at: new Date(),
      event,
      outcome,
      userId: user?.id ?? null,
      role: user?.role ?? null,
      onBehalfOf: null,
      purpose: 'authentication',
      accessPoint: `identity:${event}`,
      personId: null,
      source: 'identity',
      sourceKey: null,
    });
  }
}
