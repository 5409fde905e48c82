import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Box, Button, ErrorPanel, Group, Paper, Stack, Table, Text, Title, useFormat, useT } from '@poortwachter/ui';
import { useState } from 'react';
import { adminError } from './errors';
import { CLOSE_INVITATION_REQUEST, INVITATION_REQUESTS, RESEND_INVITATION, type InvitationRequestData } from './operations';

/**
 * Requests for a new invitation that the system could not answer by itself (a used link, or too
 * many automatic resends): "opnieuw uitnodigen" mails a fresh link; an activated account's request
 * is closed once the user has been helped otherwise. Shown only while there are open requests.
 */
export function InvitationRequestsPanel({ onInvited }: { onInvited: () => void }) {
  const t = useT('admin');
  const format = useFormat();
  const { data, error, refetch } = useQuery(INVITATION_REQUESTS, { fetchPolicy: 'cache-and-network' });
  const [resend] = useMutation(RESEND_INVITATION);
  const [close] = useMutation(CLOSE_INVITATION_REQUEST);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function act(request: InvitationRequestData, action: () => Promise<string>) {
    setBusy(request.id);
    setNotice(null);
    setFailure(null);
    try {
      setNotice(await action());
      await refetch();
    } catch (caught) {
      setFailure(adminError(caught, t));
    } finally {
      setBusy(null);
    }
  }

  if (error && !data) return <ErrorPanel title={t('requests.title')} message={t('error.load')} onRetry={() => void refetch()} />;
  const requests = data?.invitationRequests ?? [];
  // Nothing to do: no panel. A notice of the last action stays until the next one.
  if (requests.length === 0 && !notice && !failure) return null;

  return (
    <Paper component="section" withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="pw-requests-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pw-requests-title">
          {t('requests.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('requests.intro')}
        </Text>
        {failure ? (
          <Alert color="red" variant="light" role="alert" title={t('error.title')}>
            {failure}
          </Alert>
        ) : null}
        {notice ? (
          <Alert color="green" variant="light" role="status">
            {notice}
          </Alert>
        ) : null}
        {requests.length === 0 ? (
          <Text size="sm">{t('requests.none')}</Text>
        ) : (
          <Box style={{ overflowX: 'auto' }}>
            <Table miw={{ base: 0, sm: 560 }} aria-labelledby="pw-requests-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('requests.columns.name')}</Table.Th>
                  <Table.Th scope="col" visibleFrom="sm">
                    {t('requests.columns.reason')}
                  </Table.Th>
                  <Table.Th scope="col" visibleFrom="sm">
                    {t('requests.columns.requestedAt')}
                  </Table.Th>
                  <Table.Th scope="col">{t('requests.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {requests.map((request) => {
                  const { user } = request;
                  const canInvite = !user.activatedAt && !user.blocked;
                  return (
                    <Table.Tr key={request.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {user.displayName}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {user.username} · {user.email ?? '—'}
                        </Text>
                        {/* Phones show two columns: reason and date go under the name. */}
                        <Text size="xs" hiddenFrom="sm">
                          {t(`requests.reason.${request.reason}`)} · {format.dateTime(request.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm">{t(`requests.reason.${request.reason}`)}</Text>
                        {canInvite ? null : (
                          <Text size="xs" c="dimmed">
                            {user.blocked ? t('requests.blockedHint') : t('requests.activatedHint')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{format.dateTime(request.createdAt)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="wrap">
                          {canInvite ? (
                            <Button
                              size="xs"
                              loading={busy === request.id}
                              aria-label={t('requests.reinviteLabel', { name: user.displayName })}
                              onClick={() =>
                                void act(request, async () => {
                                  await resend({ variables: { userId: user.id } });
                                  onInvited();
                                  return t('requests.reinvited', { name: user.displayName, email: user.email ?? '' });
                                })
                              }
                            >
                              {t('requests.reinvite')}
                            </Button>
                          ) : null}
                          <Button
                            size="xs"
                            variant="default"
                            disabled={busy === request.id}
                            aria-label={t('requests.closeLabel', { name: user.displayName })}
                            onClick={() =>
                              void act(request, async () => {
                                await close({ variables: { id: request.id } });
                                return t('requests.closed', { name: user.displayName });
                              })
                            }
                          >
                            {t('requests.close')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
