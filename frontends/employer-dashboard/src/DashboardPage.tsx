import { useQuery } from '@apollo/client/react';
import { DurationClassChart, ErrorPanel, LoadingState, PageHeader, SimpleGrid, Stack, useDocumentTitle, useT, Widget } from '@poortwachter/ui';
import { ActionListWidget } from './ActionListWidget';
import { OPEN_ABSENCE_BY_DURATION_CLASS } from './graphql';
import { SickReportWidget } from './SickReportWidget';

export { DEFAULT_DAYS_AHEAD as ACTION_LIST_DAYS_AHEAD } from './settings';

function OpenAbsenceWidget() {
  const t = useT('employerDashboard');
  const { data, loading, error, refetch } = useQuery(OPEN_ABSENCE_BY_DURATION_CLASS);
  return (
    <Widget title={t('analysis.title')} description={t('analysis.description')} onRefresh={() => void refetch()} refreshing={loading && !!data}>
      {error ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : (
        <DurationClassChart data={data?.openAbsenceByDurationClass ?? []} caption={t('analysis.title')} />
      )}
    </Widget>
  );
}

/** "Mijn Dashboard": the action list, sick reporting and the analysis of open absence, each failing on its own. */
export function DashboardPage() {
  const t = useT('employerDashboard');
  useDocumentTitle(t('title'));
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack gap="lg">
        <ActionListWidget />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <SickReportWidget />
          <OpenAbsenceWidget />
        </SimpleGrid>
      </Stack>
    </>
  );
}
