import { useT } from '@poortwachter/ui';
import { ResetPasswordPage } from '@poortwachter/shell-kit';

/** The link in the forgot-password mail (`/wachtwoord-herstellen?token=…`). */
export default function ResetPasswordRoute() {
  const t = useT('employeeShell');
  return <ResetPasswordPage portalName={t('portalName')} />;
}
