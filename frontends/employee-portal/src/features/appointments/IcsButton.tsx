import { Button, Text, useEnumLabel, useFormat } from '@poortwachter/ui';
import { useState } from 'react';
import { useMessages } from '../../messages';
import { saveBlob } from '../files/download';
import type { OwnAppointment } from './operations';

/** "In agenda zetten": the appointment as an .ics file for the employee's own calendar. */
export function IcsButton({ appointment }: { appointment: OwnAppointment }) {
  const { t } = useMessages();
  const format = useFormat();
  const roleLabel = useEnumLabel('common', 'role');
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setFailed(false);
    try {
      // The generator (with its validation library) is loaded on first use only.
      const { appointmentIcs, icsFileName } = await import('./ics');
      const role = roleLabel(appointment.professionalRole).toLowerCase();
      const text = appointmentIcs(appointment, {
        title: t('ics.title', { kind: appointment.kind, name: appointment.professionalName }),
        description: [
          t('appointments.with', { name: appointment.professionalName, role }),
          appointment.videoUrl ? `${t('appointments.video')}: ${appointment.videoUrl}` : null,
          appointment.location ? `${t('appointments.location')}: ${appointment.location}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
      });
      saveBlob(
        new Blob([text], { type: 'text/calendar;charset=utf-8' }),
        icsFileName(t('ics.filePrefix'), appointment),
      );
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <Button
        size="xs"
        variant="light"
        onClick={() => void download()}
        aria-label={t('ics.downloadNamed', {
          when: `${format.dateLong(appointment.startsAt)} ${format.time(appointment.startsAt)}`,
        })}
      >
        {t('ics.download')}
      </Button>
      {failed ? (
        <Text size="sm" c="red.8" role="alert">
          {t('ics.failed')}
        </Text>
      ) : null}
    </>
  );
}
