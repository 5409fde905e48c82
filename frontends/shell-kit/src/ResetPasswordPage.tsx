import {
  Alert,
  Button,
  errorCode,
  ErrorPanel,
  Link,
  LoadingState,
  Stack,
  Text,
  Title,
  useDocumentTitle,
  useSearchParams,
  useT,
} from '@poortwachter/ui';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { AuthFrame } from './AuthFrame';
import { useOperation, useOperationResult } from './graphql-request';
import { PASSWORD_RESET_STATUS, RESET_PASSWORD, type InvitationStatus } from './login-operations';
import { NewPasswordFields } from './PasswordRules';
import { passwordFailure, unexpectedFailure } from './password-errors';

const LINK_ERRORS: Record<string, Exclude<InvitationStatus, 'VALID'>> = {
  RESET_LINK_UNKNOWN: 'UNKNOWN',
  RESET_LINK_EXPIRED: 'EXPIRED',
  RESET_LINK_USED: 'USED',
};

/** The link from the forgot-password mail (`/wachtwoord-herstellen?token=…`): a new password under the portal's rules. */
export function ResetPasswordPage({ portalName }: { portalName: string }) {
  const t = useT('account');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useOperationResult(PASSWORD_RESET_STATUS, { token }, { skip: !token });
  const [reset, resetState] = useOperation(RESET_PASSWORD);
  const [password, setPassword] = useState('');
  const [passwordRepeat, setPasswordRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ password?: string; passwordRepeat?: string }>({});
  const [failure, setFailure] = useState<ReactNode>(null);
  const [lostLink, setLostLink] = useState<Exclude<InvitationStatus, 'VALID'> | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const state: InvitationStatus | 'LOADING' | 'DONE' = done
    ? 'DONE'
    : !token
      ? 'UNKNOWN'
      : (lostLink ?? status.data?.passwordResetStatus ?? (status.loading ? 'LOADING' : 'UNKNOWN'));
  const title =
    state === 'DONE'
      ? t('reset.doneTitle')
      : state === 'VALID' || state === 'LOADING'
        ? t('reset.title')
        : t(`reset.status.${state}.title`);
  useDocumentTitle(title, portalName);

  useEffect(() => {
    if (state !== 'LOADING' && state !== 'VALID') heading.current?.focus();
  }, [state]);

  if (token && status.error && !status.data) {
    return (
      <AuthFrame portalName={portalName}>
        <ErrorPanel title={t('reset.title')} message={t('error.unavailable')} onRetry={status.refetch} />
      </AuthFrame>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = {
      password: password ? undefined : t('error.passwordRequired'),
      passwordRepeat: passwordRepeat ? undefined : t('error.passwordRequired'),
    };
    setFieldErrors(errors);
    setFailure(null);
    if (errors.password || errors.passwordRepeat) return;
    try {
      const result = await reset({ input: { token, password, passwordRepeat } });
      setDone(result.resetPassword.username);
    } catch (error) {
      const code = errorCode(error) ?? '';
      if (LINK_ERRORS[code]) setLostLink(LINK_ERRORS[code]);
      else setFailure(passwordFailure(error, t) ?? unexpectedFailure(error, t));
    }
  }

  let body: ReactNode;
  if (state === 'LOADING') body = <LoadingState />;
  else if (state === 'DONE')
    body = (
      <>
        <Alert color="green" variant="light" role="status">
          {t('reset.done', { username: done })}
        </Alert>
        <Button component={Link} to="/inloggen" fullWidth>
          {t('activation.toLogin')}
        </Button>
      </>
    );
  else if (state === 'VALID')
    body = (
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <NewPasswordFields
            password={password}
            passwordRepeat={passwordRepeat}
            onPasswordChange={setPassword}
            onPasswordRepeatChange={setPasswordRepeat}
            passwordLabel={t('reset.password')}
            repeatLabel={t('reset.repeat')}
            errors={fieldErrors}
          />
          <Button type="submit" loading={resetState.loading} fullWidth mt="xs">
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    );
  else
    body = (
      <>
        <Text>{t(`reset.status.${state}.body`)}</Text>
        <Button component={Link} to="/wachtwoord-vergeten" fullWidth>
          {t('reset.requestNew')}
        </Button>
        <Text size="sm">
          <Link to="/inloggen">{t('forgot.toLogin')}</Link>
        </Text>
      </>
    );

  return (
    <AuthFrame portalName={portalName}>
      <div>
        <Title order={1} ref={heading} tabIndex={-1}>
          {title}
        </Title>
        {state === 'VALID' ? (
          <Text c="dimmed" size="sm" mt={4}>
            {t('reset.intro')}
          </Text>
        ) : null}
      </div>
      {failure ? (
        <Alert color="red" variant="light" role="alert" title={t('settings.error.title')}>
          {failure}
        </Alert>
      ) : null}
      {body}
    </AuthFrame>
  );
}
