import type { CatalogShape } from '@poortwachter/ui';
import type { shell as dutch } from '../nl/shell';

export const shell: CatalogShape<typeof dutch> = {
  nav: {
    account: 'My account',
  },
  user: {
    signedInAs: 'Signed in as {{name}}',
    logout: 'Sign out',
  },
  session: {
    expired: 'Your session has expired. Please sign in again.',
    loggedOut: 'You have been signed out.',
  },
  config: {
    errorTitle: 'The portal could not be started',
    error: 'The portal configuration could not be loaded. Please try again in a few moments.',
  },
  footer: 'Poortwachter: absence guidance under the Dutch Gatekeeper Improvement Act',
};
