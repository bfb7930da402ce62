/** The embedded data directory's lock, in this process: files in a temporary directory only. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n.js';
import { AppError } from '../platform/errors.js';
import { LOCK_FILE, lockDataDir, type LockHolder } from './data-dir-lock.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const lockFile = () => path.join(dir, LOCK_FILE);
const holderOf = () => JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as LockHolder;
const writeHolder = (holder: Partial<LockHolder>) =>
  fs.writeFileSync(lockFile(), JSON.stringify({ command: 'server', port: 3000, startedAt: new Date().toISOString(), hostname: os.hostname(), token: 'someone-else', ...holder }));
/** A pid that was alive a moment ago and is not now. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return t('en', err.messageKey, err.params);
    throw err;
  }
  throw new Error('expected the lock to be refused');
}

describe('lockDataDir', () => {
  it('holds the directory for one opener, names it to a second, and lets go on release', () => {
    const lock = lockDataDir(dir, 'server');
    lock.setPort(3456);
    expect(holderOf()).toMatchObject({ pid: process.pid, command: 'server', port: 3456 });
    const message = refusal(() => lockDataDir(dir, 'cli'));
    expect(message).toMatch(new RegExp(`^The embedded database in ${dir} is in use by the Kencot server \\(pid ${process.pid}, port 3456, since \\d{4}-`));
    expect(message).toMatch(/Stop it first, or use DATABASE_URL for a PostgreSQL server\.$/);
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    lockDataDir(dir, 'cli').release();
  });

  it('refuses while a live process holds it, whoever it is', () => {
    writeHolder({ pid: process.ppid, command: 'cli', port: null });
    expect(refusal(() => lockDataDir(dir, 'server'))).toMatch(/in use by another kencot command \(pid \d+, since /);
    writeHolder({ pid: process.ppid, command: 'server', port: null });
    expect(refusal(() => lockDataDir(dir, 'cli'))).toMatch(/in use by the Kencot server, which is starting/);
    expect(holderOf().token).toBe('someone-else');
  });

  it('takes over a lock left by a dead process', () => {
    writeHolder({ pid: deadPid() });
    const lock = lockDataDir(dir, 'cli');
    expect(holderOf()).toMatchObject({ pid: process.pid, command: 'cli', port: null });
    lock.release();
  });

  it('takes over a lock carrying its own pid from an earlier life (pid 1 in a restarted container), or from before the last boot', () => {
    writeHolder({ pid: process.pid, token: 'earlier-life' });
    lockDataDir(dir, 'server').release();
    writeHolder({ pid: process.ppid, startedAt: new Date(Date.now() - os.uptime() * 1000 - 3_600_000).toISOString() });
    lockDataDir(dir, 'server').release();
  });

  it('takes over a half-written lock only once it is old', () => {
    fs.writeFileSync(lockFile(), '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(), old, old);
    lockDataDir(dir, 'cli').release();
  });

  it('leaves a lock that is no longer its own in place when releasing', () => {
    const lock = lockDataDir(dir, 'cli');
    writeHolder({ pid: process.ppid, token: 'took-over' });
    lock.release();
    expect(holderOf().token).toBe('took-over');
  });
});
