/**
 * Work-queue and search latency at a regency's scale: 1,000,000 requests across Banyumas's 27
 * kecamatan on PostgreSQL, then p50/p95 of a queue page and of searches by NIK, ticket, phone and name.
 * Usage: npx tsx bench/queue.ts [requests=1000000]   (BENCH_DATABASE_URL overrides the server)
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/database.js';
import { addOffice } from '../src/offices/setup.js';
import { systemClock } from '../src/platform/clock.js';
import { loadRegions } from '../src/regions/regions.js';
import { queuePage, searchRequests } from '../src/requests/storage.js';

const total = Number(process.argv[2] ?? 1_000_000);
const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = 'kencot_bench_queue';
const url = new URL(admin);
url.pathname = `/${name}`;

const c = new pg.Client({ connectionString: admin });
await c.connect();
await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await c.query(`CREATE DATABASE ${name}`);
await c.end();

const database = await openDatabase({ databaseUrl: url.toString() });
await database.migrate();
const regions = loadRegions();
const districts = regions.districtsOfRegency('33.02');
let t0 = performance.now();
for (const [i, d] of districts.entries()) {
  await addOffice({ db: database.db, clock: systemClock }, regions, { code: d.code, ticketPrefix: `B${String(i).padStart(2, '0')}`, contact: { address: d.name } });
}
// One statement per office keeps each transaction reasonable; rows spread over states and due times.
const perOffice = Math.ceil(total / districts.length);
// Children's names as an office sees them: a few thousand combinations, each shared by a few dozen.
const FIRST = ['Aditya', 'Aisyah', 'Alya', 'Arif', 'Bayu', 'Bima', 'Citra', 'Dimas', 'Dewi', 'Fajar', 'Fitri', 'Galih', 'Hana', 'Ilham', 'Indah', 'Joko', 'Kirana', 'Laras', 'Nadia', 'Naufal', 'Putri', 'Raka', 'Rizki', 'Salsabila', 'Sekar', 'Tegar', 'Wulan', 'Yoga', 'Zahra', 'Anisa'];
const LAST = ['Lestari', 'Pratama', 'Saputra', 'Wijaya', 'Nugroho', 'Rahmawati', 'Kusuma', 'Hidayat', 'Purnomo', 'Setiawan', 'Utami', 'Wibowo', 'Santoso', 'Maharani', 'Permana', 'Susanti', 'Firmansyah', 'Anggraini', 'Suryani', 'Ramadhan'];
const states = ['submitted', 'returned', 'verified', 'processing', 'ready', 'handed_over', 'handed_over', 'handed_over', 'handed_over', 'cancelled'];
for (const [i, d] of districts.entries()) {
  await database.db.execute(sql`
    insert into requests (office_code, ticket, service_code, channel, state, flags, desa_code, applicant, subject, subject_nik,
                          applicant_phone, hand_over_choice, pin_hash, submitted_at, state_entered_at, due_at)
    select ${d.code}, ${`B${String(i).padStart(2, '0')}`} || '-26-' || lpad(g::text, 6, '0'), 'kia_baru', 'whatsapp',
           (${sql.raw(`ARRAY[${states.map((x) => `'${x}'`).join(',')}]`)})[1 + (g % 10)], '[]'::jsonb, null,
           jsonb_build_object('name', 'Pemohon ' || g, 'phone', '628' || lpad((${i} * 10000000 + g)::text, 10, '0'), 'relation', 'ibu'),
           jsonb_build_object('name', (${sql.raw(`ARRAY[${FIRST.map((x) => `'${x}'`).join(',')}]`)})[1 + (g % ${FIRST.length})] || ' ' ||
                                      (${sql.raw(`ARRAY[${LAST.map((x) => `'${x}'`).join(',')}]`)})[1 + ((g / ${FIRST.length}) % ${LAST.length})]),
           ${d.code.replace(/\./g, '')} || lpad(((g % 28) + 1)::text, 2, '0') || '0520' || lpad((g % 10000)::text, 4, '0'),
           '628' || lpad((${i} * 10000000 + g)::text, 10, '0'), 'pickup', 'x',
           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, now() + ((g % 5000) || ' minutes')::interval
    from generate_series(1, ${perOffice}) g`);
}
await database.db.execute(sql`analyze requests`);
console.log(`seeded ${perOffice * districts.length} requests in ${districts.length} offices in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

async function measure(label: string, runs: number, work: (i: number) => Promise<unknown[]>) {
  for (let i = 0; i < 20; i++) await work(i); // warm up
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    const rows = await work(i);
    times.push(performance.now() - t0);
    if (rows.length > 0) hits++;
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`${label.padEnd(34)} p50 ${p(0.5)} ms   p95 ${p(0.95)} ms   (${runs} runs, ${hits} found rows)`);
}

const office = (i: number) => districts[i % districts.length]!.code;
const prefix = (i: number) => `B${String(i % districts.length).padStart(2, '0')}`;
const db = database.db;
await measure('queue page (verify, 25 rows)', 300, (i) => queuePage(db, { officeCode: office(i), states: ['submitted'], limit: 25 }));
await measure('queue page (process, filtered)', 300, (i) =>
  queuePage(db, { officeCode: office(i), states: ['verified', 'processing'], channel: 'whatsapp', limit: 25 }),
);
await measure('search by ticket', 300, (i) => searchRequests(db, [office(i)], { kind: 'ticket', ticket: `${prefix(i)}-26-${String((i * 37) % perOffice + 1).padStart(6, '0')}` }, 50));
await measure('search by NIK', 300, (i) =>
  searchRequests(db, [office(i)], { kind: 'nik', nik: `${office(i).replace(/\./g, '')}${String((i % 28) + 1).padStart(2, '0')}0520${String(i % 10000).padStart(4, '0')}` }, 50),
);
await measure('search by phone', 300, (i) =>
  searchRequests(db, [office(i)], { kind: 'phone', phone: `628${String((i % districts.length) * 10000000 + ((i * 13) % perOffice) + 1).padStart(10, '0')}` }, 50),
);
await measure('search by name', 300, (i) => searchRequests(db, [office(i)], { kind: 'name', text: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}` }, 50));
await database.close();
const d2 = new pg.Client({ connectionString: admin });
await d2.connect();
await d2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await d2.end();
