import { createHash, randomInt } from 'node:crypto';
import { domainError } from '@poortwachter/kit';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { SigningKeys } from './signing-keys.js';
import { SIGNING_ALGORITHM } from './signing-keys.js';

export const TOTP_ISSUER = 'Poortwachter';
const TOTP_PERIOD = 30;
const TOTP_DIGITS = 6;
/** ±1 time step (±30 s) of clock drift between server and phone. */
const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

export type TwoFactorMethod = 'TOTP' | 'SMS';

const SIX_DIGITS = /^\d{6}$/;

export function isSixDigits(code: string): boolean {
  return SIX_DIGITS.test(code);
}

function totp(secret: string, username: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** Demo logins' secrets are part of the demo data set, defined with it in the kit. */
export { demoTotpSecret } from '@poortwachter/kit';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** What the enrolment screen shows: the secret as text, the otpauth URI and the QR code of it. */
export async function totpEnrolment(secret: string, username: string): Promise<{ secret: string; otpauthUri: string; qrCodeDataUrl: string }> {
  const otpauthUri = totp(secret, username).toString();
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUri, qrCodeDataUrl };
}

/**
 * The time-step counter a code belongs to, or null when it matches none within ±1 step. The caller
 * stores the counter and accepts only later ones, so each code works once.
 */
export function totpCounter(secret: string, username: string, code: string, timestamp = Date.now()): number | null {
  if (!isSixDigits(code)) return null;
  const delta = totp(secret, username).validate({ token: code, timestamp, window: TOTP_WINDOW });
  if (delta === null) return null;
  return OTPAuth.TOTP.counter({ period: TOTP_PERIOD, timestamp }) + delta;
}

/** A phone number as typed (Dutch numbers without country code work) → E.164, or BAD_USER_INPUT. */
export function mobileNumber(input: string): string {
  const parsed = parsePhoneNumberFromString(input.trim(), 'NL');
  const type = parsed?.getType();
  if (!parsed || !parsed.isValid() || (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE')) {
    throw domainError('INVALID_PHONE_NUMBER', 'This is not a valid mobile phone number.', { field: 'phoneNumber' });
  }
  return parsed.number;
}

/** "+31612345678" → "+31 6 •••• 5678": enough to recognise, not to learn the number. */
export function maskedPhoneNumber(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const national = parsed ? parsed.nationalNumber : e164;
  return `+${parsed?.countryCallingCode ?? ''} ${national.slice(0, 1)} •••• ${national.slice(-4)}`;
}

export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Codes are short-lived and tied to one challenge; a keyed hash keeps them out of the table. */
export function codeHash(challengeId: string, code: string): Buffer {
  return createHash('sha256').update(`${challengeId}:${code}`).digest();
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of 12 characters (≈ 59 bits each) in groups of four: `abcd-efgh-jkmn`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(0, RECOVERY_ALPHABET.length)]!).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Hash of a recovery code as typed: case, spaces and dashes do not matter. */
export function recoveryCodeHash(userId: string, code: string): Buffer {
  const normalized = code.toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`${userId}:${normalized}`).digest();
}

const TRUST_AUDIENCE = 'poortwachter-trusted-browser';
const TRUST_TYPE = 'trust+jwt';

function phoneFingerprint(phone: string): string {
  return createHash('sha256').update(phone).digest('base64url').slice(0, 16);
}

/**
 * "One SMS a day" (employee manual): after a correct SMS code the browser gets a signed token, kept
 * in an HttpOnly cookie, that skips the SMS step for this user and phone number for 24 h.
 */
export async function issueTrustToken(keys: SigningKeys, userId: string, phone: string, expiresAt: Date): Promise<string> {
  const key = await keys.current();
  return new SignJWT({ ph: phoneFingerprint(phone) })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: TRUST_TYPE })
    .setSubject(userId)
    .setAudience(TRUST_AUDIENCE)
    .setIssuer('poortwachter-identity')
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key.key);
}

export async function trustTokenValid(keys: SigningKeys, token: string, userId: string, phone: string): Promise<boolean> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(await keys.jwks()), {
      audience: TRUST_AUDIENCE,
      issuer: 'poortwachter-identity',
      algorithms: [SIGNING_ALGORITHM],
      typ: TRUST_TYPE,
      subject: userId,
    });
    return payload.ph === phoneFingerprint(phone);
  } catch {
    return false;
  }
}
