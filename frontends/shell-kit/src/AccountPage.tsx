import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  errorCode,
  ErrorPanel,
  Group,
  isLocale,
  LoadingState,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  useDocumentTitle,
  useLocale,
  useT,
  type Locale,
} from '@poortwachter/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  ACCOUNT,
  BEGIN_SMS_ENROLMENT,
  BEGIN_TOTP_ENROLMENT,
  CHANGE_PASSWORD,
  CONFIRM_TWO_FACTOR_ENROLMENT,
  START_FACTOR_CHANGE,
  UPDATE_MY_SETTINGS,
  VERIFY_CURRENT_FACTOR,
  type AccountViewer,
  type UserSettingsData,
} from './account-operations';
import type { LoginChallengeData } from './login-operations';
import { NewPasswordFields } from './PasswordRules';
import { passwordFailure } from './password-errors';
import { useSessionStore } from './session';

const NO_CACHE = { fetchPolicy: 'no-cache' } as const;
type AccountT = ReturnType<typeof useT<'account'>>;

/** Error code → the account namespace's text; unknown codes get the generic message. */
function explain(error: unknown, t: AccountT): ReactNode {
  const code = errorCode(error) ?? '';
  const password = passwordFailure(error, t);
  if (password) return password;
  const known = [
    'INVALID_CREDENTIALS',
    'INVALID_CODE',
    'INVALID_PHONE_NUMBER',
    'INVALID_DAYS_AHEAD',
    'LOGIN_CHALLENGE_INVALID',
    'TOO_MANY_ATTEMPTS',
    'RATE_LIMITED',
  ] as const;
  return (known as readonly string[]).includes(code)
    ? t(`settings.error.${code as (typeof known)[number]}`)
    : t('error.unknown');
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Feedback({ failure, notice, t }: { failure: ReactNode; notice: string | null; t: AccountT }) {
  return (
    <>
      {failure ? (
        <Alert color="red" variant="light" role="alert" title={t('settings.error.title')}>
          {failure}
        </Alert>
      ) : null}
      {notice ? (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      ) : null}
    </>
  );
}

function PasswordSection({ username }: { username: string }) {
  const t = useT('account');
  const store = useSessionStore();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ current?: string; password?: string; passwordRepeat?: string }>({});
  const [failure, setFailure] = useState<ReactNode>(null);
  const [changed, setChanged] = useState(false);
  const [change, state] = useMutation(CHANGE_PASSWORD, NO_CACHE);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const required = t('settings.error.required');
    const next = {
      current: current ? undefined : required,
      password: password ? undefined : required,
      passwordRepeat: repeat ? undefined : required,
    };
    setErrors(next);
    setFailure(null);
    if (next.current || next.password || next.passwordRepeat) return;
    try {
      await change({ variables: { input: { currentPassword: current, password, passwordRepeat: repeat } } });
      setChanged(true);
    } catch (error) {
      setFailure(explain(error, t));
    } finally {
      setCurrent('');
    }
  }

  if (changed) {
    return (
      <Section title={t('settings.password.title')} id="pw-account-password">
        <Alert color="green" variant="light" role="status">
          {t('settings.passwordChanged')}
        </Alert>
        {/* Every session ended on the server, this one too: the way on is a fresh sign-in. */}
        <Button onClick={() => store.signOut('logout')}>{t('activation.toLogin')}</Button>
      </Section>
    );
  }
  return (
    <Section title={t('settings.password.title')} id="pw-account-password">
      <Text size="sm" c="dimmed">
        {t('settings.password.intro')}
      </Text>
      <Feedback failure={failure} notice={null} t={t} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('settings.password.current')}
            name="current-password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={errors.current}
          />
          <NewPasswordFields
            password={password}
            passwordRepeat={repeat}
            onPasswordChange={setPassword}
            onPasswordRepeatChange={setRepeat}
            passwordLabel={t('settings.password.new')}
            repeatLabel={t('settings.password.repeat')}
            errors={errors}
            username={username}
          />
          <Group>
            <Button type="submit" loading={state.loading}>
              {t('settings.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

type FactorStep =
  | { kind: 'idle' }
  | { kind: 'password' }
  | { kind: 'verify'; challenge: LoginChallengeData; recovery: boolean }
  | { kind: 'choose'; challenge: LoginChallengeData }
  | { kind: 'totp'; challenge: LoginChallengeData; secret: string; qrCodeDataUrl: string }
  | { kind: 'smsPhone'; challenge: LoginChallengeData }
  | { kind: 'smsCode'; challenge: LoginChallengeData; sentTo: string }
  | { kind: 'done'; codes: string[] };

/** Changing the phone number or method: password, a code of the current factor, then the new factor (employee manual §2). */
function FactorSection({ viewer, onChanged }: { viewer: AccountViewer; onChanged: () => void }) {
  const t = useT('account');
  // The SMS labels are the login page's: one wording for the same field everywhere.
  const tl = useT('login');
  const store = useSessionStore();
  const [step, setStep] = useState<FactorStep>({ kind: 'idle' });
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ReactNode>(null);
  const [start, startState] = useMutation(START_FACTOR_CHANGE, NO_CACHE);
  const [verify, verifyState] = useMutation(VERIFY_CURRENT_FACTOR, NO_CACHE);
  const [beginTotp, totpState] = useMutation(BEGIN_TOTP_ENROLMENT, NO_CACHE);
  const [beginSms, smsState] = useMutation(BEGIN_SMS_ENROLMENT, NO_CACHE);
  const [confirm, confirmState] = useMutation(CONFIRM_TWO_FACTOR_ENROLMENT, NO_CACHE);

  function go(next: FactorStep) {
    setValue('');
    setFieldError(undefined);
    setFailure(null);
    setStep(next);
  }

  async function attempt(action: () => Promise<void>) {
    setFailure(null);
    if (!value.trim() && step.kind !== 'choose') {
      setFieldError(t('settings.error.required'));
      return;
    }
    setFieldError(undefined);
    try {
      await action();
    } catch (error) {
      setFailure(explain(error, t));
      if (errorCode(error) === 'LOGIN_CHALLENGE_INVALID') setStep({ kind: 'password' });
    } finally {
      setValue('');
    }
  }

  const submit = (action: () => Promise<void>) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void attempt(action);
  };

  const field = (
    label: string,
    props: {
      type?: string;
      autoComplete?: string;
      inputMode?: 'numeric' | 'tel' | 'text';
      password?: boolean;
    },
  ) =>
    props.password ? (
      <PasswordInput
        label={label}
        autoComplete="current-password"
        required
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        error={fieldError}
      />
    ) : (
      <TextInput
        label={label}
        type={props.type}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        autoCapitalize="none"
        spellCheck={false}
        required
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        error={fieldError}
      />
    );
  const actions = (submitLabel: string, loading: boolean) => (
    <Group>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
      <Button variant="default" onClick={() => go({ kind: 'idle' })}>
        {t('settings.factor.cancel')}
      </Button>
    </Group>
  );
  const confirmCode = (challenge: LoginChallengeData) => async () => {
    const result = await confirm({ variables: { challengeId: challenge.challengeId, code: value.trim() } });
    const confirmed = result.data!.confirmTwoFactorEnrolment;
    // The change ended every session of the account; the answer carries the new one.
    store.signIn({
      accessToken: confirmed.session.accessToken,
      expiresAt: confirmed.session.accessTokenExpiresAt,
      user: confirmed.session.user,
    });
    go({ kind: 'done', codes: confirmed.recoveryCodes });
    onChanged();
  };

  let body: ReactNode;
  switch (step.kind) {
    case 'idle':
      body = (
        <>
          <Text>
            {viewer.twoFactorMethod
              ? t('settings.factor.current', {
                  method: t(`settings.factor.method.${viewer.twoFactorMethod}`),
                })
              : t('settings.factor.none')}
          </Text>
          <Group>
            {/* The label is long for a phone: it wraps instead of being cut off. */}
            <Button
              variant="outline"
              h="auto"
              py={6}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              onClick={() => go({ kind: 'password' })}
            >
              {t('settings.factor.change')}
            </Button>
          </Group>
        </>
      );
      break;
    case 'password':
      body = (
        <form
          onSubmit={submit(async () => {
            const challenge = (await start({ variables: { password: value } })).data!.startFactorChange;
            go(
              challenge.enrolmentRequired
                ? { kind: 'choose', challenge }
                : { kind: 'verify', challenge, recovery: false },
            );
          })}
          noValidate
        >
          <Stack gap="sm">
            <Text size="sm">{t('settings.factor.passwordIntro')}</Text>
            {field(t('settings.factor.password'), { password: true })}
            {actions(t('settings.factor.next'), startState.loading)}
          </Stack>
        </form>
      );
      break;
    case 'verify': {
      const sms = step.challenge.methods.includes('SMS');
      body = (
        <form
          onSubmit={submit(async () => {
            const code = value.trim();
            const variables = step.recovery
              ? { challengeId: step.challenge.challengeId, recoveryCode: code }
              : { challengeId: step.challenge.challengeId, code };
            const challenge = (await verify({ variables })).data!.verifyCurrentFactor;
            go({ kind: 'choose', challenge });
          })}
          noValidate
        >
          <Stack gap="sm">
            <Text size="sm">
              {step.recovery
                ? t('settings.factor.recoveryCode')
                : sms
                  ? t('settings.factor.verifySms', { to: step.challenge.smsSentTo ?? '' })
                  : t('settings.factor.verifyTotp')}
            </Text>
            {step.recovery
              ? field(t('settings.factor.recoveryCode'), { autoComplete: 'off' })
              : field(t('settings.factor.code'), { autoComplete: 'one-time-code', inputMode: 'numeric' })}
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => go({ ...step, recovery: !step.recovery })}
            >
              {step.recovery ? t('settings.factor.useCode') : t('settings.factor.useRecovery')}
            </Anchor>
            {actions(t('settings.factor.verify'), verifyState.loading)}
          </Stack>
        </form>
      );
      break;
    }
    case 'choose':
      body = (
        <Stack gap="sm">
          <Text size="sm">{t('settings.factor.choose')}</Text>
          <Group>
            <Button
              loading={totpState.loading}
              onClick={() =>
                void attempt(async () => {
                  const enrolment = (
                    await beginTotp({ variables: { challengeId: step.challenge.challengeId } })
                  ).data!.beginTotpEnrolment;
                  go({
                    kind: 'totp',
                    challenge: step.challenge,
                    secret: enrolment.secret,
                    qrCodeDataUrl: enrolment.qrCodeDataUrl,
                  });
                })
              }
            >
              {t('settings.factor.totp')}
            </Button>
            <Button variant="outline" onClick={() => go({ kind: 'smsPhone', challenge: step.challenge })}>
              {t('settings.factor.sms')}
            </Button>
            <Button variant="default" onClick={() => go({ kind: 'idle' })}>
              {t('settings.factor.cancel')}
            </Button>
          </Group>
        </Stack>
      );
      break;
    case 'totp':
      body = (
        <form onSubmit={submit(confirmCode(step.challenge))} noValidate>
          <Stack gap="sm">
            <TotpInstructions secret={step.secret} qrCodeDataUrl={step.qrCodeDataUrl} />
            {field(t('settings.factor.code'), { autoComplete: 'one-time-code', inputMode: 'numeric' })}
            {actions(t('settings.factor.verify'), confirmState.loading)}
          </Stack>
        </form>
      );
      break;
    case 'smsPhone':
      body = (
        <form
          onSubmit={submit(async () => {
            const sent = (
              await beginSms({
                variables: { challengeId: step.challenge.challengeId, phoneNumber: value.trim() },
              })
            ).data!.beginSmsEnrolment;
            go({ kind: 'smsCode', challenge: step.challenge, sentTo: sent.sentTo });
          })}
          noValidate
        >
          <Stack gap="sm">
            {field(tl('sms.phone'), { type: 'tel', autoComplete: 'tel', inputMode: 'tel' })}
            {actions(tl('sms.send'), smsState.loading)}
          </Stack>
        </form>
      );
      break;
    case 'smsCode':
      body = (
        <form onSubmit={submit(confirmCode(step.challenge))} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('settings.factor.verifySms', { to: step.sentTo })}</Text>
            {field(t('settings.factor.code'), { autoComplete: 'one-time-code', inputMode: 'numeric' })}
            {actions(t('settings.factor.verify'), confirmState.loading)}
          </Stack>
        </form>
      );
      break;
    case 'done':
      body = (
        <>
          <Alert color="green" variant="light" role="status">
            {t('settings.factor.done')}
          </Alert>
          <SimpleGrid
            cols={2}
            spacing="xs"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {step.codes.map((code) => (
              <li key={code}>
                <Text component="code" ff="monospace">
                  {code}
                </Text>
              </li>
            ))}
          </SimpleGrid>
          <Group>
            <Button onClick={() => go({ kind: 'idle' })}>{t('settings.factor.finish')}</Button>
          </Group>
        </>
      );
      break;
  }
  return (
    <Section title={t('settings.factor.title')} id="pw-account-factor">
      <Feedback failure={failure} notice={null} t={t} />
      {body}
    </Section>
  );
}

