import {
  Anchor,
  Link,
  PageHeader,
  SimpleGrid,
  Stack,
  Text,
  useDocumentTitle,
  useT,
  Widget,
} from '@poortwachter/ui';
import { ActionListWidget } from '../features/action-list/ActionListWidget';
import { OpenAbsenceWidget } from '../features/analysis/OpenAbsenceWidget';
import { SickReportWidget } from '../features/sick-report/SickReportWidget';
import { useViewerRole, type ViewerRole } from '../shared/viewer';

/** Who reports sickness: the employer, the casemanager on its behalf, and the administrator (as dossier allows). */
const REPORTING_ROLES: readonly ViewerRole[] = ['EMPLOYER', 'CASE_MANAGER', 'ADMIN'];
/** Absence statistics are the employer's management information (reporting serves them to these roles). */
const STATISTICS_ROLES: readonly ViewerRole[] = ['EMPLOYER', 'ADMIN'];

/**
 * "Mijn Dashboard": the action list of the user's own role, sick reporting for the roles that
 * report, and the analysis of open absence for the employer, each failing on its own. Until the role is known the
 * employer's dashboard shows (the API refuses whatever the role may not do).
 */
export function DashboardPage() {
  const t = useT('employerDashboard');
  useDocumentTitle(t('title'));
  const { role } = useViewerRole();
  const reports = role === null || REPORTING_ROLES.includes(role);
  const statistics = role === null || STATISTICS_ROLES.includes(role);
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack gap="lg">
        <ActionListWidget role={role} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {reports ? <SickReportWidget /> : null}
          {statistics ? <OpenAbsenceWidget /> : null}
          {role === 'ADMIN' ? (
            <Widget title={t('protocol.title')} description={t('protocol.widgetDescription')}>
              <Text size="sm">
                <Anchor component={Link} to="beheer/protocol">
                  {t('protocol.manage')}
                </Anchor>
              </Text>
            </Widget>
          ) : null}
        </SimpleGrid>
      </Stack>
    </>
  );
}
