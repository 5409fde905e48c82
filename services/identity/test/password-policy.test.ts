import { describe, expect, it } from 'vitest';
import { normalizePassword, passwordStrength, passwordViolations } from '../src/auth/password-policy.js';

describe('password policy', () => {
  it('accepts a long, uncommon password with an uppercase letter and a digit', () => {
    expect(passwordViolations('Fietsbel-Kanaal-7-Regen', 'werknemer.demo')).toEqual([]);
  });

  it('refuses passwords shorter than 12 characters, counting code points', () => {
    expect(passwordViolations('Kort-wachtw1', null)).toEqual([]);
    expect(passwordViolations('Kort-wacht1', null)).toContain('PASSWORD_TOO_SHORT');
    // Eleven emoji are 22 UTF-16 units but only 11 characters.
    expect(passwordViolations('A1😀😀😀😀😀😀😀😀😀', null)).toContain('PASSWORD_TOO_SHORT');
  });

  it('refuses passwords longer than 128 characters', () => {
    expect(passwordViolations(`A1${'x'.repeat(126)}`, null)).toEqual([]);
    expect(passwordViolations(`A1${'x'.repeat(127)}`, null)).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('needs an uppercase letter and a digit, in any script', () => {
    expect(passwordViolations('fietsbel-kanaal-7-regen', null)).toEqual(['PASSWORD_NEEDS_UPPERCASE']);
    expect(passwordViolations('Fietsbel-Kanaal-zeven', null)).toEqual(['PASSWORD_NEEDS_DIGIT']);
    expect(passwordViolations('Ωμέγα-λέξη-κλειδί-٣', null)).toEqual([]);
  });

  it('refuses a password equal to or containing the username, ignoring case', () => {
    expect(passwordViolations('Werknemer.Demo1', 'werknemer.demo')).toContain('PASSWORD_CONTAINS_USERNAME');
    expect(passwordViolations('Xx-WERKNEMER.DEMO-2026', 'werknemer.demo')).toContain('PASSWORD_CONTAINS_USERNAME');
    expect(passwordViolations('Xx-WERKNEMER.DEMO-2026', 'iemand.anders')).toEqual([]);
  });

  it('refuses common and breached passwords from the offline list, also decorated', () => {
    expect(passwordViolations('Password1234', null)).toEqual(['PASSWORD_TOO_COMMON']);
    expect(passwordViolations('Qwertyuiop123', null)).toContain('PASSWORD_TOO_COMMON');
    expect(passwordViolations('P@ssw0rd1234', null)).toContain('PASSWORD_TOO_COMMON');
  });

  it('normalises to NFKC before checking, so full-width digits count as digits', () => {
    expect(normalizePassword('Ａ１')).toBe('A1');
    expect(normalizePassword('e\u0301')).toBe('\u00e9');
    expect(passwordViolations('fietsbel-kanaal-Ｒegen-７', null)).toEqual([]);
  });

  it('reports every broken rule at once with stable codes', () => {
    expect(passwordViolations('abc', 'abc')).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_NEEDS_UPPERCASE',
      'PASSWORD_NEEDS_DIGIT',
      'PASSWORD_CONTAINS_USERNAME',
    ]);
  });

  it('scores strength for the live hint and caps it while a rule is broken', () => {
    const weak = passwordStrength('Welkom123456', null);
    const strong = passwordStrength('Fietsbel-Kanaal-7-Regen-Zomer', null);
    expect(strong.score).toBe(4);
    expect(strong.violations).toEqual([]);
    expect(weak.score).toBeLessThan(strong.score);
    expect(passwordStrength('kort', null).score).toBeLessThanOrEqual(1);
    expect(passwordStrength('kort', null)).toMatchObject({ score: expect.any(Number), violations: expect.arrayContaining(['PASSWORD_TOO_SHORT']) });
  });
});
