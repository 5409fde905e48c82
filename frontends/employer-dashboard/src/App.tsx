import { Anchor, Link, NotFoundPanel, Route, Routes, useT } from '@poortwachter/ui';
import type { RemoteAppProps } from '@poortwachter/ui';
import { DashboardPage } from './routes/DashboardPage';
import { DossierPage } from './routes/DossierPage';
import { PersonsPage } from './routes/PersonsPage';
import { ProtocolPage } from './routes/ProtocolPage';
// This remote's catalogs register themselves with the shared i18n instance when it loads.
import './i18n';

/**
 * The employer dashboard, exposed as `employer_dashboard/App`: "Mijn Dashboard" at the mount point,
 * "Personen" and a person's dossier below it, relative to `basePath`.
 */
export default function EmployerDashboardApp({ basePath = '/' }: RemoteAppProps) {
  const t = useT();
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="personen" element={<PersonsPage />} />
      <Route path="personen/:personId" element={<DossierPage basePath={basePath} />} />
      {/* The employer shell routes the rest of /beheer itself; the protocol screen is this remote's. */}
      <Route path="beheer/protocol" element={<ProtocolPage />} />
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
