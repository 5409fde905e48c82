import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Brand,
  Button,
  describeError,
  errorCode,
  Group,
  LanguageSwitch,
  Link,
  MAIN_CONTENT_ID,
  Navigate,
  Paper,
  PasswordInput,
  SkipLink,
  Stack,
  Text,
  TextInput,
  Title,
  useDocumentTitle,
  useLocation,
  useNavigate,
  useT,
} from '@poortwachter/ui';
import { useState, type FormEvent } from 'react';
import { useSession, useSessionStore, type Role } from './session';

interface LoginData {
  login: {
    accessToken: string;
    expiresAt: string;
    user: { id: string; username: string; displayName: string; role: Role; personId: string | null };
  };
}
interface LoginVariables {
  username: string;
  password: string;
}

export const LOGIN_MUTATION: TypedDocumentNode<LoginData, LoginVariables> = gql`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      accessToken
      expiresAt
      user {
        id
        username
        displayName
        role
        personId
      }
    }
  }
`;

/** Login error code → message key. */
function loginErrorKey(error: unknown): 'invalidCredentials' | 'tooManyAttempts' | 'network' | 'unknown' {
  const code = errorCode(error);
  if (code === 'INVALID_CREDENTIALS') return 'invalidCredentials';
  if (code === 'TOO_MANY_ATTEMPTS' || code === 'RATE_LIMITED') return 'tooManyAttempts';
  if (describeError(error).key === 'network') return 'network';
  return 'unknown';
}

interface FromState {
  from?: { pathname?: string; search?: string };
}

/**
 * Development login (username + password → `login` mutation) until two-factor authentication
 * arrives; labelled as such, but built like the real product page.
 */
export function LoginPage({ portalName }: { portalName: string }) {
  const t = useT('login');
  const tc = useT();
  const session = useSession();
  const store = useSessionStore();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [login, { loading }] = useMutation(LOGIN_MUTATION);
  useDocumentTitle(t('title'), portalName);

  const from = (location.state as FromState | null)?.from;
  const target = from?.pathname && from.pathname !== '/inloggen' ? `${from.pathname}${from.search ?? ''}` : '/';
  if (session) return <Navigate to={target} replace />;
  const signedOut = store.lastSignOut();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = {
      username: username.trim() ? undefined : t('error.usernameRequired'),
      password: password ? undefined : t('error.passwordRequired'),
    };
    setFieldErrors(errors);
    setFailure(null);
    if (errors.username || errors.password) return;
    try {
      const result = await login({ variables: { username: username.trim(), password } });
      const data = result.data?.login;
      if (!data) throw result.error ?? new Error('login returned no data');
      store.signIn({ accessToken: data.accessToken, expiresAt: data.expiresAt, user: data.user });
      void navigate(target, { replace: true });
    } catch (error) {
      setPassword('');
      setFailure(t(`error.${loginErrorKey(error)}`));
    }
  }

  return (
    <div className="pw-login-page">
      <SkipLink />
      <header className="pw-header">
        <Group h={64} px="md" justify="space-between" wrap="nowrap">
          <Brand
            name={tc('appName')}
            portal={portalName}
            linkComponent={({ to, className, children }) => (
              <Link to={to} className={className}>
                {children}
              </Link>
            )}
          />
          <LanguageSwitch />
        </Group>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="pw-login-main">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }} w="100%" maw={440}>
          <Stack gap="md">
            <div>
              <Title order={1}>{t('title')}</Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t('intro')}
              </Text>
            </div>
            <Alert color="pwBlue" variant="light" role="note" title={t('devNoticeTitle')}>
              <Text size="sm">{t('devNotice')}</Text>
            </Alert>
            {signedOut === 'expired' ? (
              <Alert color="orange" variant="light" role="status">
                {tc('error.unauthenticated')}
              </Alert>
            ) : null}
            {failure ? (
              <Alert color="red" variant="light" role="alert" title={t('errorTitle')}>
                {failure}
              </Alert>
            ) : null}
            <form onSubmit={(event) => void submit(event)} noValidate>
              <Stack gap="sm">
                <TextInput
                  label={t('username')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={username}
                  onChange={(event) => setUsername(event.currentTarget.value)}
                  error={fieldErrors.username}
                />
                <PasswordInput
                  label={t('password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  error={fieldErrors.password}
                />
                <Text size="xs" c="dimmed">
                  {t('caseSensitive')}
                </Text>
                <Button type="submit" loading={loading} fullWidth mt="xs">
                  {t('submit')}
                </Button>
              </Stack>
            </form>
            <Text size="sm" c="dimmed">
              {t('help')}
            </Text>
          </Stack>
        </Paper>
      </main>
    </div>
  );
}
