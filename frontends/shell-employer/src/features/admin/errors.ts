import { describeError, errorCode, type useT } from '@poortwachter/ui';

type AdminT = ReturnType<typeof useT<'admin'>>;

const KNOWN = [
  'FORBIDDEN',
  'INVALID_EMAIL',
  'INVALID_USERNAME',
  'USERNAME_TAKEN',
  'ALREADY_ACTIVATED',
  'ACCOUNT_BLOCKED',
  'CONFLICT',
  'SCOPE_REQUIRED',
  'ROLE_CHANGE_NOT_ALLOWED',
  'NOT_FOUND',
  'INVALID_SCOPE',
  'BAD_USER_INPUT',
] as const;

/** A refused admin action as a Dutch (or English) sentence; the server's code decides which. */
export function adminError(error: unknown, t: AdminT): string {
  const code = errorCode(error) ?? '';
  if ((KNOWN as readonly string[]).includes(code)) return t(`error.${code as (typeof KNOWN)[number]}`);
  return describeError(error).key === 'network' ? t('error.load') : t('error.unknown');
}
