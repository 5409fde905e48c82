import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore, verifyBackup } from '../src/backup.js';
import { startTestDatabase, type DatabaseServer } from '../src/embedded-db.js';
import { System } from '../src/testing.js';

/**
 * Backup and restore (issue 14): the demo system's database and document store are backed up,
 * restored into a fresh Postgres and a fresh folder, and the restored copy is backed up again: every
 * table's rows and every file must be identical. A damaged backup is refused before anything changes.
 */
let system: System;
let fresh: DatabaseServer;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'poortwachter-backup-'));

beforeAll(async () => {
  system = await System.start();
  fresh = await startTestDatabase();
}, 240_000);

afterAll(async () => {
  await system?.stop();
  await fresh?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  it('restores database and documents into a fresh instance identically', async () => {
    const original = await backup({ databaseUrl: system.db.url, documentsDir: system.stack.env.DOCUMENT_STORAGE_DIR!, target: path.join(work, 'original') });
    const rows = original.tables.reduce((sum, table) => sum + table.rows, 0);
    expect(original.tables.length).toBeGreaterThan(20);
    expect(rows).toBeGreaterThan(1000);
    expect(original.files.length).toBeGreaterThan(0);

    const documents = path.join(work, 'restored-documents');
    const result = await restore({ databaseUrl: fresh.url, documentsDir: documents, source: path.join(work, 'original') });
    const again = await backup({ databaseUrl: fresh.url, documentsDir: documents, target: path.join(work, 'again') });
    const sums = (manifest: typeof original, only?: Set<string>) =>
      Object.fromEntries(
        manifest.tables.filter((table) => !only || only.has(`${table.schema}.${table.table}`)).map((table) => [`${table.schema}.${table.table}`, `${table.rows}:${table.sha256}`]),
      );
    const restoredTables = new Set(again.tables.map((table) => `${table.schema}.${table.table}`));
    expect(sums(again)).toEqual(sums(original, restoredTables));
    expect(again.files).toEqual(original.files);
    console.log(
      `backup/restore: ${original.tables.length} tables, ${rows} rows, ${original.files.length} files; restored ${result.tables} tables, ${result.rows} rows` +
        (result.skipped.length ? `; not in the migrated target: ${result.skipped.join(', ')}` : ''),
    );
    // Only the queue's own tables may be missing (pg-boss creates them on start); no service table.
    expect(result.skipped.filter((name) => !name.startsWith('pgboss.'))).toEqual([]);
  });

  it('refuses a damaged backup and leaves the target as it was', async () => {
    const source = path.join(work, 'original');
    const table = fs.readdirSync(path.join(source, 'tables')).find((name) => name.startsWith('dossier.person'))!;
    fs.appendFileSync(path.join(source, 'tables', table), '\n{"id":"x"}');
    expect(() => verifyBackup(source)).toThrow(/damaged backup/);
    const before = await backup({ databaseUrl: fresh.url, documentsDir: path.join(work, 'restored-documents'), target: path.join(work, 'before') });
    await expect(restore({ databaseUrl: fresh.url, documentsDir: path.join(work, 'restored-documents'), source })).rejects.toThrow(/damaged backup/);
    const after = await backup({ databaseUrl: fresh.url, documentsDir: path.join(work, 'restored-documents'), target: path.join(work, 'after') });
    expect(after.tables.map((entry) => entry.sha256)).toEqual(before.tables.map((entry) => entry.sha256));
  });
});
