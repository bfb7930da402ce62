/**
 * Backup and restore at a regency's scale on PostgreSQL: N requests across Banyumas's 27 kecamatan,
 * three audit entries per request, and a number of scans on disk; then the time and size of
 * `createBackup` and the time of `restoreBackup` into an empty database.
 * Usage: npx tsx bench/backup.ts [requests=100000] [scans=300]   (BENCH_DATABASE_URL overrides the server)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createBackup, restoreBackup } from '../src/backup/service.js';
import { openDatabase, rows } from '../src/db/database.js';
import { diskBlobStore } from '../src/files/blobs.js';
import { addOffice } from '../src/offices/setup.js';
import { systemClock } from '../src/platform/clock.js';
import { loadRegions } from '../src/regions/regions.js';

const total = Number(process.argv[2] ?? 100_000);
const scans = Number(process.argv[3] ?? 300);
const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const urlOf = (name: string) => Object.assign(new URL(admin), { pathname: `/${name}` }).toString();

async function recreate(name: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-bench-backup-'));
await recreate('kencot_bench_backup_src');
await recreate('kencot_bench_backup_dst');
const source = await openDatabase({ databaseUrl: urlOf('kencot_bench_backup_src') });
await source.migrate();
const regions = loadRegions();
const districts = regions.districtsOfRegency('33.02');
for (const [i, d] of districts.entries()) {
  await addOffice({ db: source.db, clock: systemClock }, regions, { code: d.code, ticketPrefix: `B${String(i).padStart(2, '0')}`, contact: { address: d.name } });
}
const perOffice = Math.ceil(total / districts.length);
for (const [i, d] of districts.entries()) {
  await source.db.execute(sql`
    insert into requests (office_code, ticket, service_code, channel, state, desa_code, applicant, subject, subject_nik,
                          applicant_phone, hand_over_choice, pin_hash, submitted_at, state_entered_at, due_at, details)
    select ${d.code}, ${`B${String(i).padStart(2, '0')}`} || '-26-' || lpad(g::text, 6, '0'), 'kia_baru', 'whatsapp', 'handed_over', null,
           jsonb_build_object('name', 'Pemohon ' || g, 'phone', '628' || lpad((${i} * 10000000 + g)::text, 10, '0'), 'relation', 'ibu'),
           jsonb_build_object('name', 'Anak ' || g, 'birthDate', '2020-05-10', 'sex', 'P'),
           ${d.code.replace(/\./g, '')} || '500520' || lpad((g % 10000)::text, 4, '0'),
           '628' || lpad((${i} * 10000000 + g)::text, 10, '0'), 'pickup', '$argon2id$v=19$m=19456,t=2,p=1$' || md5(g::text),
           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, now(),
           jsonb_build_object('kk_number', '3302201005200001', 'subject_birth_place', 'Banyumas')
    from generate_series(1, ${perOffice}) g`);
}
await source.db.execute(sql`
  insert into audit_log (at, office_code, actor_type, actor_id, action, entity_type, entity_id, details, request_id)
  select r.submitted_at, r.office_code, 'staff', gen_random_uuid()::text, a.action, 'request', r.id::text, jsonb_build_object('from', 'submitted', 'to', 'verified'), 'bench'
  from requests r cross join (values ('request.submitted'), ('request.verified'), ('request.handed_over')) a(action)`);
const blobs = diskBlobStore(path.join(work, 'files'));
for (let i = 0; i < scans; i++) {
  const bytes = crypto.randomBytes(250_000); // a re-encoded phone scan is 150–400 KB; random bytes do not compress, as JPEG does not
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  await blobs.put(sha256, bytes);
  await source.db.execute(sql`insert into files (office_code, sha256, mime, size, document_type, uploaded_by_type) values (${districts[i % districts.length]!.code}, ${sha256}, 'image/jpeg', ${bytes.length}, 'kk', 'staff')`);
}
const [counts] = await rows<{ requests: number; audit: number }>(source.db, sql`select (select count(*) from requests)::int as requests, (select count(*) from audit_log)::int as audit`);
console.log(`seeded ${counts!.requests} requests, ${counts!.audit} audit entries, ${scans} scans of 250 KB`);

const file = path.join(work, 'bench.tar');
let t0 = performance.now();
const summary = await createBackup({ database: source, blobs, clock: systemClock }, file);
const backupSeconds = (performance.now() - t0) / 1000;
const dbBytes = fs.statSync(file).size - scans * 250_000;
console.log(`backup: ${backupSeconds.toFixed(1)} s, ${(summary.bytes / 1e6).toFixed(1)} MB (database parts ≈ ${(dbBytes / 1e6).toFixed(1)} MB), ${summary.tables.reduce((n, t) => n + t.rows, 0)} rows`);

const target = await openDatabase({ databaseUrl: urlOf('kencot_bench_backup_dst') });
t0 = performance.now();
await restoreBackup({ database: target, blobs: diskBlobStore(path.join(work, 'restored-files')), clock: systemClock }, file, { force: false });
console.log(`restore into an empty database: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

await source.close();
await target.close();
fs.rmSync(work, { recursive: true, force: true });
const c = new pg.Client({ connectionString: admin });
await c.connect();
for (const name of ['kencot_bench_backup_src', 'kencot_bench_backup_dst']) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await c.end();
