import { useQuery } from '@apollo/client/react';
import {
  Button,
  ErrorPanel,
  Group,
  LoadingState,
  NativeSelect,
  PageHeader,
  Stack,
  Text,
  toIsoDate,
  useDocumentTitle,
  Widget,
} from '@poortwachter/ui';
import { useMemo, useState } from 'react';
import { MY_ABSENCE } from '../features/dossiers/operations';
import { selectableYears, yearAbsence } from '../features/year-overview/absenceDays';
import { Legend, YearCalendar } from '../features/year-overview/YearCalendar';
import { useMessages } from '../messages';

/** "Jaaroverzicht": every absence day of a chosen year in a year calendar. */
export function YearOverviewRoute({ today = toIsoDate(new Date()) }: { today?: string }) {
  const { t } = useMessages();
  useDocumentTitle(t('year.title'));
  const currentYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const { data, loading, error, refetch } = useQuery(MY_ABSENCE);
  const cases = useMemo(() => data?.me?.sickCases ?? [], [data]);
  const years = selectableYears(cases, currentYear);
  const absence = useMemo(() => yearAbsence(cases, year, today), [cases, year, today]);
  return (
    <>
      <PageHeader title={t('year.title')} intro={t('year.intro')} />
      {error && !data ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : (
        <Widget title={t('year.calendarTitle', { year })}>
          <Stack gap="md">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Button
                variant="default"
                size="sm"
                onClick={() => setYear(year - 1)}
                disabled={year <= years[years.length - 1]!}
                aria-label={t('year.previous')}
              >
                ‹
              </Button>
              <NativeSelect
                label={t('year.select')}
                value={String(year)}
                onChange={(event) => setYear(Number(event.currentTarget.value))}
                data={years.map(String)}
                w={120}
              />
              <Button
                variant="default"
                size="sm"
                onClick={() => setYear(year + 1)}
                disabled={year >= currentYear}
                aria-label={t('year.next')}
              >
                ›
              </Button>
            </Group>
            <Text role="status" aria-live="polite" data-testid="year-summary">
              {absence.fullDays + absence.partialDays === 0
                ? t('year.none', { year })
                : t('year.summary', { year, full: absence.fullDays, partial: absence.partialDays })}
            </Text>
            <Legend />
            <YearCalendar year={year} absence={absence} />
          </Stack>
        </Widget>
      )}
    </>
  );
}
