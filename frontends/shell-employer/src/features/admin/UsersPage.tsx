import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Box,
  Button,
  ErrorPanel,
  Group,
  LoadingState,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  useDebouncedValue,
  useDocumentTitle,
  useFormat,
  useT,
} from '@poortwachter/ui';
import type { Role } from '@poortwachter/shell-kit';
import { useState } from 'react';
import { InvitationRequestsPanel } from './InvitationRequestsPanel';
import { INVITABLE_ROLES, InviteUserPanel } from './InviteUserPanel';
import { ManageUserPanel } from './ManageUserPanel';
import { USERS, type AdminUser } from './operations';

const PAGE_SIZE = 25;

function stateOf(user: AdminUser): 'blocked' | 'invited' | 'active' {
  if (user.blocked) return 'blocked';
  return user.activatedAt ? 'active' : 'invited';
}

/** /beheer/gebruikers: the accounts with search, role and blocked filters; invite and manage. */
export function UsersPage({ portalName }: { portalName: string }) {
  const t = useT('admin');
  const tc = useT();
  const format = useFormat();
  useDocumentTitle(t('users.title'), portalName);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | ''>('');
  const [blocked, setBlocked] = useState<'' | 'true' | 'false'>('');
  const [page, setPage] = useState(0);
  const [inviting, setInviting] = useState(false);
  // The account being managed is kept here, not looked up in the list only: the list reloads on
  // every search, and the panel (with a provisional password shown once) must not vanish meanwhile.
  const [selected, setSelected] = useState<AdminUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { data: current, previousData, loading, error, refetch } = useQuery(USERS, {
    variables: {
      filter: { search: debounced || null, role: role || null, blocked: blocked === '' ? null : blocked === 'true' },
      page: { offset: page * PAGE_SIZE, limit: PAGE_SIZE },
    },
    fetchPolicy: 'cache-and-network',
  });
  // While a new search loads, the previous result stays on screen.
  const data = current ?? previousData;
  const users = data?.users.items ?? [];
  const total = data?.users.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const selectedUser = selected ? (users.find((user) => user.id === selected.id) ?? selected) : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" size="sm">
          {t('users.intro')}
        </Text>
        {inviting ? null : (
          <Button
            onClick={() => {
              setNotice(null);
              setSelected(null);
              setInviting(true);
            }}
          >
            {t('users.invite')}
          </Button>
        )}
      </Group>
      {notice ? (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      ) : null}
      <InvitationRequestsPanel onInvited={() => void refetch()} />
      {inviting ? (
        <InviteUserPanel
          onCancel={() => setInviting(false)}
          onDone={(message) => {
            setInviting(false);
            setNotice(message);
            void refetch();
          }}
        />
      ) : null}
      {selectedUser ? (
        <ManageUserPanel
          key={selectedUser.id}
          user={selectedUser}
          onClose={() => setSelected(null)}
          onChanged={(user) => {
            setSelected(user);
            void refetch();
          }}
        />
      ) : null}
      <Group gap="sm" align="end" wrap="wrap" role="search">
        <TextInput
          label={t('users.search')}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(0);
          }}
          style={{ flex: '1 1 16rem' }}
        />
        <NativeSelect
          label={t('users.role')}
          value={role}
          onChange={(event) => {
            setRole(event.currentTarget.value as Role | '');
            setPage(0);
          }}
          data={[{ value: '', label: t('users.allRoles') }, ...INVITABLE_ROLES.map((value) => ({ value, label: tc(`role.${value}`) }))]}
        />
        <NativeSelect
          label={t('users.status')}
          value={blocked}
          onChange={(event) => {
            setBlocked(event.currentTarget.value as '' | 'true' | 'false');
            setPage(0);
          }}
          data={[
            { value: '', label: t('users.allStatuses') },
            { value: 'true', label: t('users.onlyBlocked') },
            { value: 'false', label: t('users.onlyActive') },
          ]}
        />
      </Group>
      {error && !data ? (
        <ErrorPanel title={t('users.title')} message={t('error.load')} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t('users.count', { count: total })}
          </Text>
          {users.length === 0 ? (
            <Text>{t('users.empty')}</Text>
          ) : (
            <Box style={{ overflowX: 'auto' }}>
              <Table striped highlightOnHover miw={{ base: 0, sm: 640 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
                    <Table.Th scope="col" visibleFrom="sm">
                      {t('users.columns.role')}
                    </Table.Th>
                    <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
                    <Table.Th scope="col" visibleFrom="sm">
                      {t('users.columns.twoFactor')}
                    </Table.Th>
                    <Table.Th scope="col" visibleFrom="sm">
                      {t('users.columns.lastLogin')}
                    </Table.Th>
                    <Table.Th scope="col">{t('users.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.map((user) => {
                    const state = stateOf(user);
                    return (
                      <Table.Tr key={user.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {user.displayName}
                          </Text>
                          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {user.username}
                          </Text>
                          {/* Phones show only name, status and action: the role goes under the name. */}
                          <Text size="xs" hiddenFrom="sm">
                            {tc(`role.${user.role}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">{tc(`role.${user.role}`)}</Table.Td>
                        <Table.Td>
                          <Badge color={state === 'blocked' ? 'red' : state === 'invited' ? 'orange' : 'green'} variant="light" style={{ minWidth: 'max-content' }}>
                            {t(`users.state.${state}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">{user.twoFactorMethod ? (user.twoFactorMethod === 'TOTP' ? 'App' : 'SMS') : t('users.noFactor')}</Table.Td>
                        <Table.Td visibleFrom="sm">{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.never')}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={t('users.manageLabel', { name: user.displayName })}
                            onClick={() => {
                              setNotice(null);
                              setInviting(false);
                              setSelected(user);
                            }}
                          >
                            {t('users.manage')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Box>
          )}
          {pages > 1 ? (
            <Group gap="sm">
              <Button variant="default" size="xs" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('users.previous')}
              </Button>
              <Text size="sm">{t('users.pageOf', { page: page + 1, pages })}</Text>
              <Button variant="default" size="xs" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                {t('users.next')}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}
