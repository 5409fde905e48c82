import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Catalog, Namespace } from './nl';
import { common } from './nl/common';
import { login } from './nl/login';
import { shell } from './nl/shell';

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
 * The Dutch namespaces every page of a shell needs from the first paint (the design system's own
 * strings, the shell's frame and the login page) are bundled. Every other namespace, and every
 * namespace of another language, is a chunk of its own that loads when it is first used: a
 * remote's namespace when the shell loads that remote (`loadNamespaces`), a page's namespace when
 * the page first renders (react-i18next suspends until it is there), another language when the
 * user switches. Most users never switch, and every byte of the first page counts on a phone.
 */
const BUNDLED = { common, shell, login } satisfies Partial<Catalog>;

/** The i18next backend that imports `./<language>/<namespace>.ts` on demand (one chunk per file). */
const catalogChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    if (!isLocale(language) || !/^\w+$/.test(namespace)) {
      callback(new Error(`No catalog ${language}/${namespace}`), false);
      return;
    }
    import(
      /* webpackChunkName: "i18n-[request]" */
      /* webpackInclude: /[\\/](nl|en)[\\/]\w+\.ts$/ */
      `./${language}/${namespace}.ts`
    ).then(
      (module: Record<string, unknown>) => callback(null, (module[namespace] ?? null) as Record<string, unknown> | null),
      // `true`: i18next tries a failed load again a few times (a flaky connection).
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

/**
 * Initialises the instance once; later calls only return it. The stored choice wins over
 * `fallbackLocale`. The first page's Dutch namespaces are bundled, so a Dutch start is
 * synchronous; another language shows Dutch until its catalog has loaded (use `loadI18n` to wait
 * for it instead).
 */
export function initI18n(fallbackLocale: Locale = DEFAULT_LOCALE): I18n {
  // Not `isInitialized`: a start in another language completes only when its catalogs arrived.
  if (i18n.isInitialized || i18n.isInitializing) return i18n;
  const lng = storedLocale() ?? fallbackLocale;
  void i18n
    .use(catalogChunks)
    .use(initReactI18next)
    .init({
      resources: { nl: BUNDLED },
      partialBundledLanguages: true,
      lng,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      ns: Object.keys(BUNDLED),
      defaultNS: 'common',
      // The first page's namespaces are bundled, so initialisation can be synchronous: no flash of untranslated keys.
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  applyLocale(lng);
  i18n.on('languageChanged', applyLocale);
  return i18n;
}

/**
 * `initI18n`, then waits until the chosen language's catalog is there (what a shell does before
 * its first render).
 */
export async function loadI18n(fallbackLocale: Locale = DEFAULT_LOCALE): Promise<I18n> {
  const instance = initI18n(fallbackLocale);
  // Loads what the language still lacks (nothing for Dutch) and re-renders react-i18next when it arrived.
  if (instance.language !== DEFAULT_LOCALE) await instance.changeLanguage(instance.language);
  return instance;
}

/**
 * Loads namespaces (in the current language and Dutch, the fallback) before they are needed: the
 * shell calls it while it loads a remote, so the remote's first render has its texts.
 */
export async function loadNamespaces(...namespaces: Namespace[]): Promise<void> {
  await initI18n().loadNamespaces(namespaces);
}

/**
 * Adds whole catalogs at once, without loading anything: the test setup registers every
 * namespace of both languages, so components render their texts synchronously in tests.
 */
export function registerCatalogs(catalogs: Partial<Record<Locale, Partial<Catalog>>>): void {
  const instance = initI18n();
  for (const [locale, catalog] of Object.entries(catalogs)) {
    for (const [ns, bundle] of Object.entries(catalog ?? {})) {
      instance.addResourceBundle(locale, ns, bundle, true, true);
      if (Array.isArray(instance.options.ns) && !instance.options.ns.includes(ns)) instance.options.ns.push(ns);
    }
  }
}

/** Switches the language (loading its catalogs first), remembers it, and updates `<html lang>`. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not being able to remember the choice must not block switching.
  }
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
