/**
 * Backups end to end, on PGlite and on PostgreSQL (and across them on the PostgreSQL run): an office
 * with a request, its scans, a WhatsApp chat and its audit trail is backed up, restored into an
 * empty database and file store, and every table's rows and every document's bytes come back.
 * A damaged archive, a non-empty target and a backup from a newer Kencot are refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../auth/service.js';
import { openDatabase, PGLITE_EXTENSIONS, rows, type Database, type Db } from '../db/database.js';
import { files } from '../db/schema.js';
import { diskBlobStore, type BlobStore } from '../files/blobs.js';
import { t as translate } from '../i18n/i18n.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { AppError } from '../platform/errors.js';
import { testApp, TEST_PASSWORD, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { testEngine } from '../test-support/db.js';
import { adminUrl, databaseUrl } from '../test-support/global-setup.js';
import { KIA_DETAILS } from '../test-support/requests.js';
import { msg, payload, postWebhook } from '../test-support/whatsapp.js';
import { startGraphStandIn } from '../whatsapp/simulator/graph-standin.js';
import { archiveWriter, openArchive } from './archive.js';
import { MANIFEST_ENTRY, MANIFEST_HASH_ENTRY, type Manifest } from './manifest.js';
import { createBackup, readManifest, restoreBackup, type BackupDeps } from './service.js';
import { applyMigrations, knownMigrations, migrationLevel } from './storage.js';

let t: TestApp;
let graph: Awaited<ReturnType<typeof startGraphStandIn>>;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
let work: string;
const cleanups: (() => Promise<void>)[] = [];

const WARGA = '6281227004321';
const CHILD_NAME = 'Ayu Lestari';

beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' });
  graph = await startGraphStandIn({ accessToken: TEST_WHATSAPP_ENV.WHATSAPP_ACCESS_TOKEN, now: () => t.clock.now() });
  t.whatsapp.setGraphUrl(graph.url);
  operator = await t.signedIn('operator');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-backup-test-'));
  await fillOffice();
}, 120_000);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await graph.close();
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const sourceBlobs = () => diskBlobStore(path.join(t.dataDir, 'files'));
const sourceDeps = (): BackupDeps => ({ database: t.database, blobs: sourceBlobs(), clock: t.clock });

async function scan(seed: number): Promise<Buffer> {
  const pixels = Buffer.alloc(64 * 48 * 3);
  let s = seed;
  for (let i = 0; i < pixels.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    pixels[i] = s >>> 24;
  }
  return sharp(pixels, { raw: { width: 64, height: 48, channels: 3 } }).jpeg().toBuffer();
}

async function upload(bytes: Buffer, documentType: string): Promise<string> {
  const boundary = `----kencot${crypto.randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\n${documentType}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await operator.send('POST', `/api/v1/offices/${DEMO_OFFICE_CODE}/files`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().file.id;
}

let purgedSha: string;

/** A request with two scans, worked one step; a chat with the bot; an upload whose bytes were purged. */
async function fillOffice() {
  const akta = await upload(await scan(1), 'akta_kelahiran');
  const kk = await upload(await scan(2), 'kk');
  const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone: '0812-2700-1234', relation: 'ibu' },
    subject: { nik: '3302205005200001', name: CHILD_NAME, birthDate: '2020-05-10', sex: 'P' },
    details: KIA_DETAILS,
    attachments: [
      { fileId: akta, documentType: 'akta_kelahiran' },
      { fileId: kk, documentType: 'kk' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const acted = await operator.post(`/api/v1/requests/${res.json().request.id}/actions`, { action: 'verify_accept', payload: { overrideReason: 'Dokumen asli diperiksa di loket' } });
  expect(acted.statusCode, acted.body).toBe(200);

  for (const text of ['halo', 'cek status']) {
    expect((await postWebhook(t, payload({ contacts: [{ waId: WARGA, name: 'Ibu Sri' }], messages: [msg.text(WARGA, text, t.clock.now())] }))).statusCode).toBe(200);
    await t.whatsapp.drain();
  }

  // A scan whose retention ended: the record stays, its bytes are gone and must not be looked for.
  const gone = await upload(await scan(3), 'kk');
  const [row] = await t.db.update(files).set({ purgedAt: t.clock.now() }).where(eq(files.id, gone)).returning();
  purgedSha = row!.sha256;
  await sourceBlobs().delete(purgedSha);
  // Bytes no record names (an interrupted upload) are not the backup's business either.
  const orphan = Buffer.from('orphan bytes');
  await sourceBlobs().put(crypto.createHash('sha256').update(orphan).digest('hex'), orphan);
}

/** Every table's rows as JSON text in UTC, sorted, so two databases on either engine compare. */
async function tableRows(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const tables = await rows<{ name: string }>(
      tx,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`,
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      const got = await rows<{ j: string }>(tx, sql`select row_to_json(x)::text as j from ${sql.identifier(name)} x`);
      out[name] = got.map((r) => r.j).sort();
    }
    return out;
  });
}

/** A database no Kencot has touched: not even migrated. */
async function blankDatabase(engine: 'pglite' | 'postgres' = testEngine): Promise<Database> {
  let database: Database;
  if (engine === 'postgres') {
    const name = `kencot_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    database = await openDatabase({ databaseUrl: databaseUrl(name) });
    cleanups.push(async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    });
  } else {
    database = await openDatabase({ pglite: await PGlite.create({ extensions: PGLITE_EXTENSIONS }) });
    cleanups.push(() => database.close());
  }
  return database;
}

