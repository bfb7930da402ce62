/**
 * `kencot` beside a running server, as real processes. On embedded PGlite a second process on the
 * same data directory is refused (it would write into a copy the server never sees, and risk the
 * files); on PostgreSQL the CLI works beside the server, as it should.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as signInAsStaff } from './auth/service.js';
import { LOCK_FILE } from './db/data-dir-lock.js';
import { openDatabase } from './db/database.js';
import { systemClock } from './platform/clock.js';
import { freshDatabase, testEngine } from './test-support/db.js';
import { launchServer } from './test-support/process.js';

const run = promisify(execFile);
let dataDir: string;
let databaseUrl: string | undefined;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-lock-'));
  if (testEngine === 'postgres') {
    const db = await freshDatabase();
    databaseUrl = db.url;
    drop = db.close;
  }
});
afterAll(async () => {
  await drop?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const engineEnv = () => ({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
const launch = () => launchServer(engineEnv());

function kencot(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...engineEnv() };
  if (!databaseUrl) delete env.DATABASE_URL;
  return run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env });
}
const addUser = (username: string) => kencot('user', 'add', '--office', '33.02.20', '--role', 'kasi', '--name', 'Siti Rahayu', '--username', username);

async function signIn(url: string, username: string, password: string) {
  const csrf = await fetch(`${url}/api/v1/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ username, password }) });
  return res.status;
}

const firstPassword = (stdout: string) => /First password: (\S+)/.exec(stdout)?.[1];

describe(`kencot user add while the server runs, on ${testEngine}`, () => {
  if (testEngine === 'pglite') {
    it('is refused with a message naming the server, which keeps working; after SIGTERM the CLI works and the account is there', async () => {
      const server = await launch();
      const port = new URL(server.url).port;
      const refused = await addUser('siti').then(
        () => undefined,
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stdout).not.toMatch(/Created|First password/);
      expect(refused?.stderr).toMatch(new RegExp(`The embedded database in ${dataDir} is in use by the Kencot server \\(pid \\d+, port ${port}, since \\d{4}-`));
      expect(refused?.stderr).toMatch(/Stop it first, or use DATABASE_URL for a PostgreSQL server\./);
      // A second server on the same directory is refused the same way, before it touches anything.
      await expect(launch()).rejects.toThrow(/in use by the Kencot server \(pid \d+, port/);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect(await server.stop('SIGTERM')).toBe(0);
      expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

      const added = await addUser('siti');
      const password = firstPassword(added.stdout);
      expect(password).toBeTruthy();
      // The account is really in the server's database, not in a copy: check it in place.
      const database = await openDatabase({ dataDir });
      try {
        await expect(signInAsStaff({ db: database.db, clock: systemClock, sessionTtlMs: 3600_000 }, { username: 'siti', password: password! }, {})).resolves.toMatchObject({ mustChangePassword: true });
      } finally {
        await database.close();
      }
    }, 300_000);

    it('takes over the lock a SIGKILLed server left behind', async () => {
      const server = await launch();
      expect(await server.stop('SIGKILL')).toBe(null);
      const left = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as { command: string };
      expect(left.command).toBe('server');
      const added = await addUser('budi');
      expect(firstPassword(added.stdout)).toBeTruthy();
      expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    }, 300_000);
  } else {
    it('works beside the server: PostgreSQL takes many connections, so nothing is locked', async () => {
      const server = await launch();
      const added = await addUser('siti');
      const password = firstPassword(added.stdout);
      expect(password).toBeTruthy();
      expect(await signIn(server.url, 'siti', password!)).toBe(200);
      expect(await server.stop('SIGTERM')).toBe(0);
    }, 300_000);
  }
});
