import { SimpleGrid, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useFormat } from '../format';
import { useT } from '../i18n';
import { LoadingState } from './LoadingState';

export const DURATION_CLASSES = ['SHORT', 'MEDIUM', 'LONG', 'EXTRA_LONG'] as const;
export type DurationClass = (typeof DURATION_CLASSES)[number];

export interface DurationClassDatum {
  durationClass: DurationClass;
  count: number;
  /** 0–1. */
  share: number;
}

/** Slice colours: distinct in hue and lightness, so the chart also reads in greyscale. */
export const DURATION_CLASS_COLORS: Record<DurationClass, string> = {
  SHORT: '#8fd5cd',
  MEDIUM: '#4b93c6',
  LONG: '#154273',
  EXTRA_LONG: '#d4730a',
};

// chart.js is about 70 KB: only load it where a chart is shown, never in a shell's first load.
const DurationClassPie = lazy(() => import('./DurationClassPie'));

/**
 * Pie chart of open absence by duration class, with a data table that doubles as legend and as the
 * text alternative of the canvas.
 */
export function DurationClassChart({ data, caption }: { data: readonly DurationClassDatum[]; caption: string }) {
  const t = useT();
  const format = useFormat();
  const ordered = DURATION_CLASSES.map(
    (durationClass) => data.find((d) => d.durationClass === durationClass) ?? { durationClass, count: 0, share: 0 },
  );
  const total = ordered.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('chart.empty')}
      </Text>
    );
  }
  const slices = ordered.map((d) => ({ label: t(`durationClass.${d.durationClass}`), value: d.count, color: DURATION_CLASS_COLORS[d.durationClass] }));
  return (
    // One column: the widget is often half a page wide, whatever the viewport, and the legend table
    // needs the full width of its card.
    <SimpleGrid cols={1} spacing="md">
      <Suspense fallback={<LoadingState />}>
        <DurationClassPie slices={slices} label={t('chart.summary', { total })} />
      </Suspense>
      <Table className="pw-table" verticalSpacing={6}>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('chart.durationClass')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('chart.count')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('chart.share')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((d) => (
            <Table.Tr key={d.durationClass}>
              <Table.Th scope="row" style={{ fontWeight: 400 }}>
                <span className="pw-swatch" style={{ background: DURATION_CLASS_COLORS[d.durationClass] }} aria-hidden="true" />
                {t(`durationClass.${d.durationClass}`)}
              </Table.Th>
              <Table.Td style={{ textAlign: 'right' }}>{format.number(d.count)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{format.share(total ? d.count / total : 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('chart.total')}</Table.Th>
            <Table.Td style={{ textAlign: 'right', fontWeight: 700 }}>{format.number(total)}</Table.Td>
            <Table.Td style={{ textAlign: 'right', fontWeight: 700 }}>{format.share(1)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </SimpleGrid>
  );
}
