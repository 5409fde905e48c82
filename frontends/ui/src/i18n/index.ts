import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { common } from './nl/common';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * The shape a catalog must have in every language: the Dutch catalog's keys with any strings.
 * A package declares its English catalog as `CatalogShape<typeof nlCatalog>`, so the compiler
 * rejects a missing or extra key.
 */
export type CatalogShape<T> = Widen<T>;

/**
 * Every namespace known to the type checker. The design system declares only its own (`common`);
 * each remote and shell adds its namespaces by augmenting this interface from its own `src/i18n`:
 * `declare module '@poortwachter/ui' { interface Catalogs { agenda: CatalogShape<typeof agenda> } }`.
 * A package therefore sees only its own keys and the design system's, never another remote's.
 */
export interface Catalogs {
  common: CatalogShape<typeof common>;
}
/** The same interface under its older name (`Catalog['employerDashboard']` in the remotes' code). */
export type Catalog = Catalogs;
export type Namespace = keyof Catalogs;

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'poortwachter.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Catalogs;
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

/** Fetches one namespace in one language, typically `import('./en/agenda.ts')` in the owning package. */
export type CatalogLoader = (locale: Locale) => Promise<Record<string, unknown>>;

/**
 * Who can load which namespace. The design system registers `common`; every other namespace is
 * registered by the package that owns it (`addCatalogs`), so a remote's texts ship, and change,
 * with that remote alone.
 */
const loaders = new Map<string, CatalogLoader>([
  ['common', (locale) => (locale === 'nl' ? Promise.resolve(common) : import('./en/common').then((m) => m.common))],
]);

/** The i18next backend: asks the namespace's owner for the language's catalog (one chunk per file). */
const catalogChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = loaders.get(namespace);
    if (!isLocale(language) || !load) {
      callback(new Error(`No catalog ${language}/${namespace}`), false);
      return;
    }
    load(language).then(
      (bundle) => callback(null, bundle),
      // `true`: i18next tries a failed load again a few times (a flaky connection).
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

/**
 * Initialises the instance once; later calls only return it. The stored choice wins over
 * `fallbackLocale`. The design system's Dutch texts are bundled, so a Dutch start is synchronous;
 * another language shows Dutch until its catalog has loaded (use `loadI18n` to wait for it instead).
 */
export function initI18n(fallbackLocale: Locale = DEFAULT_LOCALE): I18n {
  // Not `isInitialized`: a start in another language completes only when its catalogs arrived.
  if (i18n.isInitialized || i18n.isInitializing) return i18n;
  const lng = storedLocale() ?? fallbackLocale;
  void i18n
    .use(catalogChunks)
    .use(initReactI18next)
    .init({
      resources: { nl: { common } },
      partialBundledLanguages: true,
      lng,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      ns: ['common'],
      defaultNS: 'common',
      // The Dutch `common` is bundled, so initialisation can be synchronous: no flash of untranslated keys.
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

function declareNamespace(instance: I18n, ns: string): void {
  // Namespaces in `options.ns` are (re)loaded on a language switch.
  const declared = instance.options.ns;
  if (Array.isArray(declared)) {
    if (!declared.includes(ns)) (declared as string[]).push(ns);
  } else instance.options.ns = typeof declared === 'string' ? [declared, ns] : [ns];
}

export interface AddCatalogsOptions {
  /** Catalogs added at once, without a request: a shell bundles the Dutch texts of its first paint. */
  bundled?: Partial<Record<Locale, Record<string, unknown>>>;
  /**
   * `true` (default): start loading the current language (and Dutch, the fallback) now — a remote
   * registers when it is loaded, so its first render has its texts. `false`: load on first use (the
   * component suspends until the texts are there), for pages most visits never open.
   */
  eager?: boolean;
}

/**
 * Registers the catalogs of one namespace that a remote or shell owns. Returns when the texts of
 * the current language are there (at once when `eager` is off); components that render earlier
 * suspend (react-i18next) until then.
 */
export function addCatalogs(ns: string, load: CatalogLoader, { bundled = {}, eager = true }: AddCatalogsOptions = {}): Promise<void> {
  const instance = initI18n();
  loaders.set(ns, load);
  for (const [locale, bundle] of Object.entries(bundled)) {
    if (bundle && !instance.hasResourceBundle(locale, ns)) instance.addResourceBundle(locale, ns, bundle, true, true);
  }
  if (!eager) return Promise.resolve();
  declareNamespace(instance, ns);
  return instance.loadNamespaces(ns).then(() => undefined);
}

/**
 * Adds whole catalogs at once, without loading anything: test setups register every namespace of
 * both languages, so components render their texts synchronously in tests.
 */
export function registerCatalogs(catalogs: Partial<Record<Locale, Record<string, Record<string, unknown>>>>): void {
  const instance = initI18n();
  for (const [locale, catalog] of Object.entries(catalogs)) {
    for (const [ns, bundle] of Object.entries(catalog ?? {})) {
      instance.addResourceBundle(locale, ns, bundle, true, true);
      declareNamespace(instance, ns);
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
