import { addCatalogs, type CatalogShape } from '@poortwachter/ui';
import { employeeShell } from './nl/employeeShell';

declare module '@poortwachter/ui' {
  interface Catalogs {
    employeeShell: CatalogShape<typeof employeeShell>;
  }
}

/** The employee shell's texts: Dutch bundled (the login page and the menu need it at once), English on demand. */
export function registerEmployeeShellCatalogs(): Promise<void> {
  return addCatalogs(
    'employeeShell',
    (locale) =>
      locale === 'nl' ? Promise.resolve(employeeShell) : import('./en/employeeShell').then((m) => m.employeeShell),
    { bundled: { nl: employeeShell } },
  );
}
