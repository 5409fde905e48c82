import {
  Alert,
  Button,
  errorCode,
  ErrorPanel,
  Link,
  List,
  LoadingState,
  Stack,
  Text,
  TextInput,
  Title,
  useDocumentTitle,
  useSearchParams,
  useT,
} from '@poortwachter/ui';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { AuthFrame } from './AuthFrame';
import { useOperation, useOperationResult } from './graphql-request';
import {
  ACTIVATE_ACCOUNT,
  INVITATION_STATUS,
  REQUEST_NEW_INVITATION,
  type InvitationStatus,
} from './login-operations';
import { NewPasswordFields, PASSWORD_RULES } from './PasswordRules';
import { unexpectedFailure } from './password-errors';

const INVITATION_ERRORS: Record<string, Exclude<InvitationStatus, 'VALID'>> = {
  INVITATION_UNKNOWN: 'UNKNOWN',
  INVITATION_EXPIRED: 'EXPIRED',
  INVITATION_USED: 'USED',
};

function violationsOf(error: unknown): string[] {
  const extensions = (error as { errors?: { extensions?: { violations?: unknown } }[] } | null)?.errors?.[0]
    ?.extensions;
  return Array.isArray(extensions?.violations) ? (extensions.violations as string[]) : [];
}

/**
 * "Account activeren" from the employee manual: the link from the invitation mail leads here; the
 * user confirms the e-mail address and chooses a password under the portal's rules. A link that
 * no longer works is explained, with a way to ask for a new invitation.
 */
export function ActivationPage({ portalName }: { portalName: string }) {
  const t = useT('account');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useOperationResult(INVITATION_STATUS, { token }, { skip: !token });
  const [activate, activation] = useOperation(ACTIVATE_ACCOUNT);
  const [requestNew, request] = useOperation(REQUEST_NEW_INVITATION);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [passwordRepeat, setPasswordRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{
    email?: string;
    password?: string;
    passwordRepeat?: string;
  }>({});
  const [failure, setFailure] = useState<ReactNode>(null);
  const [lostLink, setLostLink] = useState<Exclude<InvitationStatus, 'VALID'> | null>(null);
  const [activated, setActivated] = useState<string | null>(null);
  const [requested, setRequested] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const state: InvitationStatus | 'LOADING' | 'DONE' = activated
    ? 'DONE'
    : !token
      ? 'UNKNOWN'
      : (lostLink ?? status.data?.invitationStatus ?? (status.loading ? 'LOADING' : 'UNKNOWN'));
  const title =
    state === 'DONE'
      ? t('activation.doneTitle')
      : state === 'VALID' || state === 'LOADING'
        ? t('activation.title')
        : t(`activation.status.${state}.title`);
  useDocumentTitle(title, portalName);

  // Each new state announces itself through its heading.
  useEffect(() => {
    if (state !== 'LOADING' && state !== 'VALID') heading.current?.focus();
  }, [state, requested]);

  if (token && status.error && !status.data) {
    return (
      <AuthFrame portalName={portalName}>
        <ErrorPanel title={t('activation.title')} message={t('error.unavailable')} onRetry={status.refetch} />
      </AuthFrame>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = {
      email: /^[^\s@]+@[^\s@]+$/.test(email.trim()) ? undefined : t('error.emailRequired'),
      password: password ? undefined : t('error.passwordRequired'),
      passwordRepeat: passwordRepeat ? undefined : t('error.passwordRequired'),
    };
    setFieldErrors(errors);
    setFailure(null);
    if (errors.email || errors.password || errors.passwordRepeat) return;
    try {
      const result = await activate({ input: { token, email: email.trim(), password, passwordRepeat } });
      setActivated(result.activateAccount.username);
    } catch (error) {
      const code = errorCode(error) ?? '';
      if (INVITATION_ERRORS[code]) {
        setLostLink(INVITATION_ERRORS[code]);
      } else if (code.startsWith('PASSWORD_') && code !== 'PASSWORD_MISMATCH') {
        const violations = violationsOf(error);
        const broken = PASSWORD_RULES.filter(([, rule]) =>
          (violations.length ? violations : [code]).includes(rule),
        );
        setFailure(
          <>
            {t('error.passwordRules')}
            <List size="sm" mt={4}>
              {broken.map(([, rule]) => (
                <List.Item key={rule}>{t(`error.${rule}`)}</List.Item>
              ))}
            </List>
          </>,
        );
      } else if (['EMAIL_MISMATCH', 'PASSWORD_MISMATCH', 'TOO_MANY_ATTEMPTS'].includes(code)) {
        setFailure(t(`error.${code as 'EMAIL_MISMATCH' | 'PASSWORD_MISMATCH' | 'TOO_MANY_ATTEMPTS'}`));
      } else {
        setFailure(unexpectedFailure(error, t));
      }
    }
  }

  async function askForNewInvitation() {
    setFailure(null);
    try {
      await requestNew({ token });
      setRequested(true);
    } catch (error) {
      setFailure(unexpectedFailure(error, t));
    }
  }

  let body: ReactNode;
  if (state === 'LOADING') body = <LoadingState />;
  else if (state === 'DONE')
    body = (
      <>
        <Alert color="green" variant="light" role="status">
          {t('activation.done', { username: activated })}
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
          <TextInput
            label={t('activation.email')}
            description={t('activation.emailHelp')}
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldErrors.email}
          />
          <NewPasswordFields
            password={password}
            passwordRepeat={passwordRepeat}
            onPasswordChange={setPassword}
            onPasswordRepeatChange={setPasswordRepeat}
            passwordLabel={t('activation.password')}
            repeatLabel={t('activation.repeat')}
            errors={fieldErrors}
          />
          <Button type="submit" loading={activation.loading} fullWidth mt="xs">
            {t('activation.submit')}
          </Button>
        </Stack>
      </form>
    );
  else
    body = requested ? (
      <Alert color="green" variant="light" role="status">
        {t('activation.requested')}
      </Alert>
    ) : (
      <>
        <Text>{t(`activation.status.${state}.body`)}</Text>
        <Button onClick={() => void askForNewInvitation()} loading={request.loading} fullWidth>
          {t('activation.requestNew')}
        </Button>
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
            {t('activation.intro')}
          </Text>
        ) : null}
      </div>
      {failure ? (
        <Alert color="red" variant="light" role="alert" title={t('error.title')}>
          {failure}
        </Alert>
      ) : null}
      {body}
    </AuthFrame>
  );
}
