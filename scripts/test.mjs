#!/usr/bin/env node
// Runs every test suite the machine can run and says loudly which it could not.
// With CI=true a missing PostgreSQL or Chromium is a failure, not a skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ci = process.env.CI === 'true';
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(1500);
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(false));
  });
}

const projects = ['unit', 'db-pglite'];
const skipped = [];
if (await reachable(pgUrl)) projects.push('db-postgres');
else skipped.push(`db-postgres (no PostgreSQL at ${new URL(pgUrl).host})`);
if (fs.existsSync(chromium)) projects.push('browser');
else skipped.push(`browser (no Chromium at ${chromium}; on Debian: apt-get install chromium)`);

const banner = (lines) => {
  const bar = '!'.repeat(72);
  console.error(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
};
if (skipped.length && ci) {
  banner(['CI=true and these suites cannot run:', ...skipped]);
  process.exit(1);
}
if (skipped.length) banner(['SKIPPED SUITES — this run is NOT complete:', ...skipped]);

const extra = process.argv.slice(2);
const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-test-')), 'summary.json');
const args = [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${summaryFile}`,
  ...extra,
];
const result = spawnSync('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, NO_COLOR: '1', TEST_DATABASE_URL: pgUrl },
});
if (skipped.length) banner(['Reminder — skipped suites:', ...skipped]);
if (fs.existsSync(summaryFile)) {
  const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
  console.log(`projects: ${projects.join(', ')}`);
  // A file whose hook failed (e.g. a timed-out beforeAll) may report no failed test at all:
  // count each such file as one failure so the closing line never hides it.
  const failedFiles = summary.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  const failed = summary.numFailedTests + failedFiles;
  if (failedFiles) console.log(`${failedFiles} test file(s) failed outside any test (hook, import or setup)`);
  console.log(`${summary.numPassedTests} passed, ${failed} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`);
}
process.exit(result.status ?? 1);
