/**
 * `kencot backup` and `kencot restore`: one archive with a consistent snapshot of the database and
 * the documents its live file records need, restorable on either engine.
 *
 * Backup: every table is read inside ONE repeatable-read, read-only transaction (PGlite's single
 * connection is the same), so the parts agree with each other. The bytes are fetched after that
 * snapshot is fixed: they are content-addressed and only purges delete them, so every blob a
 * snapshot's live record names either is still there or was purged since (then it is listed as
 * missing and the restored server's purge finishes the job).
 *
 * Restore: every part is checked against the manifest before anything is written; then the
 * documents go into the store (content-addressed, so a repeat is harmless) and ONE transaction
 * brings the database to the backup's migration level, loads the tables in dependency order,
 * resets the sequences and audits `backup.restored`. A failure leaves the database as it was.
 * Nothing here prints or logs row contents: only table names, counts and hashes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PassThrough, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { MIGRATION_LOCK_KEY, type Database, type Db } from '../db/database.js';
import type { BlobStore } from '../files/blobs.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { archiveDamaged, archiveWriter, openArchive, type ArchiveEntry } from './archive.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  blobPart,
  dependencyOrder,
  MANIFEST_ENTRY,
  MANIFEST_HASH_ENTRY,
  ManifestSchema,
  planRestore,
  tablePart,
  type Manifest,
} from './manifest.js';
import * as store from './storage.js';

export type BackupDeps = { database: Database; blobs: BlobStore; clock: Clock };

/** Rows per INSERT on restore, and a byte bound so one batch never grows huge. */
const LOAD_ROWS = 5000;
const LOAD_BYTES = 16 * 1024 * 1024;

const sha256Of = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

