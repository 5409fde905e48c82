import {
  Alert,
  Box,
  Button,
  DataTable,
  Group,
  Stack,
  Text,
  toIsoDate,
  useEnumLabel,
  useFormat,
  type DataTableColumn,
} from '@poortwachter/ui';
import { useState } from 'react';
import { absenceSegments, caseDuration, type AbsenceSegment } from './absence';
import type { AbsenceCase, PersonAbsence } from './operations';
import { useMessages } from '../../shared/i18n';
import { buildAbsenceCardPdf } from './pdf';

const BAR_HEIGHT = 40;

/** A bar per stretch of absence, as tall as its percentage; the table above carries the same facts. */
function AbsenceTimeline({
  segments,
  from,
  to,
  label,
}: {
  segments: AbsenceSegment[];
  from: string;
  to: string;
  label: string;
}) {
  const format = useFormat();
  const { t } = useMessages();
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Math.max(Date.parse(`${to}T00:00:00Z`) - start, 86_400_000);
  const position = (iso: string) => ((Date.parse(`${iso}T00:00:00Z`) - start) / span) * 100;
  return (
    <Stack gap={4}>
      <Box
        role="img"
        aria-label={label}
        data-testid="absence-timeline"
        style={{
          position: 'relative',
          height: BAR_HEIGHT,
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 4,
          overflow: 'hidden',
        }}
      >
        {segments.map((segment) => (
          <Box
            key={`${segment.caseId}-${segment.from}`}
            title={t('absenceCard.timelineItem', {
              from: format.date(segment.from),
              to: segment.ongoing ? t('absenceCard.ongoing') : format.date(segment.to),
              percentage: format.percent(segment.absencePercentage),
            })}
            style={{
              position: 'absolute',
              bottom: 0,
              left: `${position(segment.from)}%`,
              width: `max(2px, ${position(segment.to) - position(segment.from)}%)`,
              height: `${segment.absencePercentage}%`,
              background: 'var(--mantine-color-orange-7)',
            }}
          />
        ))}
      </Box>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {format.date(from)}
        </Text>
        <Text size="xs" c="dimmed">
          {format.date(to)}
        </Text>
      </Group>
    </Stack>
  );
}

/** "Verzuimkaart": the person's absence history as a table and a timeline, exportable as PDF. */
export function AbsenceCard({ person }: { person: PersonAbsence }) {
  const { t } = useMessages();
  const format = useFormat();
  const statusLabel = useEnumLabel('common', 'sickCaseStatus');
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const today = toIsoDate(new Date());
  const cases = [...person.sickCases].sort((a, b) => b.firstSickDay.localeCompare(a.firstSickDay));
  const segments = absenceSegments(cases, today);
  const timelineFrom = segments[0]?.from ?? today;
  const caption = t('absenceCard.caption', { name: person.fullName });
  const timelineLabel = t('absenceCard.timeline', {
    from: format.date(timelineFrom),
    to: format.date(today),
  });
  const course = (c: AbsenceCase) =>
    [...c.absenceCourse]
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((p) =>
        t('absenceCard.courseItem', {
          percentage: format.percent(p.absencePercentage),
          date: format.date(p.from),
        }),
      )
      .join('; ') || '—';
  const duration = (c: AbsenceCase) => t('absenceCard.days', { count: caseDuration(c, today) });

  const columns: DataTableColumn<AbsenceCase>[] = [
    {
      key: 'firstSickDay',
      header: t('absenceCard.firstSickDay'),
      cell: (c) => format.date(c.firstSickDay),
      sortValue: (c) => c.firstSickDay,
      rowHeader: true,
    },
    {
      key: 'recoveredOn',
      header: t('absenceCard.recoveredOn'),
      cell: (c) => (c.recoveredOn ? format.date(c.recoveredOn) : t('absenceCard.ongoing')),
      sortValue: (c) => c.recoveredOn,
    },
    { key: 'status', header: t('absenceCard.status'), cell: (c) => statusLabel(c.status) },
    {
      key: 'percentage',
      header: t('absenceCard.percentage'),
      cell: (c) => format.percent(c.absencePercentage),
      align: 'right',
    },
    { key: 'course', header: t('absenceCard.course'), cell: course },
    {
      key: 'duration',
      header: t('absenceCard.duration'),
      cell: duration,
      sortValue: (c) => caseDuration(c, today),
      align: 'right',
    },
    {
      key: 'waitingPeriodEndsOn',
      header: t('absenceCard.waitingPeriodEndsOn'),
      cell: (c) => format.date(c.waitingPeriodEndsOn),
    },
  ];

  async function exportPdf() {
    setExporting(true);
    setExportFailed(false);
    try {
      const pdf = await buildAbsenceCardPdf({
        title: t('absenceCard.pdfTitle', { name: person.fullName }),
        subtitle: t('absenceCard.pdfGenerated', { date: format.date(today) }),
        head: columns.map((c) => c.header),
        body: cases.map((c) => [
          format.date(c.firstSickDay),
          c.recoveredOn ? format.date(c.recoveredOn) : t('absenceCard.ongoing'),
          statusLabel(c.status),
          format.percent(c.absencePercentage),
          course(c),
          duration(c),
          format.date(c.waitingPeriodEndsOn),
        ]),
        timeline: { from: timelineFrom, to: today, caption: timelineLabel, segments },
        fileName: `verzuimkaart-${person.fullName.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}-${today}.pdf`,
      });
      pdf.save();
    } catch {
      setExportFailed(true);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Stack gap="sm">
      {segments.length > 0 ? (
        <AbsenceTimeline segments={segments} from={timelineFrom} to={today} label={timelineLabel} />
      ) : null}
      <DataTable
        caption={caption}
        columns={columns}
        rows={cases}
        rowKey={(c) => c.id}
        initialSort={{ key: 'firstSickDay', direction: 'descending' }}
        rowTone={(c) => (c.status === 'OPEN' ? 'highlight' : undefined)}
        emptyText={t('absenceCard.empty')}
      />
      {exportFailed ? (
        <Alert color="red" variant="light" role="alert">
          {t('absenceCard.pdfFailed')}
        </Alert>
      ) : null}
      <Group>
        <Button
          variant="default"
          onClick={() => void exportPdf()}
          loading={exporting}
          disabled={cases.length === 0}
        >
          {t('absenceCard.exportPdf')}
        </Button>
      </Group>
    </Stack>
  );
}
