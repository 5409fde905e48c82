import { useQuery } from '@apollo/client/react';
import {
  ErrorPanel,
  LoadingState,
  PageHeader,
  SimpleGrid,
  Stack,
  Text,
  useDocumentTitle,
  useFormat,
  Widget,
} from '@poortwachter/ui';
import { AccessLog } from '../features/my-details/AccessLog';
import { ContactDetailsForm } from '../features/my-details/ContactDetailsForm';
import { CorrectionRequests } from '../features/my-details/CorrectionRequests';
import { formatAddress, MY_DETAILS, type MyDetails } from '../features/my-details/operations';
import { useMessages } from '../messages';

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useMessages();
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fw={600} m={0} style={{ overflowWrap: 'anywhere' }}>
        {value || t('details.unknown')}
      </Text>
    </div>
  );
}

function PersonalData({ person }: { person: MyDetails }) {
  const { t } = useMessages();
  const format = useFormat();
  const employment = person.currentEmployment;
  return (
    <Stack gap="md">
      <SimpleGrid
        component="dl"
        cols={{ base: 1, xs: 2 }}
        spacing="sm"
        verticalSpacing="sm"
        m={0}
        aria-label={t('details.personal')}
      >
        <Fact label={t('details.name')} value={person.fullName} />
        <Fact label={t('details.initials')} value={person.initials} />
        <Fact
          label={t('details.dateOfBirth')}
          value={person.dateOfBirth ? format.date(person.dateOfBirth) : null}
        />
        <Fact label={t('details.address')} value={formatAddress(person.address)} />
        <Fact label={t('details.email')} value={person.email} />
        <Fact label={t('details.phone')} value={person.phone} />
      </SimpleGrid>
      <Text fw={700} component="h3" size="md" m={0}>
        {t('details.employment')}
      </Text>
      {employment ? (
        <SimpleGrid
          component="dl"
          cols={{ base: 1, xs: 2 }}
          spacing="sm"
          verticalSpacing="sm"
          m={0}
          aria-label={t('details.employment')}
        >
          <Fact label={t('details.employer')} value={employment.employer.name} />
          <Fact
            label={t('details.department')}
            value={[employment.division?.name, employment.department?.name].filter(Boolean).join(' / ')}
          />
          <Fact label={t('details.jobTitle')} value={employment.jobTitle} />
          <Fact label={t('details.personnelNumber')} value={person.personnelNumber} />
          <Fact label={t('details.startDate')} value={format.date(employment.startDate)} />
          <Fact
            label={t('details.hours')}
            value={t('details.hoursPerWeek', { hours: format.number(employment.hoursPerWeek) })}
          />
        </SimpleGrid>
      ) : (
        <Text size="sm">{t('details.noEmployment')}</Text>
      )}
    </Stack>
  );
}

/** "Mijn gegevens": the personal data as the employer and arbodienst know it, contact edits, corrections, and who looked. */
export function MyDetailsRoute() {
  const { t } = useMessages();
  useDocumentTitle(t('details.title'));
  const { data, loading, error, refetch } = useQuery(MY_DETAILS);
  const person = data?.me ?? null;
  return (
    <>
      <PageHeader title={t('details.title')} intro={t('details.intro')} />
      {error && !data ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : !person ? (
        <Text>{t('noPerson')}</Text>
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Widget title={t('details.personal')}>
              <PersonalData person={person} />
            </Widget>
            <Widget title={t('details.contactTitle')} description={t('details.contactIntro')}>
              <ContactDetailsForm person={person} />
            </Widget>
          </SimpleGrid>
          <Widget title={t('corrections.title')}>
            <CorrectionRequests person={person} />
          </Widget>
          <Widget title={t('accessLog.title')} description={t('accessLog.intro')}>
            <AccessLog />
          </Widget>
        </Stack>
      )}
    </>
  );
}
