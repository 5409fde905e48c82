import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useT } from '../i18n';

export interface WidgetProps {
  title: string;
  description?: ReactNode;
  /** Shows a "Verversen" button (the old portal had one on every list). */
  onRefresh?: () => void;
  refreshing?: boolean;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
  children: ReactNode;
}

/** A titled card that is also a labelled region, so each dashboard part is a landmark. */
export function Widget({ title, description, onRefresh, refreshing, actions, headingLevel = 2, children }: WidgetProps) {
  const t = useT();
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder radius="md" p={{ base: 'sm', sm: 'md' }} shadow="xs">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 12rem' }}>
            <Title order={headingLevel} id={id}>
              {title}
            </Title>
            {description ? (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            ) : null}
          </Stack>
          <Group gap="xs">
            {actions}
            {onRefresh ? (
              <Button size="xs" variant="default" onClick={onRefresh} loading={refreshing}>
                {t('refresh')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** The title block of a screen: the one `<h1>` and an introduction. */
export function PageHeader({ title, intro, actions }: { title: string; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="sm">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        {intro ? <Text c="dimmed">{intro}</Text> : null}
      </Stack>
      {actions}
    </Group>
  );
}
