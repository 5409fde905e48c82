import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  DataTable,
  daysBetween,
  ErrorPanel,
  Group,
  Link,
  LoadingState,
  PageHeader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  toIsoDate,
  useDocumentTitle,
  useEnumLabel,
  useFormat,
  useT,
  Widget,
  type DataTableColumn,
} from '@poortwachter/ui';
import { AppointmentCard } from './AppointmentCard';
import { currentCase, MY_ABSENCE, MY_APPOINTMENTS, splitAppointments, type OwnSickCase } from './graphql';
import { under } from './paths';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={700} m={0}>
        {value}
      </Text>
    </div>
  );
}

function CurrentCase({ sickCase }: { sickCase: OwnSickCase | null }) {
  const t = useT('employeePortal');
  const format = useFormat();
  const statusLabel = useEnumLabel('common', 'sickCaseStatus');
  if (!sickCase) return <Text>{t('current.none')}</Text>;
  const days = daysBetween(sickCase.firstSickDay, toIsoDate(new Date())) + 1;
  return (
    <Stack gap="md" data-testid="current-case">
      <Group gap="xs">
        <Badge color="pwTeal" variant="filled">
          {statusLabel(sickCase.status)}
        </Badge>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm" m={0}>
        <Fact label={t('current.firstSickDay')} value={format.date(sickCase.firstSickDay)} />
        <Fact label={t('current.absencePercentage')} value={format.percent(sickCase.absencePercentage)} />
        <Fact label={t('current.duration')} value={t('current.days', { count: days })} />
        <Fact label={t('current.waitingPeriodEndsOn')} value={format.date(sickCase.waitingPeriodEndsOn)} />
      </SimpleGrid>
      {sickCase.absenceCourse.length > 0 ? (
        <Table className="pw-table" verticalSpacing={4} maw={420}>
          <caption>{t('current.courseTitle')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('current.courseFrom')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('current.coursePercentage')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...sickCase.absenceCourse]
              .sort((a, b) => a.from.localeCompare(b.from))
              .map((point) => (
                <Table.Tr key={point.from}>
                  <Table.Td>{format.date(point.from)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{format.percent(point.absencePercentage)}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

function UpcomingAppointments({ basePath }: { basePath: string }) {
  const t = useT('employeePortal');
  const { data, loading, error, refetch } = useQuery(MY_APPOINTMENTS);
  const upcoming = data ? splitAppointments(data.myAppointments).upcoming.slice(0, 3) : [];
  return (
    <Widget title={t('appointments.title')} onRefresh={() => void refetch()} refreshing={loading && !!data}>
      {error ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : upcoming.length === 0 ? (
        <Text size="sm">{t('appointments.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {upcoming.map((appointment) => (
            <AppointmentCard key={appointment.id} appointment={appointment} />
          ))}
        </Stack>
      )}
      <Anchor component={Link} to={under(basePath, 'afspraken')} size="sm">
        {t('appointments.all')}
      </Anchor>
    </Widget>
  );
}

/** "Mijn verzuim": the employee's current file, all files, and the next appointments. */
export function MyAbsencePage({ basePath }: { basePath: string }) {
  const t = useT('employeePortal');
  const format = useFormat();
  const statusLabel = useEnumLabel('common', 'sickCaseStatus');
  useDocumentTitle(t('title'));
  const { data, loading, error, refetch } = useQuery(MY_ABSENCE);
  const cases = data?.me?.sickCases ?? [];
  const current = currentCase(cases);

  const columns: DataTableColumn<OwnSickCase>[] = [
    {
      key: 'firstSickDay',
      header: t('cases.firstSickDay'),
      cell: (c) => (
        <>
          {format.date(c.firstSickDay)}
          {c.id === current?.id ? (
            <Badge ml="xs" size="sm" color="pwTeal" variant="light">
              {t('cases.current')}
            </Badge>
          ) : null}
        </>
      ),
      sortValue: (c) => c.firstSickDay,
      rowHeader: true,
    },
    { key: 'status', header: t('cases.status'), cell: (c) => statusLabel(c.status), sortValue: (c) => statusLabel(c.status) },
    { key: 'absencePercentage', header: t('cases.absencePercentage'), cell: (c) => format.percent(c.absencePercentage), sortValue: (c) => c.absencePercentage, align: 'right' },
    { key: 'recoveredOn', header: t('cases.recoveredOn'), cell: (c) => format.date(c.recoveredOn), sortValue: (c) => c.recoveredOn },
    { key: 'waitingPeriodEndsOn', header: t('cases.waitingPeriodEndsOn'), cell: (c) => format.date(c.waitingPeriodEndsOn), sortValue: (c) => c.waitingPeriodEndsOn },
  ];

  return (
    <>
      <PageHeader title={t('title')} intro={data?.me ? `${data.me.fullName}. ${t('intro')}` : t('intro')} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Widget title={t('current.title')} onRefresh={() => void refetch()} refreshing={loading && !!data}>
            {error ? (
              <ErrorPanel error={error} onRetry={() => void refetch()} />
            ) : loading && !data ? (
              <LoadingState />
            ) : !data?.me ? (
              <Text>{t('noPerson')}</Text>
            ) : (
              <CurrentCase sickCase={current} />
            )}
          </Widget>
          <UpcomingAppointments basePath={basePath} />
        </SimpleGrid>
        {data?.me ? (
          <Widget title={t('cases.title')}>
            <DataTable
              caption={t('cases.caption')}
              columns={columns}
              rows={cases}
              rowKey={(c) => c.id}
              initialSort={{ key: 'firstSickDay', direction: 'descending' }}
              rowTone={(c) => (c.id === current?.id ? 'highlight' : undefined)}
              emptyText={t('cases.empty')}
            />
          </Widget>
        ) : null}
      </Stack>
    </>
  );
}
