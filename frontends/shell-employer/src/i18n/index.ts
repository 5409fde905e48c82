import { addCatalogs, type CatalogShape } from '@poortwachter/ui';
import type { admin } from './nl/admin';
import { employerShell } from './nl/employerShell';

declare module '@poortwachter/ui' {
  interface Catalogs {
    employerShell: CatalogShape<typeof employerShell>;
    admin: CatalogShape<typeof admin>;
  }
}

/**
 * The employer shell's texts: the Dutch frame bundled (login page and menu need it at once),
 * English on demand; the administration screens' catalogs load when an administrator opens them.
 */
export function registerEmployerShellCatalogs(): Promise<void> {
  return Promise.all([
    addCatalogs(
      'employerShell',
      (locale) =>
        locale === 'nl' ? Promise.resolve(employerShell) : import('./en/employerShell').then((m) => m.employerShell),
      { bundled: { nl: employerShell } },
    ),
    addCatalogs(
      'admin',
      (locale) => (locale === 'nl' ? import('./nl/admin').then((m) => m.admin) : import('./en/admin').then((m) => m.admin)),
      { eager: false },
    ),
  ]).then(() => undefined);
}
