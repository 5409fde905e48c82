import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  describeError,
  errorCode,
  Link,
  List,
  Navigate,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  useDocumentTitle,
  useLocation,
  useNavigate,
  useT,
} from '@poortwachter/ui';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  BEGIN_SMS_ENROLMENT,
  BEGIN_TOTP_ENROLMENT,
  CHOOSE_OWN_PASSWORD,
  COMPLETE_LOGIN,
  CONFIRM_TWO_FACTOR_ENROLMENT,
  RESEND_LOGIN_SMS,
  START_LOGIN,
  type AuthSessionData,
  type LoginChallengeData,
} from './login-operations';
import { useApolloLoader } from './apollo-loader';
import { AuthFrame } from './AuthFrame';
import { useOperation } from './graphql-request';
import { NewPasswordFields, PASSWORD_RULES } from './PasswordRules';
import { useSession, useSessionStore, type Session } from './session';

export { START_LOGIN, COMPLETE_LOGIN } from './login-operations';

type Step =
  | { kind: 'credentials' }
  | { kind: 'ownPassword'; challenge: LoginChallengeData }
  | { kind: 'chooseMethod'; challenge: LoginChallengeData }
  | { kind: 'totpSetup'; challenge: LoginChallengeData; secret: string; qrCodeDataUrl: string }
  | { kind: 'smsSetup'; challenge: LoginChallengeData; sentTo: string | null }
  | { kind: 'recoveryCodes'; codes: string[]; session: AuthSessionData }
  | { kind: 'code'; challenge: LoginChallengeData; recovery: boolean; sentTo: string | null };

function toSession(data: AuthSessionData): Session {
  return { accessToken: data.accessToken, expiresAt: data.accessTokenExpiresAt, user: data.user };
}

function firstExtensions(error: unknown): Record<string, unknown> {
  const errors = (error as { errors?: { extensions?: Record<string, unknown> }[] } | null)?.errors;
  return errors?.[0]?.extensions ?? {};
}

interface FromState {
  from?: { pathname?: string; search?: string };
}

/**
 * Signing in as the manuals describe it: username and password, a first own password when the
 * current one is provisional, setting up the second factor at first login (authenticator app or
 * SMS, then the recovery codes), else the code of the enrolled factor.
 */
