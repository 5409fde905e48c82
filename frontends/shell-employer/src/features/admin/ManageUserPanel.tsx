import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title, useT } from '@poortwachter/ui';
import type { Role } from '@poortwachter/shell-kit';
import { useState, type ReactNode } from 'react';
import { adminError } from './errors';
import { INVITABLE_ROLES, SCOPED_ROLES } from './InviteUserPanel';
import { EMPLOYERS, RESET_TWO_FACTOR, SET_PROVISIONAL_PASSWORD, SET_USER_BLOCKED, UPDATE_USER_ACCESS, type AdminUser, type UnitScope } from './operations';
import { EMPTY_SCOPE, normalizedScope, ScopePicker } from './ScopePicker';

/** The actions on one account: block, provisional password (shown once), reset of the second factor, role and scope. */
export function ManageUserPanel({ user, onClose, onChanged }: { user: AdminUser; onClose: () => void; onChanged: (user: AdminUser) => void }) {
  const t = useT('admin');
  const tc = useT();
  const employers = useQuery(EMPLOYERS);
  const [setBlocked, blockState] = useMutation(SET_USER_BLOCKED);
  const [setProvisional, provisionalState] = useMutation(SET_PROVISIONAL_PASSWORD);
  const [resetFactor, resetState] = useMutation(RESET_TWO_FACTOR);
  const [updateAccess, accessState] = useMutation(UPDATE_USER_ACCESS);
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState<UnitScope>(user.scope ?? EMPTY_SCOPE);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [failure, setFailure] = useState<string | null>(null);

  /** Runs an action that answers with the changed account and a notice about it. */
  async function run(action: () => Promise<[AdminUser, ReactNode]>) {
    setNotice(null);
    setFailure(null);
    try {
      const [changed, message] = await action();
      setNotice(message);
      onChanged(changed);
    } catch (error) {
      setFailure(adminError(error, t));
    }
  }

  const employee = user.role === 'EMPLOYEE';
  return (
    <Paper component="section" withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="pw-manage-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="pw-manage-title">
            {t('manage.title', { name: user.displayName })}
          </Title>
          <Button variant="default" size="xs" onClick={onClose}>
            {t('manage.close')}
          </Button>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('manage.username')}: <strong>{user.username}</strong> · {t('manage.email')}: {user.email ?? '—'}
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
        <Group gap="sm">
          <Button
            color={user.blocked ? 'pwBlue' : 'red'}
            variant="outline"
            loading={blockState.loading}
            onClick={() =>
              void run(async () => {
                const result = await setBlocked({ variables: { userId: user.id, blocked: !user.blocked } });
                return [result.data!.setUserBlocked, user.blocked ? t('manage.unblocked') : t('manage.blocked')];
              })
            }
          >
            {user.blocked ? t('manage.unblock') : t('manage.block')}
          </Button>
          <Button
            variant="outline"
            loading={provisionalState.loading}
            title={t('manage.provisionalHelp')}
            onClick={() =>
              void run(async () => {
                const result = await setProvisional({ variables: { userId: user.id } });
                return [
                  result.data!.setProvisionalPassword.user,
                  <>
                    {t('manage.provisionalShown')}{' '}
                    <Text component="code" ff="monospace" fw={700} data-testid="provisional-password">
                      {result.data!.setProvisionalPassword.provisionalPassword}
                    </Text>
                    <Text size="xs" mt={4}>
                      {t('manage.provisionalHelp')}
                    </Text>
                  </>,
                ];
              })
            }
          >
            {t('manage.provisional')}
          </Button>
          <Button
            variant="outline"
            loading={resetState.loading}
            title={t('manage.resetFactorHelp')}
            onClick={() =>
              void run(async () => {
                const result = await resetFactor({ variables: { userId: user.id } });
                return [result.data!.resetTwoFactor, t('manage.factorReset')];
              })
            }
          >
            {t('manage.resetFactor')}
          </Button>
        </Group>
        <Title order={3} size="h4">
          {t('manage.access')}
        </Title>
        {employee ? (
          <Text size="sm">{t('manage.employeeRole')}</Text>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run(async () => {
                const result = await updateAccess({
                  variables: {
                    input: { userId: user.id, role, scope: SCOPED_ROLES.includes(role) ? normalizedScope(scope, employers.data?.employers ?? []) : null },
                  },
                });
                return [result.data!.updateUserAccess, t('manage.accessSaved')];
              });
            }}
            noValidate
          >
            <Stack gap="sm">
              <NativeSelect
                label={t('invite.role')}
                value={role}
                onChange={(event) => setRole(event.currentTarget.value as Role)}
                data={INVITABLE_ROLES.filter((value) => value !== 'EMPLOYEE').map((value) => ({ value, label: tc(`role.${value}`) }))}
                maw={360}
              />
              {SCOPED_ROLES.includes(role) ? <ScopePicker value={scope} onChange={setScope} /> : null}
              <Group>
                <Button type="submit" loading={accessState.loading}>
                  {t('manage.saveAccess')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
