/**
 * The backup file: a plain POSIX (ustar) tar, so `tar -tf` can list it and any tool can store or
 * encrypt it, written and read with Node's built-ins only.
 *
 * Our reader is stricter than tar: it reads only archives this writer makes, byte for byte. Each
 * header must be exactly the header we would write for its name and size, and padding and the end
 * marker must be zeros, so a single changed byte anywhere outside the parts' contents is caught
 * here; the parts' contents are covered by the SHA-256s in the manifest.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { AppError } from '../platform/errors.js';

const BLOCK = 512;
/** Entries have a fixed time, so the same contents give the same archive bytes (and headers can be re-rendered to check them). */
const MTIME = 0;
const MAX_SIZE = 8 ** 11 - 1;

export type ArchiveEntry = { name: string; offset: number; size: number };

/** A damaged or foreign file: says where, never what it contains. */
export const archiveDamaged = (detail: string) => new AppError('backup_damaged', 422, 'errors.backup.damaged', { detail });

function isSafeName(name: string): boolean {
  return /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(name) && !name.split('/').includes('..') && Buffer.byteLength(name) <= 100;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

export function tarHeader(name: string, size: number): Buffer {
  if (!isSafeName(name)) throw new Error(`unsupported archive entry name: ${name}`);
  if (size > MAX_SIZE) throw new Error('archive entry too large');
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o600, 8), 100, 8, 'ascii'); // the file is personal data: owner-only when extracted
  h.write(octal(0, 8), 108, 8, 'ascii');
  h.write(octal(0, 8), 116, 8, 'ascii');
  h.write(octal(size, 12), 124, 12, 'ascii');
  h.write(octal(MTIME, 12), 136, 12, 'ascii');
  h.write('        ', 148, 8, 'ascii');
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return h;
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/** Writes entries one after another to a stream; the caller ends the stream after `finish()`. */
export function archiveWriter(out: Writable) {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const write = async (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  return {
    async addBuffer(name: string, data: Buffer) {
      await write(tarHeader(name, data.length));
      await write(data);
      await write(Buffer.alloc(padding(data.length)));
    },
    async addFile(name: string, file: string) {
      const { size } = await fs.promises.stat(file);
      await write(tarHeader(name, size));
      let copied = 0;
      for await (const chunk of fs.createReadStream(file)) {
        copied += (chunk as Buffer).length;
        await write(chunk as Buffer);
      }
      if (copied !== size) throw new Error('a backup part changed while it was being archived');
      await write(Buffer.alloc(padding(size)));
    },
    /** The end marker; returns the size and SHA-256 of the whole archive. */
    async finish() {
      await write(Buffer.alloc(2 * BLOCK));
      return { bytes, sha256: hash.digest('hex') };
    },
  };
}

/** Lists an archive's entries, checking every header, padding and the end marker. */
export async function openArchive(file: string): Promise<{ entries: Map<string, ArchiveEntry>; read: typeof readEntry; stream: typeof entryStream }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size: total } = await handle.stat();
    const entries = new Map<string, ArchiveEntry>();
    const block = Buffer.alloc(BLOCK);
    let offset = 0;
    const readBlock = async (at: number) => {
      const { bytesRead } = await handle.read(block, 0, BLOCK, at);
      if (bytesRead !== BLOCK) throw archiveDamaged(`truncated at byte ${at}`);
      return block;
    };
    for (;;) {
      if (offset >= total) throw archiveDamaged(`no end marker (truncated at byte ${total})`);
      const header = await readBlock(offset);
      if (header.every((b) => b === 0)) break;
      const name = header.toString('utf8', 0, 100).replace(/\0+$/, '');
      const sizeField = header.toString('ascii', 124, 136);
      const size = /^[0-7]{11}\0$/.test(sizeField) ? parseInt(sizeField.slice(0, 11), 8) : NaN;
      if (!isSafeName(name) || !Number.isFinite(size) || !tarHeader(name, size).equals(header)) {
        throw archiveDamaged(`header at byte ${offset}`);
      }
      if (entries.has(name)) throw archiveDamaged(`entry ${name} appears twice`);
      const dataAt = offset + BLOCK;
      const padded = size + padding(size);
      if (dataAt + padded > total) throw archiveDamaged(`entry ${name} truncated`);
      if (padded > size) {
        const pad = Buffer.alloc(padded - size);
        await handle.read(pad, 0, pad.length, dataAt + size);
        if (!pad.every((b) => b === 0)) throw archiveDamaged(`padding after ${name}`);
      }
      entries.set(name, { name, offset: dataAt, size });
      offset = dataAt + padded;
    }
    // The end marker is two zero blocks and nothing after it.
    const rest = Buffer.alloc(total - offset);
    await handle.read(rest, 0, rest.length, offset);
    if (rest.length !== 2 * BLOCK || !rest.every((b) => b === 0)) throw archiveDamaged(`end marker at byte ${offset}`);
    return { entries, read: readEntry, stream: entryStream };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw archiveDamaged('unreadable');
  } finally {
    await handle.close();
  }

  async function readEntry(entry: ArchiveEntry): Promise<Buffer> {
    const h = await fs.promises.open(file, 'r');
    try {
      const data = Buffer.alloc(entry.size);
      const { bytesRead } = await h.read(data, 0, entry.size, entry.offset);
      if (bytesRead !== entry.size) throw archiveDamaged(`entry ${entry.name} truncated`);
      return data;
    } finally {
      await h.close();
    }
  }

  function entryStream(entry: ArchiveEntry): Readable {
    // `end` is inclusive, so an empty entry cannot be expressed as a file range.
    if (entry.size === 0) return Readable.from([]);
    return fs.createReadStream(file, { start: entry.offset, end: entry.offset + entry.size - 1 });
  }
}