function TotpInstructions({ secret, qrCodeDataUrl }: { secret: string; qrCodeDataUrl: string }) {
  const t = useT('login');
  return (
    <>
      <Text size="sm">{t('totp.intro')}</Text>
      <img src={qrCodeDataUrl} alt={t('totp.qrAlt')} width={200} height={200} />
      <Text size="sm">{t('totp.manual')}</Text>
      <Text
        component="p"
        ff="monospace"
        fw={600}
        data-testid="totp-secret"
        aria-label={t('totp.secretLabel')}
      >
        {secret.replace(/(.{4})/g, '$1 ').trim()}
      </Text>
    </>
  );
}

function SettingsSections({
  settings,
  showNotifications,
}: {
  settings: UserSettingsData;
  showNotifications: boolean;
}) {
  const t = useT('account');
  const { locale, setLocale } = useLocale();
  const [update, state] = useMutation(UPDATE_MY_SETTINGS, NO_CACHE);
  const [digest, setDigest] = useState(settings.dailyDigest);
  const [days, setDays] = useState(String(settings.actionListDaysAhead));
  const [daysError, setDaysError] = useState<string | undefined>();
  const [languageNotice, setLanguageNotice] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ReactNode>(null);

  async function changeLanguage(value: string) {
    if (!isLocale(value)) return;
    setLanguageNotice(null);
    setLocale(value as Locale);
    try {
      await update({ variables: { input: { locale: value } } });
      setLanguageNotice(t('settings.language.saved'));
    } catch (error) {
      setFailure(explain(error, t));
    }
  }

  async function saveNotifications(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    setFailure(null);
    const value = Number(days);
    if (!Number.isInteger(value) || value < 1 || value > 365) {
      setDaysError(t('settings.error.INVALID_DAYS_AHEAD'));
      return;
    }
    setDaysError(undefined);
    try {
      await update({ variables: { input: { dailyDigest: digest, actionListDaysAhead: value } } });
      setNotice(t('settings.notifications.saved'));
    } catch (error) {
      setFailure(explain(error, t));
    }
  }

  return (
    <>
      <Section title={t('settings.language.title')} id="pw-account-language">
        <NativeSelect
          label={t('settings.language.label')}
          value={locale}
          data={[
            { value: 'nl', label: t('settings.language.nl') },
            { value: 'en', label: t('settings.language.en') },
          ]}
          onChange={(event) => void changeLanguage(event.currentTarget.value)}
          maw={320}
        />
        <Feedback failure={null} notice={languageNotice} t={t} />
      </Section>
      {showNotifications ? (
        <Section title={t('settings.notifications.title')} id="pw-account-notifications">
          <Feedback failure={failure} notice={notice} t={t} />
          <form onSubmit={(event) => void saveNotifications(event)} noValidate>
            <Stack gap="sm">
              <Checkbox
                label={t('settings.notifications.dailyDigest')}
                checked={digest}
                onChange={(event) => setDigest(event.currentTarget.checked)}
              />
              <TextInput
                label={t('settings.notifications.daysAhead')}
                description={t('settings.notifications.daysAheadHelp')}
                type="number"
                min={1}
                max={365}
                inputMode="numeric"
                value={days}
                onChange={(event) => setDays(event.currentTarget.value)}
                error={daysError}
                maw={240}
              />
              <Group>
                <Button type="submit" loading={state.loading}>
                  {t('settings.notifications.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Section>
      ) : null}
    </>
  );
}

/**
 * "Mijn account" (/account) in both shells: password, second factor, language, and for the
 * employer shell's roles the daily digest and the action list horizon (employer manual, "Mijn instellingen").
 */
export function AccountPage({
  portalName,
  showNotifications,
}: {
  portalName: string;
  showNotifications: boolean;
}) {
  const t = useT('account');
  const tc = useT();
  useDocumentTitle(t('settings.title'), portalName);
  const account = useQuery(ACCOUNT, { fetchPolicy: 'network-only' });
  let content: ReactNode;
  if (account.loading && !account.data) content = <LoadingState label={t('settings.loading')} />;
  else if (!account.data?.viewer) {
    content = (
      <ErrorPanel
        title={t('settings.title')}
        message={t('error.unavailable')}
        onRetry={() => void account.refetch()}
      />
    );
  } else {
    const viewer = account.data.viewer;
    content = (
      <>
        <Section title={t('settings.account.title')} id="pw-account-details">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" component="dl" style={{ margin: 0 }}>
            {(
              [
                [t('settings.account.username'), viewer.username],
                [t('settings.account.email'), viewer.email ?? '—'],
                [t('settings.account.role'), tc(`role.${viewer.role}`)],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <Text component="dt" size="sm" c="dimmed">
                  {label}
                </Text>
                <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
                  {value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Section>
        <PasswordSection username={viewer.username} />
        <FactorSection viewer={viewer} onChanged={() => void account.refetch()} />
        <SettingsSections settings={account.data.mySettings} showNotifications={showNotifications} />
      </>
    );
  }
  return (
    <Stack gap="md" maw={760}>
      <div>
        <Title order={1}>{t('settings.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('settings.intro')}
        </Text>
      </div>
      {content}
    </Stack>
  );
}
