import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { RevocationBroadcast } from '../src/revocations.js';

/** Two gateway replicas on one Postgres: what one learns about ended sessions, the other hears at once. */
let db: DatabaseServer;
const replicas: RevocationBroadcast[] = [];
const heard: string[][][] = [[], []];

beforeAll(async () => {
  db = await startTestDatabase();
  for (const index of [0, 1]) replicas.push(await RevocationBroadcast.connect(db.url, (ids) => heard[index]!.push(ids)));
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.close()));
  await db?.stop();
});

async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe('revocations shared between gateway replicas', () => {
  it('reach the other replica within a second', async () => {
    await replicas[0]!.publish(['user-a', 'user-b']);
    await until(() => heard[1]!.flat().includes('user-b'), 1000);
    expect(heard[1]!.flat()).toEqual(['user-a', 'user-b']);
    // The publishing replica hears its own notice too (it has dropped the tokens already; no harm).
    await until(() => heard[0]!.flat().includes('user-b'), 1000);
  });

  it('carry long lists whole, in notices small enough for Postgres', async () => {
    const ids = Array.from({ length: 250 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    const before = heard[0]!.flat().length;
    await replicas[1]!.publish(ids);
    await until(() => heard[0]!.flat().length - before === ids.length, 2000);
    expect(heard[0]!.flat().slice(before)).toEqual(ids);
  });

  it('a stopped replica hears nothing more, the others still do', async () => {
    const extra = await RevocationBroadcast.connect(db.url, () => {
      throw new Error('a closed replica must not be called');
    });
    await extra.close();
    await replicas[0]!.publish(['user-c']);
    await until(() => heard[1]!.flat().includes('user-c'), 1000);
  });
});
