import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  ErrorPanel,
  Group,
  Link,
  LoadingState,
  PageHeader,
  Stack,
  Tabs,
  Text,
  useDocumentTitle,
  useEnumLabel,
  useFormat,
  useNavigate,
  useParams,
} from '@poortwachter/ui';
import { CourseTab } from '../features/dossiers/CourseTab';
import { DocumentsTab } from '../features/dossiers/DocumentsTab';
import { DOSSIER } from '../features/dossiers/operations';
import { UploadTab } from '../features/dossiers/UploadTab';
import { useMessages } from '../messages';
import { usePaths, type DossierTab } from '../paths';

const TABS: readonly DossierTab[] = ['documenten', 'verzuimverloop', 'upload'];

/** One dossier with the manual's tabs; "Documenten en Notities" opens first. */
export function DossierRoute() {
  const { t, failure } = useMessages();
  const format = useFormat();
  const paths = usePaths();
  const navigate = useNavigate();
  const statusLabel = useEnumLabel('common', 'sickCaseStatus');
  const params = useParams();
  const caseId = params.caseId ?? '';
  const requested = (params['*'] ?? '').replace(/\/$/, '');
  const tab: DossierTab = (TABS as readonly string[]).includes(requested)
    ? (requested as DossierTab)
    : 'documenten';
  const { data, loading, error, refetch } = useQuery(DOSSIER, { variables: { id: caseId } });
  const sickCase = data?.sickCase ?? null;
  const title = sickCase
    ? t('dossier.title', { date: format.date(sickCase.firstSickDay) })
    : t('dossier.titlePlain');
  useDocumentTitle(title);

  const back = (
    <Anchor component={Link} to={paths.dossiers} size="sm">
      {t('dossier.back')}
    </Anchor>
  );
  if (error && !sickCase) {
    return (
      <>
        <PageHeader title={t('dossier.titlePlain')} />
        <Stack gap="md">
          <ErrorPanel error={error} message={failure(error)} onRetry={() => void refetch()} />
          {back}
        </Stack>
      </>
    );
  }
  if (loading && !sickCase) return <LoadingState />;
  if (!sickCase) {
    return (
      <>
        <PageHeader title={t('dossier.titlePlain')} />
        <Text>{t('errors.SICK_CASE_NOT_FOUND')}</Text>
        {back}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={title}
        intro={
          <Group gap="xs" component="span">
            <Badge color={sickCase.status === 'OPEN' ? 'pwTeal' : 'gray'} variant="filled" component="span">
              {statusLabel(sickCase.status)}
            </Badge>
            <span>
              {sickCase.recoveredOn
                ? t('dossier.recoveredIntro', { date: format.date(sickCase.recoveredOn) })
                : t('dossier.openIntro', { percentage: format.percent(sickCase.absencePercentage) })}
            </span>
          </Group>
        }
      />
      <Stack gap="md">
        {back}
        <Tabs
          value={tab}
          onChange={(value) => value && void navigate(paths.dossier(caseId, value as DossierTab))}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('dossier.tabs')} style={{ flexWrap: 'wrap' }}>
            <Tabs.Tab value="documenten">{t('dossier.tabDocuments')}</Tabs.Tab>
            <Tabs.Tab value="verzuimverloop">{t('dossier.tabCourse')}</Tabs.Tab>
            <Tabs.Tab value="upload">{t('dossier.tabUpload')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="documenten" pt="md">
            <DocumentsTab sickCase={sickCase} />
          </Tabs.Panel>
          <Tabs.Panel value="verzuimverloop" pt="md">
            <CourseTab sickCase={sickCase} />
          </Tabs.Panel>
          <Tabs.Panel value="upload" pt="md">
            <UploadTab sickCaseId={sickCase.id} onUploaded={() => void refetch()} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
