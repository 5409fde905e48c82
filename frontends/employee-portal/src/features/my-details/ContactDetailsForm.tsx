import { useMutation } from '@apollo/client/react';
import { Alert, Box, Button, Group, Stack, TextInput } from '@poortwachter/ui';
import { useState, type FormEvent } from 'react';
import { failureCode, useMessages } from '../../messages';
import { UPDATE_MY_CONTACT_DETAILS, type MyDetails } from './operations';

/** Phone and e-mail: the employee changes these directly (the arbodienst must be able to reach them). */
export function ContactDetailsForm({ person }: { person: MyDetails }) {
  const { t, failure } = useMessages();
  const [email, setEmail] = useState(person.email ?? '');
  const [phone, setPhone] = useState(person.phone ?? '');
  const [saved, setSaved] = useState(false);
  const [update, { loading, error }] = useMutation(UPDATE_MY_CONTACT_DETAILS);
  const code = error ? failureCode(error) : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    try {
      await update({ variables: { email: email.trim(), phone: phone.trim() } });
      setSaved(true);
    } catch {
      // Shown below, at the field when the code names one.
    }
  };
  const changed = email.trim() !== (person.email ?? '') || phone.trim() !== (person.phone ?? '');
  return (
    <Box component="form" onSubmit={(event) => void submit(event)} noValidate maw={480}>
      <Stack gap="sm">
        <TextInput
          label={t('details.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setSaved(false);
          }}
          error={code === 'INVALID_EMAIL' ? t('errors.INVALID_EMAIL') : undefined}
        />
        <TextInput
          label={t('details.phone')}
          description={t('details.phoneHelp')}
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(event) => {
            setPhone(event.currentTarget.value);
            setSaved(false);
          }}
          error={code === 'INVALID_PHONE_NUMBER' ? t('errors.INVALID_PHONE_NUMBER') : undefined}
        />
        {error && code !== 'INVALID_EMAIL' && code !== 'INVALID_PHONE_NUMBER' ? (
          <Alert role="alert" color="red" variant="light" title={t('details.saveFailed')}>
            {failure(error)}
          </Alert>
        ) : null}
        {saved ? (
          <Alert role="status" color="green" variant="light">
            {t('details.saved')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={loading} disabled={!changed}>
            {t('details.saveContact')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
