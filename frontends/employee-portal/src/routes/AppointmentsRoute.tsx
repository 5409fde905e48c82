import { useQuery } from '@apollo/client/react';
import {
  DataTable,
  ErrorPanel,
  LoadingState,
  PageHeader,
  Stack,
  Text,
  useDocumentTitle,
  useEnumLabel,
  useFormat,
  useT,
  Widget,
  type DataTableColumn,
} from '@poortwachter/ui';
import { AppointmentCard } from '../features/appointments/AppointmentCard';
import { IcsButton } from '../features/appointments/IcsButton';
import { MY_APPOINTMENTS, splitAppointments, type OwnAppointment } from '../features/appointments/operations';

/** "Afspraken" → "Externe afspraken": the employee's appointments with the arbodienst, each downloadable as .ics. */
export function AppointmentsRoute() {
  const t = useT('employeePortal');
  const format = useFormat();
  const roleLabel = useEnumLabel('common', 'role');
  const statusLabel = useEnumLabel('common', 'appointmentStatus');
  useDocumentTitle(t('appointmentsPage.title'));
  const { data, loading, error, refetch } = useQuery(MY_APPOINTMENTS);
  const { upcoming, past } = splitAppointments(data?.myAppointments ?? []);

  const columns: DataTableColumn<OwnAppointment>[] = [
    {
      key: 'startsAt',
      header: t('appointments.when'),
      cell: (a) => format.dateTime(a.startsAt),
      sortValue: (a) => a.startsAt,
      rowHeader: true,
    },
    { key: 'kind', header: t('appointments.kind'), cell: (a) => a.kind, sortValue: (a) => a.kind },
    {
      key: 'professional',
      header: t('appointments.with', { name: '', role: '' }).replace(/[ ,]+$/, ''),
      cell: (a) => `${a.professionalName} (${roleLabel(a.professionalRole).toLowerCase()})`,
      sortValue: (a) => a.professionalName,
    },
    {
      key: 'status',
      header: t('appointments.status'),
      cell: (a) => statusLabel(a.status),
      sortValue: (a) => statusLabel(a.status),
    },
    { key: 'ics', header: t('ics.column'), cell: (a) => <IcsButton appointment={a} /> },
  ];

  return (
    <>
      <PageHeader title={t('appointmentsPage.title')} intro={t('appointmentsPage.intro')} />
      {error ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : (
        <Stack gap="lg">
          <Widget
            title={t('appointmentsPage.upcoming')}
            onRefresh={() => void refetch()}
            refreshing={loading}
          >
            {upcoming.length === 0 ? (
              <Text size="sm">{t('appointments.empty')}</Text>
            ) : (
              <Stack gap="sm">
                {upcoming.map((appointment) => (
                  <AppointmentCard key={appointment.id} appointment={appointment} />
                ))}
              </Stack>
            )}
          </Widget>
          <Widget title={t('appointmentsPage.past')}>
            <DataTable
              caption={t('appointmentsPage.caption')}
              captionHidden
              columns={columns}
              rows={past}
              rowKey={(a) => a.id}
              emptyText={t('appointmentsPage.pastEmpty')}
              pageSizeOptions={[10, 25, 50]}
            />
          </Widget>
        </Stack>
      )}
    </>
  );
}
