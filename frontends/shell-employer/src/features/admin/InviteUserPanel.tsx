import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title, useDebouncedValue, useT } from '@poortwachter/ui';
import type { Role } from '@poortwachter/shell-kit';
import { useState, type FormEvent } from 'react';
import { adminError } from './errors';
import { EMPLOYERS, INVITE_USER, PERSON_SEARCH, type UnitScope } from './operations';
import { EMPTY_SCOPE, normalizedScope, ScopePicker } from './ScopePicker';

export const INVITABLE_ROLES: readonly Role[] = ['EMPLOYEE', 'EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN'];
/** Roles that work within units and so get a scope; the administrator sees everything. */
export const SCOPED_ROLES: readonly Role[] = ['EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER'];

function PersonPicker({ value, onChange, error }: { value: string; onChange: (personId: string, name: string) => void; error?: string }) {
  const t = useT('admin');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data } = useQuery(PERSON_SEARCH, { variables: { search: debounced }, skip: debounced.length < 2 });
  const persons = debounced.length >= 2 ? (data?.persons.items ?? []) : [];
  return (
    <Stack gap={4}>
      <TextInput label={t('invite.personSearch')} type="search" value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
      <NativeSelect
        label={t('invite.person')}
        required
        value={value}
        error={error}
        onChange={(event) => {
          const person = persons.find((p) => p.id === event.currentTarget.value);
          onChange(event.currentTarget.value, person?.fullName ?? '');
        }}
        data={[
          { value: '', label: persons.length ? t('invite.personPick') : t('invite.personNone') },
          ...persons.map((person) => ({ value: person.id, label: person.dateOfBirth ? `${person.fullName} (${person.dateOfBirth})` : person.fullName })),
        ]}
      />
    </Stack>
  );
}

/** "Gebruiker uitnodigen": role, name, address, and the person (employee) or units (scoped roles). */
export function InviteUserPanel({ onDone, onCancel }: { onDone: (message: string) => void; onCancel: () => void }) {
  const t = useT('admin');
  const tc = useT();
  const employers = useQuery(EMPLOYERS);
  const [invite, state] = useMutation(INVITE_USER);
  const [role, setRole] = useState<Role>('EMPLOYER');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [personId, setPersonId] = useState('');
  const [scope, setScope] = useState<UnitScope>(EMPTY_SCOPE);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const required = t('error.required');
    const scoped = SCOPED_ROLES.includes(role);
    const next = {
      displayName: displayName.trim() ? undefined : required,
      email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : t('error.INVALID_EMAIL'),
      personId: role === 'EMPLOYEE' && !personId ? required : undefined,
      scope: role === 'EMPLOYER' && scope.employerIds.length + scope.divisionIds.length + scope.departmentIds.length === 0 ? t('error.SCOPE_REQUIRED') : undefined,
    };
    setErrors(next);
    setFailure(null);
    if (Object.values(next).some(Boolean)) return;
    try {
      const result = await invite({
        variables: {
          input: {
            role,
            displayName: displayName.trim(),
            email: email.trim(),
            username: username.trim() || null,
            personId: role === 'EMPLOYEE' ? personId : null,
            scope: scoped ? normalizedScope(scope, employers.data?.employers ?? []) : null,
          },
        },
      });
      onDone(t('invite.sent', { email: email.trim(), username: result.data!.inviteUser.user.username }));
    } catch (error) {
      setFailure(adminError(error, t));
    }
  }

  return (
    <Paper component="section" withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} aria-labelledby="pw-invite-title">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="pw-invite-title">
            {t('invite.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('invite.intro')}
          </Text>
          {failure ? (
            <Alert color="red" variant="light" role="alert" title={t('error.title')}>
              {failure}
            </Alert>
          ) : null}
          <NativeSelect
            label={t('invite.role')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            data={INVITABLE_ROLES.map((value) => ({ value, label: tc(`role.${value}`) }))}
            maw={360}
          />
          {role === 'EMPLOYEE' ? (
            <PersonPicker
              value={personId}
              error={errors.personId}
              onChange={(id, name) => {
                setPersonId(id);
                if (name && !displayName) setDisplayName(name);
              }}
            />
          ) : null}
          <TextInput label={t('invite.displayName')} required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={errors.displayName} />
          <TextInput label={t('invite.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
          <TextInput
            label={t('invite.username')}
            description={t('invite.usernameHelp')}
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          {SCOPED_ROLES.includes(role) ? <ScopePicker value={scope} onChange={setScope} error={errors.scope} /> : null}
          <Group>
            <Button type="submit" loading={state.loading}>
              {t('invite.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('invite.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
