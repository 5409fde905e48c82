import {
  Brand,
  Group,
  LanguageSwitch,
  Link,
  MAIN_CONTENT_ID,
  Paper,
  SkipLink,
  Stack,
  useT,
} from '@poortwachter/ui';
import type { ReactNode } from 'react';

/** The frame of the pages before signing in (login, activation): brand, language switch, one card. */
export function AuthFrame({ portalName, children }: { portalName: string; children: ReactNode }) {
  const tc = useT();
  return (
    <div className="pw-login-page">
      <SkipLink />
      <header className="pw-header">
        <Group h={64} px="md" justify="space-between" wrap="nowrap">
          <Brand
            name={tc('appName')}
            portal={portalName}
            linkComponent={({ to, className, children: content }) => (
              <Link to={to} className={className}>
                {content}
              </Link>
            )}
          />
          <LanguageSwitch />
        </Group>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="pw-login-main">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }} w="100%" maw={480}>
          <Stack gap="md">{children}</Stack>
        </Paper>
      </main>
    </div>
  );
}
