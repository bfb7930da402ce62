/** `kencot backup` and `kencot restore` as an operator runs them: processes on the server's configuration. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testEngine } from '../test-support/db.js';

const run = promisify(execFile);
let work: string;
const drops: (() => Promise<void>)[] = [];

/** An installation's environment: its own data directory and, on PostgreSQL, its own empty database. */
async function installation(name: string): Promise<NodeJS.ProcessEnv> {
  const dataDir = path.join(work, name);
  fs.mkdirSync(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  if (testEngine === 'postgres') {
    const db = await freshDatabase();
    env.DATABASE_URL = db.url;
    drops.push(db.close);
  }
  return env;
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-backup-cli-'));
});
afterAll(async () => {
  for (const drop of drops) await drop();
  fs.rmSync(work, { recursive: true, force: true });
});

const kencot = (env: NodeJS.ProcessEnv, ...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env });

describe(`kencot backup / restore on ${testEngine}`, () => {
  it('backs up to one tar file, restores it elsewhere printing counts only, and refuses to restore twice', async () => {
    const source = await installation('source');
    await kencot(source, 'office', 'add', '--code', '33.02.21', '--prefix', 'smb', '--address', 'Jl. Raya Sumbang');
    const file = path.join(work, 'kencot-2026-12-03.tar');

    const backup = await kencot(source, 'backup', '--output', file);
    expect(backup.stdout).toMatch(/Cadangan selesai: \d+ tabel, \d+ baris, 0 dokumen, \d+ bita\. SHA-256 berkas: [0-9a-f]{64}\./);
    expect(backup.stdout).toMatch(/Segera enkripsi dan simpan di lokasi lain di Indonesia/);
    // A plain tar: standard tools list it.
    const listed = await run('tar', ['-tf', file]);
    expect(listed.stdout.split('\n')).toEqual(expect.arrayContaining(['manifest.json', 'manifest.sha256', expect.stringMatching(/^db\/\d{3}-offices\.jsonl\.gz$/)]));

    const target = await installation('target');
    const restored = await kencot(target, 'restore', '--input', file);
    expect(restored.stdout).toMatch(/^Cadangan tanggal .* berhasil dipulihkan: 0 dokumen\./);
    expect(restored.stdout).toMatch(/^ {2}offices: 1 baris$/m);
    expect(restored.stdout).toMatch(/^ {2}desa: \d+ baris$/m);
    // Counts and table names only: no office data, let alone a person's.
    expect(restored.stdout).not.toMatch(/Sumbang/);

    await expect(kencot(target, 'restore', '--input', file)).rejects.toMatchObject({
      stderr: expect.stringMatching(/The target database is not empty \(tables with data: .*offices.*\)\. .* --force\./),
    });
  }, 600_000);
});
