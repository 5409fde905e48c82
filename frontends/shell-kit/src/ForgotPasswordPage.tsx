import { Alert, Button, Link, Stack, Text, TextInput, Title, useDocumentTitle, useT } from '@poortwachter/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { AuthFrame } from './AuthFrame';
import { useOperation } from './graphql-request';
import { REQUEST_PASSWORD_RESET } from './login-operations';
import { unexpectedFailure } from './password-errors';

/**
 * "Wachtwoord vergeten": asks for the username and always answers the same, so the page does not
 * tell anyone which usernames exist. The mail carries a single-use link to /wachtwoord-herstellen.
 */
export function ForgotPasswordPage({ portalName }: { portalName: string }) {
  const t = useT('account');
  const [username, setUsername] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [request, state] = useOperation(REQUEST_PASSWORD_RESET);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = sent ? t('forgot.sentTitle') : t('forgot.title');
  useDocumentTitle(title, portalName);

  useEffect(() => {
    if (sent) heading.current?.focus();
  }, [sent]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    if (!username.trim()) {
      setFieldError(t('forgot.usernameRequired'));
      return;
    }
    setFieldError(undefined);
    try {
      await request({ username: username.trim() });
      setSent(true);
    } catch (error) {
      setFailure(unexpectedFailure(error, t));
    }
  }

  return (
    <AuthFrame portalName={portalName}>
      <div>
        <Title order={1} ref={heading} tabIndex={-1}>
          {title}
        </Title>
        {sent ? null : (
          <Text c="dimmed" size="sm" mt={4}>
            {t('forgot.intro')}
          </Text>
        )}
      </div>
      {failure ? (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      ) : null}
      {sent ? (
        <Alert color="green" variant="light" role="status">
          {t('forgot.sent')}
        </Alert>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('forgot.username')}
              description={t('forgot.usernameHelp')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              error={fieldError}
            />
            <Button type="submit" loading={state.loading} fullWidth>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Text size="sm">
        <Link to="/inloggen">{t('forgot.toLogin')}</Link>
      </Text>
    </AuthFrame>
  );
}
