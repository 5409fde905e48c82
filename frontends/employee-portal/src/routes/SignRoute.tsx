import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  ErrorPanel,
  Group,
  Link,
  LoadingState,
  PageHeader,
  Stack,
  Text,
  Textarea,
  useDocumentTitle,
  useFormat,
  useParams,
  Widget,
} from '@poortwachter/ui';
import { useState, type FormEvent } from 'react';
import type { ApolloCache } from '@apollo/client';
import { DocumentPreview } from '../features/files/DocumentPreview';
import {
  DECLINE_SIGNATURE,
  MY_PENDING_SIGNATURES,
  SIGN_DOCUMENT,
  type CompletedSignature,
} from '../features/signing/operations';
import { SignatureField } from '../features/signing/SignatureField';
import { useMessages } from '../messages';
import { usePaths } from '../paths';

/** After signing or declining: the request leaves the pending list, and the dossier reloads its documents. */
function forgetRequest(cache: ApolloCache, completed: CompletedSignature | undefined) {
  if (!completed) return;
  cache.modify({
    fields: {
      myPendingSignatures: (existing: readonly { __ref: string }[] = [], { readField }) =>
        existing.filter((ref) => readField('id', ref) !== completed.id),
    },
  });
  cache.evict({
    id: cache.identify({ __typename: 'SickCase', id: completed.document.sickCase.id }),
    fieldName: 'documents',
  });
  cache.gc();
}

function Done({ completed }: { completed: CompletedSignature }) {
  const { t } = useMessages();
  const paths = usePaths();
  const signed = completed.status === 'SIGNED';
  return (
    <Alert
      role="status"
      color={signed ? 'green' : 'gray'}
      variant="light"
      title={signed ? t('sign.doneTitle') : t('sign.declinedTitle')}
    >
      <Stack gap="xs">
        <Text size="sm">{signed ? t('sign.done') : t('sign.declined')}</Text>
        <Group gap="md">
          <Anchor component={Link} to={paths.dossier(completed.document.sickCase.id)} size="sm">
            {t('sign.toDossier')}
          </Anchor>
          <Anchor component={Link} to={paths.signatures} size="sm">
            {t('sign.toList')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}

/** One document to sign: read it, draw a signature, sign; or decline with a reason. */
export function SignRoute() {
  const { t, failure } = useMessages();
  const format = useFormat();
  const paths = usePaths();
  const { requestId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MY_PENDING_SIGNATURES);
  const request = data?.myPendingSignatures.find((r) => r.id === requestId) ?? null;
  useDocumentTitle(request ? t('sign.title', { title: request.document.title }) : t('signatures.title'));
  const [signature, setSignature] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'signature' | 'agree' | 'reason' | null>(null);
  const [completed, setCompleted] = useState<CompletedSignature | null>(null);
  const [sign, signState] = useMutation(SIGN_DOCUMENT, {
    update: (cache, result) => forgetRequest(cache, result.data?.signDocument),
  });
  const [decline, declineState] = useMutation(DECLINE_SIGNATURE, {
    update: (cache, result) => forgetRequest(cache, result.data?.declineSignature),
  });
  const busy = signState.loading || declineState.loading;
  const mutationError = signState.error ?? declineState.error;

  if (completed) {
    return (
      <>
        <PageHeader title={t('signatures.title')} />
        <Done completed={completed} />
      </>
    );
  }
  if (error && !data) return <ErrorPanel error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  if (!request) {
    return (
      <>
        <PageHeader title={t('signatures.title')} />
        <Stack gap="sm">
          <Text>{t('sign.notPending')}</Text>
          <Anchor component={Link} to={paths.signatures}>
            {t('sign.toList')}
          </Anchor>
        </Stack>
      </>
    );
  }

  const submitSign = async () => {
    if (!signature) return setProblem('signature');
    if (!agreed) return setProblem('agree');
    setProblem(null);
    try {
      const result = await sign({ variables: { signatureRequestId: request.id, signaturePng: signature } });
      if (result.data) setCompleted(result.data.signDocument);
    } catch {
      // Shown from the mutation state below.
    }
  };
  const submitDecline = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem('reason');
    setProblem(null);
    try {
      const result = await decline({ variables: { signatureRequestId: request.id, reason: reason.trim() } });
      if (result.data) setCompleted(result.data.declineSignature);
    } catch {
      // Shown from the mutation state below.
    }
  };

  return (
    <>
      <PageHeader
        title={t('sign.title', { title: request.document.title })}
        intro={t('signatures.requested', {
          date: format.date(request.requestedAt),
          name: request.requestedByName ?? t('signatures.someone'),
        })}
      />
      <Box
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 'var(--mantine-spacing-lg)',
          alignItems: 'flex-end',
        }}
      >
        <Box style={{ flex: '2 1 30rem', minWidth: 0 }}>
          <Widget title={t('sign.documentTitle')}>
            <DocumentPreview document={request.document} height="75vh" />
          </Widget>
        </Box>
        <Stack gap="md" style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Widget title={t('sign.signTitle')}>
            <Stack gap="sm">
              <SignatureField onChange={setSignature} disabled={busy} />
              {problem === 'signature' ? (
                <Text size="sm" c="red.8" role="alert">
                  {t('errors.SIGNATURE_EMPTY')}
                </Text>
              ) : null}
              <Checkbox
                label={t('sign.agree')}
                checked={agreed}
                onChange={(event) => setAgreed(event.currentTarget.checked)}
                error={problem === 'agree' ? t('sign.agreeRequired') : undefined}
              />
              {mutationError ? (
                <Alert role="alert" color="red" variant="light" title={t('sign.errorTitle')}>
                  {failure(mutationError)}
                </Alert>
              ) : null}
              <Group gap="sm">
                <Button
                  onClick={() => void submitSign()}
                  loading={signState.loading}
                  disabled={declineState.loading}
                >
                  {t('sign.submit')}
                </Button>
                {!declining ? (
                  <Button variant="default" onClick={() => setDeclining(true)} disabled={busy}>
                    {t('sign.decline')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </Widget>
          {declining ? (
            <Widget title={t('sign.declineTitle')}>
              <Box component="form" onSubmit={(event) => void submitDecline(event)} noValidate>
                <Stack gap="sm">
                  <Textarea
                    label={t('sign.reason')}
                    description={t('sign.reasonHelp')}
                    required

                    rows={3}
                    maxLength={1000}
                    value={reason}
                    onChange={(event) => setReason(event.currentTarget.value)}
                    error={problem === 'reason' ? t('errors.SIGNATURE_DECLINE_REASON_REQUIRED') : undefined}
                  />
                  <Group gap="sm">
                    <Button
                      type="submit"
                      color="red"
                      loading={declineState.loading}
                      disabled={signState.loading}
                    >
                      {t('sign.declineSubmit')}
                    </Button>
                    <Button variant="subtle" onClick={() => setDeclining(false)} disabled={busy}>
                      {t('sign.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </Box>
            </Widget>
          ) : null}
        </Stack>
      </Box>
    </>
  );
}
