import { useT } from '@poortwachter/ui';
import { AccountPage } from '@poortwachter/shell-kit';

/** "Mijn account": an employee has no action list, so no digest settings. */
export default function AccountRoute() {
  const t = useT('employeeShell');
  return <AccountPage portalName={t('portalName')} showNotifications={false} />;
}
