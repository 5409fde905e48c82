import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, DEMO_USERS, demoTotpSecret, isProduction } from '@poortwachter/kit';
import { startEmbeddedPostgres, type DatabaseServer } from './embedded-db.js';
import { REPO_ROOT, startStack, type Stack } from './stack.js';

const DATA_DIR = path.join(REPO_ROOT, '.data');

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

async function main(): Promise<void> {
  const started = Date.now();
  let database: DatabaseServer | null = null;
  let stack: Stack | null = null;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Poortwachter…');
    await stack?.stop().catch((error) => console.error(error));
    await database?.stop().catch((error) => console.error(error));
    console.log('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));

  try {
    let databaseUrl = process.env.DATABASE_URL;
    let databaseLabel: string;
    if (databaseUrl) {
      databaseLabel = `${new URL(databaseUrl).host} (DATABASE_URL)`;
    } else {
      const port = Number(process.env.POSTGRES_PORT ?? 55432);
      console.log(`Starting embedded Postgres on port ${port} (data in .data/postgres)…`);
      database = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, 'postgres'), port, persistent: true });
      databaseUrl = database.url;
      databaseLabel = `embedded Postgres 127.0.0.1:${port}, data in .data/postgres`;
    }
    console.log('Migrating, seeding demo data and starting the subgraphs, gateway and frontends…');
    stack = await startStack({
      databaseUrl,
      ports: 'default',
      seedDemo: process.env.SEED_DEMO !== 'false',
      withFrontends: true,
      env: { ...localSecrets(), ...process.env },
      log: (source, line) => {
        // While stopping, the services report their connections closing: expected, not news.
        if (stopping) return;
        if (process.env.VERBOSE || /error|fail|warn/i.test(line)) console.log(`[${source}] ${line}`);
      },
    });
    printSummary(stack, databaseLabel);
    console.log(`  Started in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    console.error(`\nPoortwachter could not start: ${(error as Error).message}`);
    await shutdown(1);
  }
}

void main();
