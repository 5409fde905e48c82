import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  ErrorPanel,
  Group,
  LoadingState,
  PageHeader,
  Paper,
  Stack,
  Text,
  Title,
  toIsoDate,
  useDocumentTitle,
  useEnumLabel,
  useFormat,
  useSearchParams,
  useT,
  Widget,
} from '@poortwachter/ui';
import { APPOINTMENTS, type AgendaAppointment } from './graphql';
import { addDays, daysOfWeek, groupByDay, isoWeek, mondayOf, weekFromParam } from './week';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function AppointmentRow({ appointment }: { appointment: AgendaAppointment }) {
  const t = useT('agenda');
  const format = useFormat();
  const roleLabel = useEnumLabel('common', 'role');
  const statusLabel = useEnumLabel('common', 'appointmentStatus');
  const cancelled = appointment.status === 'CANCELLED';
  return (
    <Paper component="li" withBorder radius="sm" p="sm" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 14rem' }}>
          <Text fw={700} td={cancelled ? 'line-through' : undefined}>
            {t('time', { start: format.time(appointment.startsAt), end: format.time(appointment.endsAt) })} · {appointment.kind}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('person')}:{' '}
            </Text>
            {appointment.person.fullName}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('professional')}:{' '}
            </Text>
            {appointment.professionalName} ({roleLabel(appointment.professionalRole).toLowerCase()})
          </Text>
          {appointment.videoUrl ? (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('video')}:{' '}
              </Text>
              <Anchor href={appointment.videoUrl} target="_blank" rel="noopener noreferrer">
                {t('joinVideo')}
              </Anchor>
            </Text>
          ) : appointment.location ? (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('location')}:{' '}
              </Text>
              {appointment.location}
            </Text>
          ) : null}
        </Stack>
        <Badge variant="light" color={cancelled ? 'red' : 'pwTeal'}>
          {statusLabel(appointment.status)}
        </Badge>
      </Group>
    </Paper>
  );
}

/** The agenda: appointments in the caller's scope for one week, grouped by day. */
export function AgendaPage() {
  const t = useT('agenda');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const monday = weekFromParam(params.get('week'));
  const days = daysOfWeek(monday);
  const week = isoWeek(monday);
  useDocumentTitle(t('week', { week }), t('title'));
  const { data, previousData, loading, error, refetch } = useQuery(APPOINTMENTS, {
    variables: { from: monday.toISOString(), to: addDays(monday, 7).toISOString() },
  });
  const shown = data ?? previousData;
  const byDay = groupByDay(shown?.appointments ?? []);
  // Counted from what is shown: only days of this week.
  const total = days.reduce((sum, day) => sum + (byDay.get(day)?.length ?? 0), 0);
  const goTo = (date: Date) => setParams({ week: toIsoDate(mondayOf(date)) });
  const isCurrentWeek = toIsoDate(monday) === toIsoDate(mondayOf(new Date()));

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Widget
        title={`${t('week', { week })}: ${t('range', { from: format.date(days[0]!), to: format.date(days[6]!) })}`}
        description={shown ? t('count', { count: total }) : undefined}
        onRefresh={() => void refetch()}
        refreshing={loading && !!shown}
        actions={
          <Group gap="xs" role="group" aria-label={t('weekNavigation')}>
            <Button size="xs" variant="default" onClick={() => goTo(addDays(monday, -7))}>
              {t('previousWeek')}
            </Button>
            <Button size="xs" variant="default" onClick={() => goTo(new Date())} disabled={isCurrentWeek}>
              {t('thisWeek')}
            </Button>
            <Button size="xs" variant="default" onClick={() => goTo(addDays(monday, 7))}>
              {t('nextWeek')}
            </Button>
          </Group>
        }
      >
        {error ? (
          <ErrorPanel error={error} onRetry={() => void refetch()} />
        ) : loading && !shown ? (
          <LoadingState />
        ) : total === 0 ? (
          <Text size="sm">{t('empty')}</Text>
        ) : (
          <Stack gap="md">
            {days
              .filter((day) => byDay.has(day))
              .map((day) => (
                <section key={day} aria-labelledby={`day-${day}`}>
                  <Title order={3} id={`day-${day}`} mb="xs">
                    {capitalize(format.dateLong(day))}
                  </Title>
                  <Stack component="ul" gap="xs" p={0} m={0}>
                    {byDay.get(day)!.map((appointment) => (
                      <AppointmentRow key={appointment.id} appointment={appointment} />
                    ))}
                  </Stack>
                </section>
              ))}
          </Stack>
        )}
      </Widget>
    </>
  );
}
