/**
 * The whole server as `npm start` runs it: a real process, a real port, SIGTERM, a restart on
 * the same data — on PGlite files or on PostgreSQL, whichever this project runs.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testEngine } from './test-support/db.js';

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-server-'));
  if (testEngine === 'postgres') {
    const db = await freshDatabase();
    databaseUrl = db.url;
    dropDatabase = db.close;
  }
});
afterAll(async () => {
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Run = { url: string; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> };

async function launch(): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Kencot: (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`server exited early:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

async function signIn(url: string, username: string, password: string) {
  const csrf = await fetch(`${url}/api/v1/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ username, password }),
  });
}

describe(`npm start on ${testEngine}`, () => {
  it('serves, prints the first admin once, stops on SIGTERM, and keeps everything across a restart', async () => {
    const first = await launch();
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${first.url}/readyz`)).json()).toMatchObject({ database: testEngine });
    const password = /kata sandi\s+: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeTruthy();
    expect((await signIn(first.url, 'admin', password!)).status).toBe(200);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await launch();
    expect(second.output()).not.toMatch(/kata sandi/);
    const office = (await (await fetch(`${second.url}/api/v1/offices/33.02.20`)).json()) as { office: { desa: unknown[] } };
    expect(office.office.desa).toHaveLength(16);
    expect((await signIn(second.url, 'admin', password!)).status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 90_000);
});
