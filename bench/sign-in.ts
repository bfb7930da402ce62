/**
 * How long each kind of refused sign-in takes through `signIn`: the answers are the same, and the
 * work should be too (argon2 against the account's hash or a dummy one), so timing does not tell an
 * unknown username, a wrong password, a held-back client and an inactive account apart.
 * Usage: npx tsx bench/sign-in.ts [runs=40]   (embedded PGlite in a temporary directory)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStaffUser, setStaffActive, signIn } from '../src/auth/service.js';
import { openDatabase } from '../src/db/database.js';
import { DEMO_OFFICE_CODE, setUpDemo } from '../src/offices/setup.js';
import { systemClock } from '../src/platform/clock.js';
import { loadRegions } from '../src/regions/regions.js';

const runs = Number(process.argv[2] ?? 40);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-bench-signin-'));
const database = await openDatabase({ dataDir });
await database.migrate();
const deps = { db: database.db, clock: systemClock, sessionTtlMs: 3600_000 };
await setUpDemo(deps, loadRegions());
const password = 'rahasia-kencot-2026';
for (const username of ['benar', 'ditahan', 'nonaktif'])
  await createStaffUser(deps, null, { officeCode: DEMO_OFFICE_CODE, role: 'operator', name: username, username, password }, {});
await setStaffActive(deps, null, 'nonaktif', false, {});

// Every run from its own address, so only the held-back case is held back.
let address = 0;
const nextIp = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;
const heldBackIp = '10.9.9.9';
for (let i = 0; i < 5; i++) await signIn(deps, { username: 'ditahan', password: `salah-${i}` }, { ip: heldBackIp }).catch(() => undefined);

const cases: Record<string, () => Promise<unknown>> = {
  'unknown username': () => signIn(deps, { username: `tidak-ada-${address}`, password }, { ip: nextIp() }),
  'wrong password': () => signIn(deps, { username: 'benar', password: 'bukan-sandinya' }, { ip: nextIp() }),
  'held back (right password)': () => signIn(deps, { username: 'ditahan', password }, { ip: heldBackIp }),
  'inactive (right password)': () => signIn(deps, { username: 'nonaktif', password }, { ip: nextIp() }),
};
const results: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
// Interleaved, so a busy moment on the machine hits every case alike.
for (let r = 0; r < runs + 5; r++) {
  for (const [name, run] of Object.entries(cases)) {
    const t0 = performance.now();
    const outcome = await run().then(() => 'signed in', (e: { code?: string }) => e.code);
    if (outcome !== 'login_failed') throw new Error(`${name}: ${outcome}`);
    if (r >= 5) results[name]!.push(performance.now() - t0);
  }
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(`| refusal | p50 | p95 |  (${runs} runs each)\n|---|---|---|`);
for (const [name, xs] of Object.entries(results)) console.log(`| ${name} | ${pct(xs, 0.5).toFixed(1)} ms | ${pct(xs, 0.95).toFixed(1)} ms |`);
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
