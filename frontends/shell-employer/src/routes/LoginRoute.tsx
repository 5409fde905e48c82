import { useT } from '@poortwachter/ui';
import { LoginPage } from '@poortwachter/shell-kit';

/** Loaded on demand: a signed-in user never downloads the login page. */
export default function LoginRoute() {
  const t = useT('employerShell');
  return <LoginPage portalName={t('portalName')} />;
}
