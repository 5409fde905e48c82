import { LoadingState, Route, Routes, useT } from '@poortwachter/ui';
import { RemoteView, RequireSession, ShellFrame, type ShellNavItem } from '@poortwachter/shell-kit';
import { lazy, Suspense, type ReactNode } from 'react';

const LoginRoute = lazy(() => import('./routes/LoginRoute'));
const ActivationRoute = lazy(() => import('./routes/ActivationRoute'));
const ForgotPasswordRoute = lazy(() => import('./routes/ForgotPasswordRoute'));
const ResetPasswordRoute = lazy(() => import('./routes/ResetPasswordRoute'));
const AccountRoute = lazy(() => import('./routes/AccountRoute'));

/** The employee portal remote owns the screens; the menu lists only screens that exist. */
export const EMPLOYEE_PORTAL = 'employee_portal/App';

export function useEmployeeMenu(): ShellNavItem[] {
  const t = useT('employeeShell');
  return [
    { to: '/', label: t('nav.dashboard'), end: true },
    { to: '/dossiers', label: t('nav.dossiers') },
    { to: '/afspraken', label: t('nav.appointments') },
    { to: '/jaaroverzicht', label: t('nav.yearOverview') },
  ];
}

/** Pages loaded on demand: a signed-in user never downloads the login pages, nor a visitor the account page. */
const onDemand = (page: ReactNode) => <Suspense fallback={<LoadingState />}>{page}</Suspense>;

export function App() {
  const t = useT('employeeShell');
  const items = useEmployeeMenu();
  return (
    <Routes>
      <Route path="/inloggen" element={onDemand(<LoginRoute />)} />
      <Route path="/activeren" element={onDemand(<ActivationRoute />)} />
      <Route path="/wachtwoord-vergeten" element={onDemand(<ForgotPasswordRoute />)} />
      <Route path="/wachtwoord-herstellen" element={onDemand(<ResetPasswordRoute />)} />
      <Route
        path="*"
        element={
          <RequireSession roles={['EMPLOYEE']} wrongPortal={{ title: t('wrongPortal.title'), body: t('wrongPortal.body') }}>
            <ShellFrame portalName={t('portalName')} items={items}>
              <Routes>
                <Route path="account" element={onDemand(<AccountRoute />)} />
                <Route path="*" element={<RemoteView id={EMPLOYEE_PORTAL} basePath="/" />} />
              </Routes>
            </ShellFrame>
          </RequireSession>
        }
      />
    </Routes>
  );
}
