import { PasswordInput as MantinePasswordInput, type PasswordInputProps } from '@mantine/core';
import { useT } from '../i18n';

/** Mantine's password field with the show/hide button labelled in the user's language (Mantine's own label is English). */
export function PasswordInput({ visibilityToggleButtonProps, ...props }: PasswordInputProps) {
  const t = useT();
  return (
    <MantinePasswordInput
      {...props}
      visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility'), ...visibilityToggleButtonProps }}
    />
  );
}
