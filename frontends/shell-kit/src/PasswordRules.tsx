import { List, PasswordInput, Text, useDebouncedValue, useT } from '@poortwachter/ui';
import { useOperationResult } from './graphql-request';
import { PASSWORD_STRENGTH } from './login-operations';

/** The portal's password rules, in the order the manual lists them, with the server's violation code. */
export const PASSWORD_RULES = [
  ['minLength', 'PASSWORD_TOO_SHORT'],
  ['uppercase', 'PASSWORD_NEEDS_UPPERCASE'],
  ['digit', 'PASSWORD_NEEDS_DIGIT'],
  ['maxLength', 'PASSWORD_TOO_LONG'],
  ['username', 'PASSWORD_CONTAINS_USERNAME'],
  ['common', 'PASSWORD_TOO_COMMON'],
] as const;

const SCORE_KEYS = ['veryWeak', 'weak', 'fair', 'good', 'strong'] as const;

/** The rule checklist with a live strength hint from the server (zxcvbn, offline there). */
export function PasswordRules({ password, username }: { password: string; username?: string }) {
  const t = useT('login');
  const [debounced] = useDebouncedValue(password, 300);
  const { data } = useOperationResult(
    PASSWORD_STRENGTH,
    { password: debounced, username: username ?? null },
    { skip: !debounced },
  );
  const strength = debounced ? data?.passwordStrength : undefined;
  return (
    <div>
      <Text size="sm" fw={600} id="pw-password-rules">
        {t('rules.title')}
      </Text>
      <List size="sm" aria-labelledby="pw-password-rules">
        {PASSWORD_RULES.map(([key, code]) => {
          const state = strength ? (strength.violations.includes(code) ? 'broken' : 'met') : 'unknown';
          return (
            <List.Item key={key} c={state === 'broken' ? 'red.8' : state === 'met' ? 'green.9' : undefined}>
              {t(`rules.${key}`)}
              {state === 'unknown' ? null : <span>{` (${t(`rules.${state}`)})`}</span>}
            </List.Item>
          );
        })}
      </List>
      <Text size="sm" mt={4} aria-live="polite">
        {strength
          ? t('strength.label', {
              value: t(`strength.${SCORE_KEYS[Math.max(0, Math.min(4, strength.score))]!}`),
            })
          : ''}
      </Text>
    </div>
  );
}

/**
 * A new password and its repetition under the rule checklist: what activation and the first
 * login with a provisional password both ask for.
 */
export function NewPasswordFields(props: {
  password: string;
  passwordRepeat: string;
  onPasswordChange: (value: string) => void;
  onPasswordRepeatChange: (value: string) => void;
  passwordLabel: string;
  repeatLabel: string;
  errors: { password?: string; passwordRepeat?: string };
  username?: string;
}) {
  return (
    <>
      <PasswordRules password={props.password} username={props.username} />
      <PasswordInput
        label={props.passwordLabel}
        name="new-password"
        autoComplete="new-password"
        required
        value={props.password}
        onChange={(event) => props.onPasswordChange(event.currentTarget.value)}
        error={props.errors.password}
      />
      <PasswordInput
        label={props.repeatLabel}
        name="new-password-repeat"
        autoComplete="new-password"
        required
        value={props.passwordRepeat}
        onChange={(event) => props.onPasswordRepeatChange(event.currentTarget.value)}
        error={props.errors.passwordRepeat}
      />
    </>
  );
}
