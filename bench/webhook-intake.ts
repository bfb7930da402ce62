/**
 * WhatsApp webhook intake: signed text messages from many distinct users, posted as fast as the
 * machine allows, on PGlite and on PostgreSQL; beside it, in the same run, a bare Fastify route
 * doing one INSERT per request as the ceiling. Prints acknowledged messages per second and
 * p50/p99 acknowledgement latency, and the ratio to the ceiling.
 * Usage: npx tsx bench/webhook-intake.ts [seconds=10] [connections=64]
 *        (BENCH_DATABASE_URL overrides the PostgreSQL server; BENCH_ENGINES=pglite,postgres)
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 64);
const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const APP_SECRET = 'bench-app-secret';
const PHONE_NUMBER_ID = '106540352242922';
const env = { WHATSAPP_VERIFY_TOKEN: 'bench', WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_ACCESS_TOKEN: 'bench', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID, WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'warn' };

/** Meta's shape for one text message from one of 10,000 users; every message id is new. */
function signedMessage(i: number): { body: string; signature: string } {
  const waId = `62812${String(10_000_000 + (i % 10_000)).slice(1)}`;
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '6285161725300', phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: `Warga ${i % 10_000}` }, wa_id: waId }],
      messages: [{ from: waId, id: `wamid.BENCH${crypto.randomBytes(12).toString('hex')}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'Halo, saya mau tanya syarat KIA untuk anak saya' } }],
    } }] }],
  });
  return { body, signature: `sha256=${crypto.createHmac('sha256', APP_SECRET).update(body).digest('hex')}` };
}

async function startServer(mode: 'kencot' | 'bare', extraEnv: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/intake-server.ts'], { env: { ...process.env, ...env, ...extraEnv, MODE: mode }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, stop: () => new Promise((r) => (child.once('exit', () => r()), child.kill('SIGKILL'))) };
}

/** `connections` keep-alive loops posting back to back; latency per acknowledged request. */
async function load(url: string, pathName: string, durationMs: number, bodies: { body: string; signature: string }[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(pathName, url);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + durationMs;
  const one = (m: { body: string; signature: string }) =>
    new Promise<number>((resolve) => {
      const start = performance.now();
      const req = http.request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(m.body), 'x-hub-signature-256': m.signature } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - start : -1));
      });
      req.on('error', () => resolve(-1));
      req.end(m.body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const ms = await one(bodies[next++ % bodies.length]!);
        if (ms < 0) errors++;
        else latencies.push(ms);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { perSecond: latencies.length / (durationMs / 1000), p50: pct(50), p99: pct(99), errors };
}

const rows: string[] = [];
for (const engine of engines) {
  let extra: Record<string, string>;
  let cleanup = async () => {};
  if (engine === 'postgres') {
    const name = 'kencot_bench_intake';
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    extra = { DATABASE_URL: url.toString(), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-bench-')) };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-bench-'));
    extra = { DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
  for (const mode of ['bare', 'kencot'] as const) {
    const server = await startServer(mode, extra);
    // Fresh message ids for every request of the run (and of the warm-up): duplicates are cheaper.
    const bodies = Array.from({ length: Math.max(60_000, seconds * 6_000) }, (_, i) => signedMessage(i));
    await load(server.url, mode === 'bare' ? '/bare' : '/webhooks/whatsapp', 2_000, bodies.splice(0, 10_000));
    results[mode] = await load(server.url, mode === 'bare' ? '/bare' : '/webhooks/whatsapp', seconds * 1000, bodies);
    await server.stop();
  }
  await cleanup();
  const f = (r: Awaited<ReturnType<typeof load>>) => `${Math.round(r.perSecond).toString().padStart(6)}/s  p50 ${r.p50.toFixed(1).padStart(5)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  errors ${r.errors}`;
  rows.push(`${engine.padEnd(8)} bare INSERT route  ${f(results.bare!)}`);
  rows.push(`${engine.padEnd(8)} webhook intake     ${f(results.kencot!)}  = ${((results.kencot!.perSecond / results.bare!.perSecond) * 100).toFixed(0)}% of the ceiling`);
}
console.log(`\nwebhook intake, ${seconds} s per run, ${connections} connections, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? ''})`);
for (const r of rows) console.log(r);
