import { AppShell, Box, Burger, Group, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';

export interface AppLayoutProps {
  /** "Medewerkersportaal" / "Werkgeversportaal", shown under the product name. */
  portalName: string;
  /** Renders the brand as a router link (the design system knows no router). */
  brandLink?: (props: { to: string; className: string; children: ReactNode }) => ReactNode;
  /** The menu; `closeMenu` folds the phone menu after a choice. */
  navigation: (closeMenu: () => void) => ReactNode;
  /**
   * The signed-in user and the logout control, rendered in the header (wide screens) or the menu
   * (phones); `closeMenu` folds the phone menu after a choice there, as for the navigation.
   */
  account?: (placement: 'header' | 'menu', closeMenu: () => void) => ReactNode;
  children: ReactNode;
}

const NAVBAR_BREAKPOINT = 'sm';

/**
 * Page frame of both shells: header (brand, language, account), a menu that folds behind a burger
 * on phones, and the main landmark the skip link targets.
 */
export function AppLayout({ portalName, brandLink, navigation, account, children }: AppLayoutProps) {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Mantine's folded menu is only moved off-screen; `inert` keeps keyboard and screen reader out of it.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 248, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header className="pw-header">
          <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom={NAVBAR_BREAKPOINT}
                size="sm"
                color="white"
                aria-label={opened ? t('menu.close') : t('menu.open')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Brand name={t('appName')} portal={portalName} linkComponent={brandLink} />
            </Group>
            <Group gap="sm" wrap="nowrap" visibleFrom={NAVBAR_BREAKPOINT}>
              <LanguageSwitch />
              {account?.('header', close)}
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar id="main-navigation" aria-label={t('menu.main')} p="sm" inert={isPhone && !opened}>
          <AppShell.Section grow>
            <Stack gap={4}>{navigation(close)}</Stack>
          </AppShell.Section>
          <AppShell.Section hiddenFrom={NAVBAR_BREAKPOINT} pt="md">
            <Box pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
              <Stack gap="sm" align="flex-start">
                <LanguageSwitch variant="light" />
                {account?.('menu', close)}
              </Stack>
            </Box>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} className="pw-main">
          <Box maw={1280} mx="auto">
            {children}
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
