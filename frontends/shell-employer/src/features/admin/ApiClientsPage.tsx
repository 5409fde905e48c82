import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  ErrorPanel,
  Group,
  LoadingState,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  useDocumentTitle,
  useFormat,
  useT,
} from '@poortwachter/ui';
import { useState, type FormEvent } from 'react';
import { adminError } from './errors';
import { API_CLIENTS, API_SCOPE_LABEL_KEYS, API_SCOPES, CREATE_API_CLIENT, EMPLOYERS, REVOKE_API_CLIENT } from './operations';

function CopyValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useT('admin');
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Text component="code" ff="monospace" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
          {value}
        </Text>
        <Button
          size="xs"
          variant="light"
          aria-label={`${t('apiClients.copy')}: ${label}`}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? t('apiClients.copied') : t('apiClients.copy')}
        </Button>
      </Group>
    </div>
  );
}

/** /beheer/api-clients: partner couplings per employer; the secret is shown once with a copy button. */
export function ApiClientsPage({ portalName }: { portalName: string }) {
  const t = useT('admin');
  const format = useFormat();
  useDocumentTitle(t('apiClients.title'), portalName);
  const clients = useQuery(API_CLIENTS, { fetchPolicy: 'cache-and-network' });
  const employers = useQuery(EMPLOYERS);
  const [create, createState] = useMutation(CREATE_API_CLIENT);
  const [revoke] = useMutation(REVOKE_API_CLIENT);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [employerId, setEmployerId] = useState('');
  const [scopes, setScopes] = useState<string[]>(['persons:read', 'sickcases:write']);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; secret: string; name: string } | null>(null);
  const employerName = new Map((employers.data?.employers ?? []).map((e) => [e.id, e.name] as const));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      name: name.trim() ? undefined : t('error.required'),
      employerId: employerId ? undefined : t('error.required'),
      scopes: scopes.length ? undefined : t('error.INVALID_SCOPE'),
    };
    setErrors(next);
    setFailure(null);
    if (Object.values(next).some(Boolean)) return;
    try {
      const result = await create({ variables: { input: { name: name.trim(), employerId, scopes } } });
      const answer = result.data!.createApiClient;
      setCreated({ id: answer.client.id, secret: answer.clientSecret, name: answer.client.name });
      setCreating(false);
      setName('');
      void clients.refetch();
    } catch (error) {
      setFailure(adminError(error, t));
    }
  }

  async function revokeClient(id: string) {
    setFailure(null);
    try {
      await revoke({ variables: { id } });
      void clients.refetch();
    } catch (error) {
      setFailure(adminError(error, t));
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" size="sm">
          {t('apiClients.intro')}
        </Text>
        {creating ? null : (
          <Button
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('apiClients.create')}
          </Button>
        )}
      </Group>
      {failure ? (
        <Alert color="red" variant="light" role="alert" title={t('error.title')}>
          {failure}
        </Alert>
      ) : null}
      {created ? (
        <Alert color="green" variant="light" role="status" title={t('apiClients.createdTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('apiClients.created')}</Text>
            <CopyValue label={t('apiClients.clientId')} value={created.id} testId="client-id" />
            <CopyValue label={t('apiClients.secret')} value={created.secret} testId="client-secret" />
          </Stack>
        </Alert>
      ) : null}
      {creating ? (
        <Paper component="section" withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="pw-client-title">
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h3" id="pw-client-title">
                {t('apiClients.create')}
              </Title>
              <TextInput label={t('apiClients.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maw={480} />
              <NativeSelect
                label={t('apiClients.employer')}
                required
                value={employerId}
                onChange={(e) => setEmployerId(e.currentTarget.value)}
                error={errors.employerId}
                data={[{ value: '', label: t('apiClients.chooseEmployer') }, ...(employers.data?.employers ?? []).map((e) => ({ value: e.id, label: e.name }))]}
                maw={480}
              />
              <Checkbox.Group label={t('apiClients.scopes')} value={scopes} onChange={setScopes} error={errors.scopes}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={4}>
                  {API_SCOPES.map((scope) => (
                    <Checkbox key={scope} value={scope} label={`${t(`apiClients.scope.${API_SCOPE_LABEL_KEYS[scope]}`)} (${scope})`} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Group>
                <Button type="submit" loading={createState.loading}>
                  {t('apiClients.submit')}
                </Button>
                <Button variant="default" onClick={() => setCreating(false)}>
                  {t('invite.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
      {clients.error && !clients.data ? (
        <ErrorPanel title={t('apiClients.title')} message={t('error.load')} onRetry={() => void clients.refetch()} />
      ) : clients.loading && !clients.data ? (
        <LoadingState />
      ) : (clients.data?.apiClients.length ?? 0) === 0 ? (
        <Text>{t('apiClients.empty')}</Text>
      ) : (
        <Box style={{ overflowX: 'auto' }}>
          <Table striped miw={{ base: 0, sm: 640 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('apiClients.columns.name')}</Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t('apiClients.columns.employer')}
                </Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t('apiClients.columns.scopes')}
                </Table.Th>
                <Table.Th scope="col">{t('apiClients.columns.status')}</Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t('apiClients.columns.lastUsed')}
                </Table.Th>
                <Table.Th scope="col">{t('apiClients.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.data!.apiClients.map((client) => (
                <Table.Tr key={client.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {client.name}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {client.id}
                    </Text>
                    {/* Phones show name, status and action: employer and scopes go under the name. */}
                    <Text size="xs" hiddenFrom="sm">
                      {employerName.get(client.employerId) ?? client.employerId}
                    </Text>
                    <Text size="xs" hiddenFrom="sm">
                      {client.scopes.join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{employerName.get(client.employerId) ?? client.employerId}</Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="xs">{client.scopes.join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    {client.revokedAt ? (
                      <Text size="sm" c="dimmed">
                        {t('apiClients.revoked', { date: format.date(client.revokedAt) })}
                      </Text>
                    ) : (
                      <Badge color="green" variant="light" style={{ minWidth: 'max-content' }}>
                        {t('apiClients.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{client.lastUsedAt ? format.dateTime(client.lastUsedAt) : t('apiClients.never')}</Table.Td>
                  <Table.Td>
                    {client.revokedAt ? null : (
                      <Button size="xs" color="red" variant="outline" aria-label={t('apiClients.revokeLabel', { name: client.name })} onClick={() => void revokeClient(client.id)}>
                        {t('apiClients.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
    </Stack>
  );
}
