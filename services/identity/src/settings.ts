import { isProduction } from '@poortwachter/kit';

/** Identity's own settings, each from the environment with a development default. */
export interface IdentitySettings {
  invitationTtlDays: number;
  passwordResetTtlMinutes: number;
  publicEmployeeUrl: string;
  publicEmployerUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** Every mail and SMS also lands in the outbox table (always outside production). */
  recordOutbox: boolean;
  accessTokenTtlSeconds: number;
  apiTokenTtlSeconds: number;
  idleTimeoutSeconds: number;
  absoluteTimeoutSeconds: number;
  loginChallengeTtlSeconds: number;
  trustedBrowserSeconds: number;
  signingKeyRotationDays: number;
  rateLimitStore: 'postgres' | 'memory';
  /** At most one SMS code per account per this many seconds (plus 5 an hour). */
  smsMinIntervalSeconds: number;
  production: boolean;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw} must be a positive number`);
  return value;
}

function baseUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name] || fallback;
  const url = new URL(value);
  // Loopback is a secure context for browsers too: a production-mode system on one machine (the
  // integration tests) may link to http://localhost; anything reachable over a network needs https.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (isProduction(env) && url.protocol !== 'https:' && !loopback) {
    throw new Error(`${name} must be an https URL in production`);
  }
  return value.replace(/\/+$/, '');
}

export function identitySettings(env: NodeJS.ProcessEnv = process.env): IdentitySettings {
  const production = isProduction(env);
  const store = env.RATE_LIMIT_STORE ?? 'postgres';
  if (store !== 'postgres' && store !== 'memory') throw new Error(`RATE_LIMIT_STORE=${store} must be postgres or memory`);
  return {
    invitationTtlDays: positiveNumber(env, 'INVITATION_TTL_DAYS', 7),
    passwordResetTtlMinutes: positiveNumber(env, 'PASSWORD_RESET_TTL_MINUTES', 60),
    publicEmployeeUrl: baseUrl(env, 'PUBLIC_EMPLOYEE_URL', 'http://localhost:3000'),
    publicEmployerUrl: baseUrl(env, 'PUBLIC_EMPLOYER_URL', 'http://localhost:3001'),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Poortwachter <no-reply@poortwachter.example>',
    recordOutbox: !production || env.RECORD_OUTBOX === 'true',
    accessTokenTtlSeconds: positiveNumber(env, 'ACCESS_TOKEN_TTL_SECONDS', 300),
    apiTokenTtlSeconds: positiveNumber(env, 'API_TOKEN_TTL_SECONDS', 900),
    idleTimeoutSeconds: positiveNumber(env, 'SESSION_IDLE_TIMEOUT_MINUTES', 30) * 60,
    absoluteTimeoutSeconds: positiveNumber(env, 'SESSION_ABSOLUTE_TIMEOUT_HOURS', 12) * 3600,
    loginChallengeTtlSeconds: positiveNumber(env, 'LOGIN_CHALLENGE_TTL_SECONDS', 600),
    trustedBrowserSeconds: positiveNumber(env, 'TRUSTED_BROWSER_HOURS', 24) * 3600,
    signingKeyRotationDays: positiveNumber(env, 'SIGNING_KEY_ROTATION_DAYS', 30),
    rateLimitStore: store,
    smsMinIntervalSeconds: positiveNumber(env, 'SMS_MIN_INTERVAL_SECONDS', 30),
    production,
  };
}
