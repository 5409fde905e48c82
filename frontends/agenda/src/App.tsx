import { Anchor, Link, NotFoundPanel, Route, Routes, useT } from '@poortwachter/ui';
import type { RemoteAppProps } from '@poortwachter/ui';
import { AgendaPage } from './AgendaPage';
// This remote's catalogs register themselves with the shared i18n instance when it loads.
import './i18n';

/** The agenda, exposed as `agenda/App`; the week is in the URL (`?week=YYYY-MM-DD`). */
export default function AgendaApp({ basePath = '/' }: RemoteAppProps) {
  const t = useT();
  return (
    <Routes>
      <Route index element={<AgendaPage />} />
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
