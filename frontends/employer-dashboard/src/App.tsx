import { Anchor, Link, NotFoundPanel, Route, Routes, useT } from '@poortwachter/ui';
import type { RemoteAppProps } from '@poortwachter/ui/shell';
import { DashboardPage } from './DashboardPage';
import { DossierPage } from './DossierPage';
import { PersonsPage } from './PersonsPage';

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
