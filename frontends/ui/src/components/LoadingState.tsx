import { Group, Loader, Text } from '@mantine/core';
import { useT } from '../i18n';

/** A polite live region with a spinner and a text, so screen readers hear that content is coming. */
export function LoadingState({ label, py = 'lg' }: { label?: string; py?: string }) {
  const t = useT();
  return (
    <Group role="status" aria-live="polite" gap="sm" py={py} justify="center">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm" c="dimmed">
        {label ?? t('loading')}
      </Text>
    </Group>
  );
}
