import { useT } from '@poortwachter/ui';
import { ForgotPasswordPage } from '@poortwachter/shell-kit';

/** "Wachtwoord vergeten?" from the login page. */
export default function ForgotPasswordRoute() {
  const t = useT('employeeShell');
  return <ForgotPasswordPage portalName={t('portalName')} />;
}
