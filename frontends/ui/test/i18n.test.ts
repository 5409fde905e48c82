import { describe, expect, it } from 'vitest';
import { i18n, LOCALE_STORAGE_KEY, setLocale } from '../src';
import { addCatalogs } from '../src';
import { common as enCommon } from '../src/i18n/en/common';
import { common as nlCommon } from '../src/i18n/nl/common';
import { describeCatalogParity } from './catalog-checks';

describeCatalogParity({
  nl: { common: nlCommon },
  en: { common: enCommon },
});

describe('catalog ownership', () => {
  it('loads a registered namespace on demand, per language', async () => {
    const requested: string[] = [];
    await addCatalogs('demoRemote', async (locale) => {
      requested.push(locale);
      return { greeting: locale === 'nl' ? 'Hallo {{name}}' : 'Hello {{name}}' };
    });
    expect(requested).toEqual(['nl']);
    expect(i18n.t('demoRemote:greeting' as never, { name: 'Sanne' })).toBe('Hallo Sanne');
    await setLocale('en');
    expect(requested).toEqual(['nl', 'en']);
    expect(i18n.t('demoRemote:greeting' as never, { name: 'Sanne' })).toBe('Hello Sanne');
    await setLocale('nl');
  });
});

describe('i18n instance', () => {
  it('defaults to Dutch', () => {
    expect(i18n.language).toBe('nl');
    expect(i18n.t('common:error.retry')).toBe('Opnieuw proberen');
  });

  it('switches language, remembers the choice and updates <html lang>', async () => {
    await setLocale('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(i18n.t('common:error.retry')).toBe('Try again');
    await setLocale('nl');
    expect(document.documentElement.lang).toBe('nl');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('nl');
  });
});
