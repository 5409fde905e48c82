import { useCallback, useState } from 'react';

/** The old portal's default look-ahead of the action list ("Mijn instellingen"). */
export const DEFAULT_DAYS_AHEAD = 28;
export const MAX_DAYS_AHEAD = 365;
/** Kept in the browser until user settings live on the server. */
export const DAYS_AHEAD_STORAGE_KEY = 'poortwachter.employerDashboard.actionListDaysAhead';

export function readDaysAhead(): number {
  try {
    const stored = Number(globalThis.localStorage?.getItem(DAYS_AHEAD_STORAGE_KEY));
    return Number.isInteger(stored) && stored >= 1 && stored <= MAX_DAYS_AHEAD ? stored : DEFAULT_DAYS_AHEAD;
  } catch {
    // Blocked storage (privacy settings): the default applies.
    return DEFAULT_DAYS_AHEAD;
  }
}

/** The action list's look-ahead in days, remembered in this browser. */
export function useDaysAhead(): [number, (days: number) => void] {
  const [days, setDays] = useState(readDaysAhead);
  const update = useCallback((value: number) => {
    setDays(value);
    try {
      globalThis.localStorage?.setItem(DAYS_AHEAD_STORAGE_KEY, String(value));
    } catch {
      // Not remembering the setting must not block using it for this visit.
    }
  }, []);
  return [days, update];
}
