import { errorCode, i18n, type Catalog } from '@poortwachter/ui';

type DashboardCatalog = Catalog['employerDashboard'];

/** A message key of the `employerDashboard` namespace, with its interpolation values. */
export interface FieldError {
  key: `validation.${keyof DashboardCatalog['validation']}`;
  values?: Record<string, number>;
}
export type FieldErrors<F extends string> = Partial<Record<F, FieldError>>;

/** Free text is limited like the API does (2000 characters), counted as a user counts them. */
export const MAX_TEXT = 2000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A whole number within [min, max] typed as text, or null. */
export function parseWholeNumber(value: string, min: number, max: number): number | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

export const tooLong = (value: string, max = MAX_TEXT): FieldError | undefined =>
  [...value.trim()].length > max ? { key: 'validation.tooLong', values: { max } } : undefined;

export function compact<F extends string>(errors: FieldErrors<F>): FieldErrors<F> {
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined)) as FieldErrors<F>;
}

export const optionalText = (value: string): string | undefined => value.trim() || undefined;

// ---------------------------------------------------------------------------------------------
// Errors of the API

/**
 * The message key for a failed mutation: the stable `extensions.code` when the catalog knows it,
 * else a network or generic message. Never the server's English text: it is for developers.
 */
export function errorMessageKey(error: unknown): `errors.${keyof DashboardCatalog['errors']}` {
  const code = errorCode(error);
  // The Dutch catalog is always loaded and has every key: it decides which codes have a message.
  if (code && i18n.exists(`errors.${code}`, { ns: 'employerDashboard', lng: 'nl' }))
    return `errors.${code as keyof DashboardCatalog['errors']}`;
  if (code === 'GRAPHQL_VALIDATION_FAILED') return 'errors.BAD_USER_INPUT';
  if (error && typeof error === 'object' && !code) {
    const name = (error as { name?: unknown }).name;
    const message = String((error as { message?: unknown }).message ?? '');
    if (name === 'TypeError' || /fetch|network|load failed/i.test(message)) return 'errors.network';
  }
  return 'errors.unknown';
}
