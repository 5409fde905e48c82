import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  ErrorPanel,
  Link,
  LoadingState,
  PageHeader,
  Paper,
  Stack,
  Text,
  Title,
  useDocumentTitle,
  useEnumLabel,
  useFormat,
  Widget,
} from '@poortwachter/ui';
import { documentGroup } from '../features/dossiers/operations';
import { MY_PENDING_SIGNATURES, type PendingSignature } from '../features/signing/operations';
import { useMessages } from '../messages';
import { usePaths } from '../paths';

function PendingList({ title, items }: { title: string; items: PendingSignature[] }) {
  const { t } = useMessages();
  const format = useFormat();
  const paths = usePaths();
  const categoryLabel = useEnumLabel('employeePortal', 'documentCategory');
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((request) => (
          <Paper component="li" key={request.id} withBorder radius="sm" p="sm">
            <Anchor component={Link} to={paths.sign(request.id)} fw={700}>
              {request.document.title}
            </Anchor>
            <Text size="sm">
              {categoryLabel(request.document.category)} ·{' '}
              {t('signatures.requested', {
                date: format.date(request.requestedAt),
                name: request.requestedByName ?? t('signatures.someone'),
              })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

/** "Te ondertekenen documenten": what waits for the employee's signature, the UWV documents first (as in the manual). */
export function SignaturesRoute() {
  const { t } = useMessages();
  useDocumentTitle(t('signatures.title'));
  const { data, loading, error, refetch } = useQuery(MY_PENDING_SIGNATURES);
  const pending = [...(data?.myPendingSignatures ?? [])].sort((a, b) =>
    a.requestedAt.localeCompare(b.requestedAt),
  );
  return (
    <>
      <PageHeader title={t('signatures.title')} intro={t('signatures.intro')} />
      <Widget
        title={t('signatures.listTitle')}
        onRefresh={() => void refetch()}
        refreshing={loading && !!data}
      >
        {error && !data ? (
          <ErrorPanel error={error} onRetry={() => void refetch()} />
        ) : loading && !data ? (
          <LoadingState />
        ) : pending.length === 0 ? (
          <Text>{t('signatures.empty')}</Text>
        ) : (
          <Stack gap="md">
            <PendingList
              title={t('documents.uwvTitle')}
              items={pending.filter((r) => documentGroup(r.document) === 'uwv')}
            />
            <PendingList
              title={t('documents.otherTitle')}
              items={pending.filter((r) => documentGroup(r.document) !== 'uwv')}
            />
          </Stack>
        )}
      </Widget>
    </>
  );
}
