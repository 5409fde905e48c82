import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, PORT_VARIABLES, type PortName } from '@poortwachter/kit';
import { freePort } from '../src/embedded-db.js';

/**
 * The real start script (`npm start` runs it after the build), on a kept data folder of its own
 * and free ports, so it can run beside anything else on the machine. As root in CI, which is how
 * the project's machines and containers run it.
 */
const START_SCRIPT = path.resolve(__dirname, '..', 'dist', 'start.js');
const READY = 'Poortwachter draait / is running';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let dataDir: string;
let env: NodeJS.ProcessEnv;
let ports: Record<PortName, number>;
let postgresPort: number;

function startScript(extraEnv: NodeJS.ProcessEnv = {}, args: string[] = []): Run {
  // Its own process group, so a test can stop or kill the whole tree as a terminal would.
  const child = spawn(process.execPath, [START_SCRIPT, ...args], { env: { ...env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(run: Run, text: string, timeoutMs = 240_000): Promise<void> {
  const started = Date.now();
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`the start script exited (${run.child.exitCode}) before "${text}":\n${run.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no "${text}" after ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Every port of the run is free again: nothing, Postgres included, was left behind. */
async function expectEverythingStopped(): Promise<void> {
  for (const port of [postgresPort, ...Object.values(ports)]) expect(await portTaken(port), `port ${port} still in use`).toBe(false);
}

async function countRows(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: `postgres://poortwachter:poortwachter-local@127.0.0.1:${postgresPort}/poortwachter` });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

async function stopWithCtrlC(run: Run): Promise<number | null> {
  process.kill(-run.child.pid!, 'SIGINT'); // what Ctrl-C sends: the whole process group
  return run.exited;
}

const pidOf = (run: Run, name: string) => {
  const file = path.join(dataDir, 'run', 'processes.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>)[name];
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poortwachter-start-'));
  ports = {} as Record<PortName, number>;
  for (const name of Object.keys(DEFAULT_PORTS) as PortName[]) ports[name] = await freePort();
  postgresPort = await freePort();
  env = {
    ...process.env,
    POORTWACHTER_DATA_DIR: dataDir,
    POSTGRES_PORT: String(postgresPort),
    NODE_ENV: 'development',
    ...Object.fromEntries((Object.keys(ports) as PortName[]).map((name) => [PORT_VARIABLES[name], String(ports[name])])),
  };
  delete env.DATABASE_URL;
  delete env.VERBOSE;
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on a kept data folder', { timeout: 300_000 }, () => {
  let personsAfterFirstStart = 0;

  it('starts on a fresh folder, seeds the demo data and stops on Ctrl-C leaving nothing behind', async () => {
    const run = startScript();
    await waitFor(run, READY);
    expect(run.output()).toContain('seeding demo data');
    personsAfterFirstStart = await countRows('SELECT count(*) AS n FROM dossier.person');
    expect(personsAfterFirstStart).toBeGreaterThan(100);
    expect(await stopWithCtrlC(run)).toBe(0);
    await expectEverythingStopped();
  });

  it('starts again on the kept data, which keeps its rows and is not seeded twice', async () => {
    const run = startScript();
    await waitFor(run, READY);
    expect(run.output()).toContain('the kept data stays as it is');
    expect(run.output()).not.toMatch(/TypeError|could not start/);
    expect(await countRows('SELECT count(*) AS n FROM dossier.person')).toBe(personsAfterFirstStart);
    expect(await countRows('SELECT count(*) AS n FROM identity.users')).toBeGreaterThan(0);
    if (process.getuid?.() === 0) {
      // As root Postgres runs as the `postgres` user on a folder private to it.
      expect(fs.statSync(path.join(dataDir, 'postgres')).mode & 0o077).toBe(0);
    }
    expect(await stopWithCtrlC(run)).toBe(0);
    await expectEverythingStopped();
  });

  it('restarts a subgraph that was killed, and it answers again within seconds', async () => {
    const run = startScript();
    await waitFor(run, READY);
    const health = `http://127.0.0.1:${ports.dossier}/health`;
    expect((await fetch(health)).status).toBe(200);
    process.kill(pidOf(run, 'dossier')!, 'SIGKILL');
    await waitFor(run, 'dossier exited unexpectedly (signal SIGKILL); restarting it', 10_000);
    await waitFor(run, 'dossier is running again', 60_000);
    expect((await fetch(health)).status).toBe(200);
    expect(await stopWithCtrlC(run)).toBe(0);
    await expectEverythingStopped();
  });

  it('starts after the whole process tree was killed with SIGKILL (stale lock, unclean shutdown)', async () => {
    const first = startScript();
    await waitFor(first, READY);
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);
    // The killed processes release their ports only once the kernel has reaped them.
    for (let i = 0; i < 50 && (await portTaken(postgresPort)); i++) await new Promise((resolve) => setTimeout(resolve, 100));

    const again = startScript();
    await waitFor(again, READY);
    expect(await countRows('SELECT count(*) AS n FROM dossier.person')).toBe(personsAfterFirstStart);
    expect(await stopWithCtrlC(again)).toBe(0);
    await expectEverythingStopped();
  });

  it('ends the services an earlier start left running when only that start itself was killed', async () => {
    const first = startScript();
    await waitFor(first, READY);
    const gatewayPid = pidOf(first, 'gateway')!;
    process.kill(first.child.pid!, 'SIGKILL'); // the start script alone: its children live on
    await first.exited;
    expect(await portTaken(ports.gateway)).toBe(true);

    const again = startScript();
    await waitFor(again, READY);
    expect(again.output()).toMatch(/Ended \d+ process\(es\) that an earlier start left running/);
    expect(() => process.kill(gatewayPid, 0)).toThrow();
    expect(await stopWithCtrlC(again)).toBe(0);
    await expectEverythingStopped();
  });

  it('refuses to start with the Postgres port taken, in one clear sentence and a non-zero exit code', async () => {
    const blocker = net.createServer().listen(postgresPort, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const run = startScript();
      const code = await run.exited;
      expect(code).not.toBe(0);
      expect(run.output()).toContain(`Poortwachter could not start: Port ${postgresPort} is already in use, so Postgres cannot start; stop the program that uses it, or choose another port with POSTGRES_PORT=<port>.`);
      expect(run.output()).not.toMatch(/TypeError|\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('names the other Postgres version when the data folder was made by one', async () => {
    const versionFile = path.join(dataDir, 'postgres', 'PG_VERSION');
    const real = fs.readFileSync(versionFile, 'utf8');
    fs.writeFileSync(versionFile, '16\n');
    try {
      const run = startScript();
      expect(await run.exited).not.toBe(0);
      expect(run.output()).toMatch(/was made by Postgres 16, but this version ships Postgres \d+; run npm run reset/);
      expect(run.output()).not.toMatch(/TypeError|\n\s+at /);
    } finally {
      fs.writeFileSync(versionFile, real);
    }
  });

  it('--reset wipes the kept data and seeds afresh', async () => {
    const run = startScript({}, ['--reset']);
    await waitFor(run, READY);
    expect(run.output()).toContain('Wiped the local data');
    expect(run.output()).toContain('seeding demo data');
    expect(await countRows('SELECT count(*) AS n FROM dossier.person')).toBe(personsAfterFirstStart);
    expect(await stopWithCtrlC(run)).toBe(0);
    await expectEverythingStopped();
  });
});