function blankStore(): { blobs: BlobStore; dir: string } {
  const dir = fs.mkdtempSync(path.join(work, 'files-'));
  return { blobs: diskBlobStore(dir), dir };
}

async function liveHashes(db: Db): Promise<string[]> {
  return (await rows<{ sha256: string }>(db, sql`select distinct sha256 from files where purged_at is null order by 1`)).map((r) => r.sha256);
}

/** The restored database holds exactly the source's rows, plus one `backup.restored` audit entry. */
async function expectSameData(before: Record<string, string[]>, target: Database, targetBlobs: BlobStore, from: BlobStore = sourceBlobs()) {
  const after = await tableRows(target.db);
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const table of Object.keys(before)) {
    if (table === 'audit_log') continue;
    expect(after[table], table).toEqual(before[table]);
  }
  const added = after.audit_log!.filter((row) => !before.audit_log!.includes(row));
  expect(after.audit_log!.length).toBe(before.audit_log!.length + 1);
  expect(added.map((row) => JSON.parse(row).action)).toEqual(['backup.restored']);
  expect(before.files!.length).toBeGreaterThanOrEqual(3);
  expect(before.whatsapp_inbound!.length).toBeGreaterThanOrEqual(2);
  expect(before.outbox!.length).toBeGreaterThan(0);
  expect(before.requests!.length).toBe(1);
  // Same schema too: the plain indexes set aside for the load are all back.
  const indexes = (db: Db) => rows<{ name: string; definition: string }>(db, sql`select indexname as name, indexdef as definition from pg_indexes where schemaname = 'public' order by 1`);
  expect(await indexes(target.db)).toEqual(await indexes(t.db));
  const hashes = await liveHashes(target.db);
  expect(hashes.length).toBe(2);
  for (const sha of hashes) expect((await targetBlobs.get(sha))?.equals((await from.get(sha))!), sha).toBe(true);
  expect(await targetBlobs.get(purgedSha)).toBeUndefined();
}

let archive: string;
let before: Record<string, string[]>;
/** One empty target for the refusals (each must leave it untouched); a PGlite takes many seconds to start on a busy machine. */
let untouched: Database | undefined;
const untouchedTarget = async () => (untouched ??= await blankDatabase());
/** Starting databases dominates these tests on a loaded two-core machine. */
const SLOW = 180_000;

