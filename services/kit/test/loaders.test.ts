import { describe, expect, it } from 'vitest';
import { Loaders, byKey, groupByKey } from '../src/loaders.js';

describe('Loaders', () => {
  it('batches all keys requested in one tick into one call, per request', async () => {
    const calls: string[][] = [];
    const loaders = new Loaders();
    const batch = async (keys: readonly string[]) => {
      calls.push([...keys]);
      return keys.map((key) => key.toUpperCase());
    };
    const results = await Promise.all(['a', 'b', 'c'].map((key) => loaders.get('upper', batch).load(key)));
    expect(results).toEqual(['A', 'B', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(loaders.get('upper', batch)).toBe(loaders.get('upper', batch));
    expect(new Loaders().get('upper', batch)).not.toBe(loaders.get('upper', batch));
  });

  it('byKey orders rows by key and fills gaps with null; groupByKey gives empty arrays', () => {
    const rows = [{ id: 2 }, { id: 1 }];
    expect(byKey([1, 3, 2], rows, (row) => row.id)).toEqual([{ id: 1 }, null, { id: 2 }]);
    expect(groupByKey(['x', 'y'], [{ k: 'y', v: 1 }, { k: 'y', v: 2 }], (row) => row.k)).toEqual([[], [{ k: 'y', v: 1 }, { k: 'y', v: 2 }]]);
  });
});
