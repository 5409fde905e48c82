import { useT } from '@poortwachter/ui';
import { AdminArea } from '../features/admin/AdminArea';

/** Loaded on demand: only administrators download the admin screens. */
export default function AdminRoute({ page }: { page: 'users' | 'apiClients' }) {
  const t = useT('employerShell');
  return <AdminArea portalName={t('portalName')} page={page} />;
}
