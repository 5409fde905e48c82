import * as OTPAuth from 'otpauth';

const PERIOD_MS = 30_000;
/**
 * The last time step used per account in this process. The identity service accepts each step's
 * code once per account, so a second login of the same user within 30 s must wait for the next step.
 */
const lastStep = new Map<string, number>();

function totp(secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: PERIOD_MS / 1000, secret: OTPAuth.Secret.fromBase32(secret.replace(/\s+/g, '')) });
}

/**
 * A TOTP code for the account that it has not used yet: when this time step's code was already
 * used, waits for the next step. Shared by the API test harness and the browser tests, so both
 * kinds of login in one test process never replay each other's code.
 */
export async function freshTotpCode(account: string, secret: string): Promise<string> {
  let step = Math.floor(Date.now() / PERIOD_MS);
  const last = lastStep.get(account);
  if (last !== undefined && step <= last) {
    const nextStart = (last + 1) * PERIOD_MS;
    await new Promise((resolve) => setTimeout(resolve, nextStart - Date.now() + 250));
    step = Math.floor(Date.now() / PERIOD_MS);
  }
  lastStep.set(account, step);
  return totp(secret).generate({ timestamp: step * PERIOD_MS + 1000 });
}
