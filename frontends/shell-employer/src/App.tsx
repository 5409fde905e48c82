import { LoadingState, Navigate, Route, Routes, useLocation, useT } from '@poortwachter/ui';
import { RemoteView, RequireSession, ShellFrame, useSession, type ShellNavItem } from '@poortwachter/ui/shell';
import { lazy, Suspense, type ReactNode } from 'react';
import { EMPLOYER_SHELL_ROLES, TAB_PATHS, TABS_BY_ROLE, tabOfPath, type Tab } from './menu';

const LoginRoute = lazy(() => import('./LoginRoute'));
const ActivationRoute = lazy(() => import('./ActivationRoute'));

export const EMPLOYER_DASHBOARD = 'employer_dashboard/App';
export const AGENDA = 'agenda/App';

/** Only the tabs of the signed-in role; a path outside them sends the user to their first tab. */
function RoleTabs({ children }: { children: (tabs: readonly Tab[]) => ReactNode }) {
  const session = useSession();
  const { pathname } = useLocation();
  const tabs = session ? TABS_BY_ROLE[session.user.role] : [];
  const first = tabs[0];
  if (first && !tabs.includes(tabOfPath(pathname))) return <Navigate to={TAB_PATHS[first]} replace />;
  return children(tabs);
}

export function App() {
  const t = useT('shell');
  const labels: Record<Tab, string> = { dashboard: t('nav.myDashboard'), agenda: t('nav.agenda'), persons: t('nav.persons') };
  return (
    <Routes>
      <Route
        path="/inloggen"
        element={
          <Suspense fallback={<LoadingState />}>
            <LoginRoute />
          </Suspense>
        }
      />
      <Route
        path="/activeren"
        element={
          <Suspense fallback={<LoadingState />}>
            <ActivationRoute />
          </Suspense>
        }
      />
      <Route
        path="*"
        element={
          <RequireSession roles={EMPLOYER_SHELL_ROLES} wrongPortal={{ title: t('wrongPortal.employerTitle'), body: t('wrongPortal.employerBody') }}>
            <RoleTabs>
              {(tabs) => {
                const items: ShellNavItem[] = tabs.map((tab) => ({ to: TAB_PATHS[tab], label: labels[tab], end: tab === 'dashboard' }));
                return (
                  <ShellFrame portalName={t('portal.employer')} items={items}>
                    <Routes>
                      <Route path="agenda/*" element={<RemoteView id={AGENDA} basePath="/agenda" />} />
                      {/* "Mijn Dashboard" (/) and "Personen" (/personen) are both screens of the dashboard remote,
                          which also answers unknown paths with its not-found screen. */}
                      <Route path="*" element={<RemoteView id={EMPLOYER_DASHBOARD} basePath="/" />} />
                    </Routes>
                  </ShellFrame>
                );
              }}
            </RoleTabs>
          </RequireSession>
        }
      />
    </Routes>
  );
}
