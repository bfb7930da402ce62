/**
 * The whole server as `npm start` runs it: a real process, a real port, SIGTERM, a restart on
 * the same data — on PGlite files or on PostgreSQL, whichever this project runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testEngine } from './test-support/db.js';
import { launchServer } from './test-support/process.js';

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

const launch = () => launchServer({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });

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
