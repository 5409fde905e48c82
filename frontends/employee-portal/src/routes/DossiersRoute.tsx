import { useQuery } from '@apollo/client/react';
import {
  ErrorPanel,
  LoadingState,
  PageHeader,
  Stack,
  Text,
  useDocumentTitle,
  Widget,
} from '@poortwachter/ui';
import { CaseTable } from '../features/dossiers/CaseTable';
import { currentCase, MY_ABSENCE, splitCases } from '../features/dossiers/operations';
import { useMessages } from '../messages';

/** "Dossiers": the open dossiers, and separately the closed ones, as known to the arbodienst. */
export function DossiersRoute() {
  const { t } = useMessages();
  useDocumentTitle(t('dossiers.title'));
  const { data, loading, error, refetch } = useQuery(MY_ABSENCE);
  const cases = data?.me?.sickCases ?? [];
  const { open, closed } = splitCases(cases);
  const current = currentCase(cases);
  return (
    <>
      <PageHeader title={t('dossiers.title')} intro={t('dossiers.intro')} />
      {error && !data ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : !data?.me ? (
        <Text>{t('noPerson')}</Text>
      ) : (
        <Stack gap="lg">
          <Widget title={t('dossiers.open')} onRefresh={() => void refetch()} refreshing={loading}>
            <CaseTable
              cases={open}
              caption={t('dossiers.openCaption')}
              currentId={current?.id}
              emptyText={t('dossiers.openEmpty')}
            />
          </Widget>
          <Widget title={t('dossiers.closed')}>
            <CaseTable
              cases={closed}
              caption={t('dossiers.closedCaption')}
              emptyText={t('dossiers.closedEmpty')}
            />
          </Widget>
        </Stack>
      )}
    </>
  );
}
