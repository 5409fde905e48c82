#!/usr/bin/env node
// Runs every package's tests through Turborepo, then sums the vitest JSON reports into one line
// "N passed, N failed" (what CI reads). Exits non-zero when anything failed or did not run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function workspaceDirs() {
  const dirs = [];
  for (const pattern of rootPackage.workspaces) {
    if (pattern.endsWith('/*')) {
      const base = path.join(root, pattern.slice(0, -2));
      for (const entry of fs.readdirSync(base, { withFileTypes: true })) {
        if (entry.isDirectory() && fs.existsSync(path.join(base, entry.name, 'package.json'))) dirs.push(path.join(base, entry.name));
      }
    } else if (fs.existsSync(path.join(root, pattern, 'package.json'))) dirs.push(path.join(root, pattern));
  }
  return dirs;
}

const dirs = workspaceDirs();
for (const dir of dirs) fs.rmSync(path.join(dir, '.test-results'), { recursive: true, force: true });

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const extra = process.argv.slice(2);
const turbo = spawnSync(
  path.join(root, 'node_modules', '.bin', 'turbo'),
  ['run', 'test', '--continue', `--concurrency=${concurrency}`, '--output-logs=new-only', ...extra],
  { cwd: root, stdio: 'inherit', env: process.env },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const dir of dirs) {
  const name = path.relative(root, dir);
  const report = path.join(dir, '.test-results', 'vitest.json');
  if (!fs.existsSync(report)) {
    rows.push(`  ${name.padEnd(32)} no report`);
    continue;
  }
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  // A test file that crashed before its tests ran has no assertions but did fail.
  const crashedFiles = (result.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  passed += result.numPassedTests;
  failed += result.numFailedTests + crashedFiles;
  skipped += result.numPendingTests + (result.numTodoTests ?? 0);
  rows.push(`  ${name.padEnd(32)} ${result.numPassedTests} passed, ${result.numFailedTests + crashedFiles} failed`);
}

const turboFailed = turbo.status !== 0;
if (turboFailed && failed === 0) failed = 1; // a task failed without a report (build, crash): count it.
console.log('\nTest summary by package:');
console.log(rows.join('\n'));
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(turboFailed || failed > 0 ? 1 : 0);
