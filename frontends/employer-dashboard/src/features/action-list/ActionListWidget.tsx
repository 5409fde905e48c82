import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  DataTable,
  ErrorPanel,
  Group,
  LoadingState,
  NativeSelect,
  TextInput,
  toIsoDate,
  useEnumLabel,
  useFormat,
  useT,
  VisuallyHidden,
  Widget,
  type DataTableColumn,
} from '@poortwachter/ui';
import { useId, useState, type FormEvent } from 'react';
import { ACTION_LIST, isOverdue, type ActionItem } from './operations';
import { HandleActivityDialog } from './HandleActivityDialog';
import { useMessages } from '../../shared/i18n';
import { MAX_DAYS_AHEAD, useDaysAhead, type SaveOutcome } from './settings';
import type { ViewerRole } from '../../shared/viewer';
import { parseWholeNumber } from '../../shared/validation';

/** "Mijn instellingen" of the action list: how many days ahead it looks. */
function DaysAheadSetting({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  const { t } = useMessages();
  const [value, setValue] = useState(String(days));
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseWholeNumber(value, 1, MAX_DAYS_AHEAD);
    if (parsed === null) {
      setError(t('validation.daysAheadRange'));
      return;
    }
    setError(undefined);
    onChange(parsed);
  }
  return (
    <form noValidate onSubmit={submit} aria-label={t('settings.title')}>
      <Group align="flex-end" gap="xs">
        <TextInput
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_DAYS_AHEAD}
          label={t('settings.daysAhead')}
          description={t('settings.daysAheadHelp')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={error}
          w={{ base: '100%', sm: 320 }}
        />
        <Button type="submit" variant="default">
          {t('handle.submit')}
        </Button>
      </Group>
    </form>
  );
}

/** Whose list it is: the API returns the caller's own role's activities (all roles for the administrator). */
const LIST_KIND: Partial<Record<ViewerRole, 'WG' | 'BA' | 'CM' | 'ALL'>> = {
  EMPLOYER: 'WG',
  OCCUPATIONAL_PHYSICIAN: 'BA',
  CASE_MANAGER: 'CM',
  ADMIN: 'ALL',
};

/**
 * "Actielijst": open activities up to N days ahead, overdue first and highlighted, each openable to
 * handle it. The employer sees WG activities, the bedrijfsarts BA and the casemanager CM ones.
 */
