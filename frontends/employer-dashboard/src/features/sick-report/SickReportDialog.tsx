import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  ErrorPanel,
  Fieldset,
  Group,
  Link,
  LoadingState,
  Modal,
  Radio,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  toIsoDate,
  useFormat,
  useMediaQuery,
  useT,
} from '@poortwachter/ui';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { openSickCase } from './absence';
import { AbsenceCard } from './AbsenceCard';
import { AFTER_CHANGE_QUERIES } from '../../shared/refetch';
import { PERSON_ABSENCE, REPORT_RECOVERY, REPORT_SICKNESS, type AbsenceCase } from './operations';
import { useMessages } from '../../shared/i18n';
import {
  emptySickReport,
  recoveryInput,
  sickReportInput,
  validateRecovery,
  validateSickReport,
  type RecoveryField,
  type RecoveryValues,
  type SickReportField,
  type SickReportValues,
} from './validation';
import { type FieldErrors } from '../../shared/validation';
import { MutationError } from '../../shared/MutationError';

type Tab = 'report' | 'remarks' | 'recovery' | 'card';

/** The privacy rule shown with every free-text field an employer fills in (DESIGN.md, Privacy). */
function MedicalWarning({ help }: { help?: string }) {
  const { t } = useMessages();
  return (
    <>
      {help ? `${help} ` : null}
      <Text component="strong" size="xs" fw={700} c="orange.9">
        {t('sickReport.medicalWarning')}
      </Text>
    </>
  );
}

