import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  ErrorPanel,
  Group,
  Link,
  LoadingState,
  PageHeader,
  SimpleGrid,
  Stack,
  Text,
  daysBetween,
  toIsoDate,
  useDocumentTitle,
  useEnumLabel,
  useFormat,
  Widget,
} from '@poortwachter/ui';
import { AppointmentCard } from '../features/appointments/AppointmentCard';
import { MY_APPOINTMENTS, splitAppointments } from '../features/appointments/operations';
import { CaseTable } from '../features/dossiers/CaseTable';
import { currentCase, MY_ABSENCE, type OwnSickCase } from '../features/dossiers/operations';
import { MY_PENDING_SIGNATURES } from '../features/signing/operations';
import { useMessages } from '../messages';
import { usePaths } from '../paths';

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
  const { t } = useMessages();
  const format = useFormat();
  const paths = usePaths();
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
      <Group>
        <Button component={Link} to={paths.dossier(sickCase.id)}>
          {t('current.open')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The tile with the number of documents waiting for a signature (the manual's "cijfer bij het kopje"). */
function SignaturesTile() {
  const { t } = useMessages();
  const paths = usePaths();
  const { data, loading, error, refetch } = useQuery(MY_PENDING_SIGNATURES);
  const count = data?.myPendingSignatures.length ?? 0;
  return (
    <Widget
      title={t('signatures.title')}
      actions={
        data ? (
          <Badge
            size="xl"
            circle={count < 10}
            color={count > 0 ? 'orange.9' : 'gray'}
            variant="filled"
            data-testid="signature-count"
            aria-hidden="true"
          >
            {count}
          </Badge>
        ) : null
      }
    >
      {error && !data ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : (
        <Stack gap="sm">
          <Text>{count === 0 ? t('signatures.noneWaiting') : t('signatures.waiting', { count })}</Text>
          <Group>
            <Button component={Link} to={paths.signatures} variant={count > 0 ? 'filled' : 'default'}>
              {t('signatures.open')}
            </Button>
          </Group>
        </Stack>
      )}
    </Widget>
  );
}

function MyDetailsTile() {
  const { t } = useMessages();
  const paths = usePaths();
  return (
    <Widget title={t('details.title')}>
      <Stack gap="sm">
        <Text>{t('details.tile')}</Text>
        <Group>
          <Button component={Link} to={paths.myDetails} variant="default">
            {t('details.open')}
          </Button>
        </Group>
      </Stack>
    </Widget>
  );
}

function UpcomingAppointments() {
  const { t } = useMessages();
  const paths = usePaths();
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
      <Anchor component={Link} to={paths.appointments} size="sm">
        {t('appointments.all')}
      </Anchor>
    </Widget>
  );
}

/** The dashboard after login: the manual's three tiles, the next appointments and the dossier overview. */
export function DashboardRoute() {
  const { t } = useMessages();
  useDocumentTitle(t('title'));
  const { data, loading, error, refetch } = useQuery(MY_ABSENCE);
  const cases = data?.me?.sickCases ?? [];
  const current = currentCase(cases);
  return (
    <>
      <PageHeader title={t('title')} intro={data?.me ? `${data.me.fullName}. ${t('intro')}` : t('intro')} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
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
          <SignaturesTile />
          <MyDetailsTile />
        </SimpleGrid>
        <UpcomingAppointments />
        {data?.me ? (
          <Widget title={t('cases.title')}>
            <CaseTable
              cases={cases}
              caption={t('cases.caption')}
              currentId={current?.id}
              emptyText={t('cases.empty')}
            />
          </Widget>
        ) : null}
      </Stack>
    </>
  );
}