describe(`backup and restore on ${testEngine}`, () => {
  it('round trip: an empty, never-migrated database and file store get back every row and every live document', async () => {
    before = await tableRows(t.db);
    archive = path.join(work, 'kencot.backup.tar');
    const summary = await createBackup(sourceDeps(), archive);
    expect(summary).toMatchObject({ blobs: 2, missingBlobs: 0 });
    expect(summary.tables.find((x) => x.name === 'requests')).toEqual({ name: 'requests', rows: 1 });
    expect(fs.statSync(archive).mode & 0o077).toBe(0); // owner-only: it is personal data
    await expect(createBackup(sourceDeps(), archive)).rejects.toMatchObject({ code: 'backup_output_exists' });
    const [created] = await rows<{ details: Record<string, unknown> }>(t.db, sql`select details from audit_log where action = 'backup.created'`);
    expect(created!.details).toMatchObject({ blobs: 2, sha256: summary.sha256, bytes: fs.statSync(archive).size });

    // The manifest says what is inside, and carries no personal data.
    const opened = await openArchive(archive);
    const manifest = await readManifest(opened);
    expect(manifest).toMatchObject({ format: 'kencot-backup', formatVersion: 1, engine: testEngine, files: { liveRecords: 2, missing: [] } });
    expect(manifest.migration.tag).toMatch(/^\d{4}_/);
    expect(manifest.tables.map((x) => x.name).indexOf('offices')).toBeLessThan(manifest.tables.map((x) => x.name).indexOf('requests'));
    const manifestText = (await opened.read(opened.entries.get(MANIFEST_ENTRY)!)).toString();
    expect(manifestText).not.toContain(CHILD_NAME);
    expect(manifestText).not.toContain('3302205005200001');

    const target = await blankDatabase();
    const store = blankStore();
    const restored = await restoreBackup({ database: target, blobs: store.blobs, clock: t.clock }, archive, { force: false });
    expect(restored).toMatchObject({ engine: testEngine, blobs: 2, missingBlobs: 0, replacedExisting: false });
    expect(restored.tables).toEqual(summary.tables);
    await expectSameData(before, target, store.blobs);

    // Sequences moved past the loaded ids, and the staff can sign in on the restored installation.
    const [outboxIds] = await rows<{ next: string; max: string }>(target.db, sql`select nextval(pg_get_serial_sequence('outbox', 'id'))::text as next, (select max(id) from outbox)::text as max`);
    expect(Number(outboxIds!.next)).toBeGreaterThan(Number(outboxIds!.max));
    const signedIn = await signIn({ db: target.db, clock: t.clock, sessionTtlMs: 3600_000 }, { username: operator.user.username, password: TEST_PASSWORD }, {});
    expect(signedIn.actor).toMatchObject({ role: 'operator', officeCode: DEMO_OFFICE_CODE });
  }, SLOW);

  it('a database already migrated by this build restores too; a second restore onto it is refused, and --force replaces it with exactly the backup', async () => {
    const target = await blankDatabase();
    await target.migrate();
    const store = blankStore();
    const deps = { database: target, blobs: store.blobs, clock: t.clock };
    await restoreBackup(deps, archive, { force: false });
    await expectSameData(before, target, store.blobs);

    const again = await restoreBackup(deps, archive, { force: false }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: 'backup_target_not_empty' });
    expect(translate('en', (again as AppError).messageKey, (again as AppError).params)).toMatch(/not empty \(tables with data: .*audit_log.*requests.*\)/);

    // Forced: the previous restore's own audit entry goes with everything else; one new entry.
    const forced = await restoreBackup(deps, archive, { force: true });
    expect(forced.replacedExisting).toBe(true);
    await expectSameData(before, target, store.blobs);
    const [entry] = await rows<{ details: Record<string, unknown> }>(target.db, sql`select details from audit_log where action = 'backup.restored'`);
    expect(entry!.details).toMatchObject({ replacedExisting: true });
  }, SLOW);

  it('refuses to restore onto the live installation it came from', async () => {
    await expect(restoreBackup(sourceDeps(), archive, { force: false })).rejects.toMatchObject({ code: 'backup_target_not_empty' });
    expect((await tableRows(t.db)).requests).toEqual(before.requests);
  });

  it('refuses an archive with any one byte changed, naming what failed, before touching the database or the file store', async () => {
    const opened = await openArchive(archive);
    const manifest = await readManifest(opened);
    const at = (name: string) => opened.entries.get(name)!;
    const requestsPart = manifest.tables.find((x) => x.name === 'requests')!.part;
    const blob = manifest.files.blobs[0]!;
    const padded = [...opened.entries.values()].find((e) => e.size % 512 !== 0)!;
    const size = fs.statSync(archive).size;
    const cases: { offset: number; error: RegExp }[] = [
      { offset: at(requestsPart).offset + Math.floor(at(requestsPart).size / 2), error: new RegExp(`Part "${requestsPart}" of the backup file is damaged`) },
      { offset: at(blob.part).offset + 100, error: new RegExp(`Part "${blob.part}" of the backup file is damaged`) },
      { offset: at(MANIFEST_ENTRY).offset + 30, error: /Part "manifest.json" of the backup file is damaged/ },
      { offset: at(MANIFEST_HASH_ENTRY).offset + 3, error: /Part "manifest.json" of the backup file is damaged/ },
      { offset: at(blob.part).offset - 512 + 20, error: /damaged or not a Kencot backup \(header at byte \d+\)/ },
      { offset: at(blob.part).offset - 512 + 130, error: /damaged or not a Kencot backup \(header at byte \d+\)/ },
      { offset: padded.offset + padded.size + 1, error: /damaged or not a Kencot backup \(padding after / },
      { offset: size - 10, error: /damaged or not a Kencot backup \(end marker/ },
    ];
    const target = await untouchedTarget();
    const store = blankStore();
    for (const { offset, error } of cases) {
      const bytes = fs.readFileSync(archive);
      bytes[offset] = bytes[offset]! ^ 0x01;
      const damaged = path.join(work, `damaged-${offset}.tar`);
      fs.writeFileSync(damaged, bytes);
      const err = await restoreBackup({ database: target, blobs: store.blobs, clock: t.clock }, damaged, { force: false }).catch((e: unknown) => e);
      expect(err, `byte ${offset}`).toBeInstanceOf(AppError);
      expect(translate('en', (err as AppError).messageKey, (err as AppError).params), `byte ${offset}`).toMatch(error);
    }
    // A cut-off file, too.
    const cut = path.join(work, 'cut.tar');
    fs.writeFileSync(cut, fs.readFileSync(archive).subarray(0, size - 2048));
    await expect(restoreBackup({ database: target, blobs: store.blobs, clock: t.clock }, cut, { force: false })).rejects.toMatchObject({ code: 'backup_damaged' });

    expect(await rows(target.db, sql`select to_regclass('public.requests') as t`)).toEqual([{ t: null }]);
    expect(fs.readdirSync(store.dir)).toEqual([]);
  }, SLOW);

  it('refuses a backup made by a newer Kencot (a later migration than this build knows)', async () => {
    const opened = await openArchive(archive);
    const manifest: Manifest = await readManifest(opened);
    const future = { ...manifest, migration: { count: manifest.migration.count + 1, tag: '9999_from_the_future', when: manifest.migration.when + 86_400_000 } };
    const newer = path.join(work, 'newer.tar');
    const out = fs.createWriteStream(newer);
    const writer = archiveWriter(out);
    for (const entry of opened.entries.values()) {
      if (entry.name === MANIFEST_ENTRY || entry.name === MANIFEST_HASH_ENTRY) continue;
      await writer.addBuffer(entry.name, await opened.read(entry));
    }
    const manifestBytes = Buffer.from(JSON.stringify(future));
    await writer.addBuffer(MANIFEST_ENTRY, manifestBytes);
    await writer.addBuffer(MANIFEST_HASH_ENTRY, Buffer.from(`${crypto.createHash('sha256').update(manifestBytes).digest('hex')}  ${MANIFEST_ENTRY}\n`));
    await writer.finish();
    await new Promise((resolve) => out.end(resolve));

    const target = await untouchedTarget();
    const err = await restoreBackup({ database: target, blobs: blankStore().blobs, clock: t.clock }, newer, { force: false }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'backup_newer' });
    expect(translate('en', (err as AppError).messageKey, (err as AppError).params)).toMatch(/newer Kencot \(migration 9999_from_the_future; this version goes up to \d{4}_\w+\)/);
  });

  it('loads a backup from an older Kencot at its own level, then migrates it forward', async () => {
    const known = knownMigrations();
    const older = await blankDatabase();
    await older.db.transaction((tx) => applyMigrations(tx, known.slice(0, -1).map((m) => m.when)));
    // Plain SQL, not addOffice: today's code writes columns the older schema does not have yet.
    await older.db.execute(sql`insert into offices (code, name, regency_code, regency_name, province_name, ticket_prefix, contact, working_hours)
      values ('33.02.21', 'Sumbang', '33.02', 'Kabupaten Banyumas', 'Jawa Tengah', 'SMB', '{"address":"Kantor Kecamatan Sumbang"}'::jsonb, '{}'::jsonb)`);
    const file = path.join(work, 'older.tar');
    await createBackup({ database: older, blobs: blankStore().blobs, clock: t.clock }, file);

    // The refusals above left this one empty and never migrated.
    const target = await untouchedTarget();
    const restored = await restoreBackup({ database: target, blobs: blankStore().blobs, clock: t.clock }, file, { force: false });
    expect(restored.migration).toBe(known.at(-2)!.tag);
    expect(await migrationLevel(target.db)).toEqual({ count: known.length, when: known.at(-1)!.when });
    expect(await rows(target.db, sql`select code, ticket_prefix from offices`)).toEqual([{ code: '33.02.21', ticket_prefix: 'SMB' }]);
  }, SLOW);

  if (testEngine === 'postgres') {
    it('moves between engines: PostgreSQL → embedded PGlite → PostgreSQL with every row and document intact', async () => {
      const lite = await blankDatabase('pglite');
      const liteStore = blankStore();
      await restoreBackup({ database: lite, blobs: liteStore.blobs, clock: t.clock }, archive, { force: false });
      await expectSameData(before, lite, liteStore.blobs);

      const fromLite = path.join(work, 'from-pglite.tar');
      const withRestoreEntry = await tableRows(lite.db);
      await createBackup({ database: lite, blobs: liteStore.blobs, clock: t.clock }, fromLite);
      const server = await blankDatabase('postgres');
      const serverStore = blankStore();
      const restored = await restoreBackup({ database: server, blobs: serverStore.blobs, clock: t.clock }, fromLite, { force: false });
      expect(restored.engine).toBe('pglite');
      await expectSameData(withRestoreEntry, server, serverStore.blobs, liteStore.blobs);
    }, SLOW);
  }
});
