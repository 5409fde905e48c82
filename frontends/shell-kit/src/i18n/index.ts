import { addCatalogs, type CatalogShape } from '@poortwachter/ui';
import type { account } from './nl/account';
import { login } from './nl/login';
import { shell } from './nl/shell';

declare module '@poortwachter/ui' {
  interface Catalogs {
    shell: CatalogShape<typeof shell>;
    login: CatalogShape<typeof login>;
    account: CatalogShape<typeof account>;
  }
}

/**
 * The shell kit's own texts. The Dutch frame and login page are bundled (the first paint of every
 * shell needs them); English, and the account pages in either language, are chunks that load when
 * first used.
 */
export function registerShellKitCatalogs(): Promise<void> {
  return Promise.all([
    addCatalogs(
      'shell',
      (locale) => (locale === 'nl' ? Promise.resolve(shell) : import('./en/shell').then((m) => m.shell)),
      { bundled: { nl: shell } },
    ),
    addCatalogs(
      'login',
      (locale) => (locale === 'nl' ? Promise.resolve(login) : import('./en/login').then((m) => m.login)),
      { bundled: { nl: login } },
    ),
    addCatalogs(
      'account',
      (locale) =>
        locale === 'nl' ? import('./nl/account').then((m) => m.account) : import('./en/account').then((m) => m.account),
      { eager: false },
    ),
  ]).then(() => undefined);
}
