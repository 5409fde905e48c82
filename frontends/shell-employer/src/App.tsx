import { LoadingState, Navigate, Route, Routes, useLocation, useT } from '@poortwachter/ui';
import { RemoteView, RequireSession, ShellFrame, useSession, type ShellNavItem } from '@poortwachter/shell-kit';
import { lazy, Suspense, type ReactNode } from 'react';
import { EMPLOYER_SHELL_ROLES, TAB_PATHS, TABS_BY_ROLE, tabOfPath, type Tab } from './menu';

const LoginRoute = lazy(() => import('./routes/LoginRoute'));
const ActivationRoute = lazy(() => import('./routes/ActivationRoute'));
const ForgotPasswordRoute = lazy(() => import('./routes/ForgotPasswordRoute'));
const ResetPasswordRoute = lazy(() => import('./routes/ResetPasswordRoute'));
const AccountRoute = lazy(() => import('./routes/AccountRoute'));
const AdminRoute = lazy(() => import('./routes/AdminRoute'));

export const EMPLOYER_DASHBOARD = 'employer_dashboard/App';
export const AGENDA = 'agenda/App';

/** Only the tabs of the signed-in role; a path outside them sends the user to their first tab. */
function RoleTabs({ children }: { children: (tabs: readonly Tab[]) => ReactNode }) {
  const session = useSession();
  const { pathname } = useLocation();
  const tabs = session ? TABS_BY_ROLE[session.user.role] : [];
  const first = tabs[0];
  const tab = tabOfPath(pathname);
  if (first && tab !== null && !tabs.includes(tab)) return <Navigate to={TAB_PATHS[first]} replace />;
  return children(tabs);
}

const onDemand = (page: ReactNode) => <Suspense fallback={<LoadingState />}>{page}</Suspense>;

export function App() {
  const t = useT('employerShell');
  const labels: Record<Tab, string> = {
    dashboard: t('nav.myDashboard'),
    agenda: t('nav.agenda'),
    persons: t('nav.persons'),
    admin: t('nav.admin'),
    protocol: t('nav.adminProtocol'),
  };
  return (
    <Routes>
      <Route path="/inloggen" element={onDemand(<LoginRoute />)} />
      <Route path="/activeren" element={onDemand(<ActivationRoute />)} />
      <Route path="/wachtwoord-vergeten" element={onDemand(<ForgotPasswordRoute />)} />
      <Route path="/wachtwoord-herstellen" element={onDemand(<ResetPasswordRoute />)} />
      <Route
        path="*"
        element={
          <RequireSession roles={EMPLOYER_SHELL_ROLES} wrongPortal={{ title: t('wrongPortal.title'), body: t('wrongPortal.body') }}>
            <RoleTabs>
              {(tabs) => {
                // "Beheer" stays lit on the protocol screen too; "Protocol" only there.
                const items: ShellNavItem[] = tabs.map((tab) => ({ to: TAB_PATHS[tab], label: labels[tab], end: tab === 'dashboard' }));
                return (
                  <ShellFrame portalName={t('portalName')} items={items}>
                    <Routes>
                      <Route path="agenda/*" element={<RemoteView id={AGENDA} basePath="/agenda" />} />
                      <Route path="account" element={onDemand(<AccountRoute />)} />
                      {/* The shell routes only its own admin screens: /beheer/protocol (and anything else) reaches the dashboard remote. */}
                      {tabs.includes('admin') ? (
                        <>
                          <Route path="beheer" element={<Navigate to="/beheer/gebruikers" replace />} />
                          <Route path="beheer/gebruikers" element={onDemand(<AdminRoute page="users" />)} />
                          <Route path="beheer/api-clients" element={onDemand(<AdminRoute page="apiClients" />)} />
                        </>
                      ) : null}
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
