import { Badge, Text, useFormat, useT } from '@poortwachter/ui';
import { openCase, type PersonRow } from './operations';

/** "Ziek sinds …" for a person with an open sick case, "Niet ziek" otherwise. */
export function AbsenceStatus({ person }: { person: PersonRow }) {
  const t = useT('employerDashboard');
  const format = useFormat();
  const open = openCase(person);
  return open ? (
    <Badge color="orange" variant="light">
      {t('persons.sickSince', { date: format.date(open.firstSickDay) })}
    </Badge>
  ) : (
    <Text size="sm" c="dimmed" component="span">
      {t('persons.notSick')}
    </Text>
  );
}
