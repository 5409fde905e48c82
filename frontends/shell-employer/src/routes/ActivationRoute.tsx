import { useT } from '@poortwachter/ui';
import { ActivationPage } from '@poortwachter/shell-kit';

/** The link in the invitation mail (`/activeren?token=…`); loaded on demand like the login page. */
export default function ActivationRoute() {
  const t = useT('employerShell');
  return <ActivationPage portalName={t('portalName')} />;
}
