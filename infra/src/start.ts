import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, DEMO_USERS, demoTotpSecret, isProduction } from '@poortwachter/kit';
import pg from 'pg';
import { startEmbeddedPostgres, type DatabaseServer } from './embedded-db.js';
import { REPO_ROOT, startStack, type Stack } from './stack.js';
import { messageOf, StartupError } from './startup-error.js';

/** Everything `npm start` keeps between runs (git-ignored): Postgres data, documents, secrets, PIDs. */
const DATA_DIR = path.resolve(process.env.POORTWACHTER_DATA_DIR ?? path.join(REPO_ROOT, '.data'));
const POSTGRES_DIR = path.join(DATA_DIR, 'postgres');
/** The PIDs of the processes of the running start, to end them if that start was killed. */
const PROCESSES_FILE = path.join(DATA_DIR, 'run', 'processes.json');

const ROLE_LABELS: Record<string, string> = {
  EMPLOYEE: 'werknemer',
  EMPLOYER: 'werkgever (HR)',
  OCCUPATIONAL_PHYSICIAN: 'bedrijfsarts',
  CASE_MANAGER: 'casemanager',
  PLANNER: 'planner',
  ADMIN: 'beheerder',
};

const SECRET_GENERATORS = {
  GATEWAY_SIGNING_SECRET: () => randomBytes(32).toString('base64url'),
  // Encrypts second-factor secrets and signing keys at rest: losing it makes them unreadable.
  IDENTITY_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
};

