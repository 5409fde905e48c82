import { addCatalogs, type CatalogShape } from '@poortwachter/ui';
import type { employeePortal } from './nl/employeePortal';

declare module '@poortwachter/ui' {
  interface Catalogs {
    employeePortal: CatalogShape<typeof employeePortal>;
  }
}

/**
 * This remote's texts, registered with the shared i18n instance when the remote is loaded. Each
 * language is a chunk of this remote's own build: changing a text redeploys this remote only.
 */
export const catalogsReady = addCatalogs('employeePortal', (locale) =>
  locale === 'en'
    ? import(/* webpackChunkName: "i18n-en" */ './en/employeePortal').then((m) => m.employeePortal)
    : import(/* webpackChunkName: "i18n-nl" */ './nl/employeePortal').then((m) => m.employeePortal),
);
