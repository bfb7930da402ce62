/** The `kencot` administration command, run as a process on the same configuration as the server. */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './auth/service.js';
import { openDatabase } from './db/database.js';
import { phoneVerifications, staffSessions } from './db/schema.js';
import { diskBlobStore } from './files/blobs.js';
import { findFile, insertFile } from './files/storage.js';
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
  it('adds an office from the region dataset, a kasi account, resets its password, deactivates and reactivates it', async () => {
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

    // Deactivated from the shell: no sign-in (the same answer as a wrong password), sessions ended.
    expect((await kencot('user', 'deactivate', 'siti')).stdout).toBe('Akun siti dinonaktifkan; semua sesinya diakhiri.\n');
    const afterDeactivate = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    try {
      const deps = { db: afterDeactivate.db, clock: systemClock, sessionTtlMs: 3600_000 };
      await expect(signIn(deps, { username: 'siti', password: second! }, { ip: '198.51.100.1' })).rejects.toMatchObject({ code: 'login_failed', status: 401 });
      expect(await afterDeactivate.db.select().from(staffSessions)).toEqual([]);
    } finally {
      await afterDeactivate.close();
    }
    expect((await kencot('user', 'reactivate', 'siti')).stdout).toBe('Akun siti diaktifkan kembali.\n');
    const afterReactivate = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    try {
      const deps = { db: afterReactivate.db, clock: systemClock, sessionTtlMs: 3600_000 };
      expect((await signIn(deps, { username: 'siti', password: second! }, { ip: '198.51.100.1' })).actor.role).toBe('kasi');
    } finally {
      await afterReactivate.close();
    }
    // Eight runs of the command, each opening the database: generous on a busy machine.
  }, 300_000);

  it('purges the scans past their retention period and says how many, in Indonesian', async () => {
    await kencot('migrate');
    const blobs = diskBlobStore(path.join(dataDir, 'files'));
    const bytes = Buffer.from(`scan ${Date.now()}`);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    await blobs.put(sha256, bytes);
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    let id: string;
    try {
      const now = Date.now();
      // Office 33.02.21 is the one the test above added.
      const base = { officeCode: '33.02.21', sha256, mime: 'image/jpeg', size: bytes.length, documentType: 'kk', uploadedByType: 'pemohon' };
      id = (await insertFile(database.db, { ...base, purgeAfter: new Date(now - 60_000) })).id;
      // Due in a week: not touched.
      await insertFile(database.db, { ...base, sha256: sha256.replace(/^./, sha256[0] === 'a' ? 'b' : 'a'), purgeAfter: new Date(now + 7 * 86_400_000) });
    } finally {
      await database.close();
    }
    expect((await kencot('files', 'purge')).stdout).toBe('1 berkas dihapus karena masa simpannya sudah habis.\n');
    expect(await blobs.get(sha256)).toBeUndefined();
    expect((await kencot('files', 'purge')).stdout).toBe('Tidak ada berkas yang masa simpannya sudah habis.\n');
    const reopened = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    try {
      expect((await findFile(reopened.db, id))?.purgedAt).toBeInstanceOf(Date);
    } finally {
      await reopened.close();
    }
  }, 60_000);
  it('anonymises or deletes the personal data past its retention period and says what, in Indonesian', async () => {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    try {
      const sent = new Date(Date.now() - 2 * 86_400_000);
      await database.db.insert(phoneVerifications).values({ officeCode: '33.02.21', phone: '6281227001234', codeHash: 'x', createdAt: sent, expiresAt: new Date(sent.getTime() + 600_000) });
    } finally {
      await database.close();
    }
    expect((await kencot('data', 'purge')).stdout).toBe('1 kode verifikasi nomor dihapus.\n');
    expect((await kencot('data', 'purge')).stdout).toBe('Tidak ada data pribadi yang masa simpannya sudah habis.\n');
  }, 60_000);
});
