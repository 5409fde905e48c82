import { addCatalogs, type CatalogShape } from '@poortwachter/ui';
import type { agenda } from './nl/agenda';

declare module '@poortwachter/ui' {
  interface Catalogs {
    agenda: CatalogShape<typeof agenda>;
  }
}

/**
 * This remote's texts, registered with the shared i18n instance when the remote is loaded. Each
 * language is a chunk of this remote's own build: changing a text redeploys this remote only.
 */
export const catalogsReady = addCatalogs('agenda', (locale) =>
  locale === 'en'
    ? import(/* webpackChunkName: "i18n-en" */ './en/agenda').then((m) => m.agenda)
    : import(/* webpackChunkName: "i18n-nl" */ './nl/agenda').then((m) => m.agenda),
);
