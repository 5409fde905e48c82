import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';

/** The old portal's default look-ahead of the action list ("Mijn instellingen"). */
export const DEFAULT_DAYS_AHEAD = 28;
export const MAX_DAYS_AHEAD = 365;

export interface ActionListSettings {
  actionListDaysAhead: number;
}

/** The user's settings live in identity; the dashboard only needs the look-ahead. */
export const MY_SETTINGS: TypedDocumentNode<{ mySettings: ActionListSettings }, Record<string, never>> = gql`
  query MyActionListSettings {
    mySettings {
      actionListDaysAhead
    }
  }
`;

export const UPDATE_MY_SETTINGS: TypedDocumentNode<
  { updateMySettings: ActionListSettings },
  { input: { actionListDaysAhead: number } }
> = gql`
  mutation UpdateActionListSettings($input: UpdateMySettingsInput!) {
    updateMySettings(input: $input) {
      actionListDaysAhead
    }
  }
`;

export type SaveOutcome = 'saved' | 'notSaved';

/**
 * The action list's look-ahead in days, from the user's settings on the server. When the settings
 * cannot be read the default applies, and when they cannot be saved the new value still applies
 * for this visit: a settings outage must never take the action list down with it.
 */
export function useDaysAhead(): {
  days: number;
  ready: boolean;
  save: (days: number) => Promise<SaveOutcome>;
} {
  const { data, error } = useQuery(MY_SETTINGS);
  const [chosen, setChosen] = useState<number | null>(null);
  const [update] = useMutation(UPDATE_MY_SETTINGS);
  const stored = data?.mySettings.actionListDaysAhead;
  const days =
    chosen ?? (stored !== undefined && stored >= 1 && stored <= MAX_DAYS_AHEAD ? stored : DEFAULT_DAYS_AHEAD);
  const save = useCallback(
    async (value: number): Promise<SaveOutcome> => {
      setChosen(value);
      try {
        await update({
          variables: { input: { actionListDaysAhead: value } },
          update(cache, result) {
            const saved = result.data?.updateMySettings;
            if (saved) cache.writeQuery({ query: MY_SETTINGS, data: { mySettings: saved } });
          },
        });
        return 'saved';
      } catch {
        return 'notSaved';
      }
    },
    [update],
  );
  return { days, ready: data !== undefined || error !== undefined, save };
}
