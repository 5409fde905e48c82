import { describe, expect, it } from 'vitest';

type Tree = Record<string, unknown>;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else for (const [k, v] of flatten(child, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

/**
 * The checks every package runs on the catalogs it owns: the same keys in nl and en, no empty
 * message, the same interpolation placeholders. (The compiler checks the shape too, but not the
 * placeholders, and a cast can hide a missing key.)
 */
export function describeCatalogParity(catalogs: { nl: Record<string, Tree>; en: Record<string, Tree> }): void {
  describe('message catalogs', () => {
    const dutch = flatten(catalogs.nl);
    const english = flatten(catalogs.en);

    it('have exactly the same keys in nl and en', () => {
      expect(dutch.size).toBeGreaterThan(0);
      expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
    });

    it('have no empty messages', () => {
      for (const [key, text] of [...dutch, ...english]) expect(text.trim(), key).not.toBe('');
    });

    it('use the same interpolation placeholders in both languages', () => {
      for (const [key, text] of dutch) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    });
  });
}