export function kencotVersion(): string {
  const here = path.dirname(new URL(import.meta.url).pathname);
  for (const candidate of ['../../package.json', '../../../package.json']) {
    const file = path.resolve(here, candidate);
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

export type BackupSummary = {
  tables: { name: string; rows: number }[];
  blobs: number;
  missingBlobs: number;
  bytes: number;
  sha256: string;
};

/**
 * Writes the archive to `output` (a path, created owner-only and refused if it exists; or a
 * stream such as stdout, to pipe straight into `age`/`gpg`).
 */
export async function createBackup(deps: BackupDeps, output: string | Writable, origin: Origin = { requestId: 'cli' }): Promise<BackupSummary> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-backup-'));
  const partial = typeof output === 'string' ? `${output}.partial-${crypto.randomBytes(4).toString('hex')}` : undefined;
  try {
    if (typeof output === 'string' && fs.existsSync(output)) throw new AppError('backup_output_exists', 409, 'errors.backup.output_exists', { path: output });
    const createdAt = deps.clock.now();
    const snapshot = await deps.database.db.transaction(
      async (tx) => {
        const level = await store.migrationLevel(tx);
        const order = dependencyOrder(await store.publicTables(tx), await store.foreignKeys(tx));
        const tables: Manifest['tables'] = [];
        for (const [index, name] of order.entries()) {
          const part = tablePart(index, name);
          const columns = await store.insertableColumns(tx, name);
          const written = await dumpToFile(store.dumpTable(tx, name), path.join(work, `${index}.gz`));
          tables.push({ name, part, columns, ...written });
        }
        return { level, tables, live: await store.liveBlobs(tx) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    const target = partial ? fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }) : output as Writable;
    const archive = archiveWriter(target);
    for (const [index, table] of snapshot.tables.entries()) await archive.addFile(table.part, path.join(work, `${index}.gz`));
    const blobs: Manifest['files']['blobs'] = [];
    const missing: string[] = [];
    for (const sha256 of snapshot.live.hashes) {
      const bytes = await deps.blobs.get(sha256);
      // Bytes that do not hash to their name are as good as missing: restoring them would spread the damage.
      if (!bytes || sha256Of(bytes) !== sha256) {
        missing.push(sha256);
        continue;
      }
      await archive.addBuffer(blobPart(sha256), bytes);
      blobs.push({ sha256, size: bytes.length, part: blobPart(sha256) });
    }
    const known = store.knownMigrations();
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      kencotVersion: kencotVersion(),
      createdAt: createdAt.toISOString(),
      engine: deps.database.kind,
      migration: {
        count: snapshot.level?.count ?? 0,
        tag: known.find((m) => m.when === snapshot.level?.when)?.tag ?? null,
        when: snapshot.level?.when ?? 0,
      },
      tables: snapshot.tables,
      files: { liveRecords: snapshot.live.records, blobs, missing },
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    await archive.addBuffer(MANIFEST_ENTRY, manifestBytes);
    await archive.addBuffer(MANIFEST_HASH_ENTRY, Buffer.from(`${sha256Of(manifestBytes)}  ${MANIFEST_ENTRY}\n`));
    const { bytes, sha256 } = await archive.finish();
    if (partial) {
      await new Promise<void>((resolve, reject) => (target as fs.WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())));
      const fd = fs.openSync(partial, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(partial, output as string);
    }

    const summary: BackupSummary = {
      tables: snapshot.tables.map((t) => ({ name: t.name, rows: t.rows })),
      blobs: blobs.length,
      missingBlobs: missing.length,
      bytes,
      sha256,
    };
    await deps.database.db.transaction((tx) =>
      recordAudit(tx, deps.clock.now(), {
        officeCode: null,
        actor: auditActorOf(null),
        action: 'backup.created',
        entityType: 'installation',
        details: {
          migration: manifest.migration.tag,
          tables: summary.tables.length,
          rows: summary.tables.reduce((n, t) => n + t.rows, 0),
          blobs: summary.blobs,
          missingBlobs: summary.missingBlobs,
          bytes,
          sha256,
        },
      }, origin),
    );
    return summary;
  } finally {
    if (partial) fs.rmSync(partial, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Streams JSON lines through gzip into a file; the part's hash is of the stored (gzipped) bytes. */
async function dumpToFile(batches: AsyncIterable<string[]>, file: string): Promise<{ rows: number; bytes: number; sha256: string }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let count = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const source = new PassThrough();
  const done = pipeline(source, zlib.createGzip(), tap, fs.createWriteStream(file, { mode: 0o600 }));
  try {
    for await (const batch of batches) {
      count += batch.length;
      if (!source.write(batch.join('\n') + '\n')) await new Promise((resolve) => source.once('drain', resolve));
    }
  } finally {
    source.end();
  }
  await done;
  return { rows: count, bytes, sha256: hash.digest('hex') };
}

export type RestoreSummary = {
  createdAt: string;
  engine: Manifest['engine'];
  migration: string | null;
  tables: { name: string; rows: number }[];
  blobs: number;
  missingBlobs: number;
  replacedExisting: boolean;
};

/**
 * Restores an archive into this database and blob store. An empty database is required unless
 * `force`, which replaces whatever it holds, audit trail included: only for an installation that
 * is down (README).
 */
export async function restoreBackup(deps: BackupDeps, input: string, opts: { force: boolean }, origin: Origin = { requestId: 'cli' }): Promise<RestoreSummary> {
  const archive = await openArchive(input);
  const manifest = await readManifest(archive);
  await verifyParts(archive, manifest);

  const known = store.knownMigrations();
  const { db } = deps.database;
  // Refuse early, before any document is written to the store; checked again under the transaction.
  planRestore({ backup: manifest.migration, known, current: (await store.migrationLevel(db))?.when ?? null, tablesWithRows: await store.tablesWithRows(db), force: opts.force });

  for (const blob of manifest.files.blobs) {
    const bytes = await archive.read(entryOf(archive, blob.part));
    if (sha256Of(bytes) !== blob.sha256) throw partDamaged(blob.part);
    await deps.blobs.put(blob.sha256, bytes);
  }

  const replacedExisting = await db.transaction(async (tx) => {
    // A server starting meanwhile waits for this to finish before it migrates.
    if (deps.database.kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    const holding = await store.tablesWithRows(tx);
    const plan = planRestore({ backup: manifest.migration, known, current: (await store.migrationLevel(tx))?.when ?? null, tablesWithRows: holding, force: opts.force });
    if (plan.reset) await store.dropSchemaObjects(tx);
    await store.applyMigrations(tx, plan.apply);
    const indexes = await store.setIndexesAside(tx);
    for (const table of manifest.tables) await loadTable(tx, archive, table);
    await store.rebuildIndexes(tx, indexes);
    for (const table of manifest.tables) await store.resetSequences(tx, table.name);
    await recordAudit(tx, deps.clock.now(), {
      officeCode: null,
      actor: auditActorOf(null),
      action: 'backup.restored',
      entityType: 'installation',
      details: {
        backupCreatedAt: manifest.createdAt,
        backupEngine: manifest.engine,
        migration: manifest.migration.tag,
        tables: manifest.tables.length,
        rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
        blobs: manifest.files.blobs.length,
        missingBlobs: manifest.files.missing.length,
        replacedExisting: holding.length > 0,
      },
    }, origin);
    return holding.length > 0;
  });
  // Then whatever this build adds on top of the backup's level, as a server start would.
  await deps.database.migrate();

  return {
    createdAt: manifest.createdAt,
    engine: manifest.engine,
    migration: manifest.migration.tag,
    tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
    blobs: manifest.files.blobs.length,
    missingBlobs: manifest.files.missing.length,
    replacedExisting,
  };
}

type OpenedArchive = Awaited<ReturnType<typeof openArchive>>;

const partDamaged = (part: string) => new AppError('backup_part_damaged', 422, 'errors.backup.part_damaged', { part });

function entryOf(archive: OpenedArchive, name: string): ArchiveEntry {
  const entry = archive.entries.get(name);
  if (!entry) throw new AppError('backup_part_missing', 422, 'errors.backup.part_missing', { part: name });
  return entry;
}

export async function readManifest(archive: OpenedArchive): Promise<Manifest> {
  const bytes = await archive.read(entryOf(archive, MANIFEST_ENTRY));
  const recorded = (await archive.read(entryOf(archive, MANIFEST_HASH_ENTRY))).toString('utf8');
  if (recorded !== `${sha256Of(bytes)}  ${MANIFEST_ENTRY}\n`) throw partDamaged(MANIFEST_ENTRY);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw partDamaged(MANIFEST_ENTRY);
  }
  const version = (parsed as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new AppError('backup_format_unsupported', 422, 'errors.backup.format_unsupported', { version });
  }
  const manifest = ManifestSchema.safeParse(parsed);
  if (!manifest.success) throw new AppError('backup_manifest_invalid', 422, 'errors.backup.manifest_invalid');
  return manifest.data;
}

/** Every part hashes as the manifest says, and the archive holds nothing else. */
async function verifyParts(archive: OpenedArchive, manifest: Manifest): Promise<void> {
  const expected = new Set([MANIFEST_ENTRY, MANIFEST_HASH_ENTRY]);
  for (const table of manifest.tables) {
    expected.add(table.part);
    const entry = entryOf(archive, table.part);
    if (entry.size !== table.bytes || (await streamHash(archive.stream(entry))) !== table.sha256) throw partDamaged(table.part);
  }
  for (const blob of manifest.files.blobs) {
    expected.add(blob.part);
    if (blob.part !== blobPart(blob.sha256)) throw new AppError('backup_manifest_invalid', 422, 'errors.backup.manifest_invalid');
    const entry = entryOf(archive, blob.part);
    if (entry.size !== blob.size || (await streamHash(archive.stream(entry))) !== blob.sha256) throw partDamaged(blob.part);
  }
  for (const name of archive.entries.keys()) {
    if (!expected.has(name)) throw archiveDamaged(`unexpected entry ${name}`);
  }
}

async function streamHash(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Loads one table's JSON lines in batches, checking its hash and row count before the transaction can commit. */
async function loadTable(tx: Db, archive: OpenedArchive, table: Manifest['tables'][number]): Promise<void> {
  const present = await store.insertableColumns(tx, table.name);
  const lacking = table.columns.filter((c) => !present.includes(c));
  if (present.length === 0 || lacking.length > 0) {
    throw new AppError('backup_schema_mismatch', 422, 'errors.backup.schema_mismatch', { table: table.name });
  }
  const hash = crypto.createHash('sha256');
  const raw = archive.stream(entryOf(archive, table.part));
  raw.on('data', (chunk) => hash.update(chunk as Buffer));
  const lines = readline.createInterface({ input: raw.pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let batch: string[] = [];
  let batchBytes = 0;
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await store.loadRows(tx, table.name, table.columns, `[${batch.join(',')}]`);
    } catch (err) {
      // The database's message may quote a value from the row: only the table and the SQLSTATE go out.
      throw new AppError('backup_load_failed', 422, 'errors.backup.load_failed', { table: table.name, code: (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code ?? '?' });
    }
    loaded += batch.length;
    batch = [];
    batchBytes = 0;
  };
  try {
    for await (const line of lines) {
      if (line === '') continue;
      batch.push(line);
      batchBytes += line.length;
      if (batch.length >= LOAD_ROWS || batchBytes >= LOAD_BYTES) await flush();
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw partDamaged(table.part); // gzip refused the bytes
  }
  await flush();
  if (hash.digest('hex') !== table.sha256 || loaded !== table.rows) throw partDamaged(table.part);
}