export function ActionListWidget({ role = null }: { role?: ViewerRole | null }) {
  const { t } = useMessages();
  const common = useT();
  const format = useFormat();
  const roleLabel = useEnumLabel('employerDashboard', 'activityRole');
  const kindLabel = useEnumLabel('employerDashboard', 'activityKind');
  const statusLabel = useEnumLabel('employerDashboard', 'activityStatus');
  const { days: daysAhead, ready, save } = useDaysAhead();
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  // The administrator sees every role's activities; this narrows the list to one role.
  const [roleFilter, setRoleFilter] = useState<'WG' | 'BA' | 'CM' | ''>('');
  const [selected, setSelected] = useState<ActionItem | null>(null);
  const [handled, setHandled] = useState<string | null>(null);
  const settingsId = useId();
  const listKind = role ? LIST_KIND[role] : undefined;
  const { data, loading, error, refetch } = useQuery(ACTION_LIST, {
    variables: { daysAhead, ...(listKind === 'ALL' && roleFilter ? { role: roleFilter } : {}) },
    skip: !ready,
  });
  const today = toIsoDate(new Date());
  const items = data?.actionList ?? [];
  const overdue = items.filter((item) => isOverdue(item, today)).length;
  const rows = onlyOverdue ? items.filter((item) => isOverdue(item, today)) : items;

  const columns: DataTableColumn<ActionItem>[] = [
    {
      key: 'open',
      header: t('sickReport.actions'),
      cell: (a) => (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            setHandled(null);
            setSelected(a);
          }}
          leftSection={<span aria-hidden="true">✎</span>}
        >
          {t('handle.open')}
          <VisuallyHidden>
            : {t('handle.openFor', { title: a.title, name: a.person.fullName })}
          </VisuallyHidden>
        </Button>
      ),
    },
    {
      key: 'title',
      header: t('actionList.activity'),
      cell: (a) => a.title,
      sortValue: (a) => a.title,
      rowHeader: true,
    },
    {
      key: 'person',
      header: t('actionList.person'),
      cell: (a) => a.person.fullName,
      sortValue: (a) => a.person.fullName,
    },
    {
      key: 'role',
      header: t('actionList.role'),
      cell: (a) => roleLabel(a.role),
      sortValue: (a) => roleLabel(a.role),
    },
    {
      key: 'kind',
      header: t('actionList.kind'),
      cell: (a) => kindLabel(a.kind),
      sortValue: (a) => kindLabel(a.kind),
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
      cell: (a) => (
        <>
          {format.date(a.deadline)}
          {isOverdue(a, today) ? (
            <Badge ml="xs" size="sm" color="red" variant="light">
              {t('actionList.overdue')}
            </Badge>
          ) : null}
        </>
      ),
      sortValue: (a) => a.deadline,
    },
    {
      key: 'status',
      header: t('actionList.status'),
      cell: (a) => statusLabel(a.status),
      sortValue: (a) => statusLabel(a.status),
    },
  ];

  return (
    <Widget
      title={t('actionList.title')}
      description={[
        listKind ? t(`actionList.for${listKind}`) : null,
        t('actionList.description', { days: daysAhead }),
      ]
        .filter(Boolean)
        .join(' ')}
      onRefresh={() => void refetch()}
      refreshing={loading && !!data}
      actions={
        <>
          {overdue > 0 ? (
            <Badge color="red" variant="light" size="lg">
              {t('actionList.overdueCount', { count: overdue })}
            </Badge>
          ) : null}
          <Button
            size="xs"
            variant="default"
            aria-expanded={settingsOpen}
            aria-controls={settingsId}
            onClick={() => setSettingsOpen((o) => !o)}
          >
            {t('settings.title')}
          </Button>
        </>
      }
    >
      {settingsOpen ? (
        <div id={settingsId}>
          <DaysAheadSetting
            days={daysAhead}
            onChange={(days) => {
              setSettingsOpen(false);
              setSaved(null);
              void save(days).then(setSaved);
            }}
          />
        </div>
      ) : null}
      {listKind === 'ALL' ? (
        <NativeSelect
          label={t('settings.roleFilter')}
          value={roleFilter}
          onChange={(event) => setRoleFilter(event.currentTarget.value as typeof roleFilter)}
          data={[
            { value: '', label: t('settings.allRoles') },
            ...(['WG', 'BA', 'CM'] as const).map((value) => ({ value, label: roleLabel(value) })),
          ]}
          maw={260}
        />
      ) : null}
      <Checkbox
        label={t('settings.onlyOverdue')}
        checked={onlyOverdue}
        onChange={(event) => setOnlyOverdue(event.currentTarget.checked)}
      />
      {saved ? (
        <Alert
          color={saved === 'saved' ? 'green' : 'yellow'}
          variant="light"
          role="status"
          withCloseButton
          onClose={() => setSaved(null)}
          closeButtonLabel={common('close')}
        >
          {t(saved === 'saved' ? 'settings.saved' : 'settings.notSaved')}
        </Alert>
      ) : null}
      {handled ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          onClose={() => setHandled(null)}
          closeButtonLabel={common('close')}
        >
          {t('handle.success')}
        </Alert>
      ) : null}
      {error ? (
        <ErrorPanel error={error} onRetry={() => void refetch()} />
      ) : !ready || (loading && !data) ? (
        <LoadingState />
      ) : (
        <DataTable
          caption={t('actionList.caption', { days: daysAhead })}
          captionHidden
          columns={columns}
          rows={rows}
          rowKey={(a) => a.id}
          initialSort={{ key: 'deadline', direction: 'ascending' }}
          rowTone={(a) => (isOverdue(a, today) ? 'danger' : undefined)}
          emptyText={t('actionList.empty')}
          pageSizeOptions={[10, 25, 50]}
        />
      )}
      <HandleActivityDialog
        activity={selected}
        onClose={() => setSelected(null)}
        onHandled={(a) => setHandled(a.id)}
      />
    </Widget>
  );
}
