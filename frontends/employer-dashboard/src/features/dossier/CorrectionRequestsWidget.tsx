import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  ErrorPanel,
  Group,
  LoadingState,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  useEnumLabel,
  useFormat,
  useMediaQuery,
  useT,
  VisuallyHidden,
  Widget,
} from '@poortwachter/ui';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../shared/i18n';
import { type FieldErrors } from '../../shared/validation';
import {
  OPEN_CORRECTION_REQUESTS,
  RESOLVE_CORRECTION_REQUEST,
  validateResolution,
  type CorrectionDecision,
  type CorrectionRequestRow,
} from './corrections';
import { MutationError } from '../../shared/MutationError';

/** The employee's open requests to correct personal details, each resolvable or rejectable with an answer. */
export function CorrectionRequestsWidget({ personId }: { personId: string }) {
  const { t } = useMessages();
  const common = useT();
  const format = useFormat();
  const fieldLabel = useEnumLabel('employerDashboard', 'corrections.fields');
  const { data, loading, error, refetch } = useQuery(OPEN_CORRECTION_REQUESTS, { variables: { personId } });
  const [handling, setHandling] = useState<CorrectionRequestRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = data?.correctionRequests ?? [];

  return (
    <Widget
      title={t('corrections.title')}
      description={t('corrections.description')}
      onRefresh={() => void refetch()}
      refreshing={loading && !!data}
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
      {error ? (
        <ErrorPanel error={error} message={t('corrections.loadError')} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('corrections.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((row) => (
            <Paper component="li" key={row.id} withBorder p="sm" radius="sm">
              <Stack gap={4}>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {t('corrections.item', {
                    field: fieldLabel(row.field),
                    current: row.currentValue ?? t('corrections.noCurrent'),
                    proposed: row.proposedValue,
                  })}
                </Text>
                {row.explanation ? (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t('corrections.explanation', { text: row.explanation })}
                  </Text>
                ) : null}
                <Group justify="space-between" gap="xs">
                  <Text size="xs" c="dimmed">
                    {t('corrections.requestedOn', { date: format.date(row.createdAt) })}
                  </Text>
                  <Button size="compact-sm" variant="light" onClick={() => setHandling(row)}>
                    {t('corrections.handle')}
                    <VisuallyHidden>: {fieldLabel(row.field)}</VisuallyHidden>
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {handling ? (
        <ResolveCorrectionDialog
          request={handling}
          onClose={() => setHandling(null)}
          onResolved={() => {
            setNotice(t('corrections.resolved'));
            void refetch();
          }}
        />
      ) : null}
    </Widget>
  );
}

function ResolveCorrectionDialog({
  request,
  onClose,
  onResolved,
}: {
  request: CorrectionRequestRow;
  onClose: () => void;
  onResolved: () => void;
}) {
  const { t, fieldError } = useMessages();
  const common = useT();
  const fieldLabel = useEnumLabel('employerDashboard', 'corrections.fields');
  const phone = useMediaQuery('(max-width: 36em)');
  const [decision, setDecision] = useState<CorrectionDecision>('RESOLVED');
  const [response, setResponse] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'response'>>({});
  const [resolve, { loading, error, reset }] = useMutation(RESOLVE_CORRECTION_REQUEST);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateResolution(decision, response);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    reset();
    try {
      const trimmed = response.trim();
      await resolve({
        variables: {
          input: {
            correctionRequestId: request.id,
            status: decision,
            ...(trimmed ? { response: trimmed } : {}),
          },
        },
      });
      onResolved();
      onClose();
    } catch {
      // Shown from the mutation state.
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('corrections.dialogTitle', { field: fieldLabel(request.field) })}
      size="lg"
      fullScreen={!!phone}
      closeButtonProps={{ 'aria-label': common('close') }}
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('corrections.item', {
              field: fieldLabel(request.field),
              current: request.currentValue ?? t('corrections.noCurrent'),
              proposed: request.proposedValue,
            })}
          </Text>
          <Radio.Group
            label={t('corrections.decision')}
            value={decision}
            onChange={(value) => {
              setDecision(value as CorrectionDecision);
              setErrors({});
            }}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="RESOLVED"
                label={t('corrections.resolve')}
                description={t('corrections.resolveHelp')}
              />
              <Radio
                value="REJECTED"
                label={t('corrections.reject')}
                description={t('corrections.rejectHelp')}
              />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('corrections.response')}
            required={decision === 'REJECTED'}
            description={
              decision === 'REJECTED'
                ? t('corrections.responseHelpReject')
                : t('corrections.responseHelpResolve')
            }
            rows={3}
            value={response}
            onChange={(event) => {
              setResponse(event.currentTarget.value);
              setErrors({});
            }}
            error={fieldError(errors.response)}
          />
          <MutationError error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              {t('corrections.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