function SickReportForm({
  personId,
  personName,
  tab,
  onTab,
  onSaved,
}: {
  personId: string;
  personName: string;
  tab: Tab;
  onTab: (tab: Tab) => void;
  onSaved: () => void;
}) {
  const { t, fieldError } = useMessages();
  const [values, setValues] = useState<SickReportValues>(() => emptySickReport(toIsoDate(new Date())));
  const [errors, setErrors] = useState<FieldErrors<SickReportField>>({});
  const [extended, setExtended] = useState(false);
  const extendedId = useId();
  const [report, { loading, error, reset }] = useMutation(REPORT_SICKNESS, {
    refetchQueries: AFTER_CHANGE_QUERIES,
  });

  const set = <F extends SickReportField>(field: F, value: SickReportValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const text = (field: Exclude<SickReportField, 'safetyNet' | 'workAccident' | 'thirdPartyLiable'>) => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    error: fieldError(errors[field]),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSickReport(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.remarks && Object.keys(found).length === 1) onTab('remarks');
      else onTab('report');
      if (found.whereabouts || found.contactPhone || found.questionForProfessional) setExtended(true);
      return;
    }
    reset();
    try {
      await report({ variables: { input: sickReportInput(personId, values) } });
      onSaved();
    } catch {
      // The error is shown from the mutation state.
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('sickReport.dialogTitle', { name: personName })}
    >
      <Tabs.Panel value="report" pt="md">
        <Stack gap="sm">
          <TextInput
            type="date"
            required
            label={t('sickReport.firstSickDay')}
            description={t('sickReport.firstSickDayHelp')}
            {...text('firstSickDay')}
          />
          <TextInput
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            required
            label={t('sickReport.absencePercentage')}
            description={t('sickReport.absencePercentageHelp')}
            rightSection={<span aria-hidden="true">%</span>}
            {...text('absencePercentage')}
          />
          <TextInput
            type="date"
            label={t('sickReport.expectedRecoveryDate')}
            description={t('sickReport.expectedRecoveryDateHelp')}
            {...text('expectedRecoveryDate')}
          />
          <Group>
            <Button
              variant="subtle"
              px={0}
              aria-expanded={extended}
              aria-controls={extendedId}
              onClick={() => setExtended((x) => !x)}
            >
              {extended ? t('sickReport.hideExtended') : t('sickReport.showExtended')}
            </Button>
          </Group>
          {extended ? (
            <Fieldset id={extendedId} legend={t('sickReport.extendedLegend')}>
              <Stack gap="sm">
                <Checkbox
                  label={t('sickReport.safetyNet')}
                  description={t('sickReport.safetyNetHelp')}
                  checked={values.safetyNet}
                  onChange={(event) => set('safetyNet', event.currentTarget.checked)}
                />
                <Checkbox
                  label={t('sickReport.workAccident')}
                  checked={values.workAccident}
                  onChange={(event) => set('workAccident', event.currentTarget.checked)}
                />
                <Checkbox
                  label={t('sickReport.thirdPartyLiable')}
                  checked={values.thirdPartyLiable}
                  onChange={(event) => set('thirdPartyLiable', event.currentTarget.checked)}
                />
                <TextInput
                  label={t('sickReport.whereabouts')}
                  description={t('sickReport.whereaboutsHelp')}
                  autoComplete="off"
                  {...text('whereabouts')}
                />
                <TextInput
                  type="tel"
                  label={t('sickReport.contactPhone')}
                  autoComplete="off"
                  {...text('contactPhone')}
                />
              </Stack>
            </Fieldset>
          ) : null}
          <Textarea
            label={t('sickReport.question')}
            description={<MedicalWarning help={t('sickReport.questionHelp')} />}
            rows={3}
            {...text('questionForProfessional')}
          />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="remarks" pt="md">
        <Textarea
          label={t('sickReport.remarks')}
          description={<MedicalWarning help={t('sickReport.remarksHelp')} />}
          rows={4}
          {...text('remarks')}
        />
      </Tabs.Panel>
      {tab === 'report' || tab === 'remarks' ? (
        <Stack gap="sm" mt="md">
          {error ? <MutationError error={error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              {t('sickReport.submit')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </form>
  );
}

function RecoveryForm({
  sickCase,
  onSaved,
}: {
  sickCase: AbsenceCase;
  onSaved: (kind: RecoveryValues['kind']) => void;
}) {
  const { t, fieldError } = useMessages();
  const format = useFormat();
  const [values, setValues] = useState<RecoveryValues>({
    kind: 'PARTIAL',
    recoveredOn: toIsoDate(new Date()),
    absencePercentage: '',
  });
  const [errors, setErrors] = useState<FieldErrors<RecoveryField>>({});
  const [recover, { loading, error, reset }] = useMutation(REPORT_RECOVERY, {
    refetchQueries: AFTER_CHANGE_QUERIES,
  });
  const set = <F extends RecoveryField>(field: F, value: RecoveryValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateRecovery(values, sickCase.firstSickDay);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    reset();
    try {
      await recover({ variables: { input: recoveryInput(sickCase.id, values) } });
      onSaved(values.kind);
    } catch {
      // Shown from the mutation state.
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <Text size="sm">
          {t('recovery.current', {
            date: format.date(sickCase.firstSickDay),
            percentage: format.percent(sickCase.absencePercentage),
          })}
        </Text>
        <Radio.Group
          label={t('recovery.kind')}
          value={values.kind}
          onChange={(value) => set('kind', value === 'FULL' ? 'FULL' : 'PARTIAL')}
        >
          <Group mt="xs">
            <Radio value="PARTIAL" label={t('recovery.partial')} />
            <Radio value="FULL" label={t('recovery.full')} />
          </Group>
        </Radio.Group>
        <TextInput
          type="date"
          required
          label={t('recovery.date')}
          description={t('recovery.dateHelp')}
          value={values.recoveredOn}
          onChange={(event) => set('recoveredOn', event.currentTarget.value)}
          error={fieldError(errors.recoveredOn)}
        />
        {values.kind === 'PARTIAL' ? (
          <TextInput
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            step={1}
            required
            label={t('recovery.percentage')}
            description={t('recovery.percentageHelp')}
            rightSection={<span aria-hidden="true">%</span>}
            value={values.absencePercentage}
            onChange={(event) => set('absencePercentage', event.currentTarget.value)}
            error={fieldError(errors.absencePercentage)}
          />
        ) : null}
        {error ? <MutationError error={error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            {t('recovery.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export interface SickReportDialogProps {
  personId: string;
  personName: string;
  opened: boolean;
  onClose: () => void;
  /** Where "Open het dossier" leads after a report; no button without it (e.g. inside the dossier). */
  dossierHref?: string;
}

/**
 * "Ziek melden" as in the old portal: tabs Melding, Opmerking, Werkhervatting and Verzuimkaart.
 * A person with an open case cannot be reported again: the dialog then opens on Werkhervatting.
 */
export function SickReportDialog({
  personId,
  personName,
  opened,
  onClose,
  dossierHref,
}: SickReportDialogProps) {
  const { t } = useMessages();
  const format = useFormat();
  const common = useT();
  const phone = useMediaQuery('(max-width: 36em)');
  const { data, loading, error, refetch } = useQuery(PERSON_ABSENCE, {
    variables: { id: personId },
    skip: !opened,
  });
  const person = data?.person ?? null;
  const open = person ? openSickCase(person.sickCases) : null;
  const [tab, setTab] = useState<Tab | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const current: Tab = tab ?? (open && !notice ? 'recovery' : 'report');

  const success = (message: string, withDossier: boolean) =>
    setNotice(
      <Alert
        color="green"
        variant="light"
        role="status"
        title={withDossier ? t('sickReport.successTitle') : undefined}
      >
        <Stack gap="xs">
          <Text size="sm">{message}</Text>
          {withDossier && dossierHref ? (
            <Group>
              <Button component={Link} to={dossierHref} size="xs">
                {t('sickReport.openDossier')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Alert>,
    );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('sickReport.dialogTitle', { name: personName })}
      size="xl"
      fullScreen={!!phone}
      closeButtonProps={{ 'aria-label': common('close') }}
    >
      <Stack gap="sm">
        {notice}
        {error ? (
          <ErrorPanel error={error} onRetry={() => void refetch()} />
        ) : loading && !person ? (
          <LoadingState />
        ) : (
          <Tabs value={current} onChange={(value) => setTab((value as Tab | null) ?? 'report')} keepMounted>
            <Tabs.List aria-label={t('sickReport.tabsLabel')}>
              <Tabs.Tab value="report">{t('sickReport.tabReport')}</Tabs.Tab>
              <Tabs.Tab value="remarks">{t('sickReport.tabRemarks')}</Tabs.Tab>
              <Tabs.Tab value="recovery">{t('sickReport.tabRecovery')}</Tabs.Tab>
              <Tabs.Tab value="card">{t('sickReport.tabCard')}</Tabs.Tab>
            </Tabs.List>
            {open ? (
              <>
                <Tabs.Panel value="report" pt="md">
                  <Text size="sm">
                    {t('sickReport.alreadyOpen', {
                      name: personName,
                      date: format.date(open.firstSickDay),
                      percentage: format.percent(open.absencePercentage),
                    })}
                  </Text>
                </Tabs.Panel>
                <Tabs.Panel value="remarks" pt="md">
                  <Text size="sm">
                    {t('sickReport.alreadyOpen', {
                      name: personName,
                      date: format.date(open.firstSickDay),
                      percentage: format.percent(open.absencePercentage),
                    })}
                  </Text>
                </Tabs.Panel>
              </>
            ) : (
              <SickReportForm
                personId={personId}
                personName={personName}
                tab={current}
                onTab={setTab}
                onSaved={() => success(t('sickReport.success', { name: personName }), true)}
              />
            )}
            <Tabs.Panel value="recovery" pt="md">
              {open ? (
                <RecoveryForm
                  key={open.id}
                  sickCase={open}
                  onSaved={(kind) =>
                    success(kind === 'FULL' ? t('recovery.successFull') : t('recovery.successPartial'), false)
                  }
                />
              ) : (
                <Text size="sm">{t('recovery.noOpenCase')}</Text>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="card" pt="md">
              {person ? <AbsenceCard person={person} /> : null}
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Modal>
  );
}
