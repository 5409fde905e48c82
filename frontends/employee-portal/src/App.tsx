import { Anchor, Link, NotFoundPanel, Route, Routes, useT } from '@poortwachter/ui';
import type { RemoteAppProps } from '@poortwachter/ui';
import { PathsProvider, under } from './paths';
import { AppointmentsRoute } from './routes/AppointmentsRoute';
import { DashboardRoute } from './routes/DashboardRoute';
import { DossierRoute } from './routes/DossierRoute';
import { DossiersRoute } from './routes/DossiersRoute';
import { MyDetailsRoute } from './routes/MyDetailsRoute';
import { SignaturesRoute } from './routes/SignaturesRoute';
import { SignRoute } from './routes/SignRoute';
import { YearOverviewRoute } from './routes/YearOverviewRoute';
// This remote's catalogs register themselves with the shared i18n instance when it loads.
import './i18n';

/**
 * The employee portal, exposed as `employee_portal/App`. The shell mounts it on a splat route; the
 * routes below are relative to that mount point (`basePath`). Paths are Dutch, as in the manual.
 */
export default function EmployeePortalApp({ basePath = '/' }: RemoteAppProps) {
  const t = useT();
  return (
    <PathsProvider basePath={basePath}>
      <Routes>
        <Route index element={<DashboardRoute />} />
        <Route path="dossiers" element={<DossiersRoute />} />
        <Route path="dossiers/:caseId/*" element={<DossierRoute />} />
        <Route path="te-ondertekenen" element={<SignaturesRoute />} />
        <Route path="te-ondertekenen/:requestId" element={<SignRoute />} />
        <Route path="afspraken" element={<AppointmentsRoute />} />
        <Route path="jaaroverzicht" element={<YearOverviewRoute />} />
        <Route path="mijn-gegevens" element={<MyDetailsRoute />} />
        <Route
          path="*"
          element={
            <NotFoundPanel
              homeLink={
                <Anchor component={Link} to={under(basePath)}>
                  {t('notFound.home')}
                </Anchor>
              }
            />
          }
        />
      </Routes>
    </PathsProvider>
  );
}
