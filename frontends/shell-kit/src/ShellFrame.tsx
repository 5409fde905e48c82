import {
  AppLayout,
  Button,
  ErrorPanel,
  Link,
  matchPath,
  Navigate,
  NavLink,
  RouterNavLink,
  Stack,
  Text,
  Title,
  useLocation,
  useT,
} from '@poortwachter/ui';
import type { ReactNode } from 'react';
import { SignedInApollo, useApolloLoader } from './apollo-loader';
import { useSession, useSessionStore, type Role } from './session';

export interface ShellNavItem {
  to: string;
  label: string;
  /** Active only on exactly this path (for `/`). */
  end?: boolean;
}

function useSignOut() {
  const store = useSessionStore();
  const apollo = useApolloLoader();
  return () => {
    store.signOut('logout');
    // Another user may sign in on this tab next: nothing of this one may stay in the cache.
    apollo?.clearStore();
  };
}

/** The shell's layout: header with account and language, the role's menu, and the routed page. */
export function ShellFrame({
  portalName,
  items,
  children,
}: {
  portalName: string;
  items: readonly ShellNavItem[];
  children: ReactNode;
}) {
  const t = useT('shell');
  const session = useSession();
  const signOut = useSignOut();
  const { pathname } = useLocation();
  return (
    <AppLayout
      portalName={portalName}
      brandLink={({ to, className, children: content }) => (
        <Link to={to} className={className}>
          {content}
        </Link>
      )}
      navigation={(closeMenu) =>
        items.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end={item.end}
            label={item.label}
            active={!!matchPath({ path: item.to, end: item.end ?? false }, pathname)}
            onClick={closeMenu}
            fw={600}
            style={{ borderRadius: 4 }}
          />
        ))
      }
      account={(placement, closeMenu) => (
        <>
          {session ? (
            <Text
              size="sm"
              c={placement === 'header' ? 'white' : undefined}
              visibleFrom={placement === 'header' ? 'md' : undefined}
              title={t('user.signedInAs', { name: session.user.displayName })}
            >
              {session.user.displayName}
            </Text>
          ) : null}
          <Button
            component={Link}
            to="/account"
            // On a phone the menu stays open over the page otherwise.
            onClick={closeMenu}
            size="xs"
            variant={placement === 'header' ? 'outline' : 'default'}
            className={placement === 'header' ? 'pw-header-button' : undefined}
          >
            {t('nav.account')}
          </Button>
          <Button
            size="xs"
            variant={placement === 'header' ? 'outline' : 'default'}
            className={placement === 'header' ? 'pw-header-button' : undefined}
            onClick={signOut}
          >
            {t('user.logout')}
          </Button>
        </>
      )}
    >
      {children}
    </AppLayout>
  );
}

/**
 * Routes below it need a signed-in user of one of `roles`; others are sent to the login page, or
 * told they are in the wrong portal. They render inside the shell's ApolloProvider, which loads
 * with them (the pages before signing in do without Apollo Client).
 */
export function RequireSession({
  roles,
  wrongPortal,
  children,
}: {
  roles: readonly Role[];
  wrongPortal: { title: string; body: string };
  children: ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  const signOut = useSignOut();
  const t = useT('shell');
  if (!session)
    return (
      <Navigate
        to="/inloggen"
        replace
        state={{ from: { pathname: location.pathname, search: location.search } }}
      />
    );
  if (!roles.includes(session.user.role)) {
    return (
      <Stack maw={560} mx="auto" my="xl" p="md" component="main" id="main-content">
        <Title order={1}>{wrongPortal.title}</Title>
        <ErrorPanel title={wrongPortal.title} message={wrongPortal.body} />
        <div>
          <Button onClick={signOut}>{t('user.logout')}</Button>
        </div>
      </Stack>
    );
  }
  return <SignedInApollo>{children}</SignedInApollo>;
}
