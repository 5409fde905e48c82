import { describeError, errorCode, List, type useT } from '@poortwachter/ui';
import type { ReactNode } from 'react';
import { PASSWORD_RULES } from './PasswordRules';

type AccountT = ReturnType<typeof useT<'account'>>;

/** Any other failure of an account page: the network, or something the user cannot fix. */
export function unexpectedFailure(error: unknown, t: AccountT): string {
  return describeError(error).key === 'network' ? t('error.network') : t('error.unknown');
}

/** A refused new password, as the list of broken rules (the server sends them all in extensions.violations). */
export function passwordFailure(error: unknown, t: AccountT): ReactNode | null {
  const code = errorCode(error) ?? '';
  if (code === 'PASSWORD_MISMATCH') return t('error.PASSWORD_MISMATCH');
  if (code === 'TOO_MANY_ATTEMPTS') return t('error.TOO_MANY_ATTEMPTS');
  if (!code.startsWith('PASSWORD_')) return null;
  const extensions = (error as { errors?: { extensions?: { violations?: unknown } }[] } | null)?.errors?.[0]
    ?.extensions;
  const violations = Array.isArray(extensions?.violations) ? (extensions.violations as string[]) : [code];
  const broken = PASSWORD_RULES.filter(([, rule]) => violations.includes(rule));
  return (
    <>
      {t('error.passwordRules')}
      <List size="sm" mt={4}>
        {broken.map(([, rule]) => (
          <List.Item key={rule}>{t(`error.${rule}`)}</List.Item>
        ))}
      </List>
    </>
  );
}
