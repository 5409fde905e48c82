import { describe, expect, it } from 'vitest';
import { i18n, LOCALE_STORAGE_KEY, setLocale } from '../src';
import { en, nl } from '../src/i18n/catalogs';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else for (const [k, v] of flatten(child, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const dutch = flatten(nl);
  const english = flatten(en);

  it('have exactly the same keys in nl and en', () => {
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
    expect(dutch.size).toBeGreaterThan(100);
  });

  it('have no empty messages', () => {
    for (const [key, text] of [...dutch, ...english]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, text] of dutch) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('cover a namespace for every frontend', () => {
    expect(Object.keys(nl).sort()).toEqual(['account', 'admin', 'agenda', 'common', 'employeePortal', 'employerDashboard', 'login', 'shell']);
  });
});

describe('i18n instance', () => {
  it('defaults to Dutch and translates with plurals', () => {
    expect(i18n.language).toBe('nl');
    expect(i18n.t('login:error.invalidCredentials')).toBe('Gebruikersnaam of wachtwoord onjuist');
    expect(i18n.t('agenda:count', { count: 1 })).toBe('1 afspraak');
    expect(i18n.t('agenda:count', { count: 3 })).toBe('3 afspraken');
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
