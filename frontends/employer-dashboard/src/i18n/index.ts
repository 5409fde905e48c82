import { addCatalogs, type CatalogShape } from '@poortwachter/ui';
import type { employerDashboard } from './nl/employerDashboard';

declare module '@poortwachter/ui' {
  interface Catalogs {
    employerDashboard: CatalogShape<typeof employerDashboard>;
  }
}

/**
 * This remote's texts, registered with the shared i18n instance when the remote is loaded. Each
 * language is a chunk of this remote's own build: changing a text redeploys this remote only.
 */
export const catalogsReady = addCatalogs('employerDashboard', (locale) =>
  locale === 'en'
    ? import(/* webpackChunkName: "i18n-en" */ './en/employerDashboard').then((m) => m.employerDashboard)
    : import(/* webpackChunkName: "i18n-nl" */ './nl/employerDashboard').then((m) => m.employerDashboard),
);
