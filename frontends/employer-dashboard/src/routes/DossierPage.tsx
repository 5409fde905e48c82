import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  DataTable,
  ErrorPanel,
  Link,
  LoadingState,
  PageHeader,
  Stack,
  toIsoDate,
  useDocumentTitle,
  useEnumLabel,
  useFormat,
  useParams,
  useT,
  VisuallyHidden,
  Widget,
  type DataTableColumn,
} from '@poortwachter/ui';
import { useState } from 'react';
import { openSickCase } from '../features/sick-report/absence';
import { AbsenceCard } from '../features/sick-report/AbsenceCard';
import { AddActivityDialog } from '../features/action-list/AddActivityDialog';
import { isOverdue, type ActivityDetail } from '../features/action-list/operations';
import { PERSON_DOSSIER } from '../features/dossier/operations';
import { HandleActivityDialog } from '../features/action-list/HandleActivityDialog';
import { useMessages } from '../shared/i18n';
import { SickReportDialog } from '../features/sick-report/SickReportDialog';
import { DocumentsSection } from '../features/dossier/DocumentsSection';
import { CorrectionRequestsWidget } from '../features/dossier/CorrectionRequestsWidget';
import { useViewerRole, type ViewerRole } from '../shared/viewer';

/** Roles that handle an employee's correction requests (the API refuses the others). */
const CORRECTION_REVIEWERS: readonly ViewerRole[] = ['EMPLOYER', 'CASE_MANAGER', 'ADMIN'];

/**
 * A person's dossier as the employer sees it: the absence card, the activities (openable to handle
 * them), the documents and notes of an absence period, and the employee's correction requests.
 */
export function DossierPage({ basePath }: { basePath: string }) {
  const { t } = useMessages();
  const common = useT();
  const format = useFormat();
  const roleLabel = useEnumLabel('employerDashboard', 'activityRole');
  const statusLabel = useEnumLabel('employerDashboard', 'activityStatus');
  const { personId = '' } = useParams();
  const { role } = useViewerRole();
  const { data, loading, error, refetch } = useQuery(PERSON_DOSSIER, { variables: { id: personId } });
  const person = data?.person ?? null;
  const [reporting, setReporting] = useState(false);
  const [selected, setSelected] = useState<ActivityDetail | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(person ? t('dossier.title', { name: person.fullName }) : t('persons.title'));
  const today = toIsoDate(new Date());
  const back = (
    <Anchor component={Link} to={basePath}>
      {t('dossier.back')}
    </Anchor>
  );

  if (error) return <ErrorPanel error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  if (!person)
    return (
      <Stack>
        <ErrorPanel message={t('dossier.notFound')} />
        {back}
      </Stack>
    );

  const columns: DataTableColumn<ActivityDetail>[] = [
    {
      key: 'open',
      header: t('sickReport.actions'),
      cell: (a) =>
        a.status === 'OPEN' ? (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setSelected(a)}
            leftSection={<span aria-hidden="true">✎</span>}
          >
            {t('handle.open')}
            <VisuallyHidden>
              : {t('handle.openFor', { title: a.title, name: person.fullName })}
            </VisuallyHidden>
          </Button>
        ) : null,
    },
    {
      key: 'title',
      header: t('actionList.activity'),
      cell: (a) => a.title,
      sortValue: (a) => a.title,
      rowHeader: true,
    },
    {
      key: 'role',
      header: t('actionList.role'),
      cell: (a) => roleLabel(a.role),
      sortValue: (a) => roleLabel(a.role),
    },
    {
      key: 'signalDate',
      header: t('actionList.signalDate'),
      cell: (a) => format.date(a.signalDate),
      sortValue: (a) => a.signalDate,
    },
    {
      key: 'deadline',
      header: t('actionList.deadline'),
      cell: (a) => format.date(a.deadline),
      sortValue: (a) => a.deadline,
    },
    {
      key: 'status',
      header: t('actionList.status'),
      cell: (a) => statusLabel(a.status),
      sortValue: (a) => statusLabel(a.status),
    },
    { key: 'conclusion', header: t('handle.conclusion'), cell: (a) => a.conclusion ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('dossier.title', { name: person.fullName })}
        intro={back}
        actions={<Button onClick={() => setReporting(true)}>{t('dossier.reportSick')}</Button>}
      />
      <Stack gap="lg">
        <Widget title={t('absenceCard.title')}>
          <AbsenceCard person={person} />
        </Widget>
        <Widget
          title={t('dossier.activities')}
          onRefresh={() => void refetch()}
          refreshing={loading}
          actions={
            <Button size="xs" onClick={() => setAdding(true)}>
              {t('addActivity.open')}
            </Button>
          }
        >
          {notice ? (
            <Alert
              color="green"
              variant="light"
              role="status"
              withCloseButton
              onClose={() => setNotice(null)}
              closeButtonLabel={common('close')}
            >
              {notice}
            </Alert>
          ) : null}
          {person.activities === null ? (
            <ErrorPanel onRetry={() => void refetch()} />
          ) : (
            <DataTable
              caption={t('dossier.activitiesCaption', { name: person.fullName })}
              captionHidden
              columns={columns}
              rows={person.activities}
              rowKey={(a) => a.id}
              initialSort={{ key: 'deadline', direction: 'ascending' }}
              rowTone={(a) => (isOverdue(a, today) ? 'danger' : undefined)}
              emptyText={t('dossier.activitiesEmpty')}
              pageSizeOptions={[10, 25, 50]}
            />
          )}
        </Widget>
        <DocumentsSection sickCases={person.sickCases} role={role} />
        {role && CORRECTION_REVIEWERS.includes(role) ? (
          <CorrectionRequestsWidget personId={person.id} />
        ) : null}
      </Stack>
      {reporting ? (
        <SickReportDialog
          personId={person.id}
          personName={person.fullName}
          opened
          onClose={() => setReporting(false)}
        />
      ) : null}
      <HandleActivityDialog
        activity={selected}
        onClose={() => setSelected(null)}
        onHandled={() => setNotice(t('handle.success'))}
      />
      {adding ? (
        <AddActivityDialog
          personId={person.id}
          personName={person.fullName}
          openCase={openSickCase(person.sickCases)}
          opened
          onClose={() => setAdding(false)}
          onAdded={(activity) => setNotice(t('addActivity.success', { title: activity.title }))}
        />
      ) : null}
    </>
  );
}
