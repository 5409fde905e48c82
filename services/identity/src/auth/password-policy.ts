import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * The portal's password rule (employee manual §1.2: at least 12 characters, one uppercase letter,
 * one digit) plus the ASVS level 2 rules: at most 128 characters, any Unicode, not the username,
 * and not on a list of common or breached passwords. The list ships with
 * `@zxcvbn-ts/language-common`, so nothing is fetched at run time.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULES = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_NEEDS_UPPERCASE',
  'PASSWORD_NEEDS_DIGIT',
  'PASSWORD_CONTAINS_USERNAME',
  'PASSWORD_TOO_COMMON',
] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/**
 * NFKC, so a password typed on another keyboard or OS (composed vs decomposed accents, full-width
 * digits) hashes the same way. Every check and the hash use this form.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length in code points, as a user counts characters: an emoji is one, not two UTF-16 units. */
function length(text: string): number {
  return [...text].length;
}

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(common.dictionary['passwords-common'] as string[]);

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

function analyse(password: string, username: string | null): ZxcvbnResult {
  // zxcvbn's cost grows with the input; the policy refuses long passwords before they get here.
  return zxcvbn().check(password.slice(0, PASSWORD_MAX_LENGTH), username ? [username] : []);
}

/**
 * Common when the password, ignoring case, is on the list, or is mostly a listed password
 * decorated the way people do (l33t, reversed, digits appended) and so still guessed quickly.
 */
function isCommon(normalized: string): boolean {
  if (COMMON_PASSWORDS.has(normalized.toLowerCase())) return true;
  const result = analyse(normalized, null);
  if (result.score > 2) return false;
  return result.sequence.some(
    (match) =>
      match.pattern === 'dictionary' &&
      match.dictionaryName === 'passwords-common' &&
      match.token.length >= 4 &&
      match.token.length * 2 >= normalized.length,
  );
}

/** Every rule the password breaks, in a fixed order; empty when it is acceptable. */
export function passwordViolations(password: string, username?: string | null): PasswordRule[] {
  const normalized = normalizePassword(password);
  const size = length(normalized);
  const violations: PasswordRule[] = [];
  if (size < PASSWORD_MIN_LENGTH) violations.push('PASSWORD_TOO_SHORT');
  if (size > PASSWORD_MAX_LENGTH) violations.push('PASSWORD_TOO_LONG');
  if (!/\p{Lu}/u.test(normalized)) violations.push('PASSWORD_NEEDS_UPPERCASE');
  if (!/\p{Nd}/u.test(normalized)) violations.push('PASSWORD_NEEDS_DIGIT');
  const name = username ? username.normalize('NFKC').toLowerCase() : '';
  if (name.length > 0 && normalized.toLowerCase().includes(name)) violations.push('PASSWORD_CONTAINS_USERNAME');
  if (size <= PASSWORD_MAX_LENGTH && isCommon(normalized)) violations.push('PASSWORD_TOO_COMMON');
  return violations;
}

export interface PasswordStrengthResult {
  /** 0 (very weak) … 4 (strong), zxcvbn's scale. */
  score: number;
  /** log10 of the estimated guesses, for a finer meter. */
  guessesLog10: number;
  warning: string | null;
  suggestions: string[];
  /** The rules the password breaks now, so the hint and the final check always agree. */
  violations: PasswordRule[];
}

/** The live hint while typing: zxcvbn's estimate plus the policy's verdict. */
export function passwordStrength(password: string, username?: string | null): PasswordStrengthResult {
  const normalized = normalizePassword(password);
  const violations = passwordViolations(normalized, username);
  if (length(normalized) > PASSWORD_MAX_LENGTH) {
    return { score: 0, guessesLog10: 0, warning: null, suggestions: [], violations };
  }
  const result = analyse(normalized, username ?? null);
  return {
    score: violations.length > 0 ? Math.min(result.score, 1) : result.score,
    guessesLog10: Math.round(result.guessesLog10 * 100) / 100,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
    violations,
  };
}
