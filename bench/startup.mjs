#!/usr/bin/env node
// How long `npm start` takes from launch to a 200 on /healthz, on a fresh and on an existing
// data directory (embedded PGlite), or on PostgreSQL when DATABASE_URL is set. Prints figures.
// Usage: npm run build && node bench/startup.mjs [runs]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? 3);
const port = 3900 + Math.floor(Math.random() * 90);

async function timeToHealthy(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return performance.now() - started;
      } catch {
        /* not listening yet */
      }
      if (performance.now() - started > 60_000) throw new Error('no /healthz within 60 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
console.log(`startup to /healthz (${engine}), ${os.cpus().length} cores, node ${process.version}`);
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-bench-'));
  const fresh = await timeToHealthy(dir);
  const again = await timeToHealthy(dir);
  console.log(`run ${i + 1}: fresh data dir ${(fresh / 1000).toFixed(2)} s, existing data dir ${(again / 1000).toFixed(2)} s`);
  fs.rmSync(dir, { recursive: true, force: true });
}