export function LoginPage({ portalName }: { portalName: string }) {
  const t = useT('login');
  const tc = useT();
  const session = useSession();
  const store = useSessionStore();
  const apollo = useApolloLoader();
  const navigate = useNavigate();
  const location = useLocation();
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [passwordRepeat, setPasswordRepeat] = useState('');
  const [phoneNumber, setPhoneNumber] = useState('');
  const [code, setCode] = useState('');
  const [codesSaved, setCodesSaved] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<ReactNode>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const [startLogin, startState] = useOperation(START_LOGIN);
  const [chooseOwnPassword, chooseState] = useOperation(CHOOSE_OWN_PASSWORD);
  const [beginTotp, totpState] = useOperation(BEGIN_TOTP_ENROLMENT);
  const [beginSms, smsState] = useOperation(BEGIN_SMS_ENROLMENT);
  const [resendSms, resendState] = useOperation(RESEND_LOGIN_SMS);
  const [confirmEnrolment, confirmState] = useOperation(CONFIRM_TWO_FACTOR_ENROLMENT);
  const [completeLogin, completeState] = useOperation(COMPLETE_LOGIN);

  const titles: Record<Step['kind'], string> = {
    credentials: t('title'),
    ownPassword: t('ownPassword.title'),
    chooseMethod: t('enrol.title'),
    totpSetup: t('totp.title'),
    smsSetup: t('sms.title'),
    recoveryCodes: t('recovery.title'),
    code: step.kind === 'code' && step.recovery ? t('code.recoveryTitle') : t('code.title'),
  };
  useDocumentTitle(titles[step.kind], portalName);

  // Each step announces itself: focus moves to its heading (not on the first render of the page).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const from = (location.state as FromState | null)?.from;
  const target =
    from?.pathname && from.pathname !== '/inloggen' ? `${from.pathname}${from.search ?? ''}` : '/';
  if (session && step.kind !== 'recoveryCodes') return <Navigate to={target} replace />;
  const signedOut = store.lastSignOut();

  function go(next: Step) {
    setFailure(null);
    setNotice(null);
    setFieldErrors({});
    setCode('');
    setStep(next);
  }

  function finish(data: AuthSessionData) {
    store.signIn(toSession(data));
    void navigate(target, { replace: true });
  }

  function afterChallenge(challenge: LoginChallengeData) {
    if (challenge.session) finish(challenge.session);
    else if (challenge.passwordChangeRequired) go({ kind: 'ownPassword', challenge });
    else if (challenge.enrolmentRequired) go({ kind: 'chooseMethod', challenge });
    else go({ kind: 'code', challenge, recovery: false, sentTo: challenge.smsSentTo });
  }

  /** Error code → Dutch text; a lost challenge sends the user back to the first step. */
  function explain(error: unknown): ReactNode {
    const code = errorCode(error);
    const extensions = firstExtensions(error);
    switch (code) {
      case 'INVALID_CREDENTIALS':
        return t('error.invalidCredentials');
      case 'TOO_MANY_ATTEMPTS':
      case 'RATE_LIMITED': {
        const seconds = Number(extensions.retryAfterSeconds);
        if (!Number.isFinite(seconds) || seconds <= 0) return t('error.tooManyAttempts');
        return seconds < 90
          ? t('error.tooManyAttemptsSeconds', { count: Math.ceil(seconds) })
          : t('error.tooManyAttemptsMinutes', { count: Math.ceil(seconds / 60) });
      }
      case 'INVALID_CODE':
        return t('error.invalidCode');
      case 'INVALID_PHONE_NUMBER':
        return t('error.invalidPhoneNumber');
      case 'PASSWORD_MISMATCH':
        return t('error.passwordMismatch');
      case 'PASSWORD_REUSED':
        return t('error.passwordReused');
      case 'LOGIN_CHALLENGE_INVALID':
        return t('error.challengeInvalid');
      default:
        break;
    }
    if (code?.startsWith('PASSWORD_')) {
      const violations = Array.isArray(extensions.violations) ? (extensions.violations as string[]) : [code];
      const rules = PASSWORD_RULES.filter(([, rule]) => violations.includes(rule));
      return (
        <>
          {t('error.passwordRules')}
          <List size="sm" mt={4}>
            {rules.map(([key]) => (
              <List.Item key={key}>{t(`rules.${key}`)}</List.Item>
            ))}
          </List>
        </>
      );
    }
    return describeError(error).key === 'network' ? t('error.network') : t('error.unknown');
  }

  async function attempt(action: () => Promise<void>) {
    setFailure(null);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      setFailure(explain(error));
      if (errorCode(error) === 'LOGIN_CHALLENGE_INVALID') {
        setPassword('');
        setStep({ kind: 'credentials' });
      }
    }
  }

  function required(fields: Record<string, [string, string]>): boolean {
    const errors = Object.fromEntries(
      Object.entries(fields).map(([name, [value, message]]) => [name, value.trim() ? undefined : message]),
    );
    setFieldErrors(errors);
    return Object.values(errors).every((e) => !e);
  }

  const submitCredentials = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      !required({
        username: [username, t('error.usernameRequired')],
        password: [password, t('error.passwordRequired')],
      })
    )
      return;
    // The signed-in part needs Apollo Client: fetch it while the user deals with the second factor.
    void apollo?.load().catch(() => undefined);
    void attempt(async () => {
      try {
        const result = await startLogin({ username: username.trim(), password });
        afterChallenge(result.startLogin);
      } finally {
        setPassword('');
      }
    });
  };

  const submitOwnPassword = (challenge: LoginChallengeData) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      !required({
        password: [password, t('error.passwordRequired')],
        passwordRepeat: [passwordRepeat, t('error.passwordRequired')],
      })
    )
      return;
    void attempt(async () => {
      const result = await chooseOwnPassword({
        challengeId: challenge.challengeId,
        password,
        passwordRepeat,
      });
      setPassword('');
      setPasswordRepeat('');
      afterChallenge(result.chooseOwnPassword);
    });
  };

  const chooseTotp = (challenge: LoginChallengeData) =>
    void attempt(async () => {
      const result = await beginTotp({ challengeId: challenge.challengeId });
      const enrolment = result.beginTotpEnrolment;
      go({ kind: 'totpSetup', challenge, secret: enrolment.secret, qrCodeDataUrl: enrolment.qrCodeDataUrl });
    });

  const submitPhone = (challenge: LoginChallengeData) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!required({ phoneNumber: [phoneNumber, t('error.phoneRequired')] })) return;
    void attempt(async () => {
      const result = await beginSms({ challengeId: challenge.challengeId, phoneNumber: phoneNumber.trim() });
      setStep({ kind: 'smsSetup', challenge, sentTo: result.beginSmsEnrolment.sentTo });
      setCode('');
    });
  };

  const submitEnrolmentCode = (challenge: LoginChallengeData) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!required({ code: [code, t('error.codeRequired')] })) return;
    void attempt(async () => {
      const result = await confirmEnrolment({ challengeId: challenge.challengeId, code: code.trim() });
      const confirmed = result.confirmTwoFactorEnrolment;
      setCodesSaved(false);
      go({ kind: 'recoveryCodes', codes: confirmed.recoveryCodes, session: confirmed.session });
    });
  };

  const submitCode =
    (challenge: LoginChallengeData, recovery: boolean) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (!required({ code: [code, recovery ? t('error.recoveryCodeRequired') : t('error.codeRequired')] }))
        return;
      void attempt(async () => {
        const variables = recovery
          ? { challengeId: challenge.challengeId, recoveryCode: code.trim() }
          : { challengeId: challenge.challengeId, code: code.trim() };
        const result = await completeLogin(variables);
        finish(result.completeLogin);
      });
    };

  const resend = (challenge: LoginChallengeData) =>
    void attempt(async () => {
      const result = await resendSms({ challengeId: challenge.challengeId });
      setNotice(t('sms.resent', { to: result.resendLoginSms.sentTo }));
    });

  const codeInput = (label: string, recovery = false) => (
    <TextInput
      label={label}
      name={recovery ? 'recoveryCode' : 'code'}
      autoComplete="one-time-code"
      inputMode={recovery ? 'text' : 'numeric'}
      pattern={recovery ? undefined : '[0-9]*'}
      maxLength={recovery ? 32 : 6}
      autoCapitalize="none"
      spellCheck={false}
      required
      value={code}
      onChange={(event) => setCode(event.currentTarget.value)}
      error={fieldErrors.code}
    />
  );

  const restart = (
    <Anchor component="button" type="button" size="sm" onClick={() => go({ kind: 'credentials' })}>
      {t('restart')}
    </Anchor>
  );

  let body: ReactNode;
  let intro: string | null = null;
  switch (step.kind) {
    case 'credentials':
      intro = t('intro');
      body = (
        <form onSubmit={submitCredentials} noValidate>
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
            <Button type="submit" loading={startState.loading} fullWidth mt="xs">
              {t('submit')}
            </Button>
            <Text size="sm">
              <Link to="/wachtwoord-vergeten">{t('forgotPassword')}</Link>
            </Text>
          </Stack>
        </form>
      );
      break;
    case 'ownPassword':
      intro = t('ownPassword.intro');
      body = (
        <form onSubmit={submitOwnPassword(step.challenge)} noValidate>
          <Stack gap="sm">
            <NewPasswordFields
              password={password}
              passwordRepeat={passwordRepeat}
              onPasswordChange={setPassword}
              onPasswordRepeatChange={setPasswordRepeat}
              passwordLabel={t('ownPassword.password')}
              repeatLabel={t('ownPassword.repeat')}
              errors={fieldErrors}
              username={username.trim()}
            />
            <Button type="submit" loading={chooseState.loading} fullWidth mt="xs">
              {t('ownPassword.submit')}
            </Button>
            {restart}
          </Stack>
        </form>
      );
      break;
    case 'chooseMethod':
      intro = t('enrol.intro');
      body = (
        <Stack gap="sm">
          {step.challenge.methods.includes('TOTP') ? (
            <Button onClick={() => chooseTotp(step.challenge)} loading={totpState.loading} fullWidth>
              {t('enrol.totp')}
            </Button>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('enrol.totpHelp')}
          </Text>
          {step.challenge.methods.includes('SMS') ? (
            <Button
              variant="outline"
              onClick={() => go({ kind: 'smsSetup', challenge: step.challenge, sentTo: null })}
              fullWidth
            >
              {t('enrol.sms')}
            </Button>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('enrol.smsHelp')}
          </Text>
          {restart}
        </Stack>
      );
      break;
    case 'totpSetup':
      intro = t('totp.intro');
      body = (
        <form onSubmit={submitEnrolmentCode(step.challenge)} noValidate>
          <Stack gap="sm">
            <img
              src={step.qrCodeDataUrl}
              alt={t('totp.qrAlt')}
              width={200}
              height={200}
              style={{ alignSelf: 'center' }}
            />
            <Text size="sm">{t('totp.manual')}</Text>
            <Text
              component="p"
              ff="monospace"
              fw={600}
              size="lg"
              data-testid="totp-secret"
              aria-label={t('totp.secretLabel')}
            >
              {step.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Text>
            {codeInput(t('totp.code'))}
            <Button type="submit" loading={confirmState.loading} fullWidth mt="xs">
              {t('totp.submit')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => go({ kind: 'chooseMethod', challenge: step.challenge })}
            >
              {t('enrol.other')}
            </Anchor>
          </Stack>
        </form>
      );
      break;
    case 'smsSetup':
      intro = step.sentTo ? t('sms.sentTo', { to: step.sentTo }) : t('sms.intro');
      body = step.sentTo ? (
        <form onSubmit={submitEnrolmentCode(step.challenge)} noValidate>
          <Stack gap="sm">
            {codeInput(t('sms.code'))}
            <Button type="submit" loading={confirmState.loading} fullWidth mt="xs">
              {t('sms.confirm')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => setStep({ ...step, sentTo: null })}
            >
              {t('sms.otherNumber')}
            </Anchor>
          </Stack>
        </form>
      ) : (
        <form onSubmit={submitPhone(step.challenge)} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('sms.phone')}
              description={t('sms.phoneHelp')}
              name="phone"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              required
              value={phoneNumber}
              onChange={(event) => setPhoneNumber(event.currentTarget.value)}
              error={fieldErrors.phoneNumber}
            />
            <Button type="submit" loading={smsState.loading} fullWidth mt="xs">
              {t('sms.send')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => go({ kind: 'chooseMethod', challenge: step.challenge })}
            >
              {t('enrol.other')}
            </Anchor>
          </Stack>
        </form>
      );
      break;
    case 'recoveryCodes':
      intro = t('recovery.intro');
      body = (
        <Stack gap="sm">
          <SimpleGrid
            cols={2}
            spacing="xs"
            component="ul"
            aria-label={t('recovery.listLabel')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {step.codes.map((recoveryCode) => (
              <li key={recoveryCode}>
                <Text component="code" ff="monospace">
                  {recoveryCode}
                </Text>
              </li>
            ))}
          </SimpleGrid>
          <Checkbox
            label={t('recovery.saved')}
            checked={codesSaved}
            onChange={(event) => setCodesSaved(event.currentTarget.checked)}
          />
          <Button disabled={!codesSaved} onClick={() => finish(step.session)} fullWidth>
            {t('recovery.continue')}
          </Button>
        </Stack>
      );
      break;
    case 'code': {
      const sms = step.challenge.methods.includes('SMS') && !step.challenge.methods.includes('TOTP');
      intro = step.recovery
        ? t('code.recoveryIntro')
        : sms
          ? t('code.smsIntro', { to: step.sentTo ?? '' })
          : t('code.totpIntro');
      body = (
        <form onSubmit={submitCode(step.challenge, step.recovery)} noValidate>
          <Stack gap="sm">
            {step.recovery ? codeInput(t('code.recoveryCode'), true) : codeInput(t('code.code'))}
            <Button type="submit" loading={completeState.loading} fullWidth mt="xs">
              {t('code.submit')}
            </Button>
            {sms && !step.recovery ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => resend(step.challenge)}
                disabled={resendState.loading}
              >
                {t('code.resend')}
              </Anchor>
            ) : null}
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => go({ ...step, recovery: !step.recovery })}
            >
              {step.recovery ? t('code.useCode') : t('code.useRecovery')}
            </Anchor>
            {restart}
          </Stack>
        </form>
      );
      break;
    }
  }

  return (
    <AuthFrame portalName={portalName}>
      <div>
        <Title order={1} ref={heading} tabIndex={-1}>
          {titles[step.kind]}
        </Title>
        {intro ? (
          <Text c="dimmed" size="sm" mt={4}>
            {intro}
          </Text>
        ) : null}
      </div>
      {signedOut === 'expired' && step.kind === 'credentials' ? (
        <Alert color="orange" variant="light" role="status">
          {tc('error.unauthenticated')}
        </Alert>
      ) : null}
      {notice ? (
        <Alert color="pwBlue" variant="light" role="status">
          {notice}
        </Alert>
      ) : null}
      {failure ? (
        <Alert color="red" variant="light" role="alert" title={t('errorTitle')}>
          {failure}
        </Alert>
      ) : null}
      {body}
      {step.kind === 'credentials' ? (
        <Text size="sm" c="dimmed">
          {t('help')}
        </Text>
      ) : null}
    </AuthFrame>
  );
}
