import { LoadingState, Route, Routes, useT } from '@poortwachter/ui';
import { RemoteView, RequireSession, ShellFrame, type ShellNavItem } from '@poortwachter/ui/shell';
import { lazy, Suspense } from 'react';

const LoginRoute = lazy(() => import('./LoginRoute'));
const ActivationRoute = lazy(() => import('./ActivationRoute'));

/** The employee portal remote owns the screens; the menu lists only screens that exist. */
export const EMPLOYEE_PORTAL = 'employee_portal/App';

export function useEmployeeMenu(): ShellNavItem[] {
  const t = useT('shell');
  return [
    { to: '/', label: t('nav.dashboard'), end: true },
    { to: '/afspraken', label: t('nav.appointments') },
  ];
}

export function App() {
  const t = useT('shell');
  const items = useEmployeeMenu();
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
          <RequireSession roles={['EMPLOYEE']} wrongPortal={{ title: t('wrongPortal.employeeTitle'), body: t('wrongPortal.employeeBody') }}>
            <ShellFrame portalName={t('portal.employee')} items={items}>
              <RemoteView id={EMPLOYEE_PORTAL} basePath="/" />
            </ShellFrame>
          </RequireSession>
        }
      />
    </Routes>
  );
}
