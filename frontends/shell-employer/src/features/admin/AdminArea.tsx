import { Group, matchPath, NavLink, RouterNavLink, Stack, Title, useLocation, useT } from '@poortwachter/ui';
import { ApiClientsPage } from './ApiClientsPage';
import { UsersPage } from './UsersPage';

/**
 * "Beheer" (administrator only): the shell's own users and API client screens. The protocol
 * screen at /beheer/protocol belongs to the employer-dashboard remote; the link goes there.
 */
export function AdminArea({ portalName, page }: { portalName: string; page: 'users' | 'apiClients' }) {
  const t = useT('admin');
  const { pathname } = useLocation();
  const links = [
    { to: '/beheer/gebruikers', label: t('nav.users') },
    { to: '/beheer/api-clients', label: t('nav.apiClients') },
    { to: '/beheer/protocol', label: t('nav.protocol') },
  ];
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <nav aria-label={t('title')}>
        <Group gap={4} wrap="wrap">
          {links.map((link) => (
            <NavLink
              key={link.to}
              component={RouterNavLink}
              to={link.to}
              label={link.label}
              active={!!matchPath({ path: link.to, end: false }, pathname)}
              w="auto"
              fw={600}
              style={{ borderRadius: 4 }}
            />
          ))}
        </Group>
      </nav>
      {page === 'users' ? <UsersPage portalName={portalName} /> : <ApiClientsPage portalName={portalName} />}
    </Stack>
  );
}
