import { domainError } from '@poortwachter/kit';
import type { EntityManager } from 'typeorm';

/** "Mijn instellingen": the action list horizon, the daily digest and the language. */
export interface UserSettingsValues {
  actionListDaysAhead: number;
  dailyDigest: boolean;
  locale: 'nl' | 'en';
}

export const DEFAULT_SETTINGS: UserSettingsValues = { actionListDaysAhead: 28, dailyDigest: true, locale: 'nl' };
export const SUPPORTED_LOCALES = ['nl', 'en'] as const;
export const MAX_DAYS_AHEAD = 365;

interface SettingsRow {
  user_id: string;
  action_list_days_ahead: number;
  daily_digest: boolean;
  locale: 'nl' | 'en';
}

const fromRow = (row: SettingsRow | undefined): UserSettingsValues =>
  row ? { actionListDaysAhead: row.action_list_days_ahead, dailyDigest: row.daily_digest, locale: row.locale } : { ...DEFAULT_SETTINGS };

export async function settingsOf(manager: EntityManager, userId: string): Promise<UserSettingsValues> {
  return (await settingsOfMany(manager, [userId])).get(userId)!;
}

/** Settings of many users in one statement; users without a row get the defaults. */
export async function settingsOfMany(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, UserSettingsValues>> {
  const rows: SettingsRow[] = userIds.length
    ? await manager.query(
        `SELECT user_id, action_list_days_ahead, daily_digest, locale FROM identity.user_settings WHERE user_id = ANY($1::uuid[])`,
        [[...userIds]],
      )
    : [];
  const byUser = new Map(rows.map((row) => [row.user_id, row] as const));
  return new Map(userIds.map((id) => [id, fromRow(byUser.get(id))] as const));
}

/** Checks a partial update; each bad value fails with its own code and the field it concerns. */
export function validateSettingsPatch(patch: Partial<Record<keyof UserSettingsValues, unknown>>): Partial<UserSettingsValues> {
  const valid: Partial<UserSettingsValues> = {};
  if (patch.actionListDaysAhead !== undefined && patch.actionListDaysAhead !== null) {
    const days = patch.actionListDaysAhead;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS_AHEAD) {
      throw domainError('INVALID_DAYS_AHEAD', `actionListDaysAhead must be a whole number from 1 to ${MAX_DAYS_AHEAD}.`, {
        field: 'actionListDaysAhead',
      });
    }
    valid.actionListDaysAhead = days;
  }
  if (patch.dailyDigest !== undefined && patch.dailyDigest !== null) {
    if (typeof patch.dailyDigest !== 'boolean') throw domainError('BAD_USER_INPUT', 'dailyDigest must be true or false.', { field: 'dailyDigest' });
    valid.dailyDigest = patch.dailyDigest;
  }
  if (patch.locale !== undefined && patch.locale !== null) {
    const locale = typeof patch.locale === 'string' ? patch.locale.trim().toLowerCase() : patch.locale;
    if (!SUPPORTED_LOCALES.includes(locale as 'nl')) {
      throw domainError('UNSUPPORTED_LOCALE', `locale must be one of ${SUPPORTED_LOCALES.join(', ')}.`, { field: 'locale' });
    }
    valid.locale = locale as 'nl' | 'en';
  }
  return valid;
}

export async function saveSettings(manager: EntityManager, userId: string, patch: Partial<UserSettingsValues>): Promise<UserSettingsValues> {
  const next = { ...(await settingsOf(manager, userId)), ...patch };
  await manager.query(
    `INSERT INTO identity.user_settings (user_id, action_list_days_ahead, daily_digest, locale, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (user_id) DO UPDATE SET action_list_days_ahead = EXCLUDED.action_list_days_ahead, daily_digest = EXCLUDED.daily_digest,
       locale = EXCLUDED.locale, updated_at = now()`,
    [userId, next.actionListDaysAhead, next.dailyDigest, next.locale],
  );
  return next;
}