/** Secrets survive restarts (sessions and stored secrets stay valid) but never leave the git-ignored data folder. */
function localSecrets(): Record<keyof typeof SECRET_GENERATORS, string> {
  const file = path.join(DATA_DIR, 'secrets.json');
  const stored: Partial<Record<keyof typeof SECRET_GENERATORS, string>> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const secrets = { ...stored } as Record<keyof typeof SECRET_GENERATORS, string>;
  let changed = false;
  for (const [name, generate] of Object.entries(SECRET_GENERATORS) as [keyof typeof SECRET_GENERATORS, () => string][]) {
    if (!secrets[name]) {
      secrets[name] = generate();
      changed = true;
    }
  }
  if (changed) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

function printSummary(stack: Stack, database: string): void {
  const width = Math.max(...DEMO_USERS.map((user) => user.username.length));
  const lines = [
    '',
    'Poortwachter draait / is running',
    '',
    `  Werknemersportaal (employee shell)   ${stack.urls.shells.employee}`,
    `  Werkgeversportaal (employer shell)   ${stack.urls.shells.employer}`,
    `  GraphQL API (gateway)                ${stack.urls.gateway}`,
    `  GraphQL explorer (partners)          ${stack.urls.explorer}`,
    `  Database                             ${database}`,
    ...(isProduction() && process.env.EXPOSE_DEV_OUTBOX !== 'true'
      ? []
      : [`  Ontwikkel-postvak (mail and SMS)     ${stack.urls.subgraphs.identity.replace(/\/graphql$/, '/dev/outbox')}`]),
    '',
    `  Demo logins (development only), password for all: ${DEMO_PASSWORD}`,
    '  Second factor: add the secret to an authenticator app (e.g. Google Authenticator, "setup key").',
    ...DEMO_USERS.map(
      (user) =>
        `    ${user.username.padEnd(width)}  ${(ROLE_LABELS[user.role] ?? user.role).padEnd(15)} ${(user.role === 'EMPLOYEE' ? stack.urls.shells.employee : stack.urls.shells.employer).padEnd(24)} ${isProduction() ? '' : `TOTP ${demoTotpSecret(user.username)}`}`,
    ),
    '',
    '  Stop with Ctrl-C.',
    '',
  ];
  console.log(lines.join('\n'));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A start that was killed (SIGKILL of its own process only, a closed terminal) can leave its
 * subgraphs and gateway running on their ports. End those that are ours: the PID is recorded and its
 * command line is one of this checkout's service scripts.
 */
async function endLeftoverProcesses(): Promise<void> {
  if (!fs.existsSync(PROCESSES_FILE)) return;
  let recorded: Record<string, number> = {};
  try {
    recorded = JSON.parse(fs.readFileSync(PROCESSES_FILE, 'utf8')) as Record<string, number>;
  } catch {
    // An unreadable file (cut short by the kill) holds nothing to act on.
  }
  const ours = Object.entries(recorded).filter(([, pid]) => {
    if (!Number.isInteger(pid) || pid === process.pid || !isAlive(pid)) return false;
    try {
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return commandLine.includes(REPO_ROOT) && commandLine.includes(path.join('dist', 'main.js'));
    } catch {
      return false;
    }
  });
  for (const [, pid] of ours) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (ours.some(([, pid]) => isAlive(pid)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const [, pid] of ours) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  if (ours.length > 0) console.log(`Ended ${ours.length} process(es) that an earlier start left running: ${ours.map(([name]) => name).join(', ')}.`);
  fs.rmSync(PROCESSES_FILE, { force: true });
}

function recordProcesses(pids: Record<string, number>): void {
  fs.mkdirSync(path.dirname(PROCESSES_FILE), { recursive: true });
  fs.writeFileSync(PROCESSES_FILE, JSON.stringify(pids));
}

/**
 * The demo data is seeded on the first start of a database only; later starts keep what is there
 * (also what users changed). The marker lives in the database itself, so a wiped or another
 * database is seeded again.
 */
const SEED_MARKER_SCHEMA = 'local_runtime';
async function demoSeeded(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'demo_seed'`, [SEED_MARKER_SCHEMA]);
    if (rows.length === 0) return false;
    return ((await client.query(`SELECT 1 FROM ${SEED_MARKER_SCHEMA}.demo_seed`)).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

async function markDemoSeeded(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SEED_MARKER_SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${SEED_MARKER_SCHEMA}.demo_seed (seeded_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`INSERT INTO ${SEED_MARKER_SCHEMA}.demo_seed DEFAULT VALUES`);
  } finally {
    await client.end();
  }
}

/** `--reset`: wipes what `npm start` keeps, so the next start seeds fresh demo data. */
function resetLocalData(): void {
  const lockFile = path.join(POSTGRES_DIR, 'postmaster.pid');
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && isAlive(pid)) {
      throw new StartupError(`Poortwachter is still running (Postgres PID ${pid} uses ${POSTGRES_DIR}); stop it with Ctrl-C first, then run npm run reset again.`);
    }
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  console.log(`Wiped the local data in ${DATA_DIR} (database, documents, local secrets); this start seeds fresh demo data.`);
}

async function main(): Promise<void> {
  const started = Date.now();
  let database: DatabaseServer | null = null;
  let stack: Stack | null = null;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Poortwachter…');
    await stack?.stop().catch((error) => console.error(`Stopping the services failed: ${messageOf(error)}`));
    await database?.stop().catch((error) => console.error(`Stopping Postgres failed: ${messageOf(error)}`));
    fs.rmSync(PROCESSES_FILE, { force: true });
    console.log('Stopped.');
    process.exit(code);
  };
  const fail = async (error: unknown) => {
    if (stopping) return;
    // One sentence with the cause and the next step; a stack trace helps nobody here.
    console.error(`\nPoortwachter could not start: ${messageOf(error)}`);
    await shutdown(1);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  process.on('uncaughtException', (error) => void fail(error));
  process.on('unhandledRejection', (reason) => void fail(reason));

  try {
    if (process.argv.includes('--reset')) resetLocalData();
    await endLeftoverProcesses();
    let databaseUrl = process.env.DATABASE_URL;
    let databaseLabel: string;
    if (databaseUrl) {
      databaseLabel = `${new URL(databaseUrl).host} (DATABASE_URL)`;
    } else {
      const port = Number(process.env.POSTGRES_PORT ?? 55432);
      console.log(`Starting embedded Postgres on port ${port} (data in ${path.relative(process.cwd(), POSTGRES_DIR) || POSTGRES_DIR})…`);
      database = await startEmbeddedPostgres({
        dataDir: POSTGRES_DIR,
        port,
        persistent: true,
        log: (line) => {
          if (process.env.VERBOSE) console.log(`[postgres] ${line}`);
        },
      });
      databaseUrl = database.url;
      databaseLabel = `embedded Postgres 127.0.0.1:${port}, data in ${POSTGRES_DIR}`;
    }
    const seedDemo = process.env.SEED_DEMO !== 'false' && !(await demoSeeded(databaseUrl));
    console.log(
      seedDemo
        ? 'Migrating, seeding demo data and starting the subgraphs, gateway and frontends…'
        : 'Migrating and starting the subgraphs, gateway and frontends (the kept data stays as it is)…',
    );
    stack = await startStack({
      databaseUrl,
      ports: 'default',
      seedDemo,
      withFrontends: true,
      env: { ...localSecrets(), DOCUMENT_STORAGE_DIR: path.join(DATA_DIR, 'documents'), ...process.env },
      onFatal: (error) => void fail(error),
      onProcessesChanged: recordProcesses,
      log: (source, line) => {
        // While stopping, the services report their connections closing: expected, not news.
        if (stopping) return;
        if (source === 'supervisor' || process.env.VERBOSE || /error|fail|warn/i.test(line)) console.log(`[${source}] ${line}`);
      },
    });
    if (seedDemo) await markDemoSeeded(databaseUrl);
    printSummary(stack, databaseLabel);
    console.log(`  Started in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    await fail(error);
  }
}

void main();
