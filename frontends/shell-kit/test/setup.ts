import '@poortwachter/ui/test-setup';
import { registerCatalogs } from '@poortwachter/ui';
import { account as enAccount } from '../src/i18n/en/account';
import { login as enLogin } from '../src/i18n/en/login';
import { shell as enShell } from '../src/i18n/en/shell';
import { account as nlAccount } from '../src/i18n/nl/account';
import { login as nlLogin } from '../src/i18n/nl/login';
import { shell as nlShell } from '../src/i18n/nl/shell';
// The namespaces' types (module augmentation).
import '../src/i18n';

/** The shell kit's catalogs in both languages, for the kit's tests and the shells' tests. */
export const shellKitCatalogs = {
  nl: { shell: nlShell, login: nlLogin, account: nlAccount },
  en: { shell: enShell, login: enLogin, account: enAccount },
};

registerCatalogs(shellKitCatalogs);
