import { Anchor, Link, NotFoundPanel, Route, Routes, useT } from '@poortwachter/ui';
import type { RemoteAppProps } from '@poortwachter/ui/shell';
import { MyAbsencePage } from './MyAbsencePage';
import { MyAppointmentsPage } from './MyAppointmentsPage';

/**
 * The employee portal, exposed as `employee_portal/App`. The shell mounts it on a splat route; the
 * routes below are relative to that mount point (`basePath`).
 */
export default function EmployeePortalApp({ basePath = '/' }: RemoteAppProps) {
  const t = useT();
  return (
    <Routes>
      <Route index element={<MyAbsencePage basePath={basePath} />} />
      <Route path="afspraken" element={<MyAppointmentsPage />} />
      <Route
        path="*"
        element={
          <NotFoundPanel
            homeLink={
              <Anchor component={Link} to={basePath}>
                {t('notFound.home')}
              </Anchor>
            }
          />
        }
      />
    </Routes>
  );
}
