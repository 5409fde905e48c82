import { Anchor, Badge, Group, Paper, Stack, Text, useEnumLabel, useFormat, useT } from '@poortwachter/ui';
import { IcsButton } from './IcsButton';
import type { OwnAppointment } from './operations';

/** One appointment as a card: when, what, with whom, and where (place or video link). */
export function AppointmentCard({ appointment }: { appointment: OwnAppointment }) {
  const t = useT('employeePortal');
  const format = useFormat();
  const roleLabel = useEnumLabel('common', 'role');
  const statusLabel = useEnumLabel('common', 'appointmentStatus');
  const cancelled = appointment.status === 'CANCELLED';
  return (
    <Paper
      component="article"
      withBorder
      radius="sm"
      p="sm"
      aria-label={`${appointment.kind}, ${format.dateLong(appointment.startsAt)}`}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} td={cancelled ? 'line-through' : undefined}>
            {format.dateLong(appointment.startsAt)}, {format.time(appointment.startsAt)}–
            {format.time(appointment.endsAt)}
          </Text>
          <Badge variant="light" color={cancelled ? 'red' : 'pwTeal'}>
            {statusLabel(appointment.status)}
          </Badge>
        </Group>
        <Text size="sm">{appointment.kind}</Text>
        <Text size="sm">
          {t('appointments.with', {
            name: appointment.professionalName,
            role: roleLabel(appointment.professionalRole).toLowerCase(),
          })}
        </Text>
        {appointment.videoUrl ? (
          <Text size="sm">
            {t('appointments.video')}:{' '}
            <Anchor href={appointment.videoUrl} target="_blank" rel="noopener noreferrer">
              {t('appointments.joinVideo')}
            </Anchor>
          </Text>
        ) : appointment.location ? (
          <Text size="sm">
            {t('appointments.location')}: {appointment.location}
          </Text>
        ) : null}
        {cancelled ? null : (
          <Group gap="xs">
            <IcsButton appointment={appointment} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
