import { useQuery } from '@apollo/client/react';
import { DurationClassChart, ErrorPanel, LoadingState, useT, Widget } from '@poortwachter/ui';
import { OPEN_ABSENCE_BY_DURATION_CLASS } from './operations';

/** "Analyses van het openstaande verzuim": open absence by duration class. */
export function OpenAbsenceWidget() {
  const t = useT('employerDashboard');
  const { data, loading, error, refetch } = useQuery(OPEN_ABSENCE_BY_DURATION_CLASS);
  return (
    <Widget
      title={t('analysis.title')}
      description={t('analysis.description')}
      onRefresh={() => void refetch()}
      refreshing={loading && !!data}
    >
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
