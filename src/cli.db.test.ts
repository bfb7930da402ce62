/** The `kencot` administration command, run as a process on the same configuration as the server. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './auth/service.js';
import { openDatabase } from './db/database.js';
import { systemClock } from './platform/clock.js';
import { freshDatabase, testEngine } from './test-support/db.js';

const run = promisify(execFile);
let env: NodeJS.ProcessEnv;
let dataDir: string;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-cli-'));
  env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  if (testEngine === 'postgres') {
    const db = await freshDatabase();
    env.DATABASE_URL = db.url;
    drop = db.close;
  }
});
afterAll(async () => {
  await drop?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const kencot = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env });

describe(`kencot CLI on ${testEngine}`, () => {
  it('adds an office from the region dataset, a kasi account, and resets its password', async () => {
    await kencot('migrate');
    const office = await kencot('office', 'add', '--code', '33.02.21', '--prefix', 'skr', '--address', 'Sumbang, Banyumas');
    expect(office.stdout).toMatch(/Added Kecamatan Sumbang \(33\.02\.21\)/);
    const added = await kencot('user', 'add', '--office', '33.02.21', '--role', 'kasi', '--name', 'Siti Rahayu', '--username', 'siti');
    const first = /First password: (\S+)/.exec(added.stdout)?.[1];
    expect(first).toBeTruthy();

    await expect(kencot('user', 'add', '--office', '33.02.21', '--role', 'lurah', '--name', 'X', '--username', 'x')).rejects.toMatchObject({
      stderr: expect.stringMatching(/one of: camat, sekcam, kasi/),
    });
    await expect(kencot('user', 'add', '--office', '99.99.99', '--role', 'kasi', '--name', 'X', '--username', 'x')).rejects.toMatchObject({
      stderr: expect.stringMatching(/No kecamatan with code 99\.99\.99/),
    });

    const reset = await kencot('user', 'reset-password', 'siti');
    const second = /New password for siti: (\S+)/.exec(reset.stdout)?.[1];
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    try {
      const deps = { db: database.db, clock: systemClock, sessionTtlMs: 3600_000 };
      await expect(signIn(deps, { username: 'siti', password: first! }, {})).rejects.toMatchObject({ code: 'login_failed' });
      const signedIn = await signIn(deps, { username: 'siti', password: second! }, {});
      expect(signedIn.actor).toMatchObject({ role: 'kasi', officeCode: '33.02.21', regencyCode: '33.02' });
      expect(signedIn.mustChangePassword).toBe(true);
    } finally {
      await database.close();
    }
  }, 60_000);
});
