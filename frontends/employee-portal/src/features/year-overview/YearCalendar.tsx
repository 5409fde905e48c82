import { Box, Group, SimpleGrid, Text, useLocale, VisuallyHidden } from '@poortwachter/ui';
import { useMemo } from 'react';
import { useMessages } from '../../messages';
import { yearGrid, type AbsenceDay, type YearAbsence } from './absenceDays';

const FULL_STYLE = { background: '#154273', color: '#ffffff' } as const;
// Stripes, not only a lighter colour: partial absence must be told apart without colour vision.
const PARTIAL_STYLE = {
  background: 'repeating-linear-gradient(135deg, #8fd5cd 0 4px, #ffffff 4px 8px)',
  color: '#0b2545',
  outline: '1px solid #1d7a70',
  outlineOffset: -1,
} as const;

function dayStyle(absence: AbsenceDay | undefined) {
  if (!absence) return undefined;
  return absence.kind === 'full' ? FULL_STYLE : PARTIAL_STYLE;
}

export function Legend() {
  const { t } = useMessages();
  return (
    <Group
      gap="lg"
      wrap="wrap"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('year.legend')}
    >
      <Group component="li" gap={6} wrap="nowrap">
        <Box
          w={22}
          h={22}
          style={{ ...FULL_STYLE, borderRadius: 3, fontSize: 11, textAlign: 'center', lineHeight: '22px' }}
          aria-hidden="true"
        ></Box>
        <Text size="sm">{t('year.full')}</Text>
      </Group>
      <Group component="li" gap={6} wrap="nowrap">
        <Box
          w={22}
          h={22}
          style={{ ...PARTIAL_STYLE, borderRadius: 3, fontSize: 11, textAlign: 'center', lineHeight: '22px' }}
          aria-hidden="true"
        ></Box>
        <Text size="sm">{t('year.partial')}</Text>
      </Group>
    </Group>
  );
}

/**
 * Twelve month tables of a year, absence days shaded: solid for full absence, striped for partial;
 * each absent day also carries a marker symbol and a spoken description.
 */
export function YearCalendar({ year, absence }: { year: number; absence: YearAbsence }) {
  const { t } = useMessages();
  const { locale } = useLocale();
  const tag = locale === 'en' ? 'en-GB' : 'nl-NL';
  const months = useMemo(() => yearGrid(year), [year]);
  const monthName = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' });
  const weekdayLong = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="md" data-testid="year-calendar">
      {months.map(({ month, weeks }) => (
        <table
          key={month}
          className="pw-year-month"
          style={{ borderCollapse: 'separate', borderSpacing: 2, width: '100%', tableLayout: 'fixed' }}
        >
          <caption
            style={{ textAlign: 'left', fontWeight: 700, paddingBottom: 4, textTransform: 'capitalize' }}
          >
            {monthName.format(new Date(Date.UTC(year, month, 1)))} {year}
          </caption>
          <thead>
            <tr>
              {weekdays.map((day) => (
                <th
                  key={day.getUTCDay()}
                  scope="col"
                  abbr={weekdayLong.format(day)}
                  style={{ fontSize: 12, fontWeight: 600, color: '#495057' }}
                >
                  {weekday.format(day).replace('.', '')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, index) => (
              <tr key={index}>
                {week.map((date, column) =>
                  date ? (
                    <td
                      key={date}
                      data-date={date}
                      data-absence={absence.days.get(date)?.kind ?? undefined}
                      style={{
                        textAlign: 'center',
                        fontSize: 13,
                        padding: '3px 0',
                        borderRadius: 3,
                        ...dayStyle(absence.days.get(date)),
                      }}
                    >
                      {Number(date.slice(8))}
                      {absence.days.has(date) ? (
                        <VisuallyHidden component="span">
                          {' '}
                          {absence.days.get(date)!.kind === 'full'
                            ? t('year.fullDay')
                            : t('year.partialDay', { percentage: absence.days.get(date)!.percentage })}
                        </VisuallyHidden>
                      ) : null}
                    </td>
                  ) : (
                    <td key={`empty-${column}`} aria-hidden="true" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </SimpleGrid>
  );
}
