import { useT } from '@poortwachter/ui';
import { AccountPage } from '@poortwachter/shell-kit';

/** "Mijn account": with the daily digest and the action list horizon. */
export default function AccountRoute() {
  const t = useT('employerShell');
  return <AccountPage portalName={t('portalName')} showNotifications />;
}
