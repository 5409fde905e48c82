import i18next, { type i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { nl, type Catalog, type Namespace } from './nl';

export type { Catalog, Namespace };

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'poortwachter.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Catalog;
  }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be blocked (privacy settings); the default language then applies.
    return null;
  }
}

function applyLocale(locale: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/**
 * The one i18next instance of the platform. The design system is a module-federation singleton,
 * so the shells and every remote translate through this same instance.
 */
export const i18n: I18n = i18next.createInstance();

/**
 * The catalogs of the other languages load on demand (a chunk of their own): most users never
 * switch, and every byte of the first page counts on a phone.
 */
const OTHER_LANGUAGES: Partial<Record<Locale, () => Promise<Catalog>>> = {
  en: () => import(/* webpackChunkName: "i18n-en" */ './en').then((module) => module.en),
};

/** Adds a language's catalog to the instance if it is not there yet. */
async function ensureLanguage(locale: Locale): Promise<void> {
  const load = OTHER_LANGUAGES[locale];
  if (!load || i18n.hasResourceBundle(locale, 'common')) return;
  const catalog = await load();
  for (const [ns, bundle] of Object.entries(catalog)) i18n.addResourceBundle(locale, ns, bundle, true, true);
}

/**
 * Initialises the instance once; later calls only return it. The stored choice wins over
 * `fallbackLocale`. Dutch is bundled, so a Dutch start is synchronous; another language shows
 * Dutch until its catalog has loaded (use `loadI18n` to wait for it instead).
 */
export function initI18n(fallbackLocale: Locale = DEFAULT_LOCALE): I18n {
  if (i18n.isInitialized) return i18n;
  const lng = storedLocale() ?? fallbackLocale;
  void i18n.use(initReactI18next).init({
    resources: { nl },
    partialBundledLanguages: true,
    lng,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: Object.keys(nl),
    defaultNS: 'common',
    // Resources are bundled, so initialisation can be synchronous: no flash of untranslated keys.
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLocale(lng);
  i18n.on('languageChanged', applyLocale);
  // Changing to the same language again after the catalog arrived makes react-i18next re-render.
  if (lng !== DEFAULT_LOCALE) void ensureLanguage(lng).then(() => i18n.changeLanguage(lng));
  return i18n;
}

/** `initI18n`, then waits until the chosen language's catalog is there (what a shell does before its first render). */
export async function loadI18n(fallbackLocale: Locale = DEFAULT_LOCALE): Promise<I18n> {
  const instance = initI18n(fallbackLocale);
  const current = instance.language;
  if (isLocale(current)) await ensureLanguage(current);
  return instance;
}

/** Switches the language, remembers it, and updates `<html lang>`. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not being able to remember the choice must not block switching.
  }
  await ensureLanguage(locale);
  await i18n.changeLanguage(locale);
}

/** The translate function of one namespace, e.g. `const t = useT('login')`. */
export function useT<N extends Namespace = 'common'>(ns?: N) {
  return useTranslation((ns ?? 'common') as N).t;
}

/** The current locale and a setter; components re-render when it changes. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { i18n: instance } = useTranslation();
  const current = instance.resolvedLanguage ?? instance.language;
  const change = useCallback((locale: Locale) => void setLocale(locale), []);
  return { locale: isLocale(current) ? current : DEFAULT_LOCALE, setLocale: change };
}

/** Readable fallback for an enum value the catalog does not know yet: `NO_SHOW` → `No show`. */
function humanize(value: string): string {
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Labels for API enum values (`<prefix>.<VALUE>` in a namespace). Values the catalog does not know
 * yet are shown humanised instead of as a raw key, so a new enum value never breaks a screen.
 */
export function useEnumLabel(ns: Namespace, prefix: string): (value: string | null | undefined) => string {
  const { t, i18n: instance } = useTranslation(ns);
  const translate = t as unknown as (key: string) => string;
  return useCallback(
    (value) => {
      if (!value) return '—';
      const key = `${prefix}.${value}`;
      return instance.exists(key, { ns }) ? translate(key) : humanize(value);
    },
    // `t` changes identity with the language, which is what should refresh the labels.
    [instance, ns, prefix, translate],
  );
}
