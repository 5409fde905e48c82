import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../document-title';
import { useT } from '../i18n';

/** Screen for an address no route knows; `homeLink` is a router link supplied by the caller. */
export function NotFoundPanel({ homeLink }: { homeLink: ReactNode }) {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <Stack gap="sm" py="lg">
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <div>{homeLink}</div>
    </Stack>
  );
}
