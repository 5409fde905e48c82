import pg from 'pg';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { postgresBinariesDir, startTestDatabase } from '../src/embedded-db.js';

describe('startTestDatabase', () => {
  it('runs a real Postgres that accepts queries and is gone after stop', async () => {
    const db = await startTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    expect(rows[0]!.version).toMatch(/^PostgreSQL 18/);
    await client.end();
    await db.stop();
    const again = new pg.Client({ connectionString: db.url, connectionTimeoutMillis: 2000 });
    await expect(again.connect()).rejects.toThrow();
  });
});

describe('postgresBinariesDir', () => {
  it('finds the Postgres binaries shipped in the npm package', () => {
    const dir = postgresBinariesDir();
    expect(dir).not.toBeNull();
    expect(fs.existsSync(path.join(dir!, 'initdb'))).toBe(true);
  });
});
