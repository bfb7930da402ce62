/**
 * One process at a time on an embedded (PGlite) data directory. PGlite is a whole PostgreSQL in
 * the process, with no server to arbitrate: a second process that opens the same files sees a
 * stale copy, and what it writes is lost (or corrupts the files) when either closes. So every
 * opener takes this lock first; a second one is refused with a message naming the holder.
 *
 * The lock is a file created with O_EXCL, holding who took it. A holder that died without removing
 * it (SIGKILL, power cut) leaves it behind: its pid is gone, or it predates the last boot, or it
 * carries our own pid from an earlier life (pid 1 in a restarted container) — then it is taken over.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../platform/errors.js';

export type LockHolder = {
  pid: number;
  command: 'server' | 'cli';
  /** The server's HTTP port, once it listens. */
  port: number | null;
  startedAt: string;
  hostname: string;
  /** Tells this holder's file from a later one with the same pid. */
  token: string;
};

export type DataDirLock = {
  /** Records the port the server listens on, for the message a second opener reads. */
  setPort(port: number): void;
  release(): void;
};

export const LOCK_FILE = 'kencot.lock';

/** Locks this process holds, by file: a pid equal to ours is stale unless it is one of these. */
const held = new Map<string, string>();

export function lockDataDir(dataDir: string, command: LockHolder['command']): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, command, port: null, startedAt: new Date().toISOString(), hostname: os.hostname(), token: crypto.randomUUID() };
  let last: LockHolder | undefined;
  // A few rounds: each either takes the lock, meets a live holder, or clears a stale one and tries again.
  for (let round = 0; round < 20; round++) {
    if (tryCreate(file, mine)) return holding(file, mine);
    const holder = readHolder(file);
    if (holder === 'gone') continue;
    if (holder === 'unreadable') {
      // Created a moment ago and not yet written, or left half-written by a crash long ago.
      if (ageMs(file) < 2_000) {
        sleep(100);
        continue;
      }
      clearStale(file, undefined);
      continue;
    }
    last = holder;
    if (!isStale(holder, file)) throw inUse(dataDir, holder);
    clearStale(file, holder.token);
  }
  throw inUse(dataDir, last ?? { ...mine, pid: 0 });
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    fs.writeSync(fd, JSON.stringify(holder));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function holding(file: string, holder: LockHolder): DataDirLock {
  held.set(file, holder.token);
  // process.exit() (a second SIGTERM, the CLI's error path) skips the close that would release it.
  const onExit = () => release();
  process.on('exit', onExit);
  let current = holder;
  function release() {
    if (held.get(file) !== holder.token) return;
    held.delete(file);
    process.off('exit', onExit);
    const now = readHolder(file);
    // Never remove a lock that is no longer ours (taken over after someone judged us dead).
    if (typeof now === 'object' && now.token === holder.token) fs.rmSync(file, { force: true });
  }
  return {
    setPort(port) {
      if (held.get(file) !== holder.token) return;
      current = { ...current, port };
      // Replaced by rename, so a reader sees the old content or the new, never half of it.
      const next = `${file}.${holder.token}.tmp`;
      fs.writeFileSync(next, JSON.stringify(current), { mode: 0o600 });
      fs.renameSync(next, file);
    },
    release,
  };
}

function readHolder(file: string): LockHolder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.token !== 'string') return 'unreadable';
    return { pid: value.pid, command: value.command === 'server' ? 'server' : 'cli', port: typeof value.port === 'number' ? value.port : null, startedAt: String(value.startedAt ?? ''), hostname: String(value.hostname ?? ''), token: value.token };
  } catch {
    return 'unreadable';
  }
}

function isStale(holder: LockHolder, file: string): boolean {
  // Another machine sharing the directory: its processes are not ours to probe, so it holds.
  if (holder.hostname !== os.hostname()) return false;
  if (holder.pid === process.pid) return held.get(file) !== holder.token;
  const bootedAt = Date.now() - os.uptime() * 1000;
  if (Date.parse(holder.startedAt) < bootedAt - 60_000) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    // EPERM: alive, under another user.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock without ever removing a live one: moved aside first, then checked to be the
 * very file judged stale. If another opener took over in between, its fresh lock goes back.
 */
function clearStale(file: string, token: string | undefined) {
  const aside = `${file}.stale-${crypto.randomUUID()}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = readHolder(aside);
  const same = token === undefined ? moved === 'unreadable' : typeof moved === 'object' && moved.token === token;
  if (!same) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone else holds it now; the moved file was already superseded.
    }
  }
  fs.rmSync(aside, { force: true });
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function inUse(dataDir: string, holder: LockHolder): AppError {
  const params = { dataDir, pid: holder.pid, port: holder.port ?? '', since: holder.startedAt, file: path.join(dataDir, LOCK_FILE) };
  const key = holder.command === 'cli' ? 'cli.database_in_use_by_cli' : holder.port === null ? 'cli.database_in_use_by_starting_server' : 'cli.database_in_use_by_server';
  return new AppError('database_in_use', 409, key, params);
}
