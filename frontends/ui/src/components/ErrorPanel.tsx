import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { describeError, isRetryable } from '../errors';
import { useT } from '../i18n';

export interface ErrorPanelProps {
  /** What failed: a remote part of the portal, or data from the API. */
  kind?: 'remote' | 'data';
  /** The error, used to pick a precise Dutch message (network, session, access...). */
  error?: unknown;
  title?: string;
  message?: string;
  /**
   * Shows an "Opnieuw proberen" button — only where retrying can help: never for data that does
   * not exist, refused access, bad input or an expired session (the message names the next step).
   */
  onRetry?: () => void;
}

/** The one way the platform reports a failure: an alert with a clear message and, when possible, a retry. */
export function ErrorPanel({ kind = 'data', error, title, message, onRetry }: ErrorPanelProps) {
  const t = useT();
  const described = error === undefined ? null : describeError(error);
  const heading = title ?? (kind === 'remote' ? t('error.remoteTitle') : t('error.dataTitle'));
  let body = message;
  if (!body) {
    if (kind === 'remote') body = t('error.remote');
    else if (described && described.key !== 'unknown') body = t(`error.${described.key}`);
    else body = t('error.data');
  }
  const canRetry = onRetry && (kind === 'remote' || !described || isRetryable(described.key));
  // The code is for the helpdesk: shown only with the failures a user cannot solve alone.
  const reference = described?.code && isRetryable(described.key) ? described.code : null;
  return (
    <Alert role="alert" color="red" variant="light" title={heading} data-testid="error-panel">
      <Stack gap="xs">
        <Text size="sm">{body}</Text>
        {reference ? (
          <Text size="xs" c="dimmed">
            {t('error.code', { code: reference })}
          </Text>
        ) : null}
        {canRetry ? (
          <Group>
            <Button size="xs" variant="filled" color="red" onClick={onRetry}>
              {t('error.retry')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
