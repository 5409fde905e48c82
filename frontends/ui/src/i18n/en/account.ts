import type { Catalog } from '../nl';

export const account: Catalog['account'] = {
  activation: {
    title: 'Activate account',
    intro: 'Enter the e-mail address the invitation was sent to and choose a password.',
    email: 'E-mail address',
    emailHelp: 'The address you received the invitation at',
    password: 'Password',
    repeat: 'Repeat password',
    submit: 'Activate account',
    doneTitle: 'Your account is activated',
    done: 'You can now sign in with your username {{username}} and the password you chose. At the first sign-in you set up two-factor authentication.',
    toLogin: 'Go to sign in',
    requestNew: 'Request a new invitation',
    requested:
      'Your request has been received. You will get a new invitation by e-mail, or your occupational health service will contact you.',
    status: {
      EXPIRED: {
        title: 'This activation link has expired',
        body: 'An activation link is valid for 7 days and also lapses when a newer invitation was sent. Request a new invitation.',
      },
      USED: {
        title: 'This activation link has already been used',
        body: 'The account was already activated with this link. Sign in with your username and password, or request a new invitation if that was not you.',
      },
      UNKNOWN: {
        title: 'This activation link is not valid',
        body: 'The link is incomplete or unknown. Check that you used the whole link from the e-mail, or request a new invitation.',
      },
    },
  },
  error: {
    title: 'Activation failed',
    unavailable: 'The activation details could not be loaded. Please try again later.',
    emailRequired: 'Enter a valid e-mail address',
    passwordRequired: 'Enter a password',
    passwordRules: 'The password does not meet the rules:',
    PASSWORD_TOO_SHORT: 'The password is shorter than 12 characters.',
    PASSWORD_TOO_LONG: 'The password is longer than 128 characters.',
    PASSWORD_NEEDS_UPPERCASE: 'The password has no uppercase letter.',
    PASSWORD_NEEDS_DIGIT: 'The password has no digit.',
    PASSWORD_CONTAINS_USERNAME: 'The password contains your username.',
    PASSWORD_TOO_COMMON: 'This password is too common or has been breached. Choose another password.',
    PASSWORD_MISMATCH: 'The two passwords are not the same.',
    EMAIL_MISMATCH: 'This e-mail address does not belong to this invitation.',
    TOO_MANY_ATTEMPTS: 'Too many attempts. Wait a few minutes and try again.',
    network: 'The server cannot be reached. Please try again later.',
    unknown: 'Activation failed because of an unexpected error. Please try again later.',
  },
};
