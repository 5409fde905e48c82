import { Alert, LoadingState, PageHeader, useDocumentTitle } from '@poortwachter/ui';
import { ProtocolAdmin } from '../features/protocol/ProtocolAdmin';
import { useMessages } from '../shared/i18n';
import { useViewerRole } from '../shared/viewer';

/**
 * `/beheer/protocol`: protocol administration, for the administrator only. Others get a refusal
 * (the API refuses their changes as well; this only spares them a screen they cannot use).
 */
export function ProtocolPage() {
  const { t } = useMessages();
  useDocumentTitle(t('protocol.title'));
  const { role, loading } = useViewerRole();
  return (
    <>
      <PageHeader title={t('protocol.title')} intro={t('protocol.intro')} />
      {loading && !role ? (
        <LoadingState />
      ) : role === 'ADMIN' ? (
        <ProtocolAdmin />
      ) : (
        <Alert color="red" variant="light" role="alert" title={t('protocol.refusedTitle')}>
          {t('protocol.refused')}
        </Alert>
      )}
    </>
  );
}
