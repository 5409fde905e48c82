import { Alert } from '@poortwachter/ui';
import { useMessages } from './i18n';
import { errorMessageKey } from './validation';

/** A failed save, in the user's language by its stable error code; nothing when there is no error. */
export function MutationError({ error }: { error: unknown }) {
  const { t, translate } = useMessages();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('sickReport.errorTitle')}>
      {translate(errorMessageKey(error))}
    </Alert>
  );
}
