import { parseDate, Stack, StepChart, Table, Text, toIsoDate, useFormat } from '@poortwachter/ui';
import { useMessages } from '../../messages';
import { coursePoints, coursePeriods } from './course';
import type { DossierCase } from './operations';

/** "Verzuimverloop": the absence percentage over time, as a table (the source) and a chart. */
export function CourseTab({
  sickCase,
  today = toIsoDate(new Date()),
}: {
  sickCase: DossierCase;
  today?: string;
}) {
  const { t } = useMessages();
  const format = useFormat();
  const points = coursePoints(sickCase);
  const periods = coursePeriods(sickCase);
  // The chart runs until recovery or today, so the last step has a visible length.
  const end =
    sickCase.recoveredOn ??
    (today > points[points.length - 1]!.from ? today : points[points.length - 1]!.from);
  const chartPoints = [...points.map((p) => ({ x: parseDate(p.from).getTime(), y: p.absencePercentage }))];
  if (!sickCase.recoveredOn)
    chartPoints.push({ x: parseDate(end).getTime(), y: points[points.length - 1]!.absencePercentage });
  return (
    <Stack gap="lg">
      <Table className="pw-table" verticalSpacing={4} maw={560}>
        <caption>{t('course.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('course.from')}</Table.Th>
            <Table.Th scope="col">{t('course.to')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('course.percentage')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((period) => (
            <Table.Tr key={period.from}>
              <Table.Td>{format.date(period.from)}</Table.Td>
              <Table.Td>{period.to ? format.date(period.to) : t('course.ongoing')}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{format.percent(period.absencePercentage)}</Table.Td>
            </Table.Tr>
          ))}
          {sickCase.recoveredOn ? (
            <Table.Tr>
              <Table.Td>{format.date(sickCase.recoveredOn)}</Table.Td>
              <Table.Td>{t('course.recovered')}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{format.percent(0)}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
      <div>
        <Text size="sm" fw={700} mb="xs" aria-hidden="true">
          {t('course.chartTitle')}
        </Text>
        <StepChart
          points={chartPoints}
          label={t('course.chartLabel', {
            from: format.date(sickCase.firstSickDay),
            to: sickCase.recoveredOn ? format.date(sickCase.recoveredOn) : format.date(end),
            count: periods.length,
          })}
          formatX={(x) => format.date(new Date(x))}
          formatY={(y) => format.percent(y)}
          yMax={100}
        />
      </div>
    </Stack>
  );
}
