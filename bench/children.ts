/**
 * The children register at scale (issue 12): importing a 50,000-row CSV into one office (new, then
 * the same list again: all unchanged; then the same list as an XLSX workbook), and KIA coverage for a regency of 27 offices with 500,000
 * children (p50/p95 of `kiaCoverage` per office and for the whole regency).
 * Usage: npx tsx bench/children.ts [rows=50000] [children=500000]   (PostgreSQL: BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 */
import ExcelJS from 'exceljs';
import pg from 'pg';
import { importChildren, kiaCoverage } from '../src/children/service.js';
import { insertChildren } from '../src/children/storage.js';
import { openDatabase } from '../src/db/database.js';
import { addOffice } from '../src/offices/setup.js';
import { fixedClock } from '../src/platform/clock.js';
import { loadRegions } from '../src/regions/regions.js';
import type { StaffActor } from '../src/auth/policy.js';

const rowsWanted = Number(process.argv[2] ?? 50_000);
const childrenWanted = Number(process.argv[3] ?? 500_000);
const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = 'kencot_bench_children';
const c = new pg.Client({ connectionString: admin });
await c.connect();
await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await c.query(`CREATE DATABASE ${name}`);
await c.end();

const database = await openDatabase({ databaseUrl: Object.assign(new URL(admin), { pathname: `/${name}` }).toString() });
await database.migrate();
const clock = fixedClock('2026-11-23T02:00:00Z');
const regions = loadRegions();
const deps = { db: database.db, clock, regions };
const districts = regions.districtsOfRegency('33.02');
for (const [i, d] of districts.entries()) await addOffice(deps, regions, { code: d.code, ticketPrefix: `B${String(i).padStart(2, '0')}`, contact: { address: d.name } });
const office = '33.02.20';
const desa = regions.villagesOfDistrict(office);

const FIRST = ['Aditya', 'Ayu', 'Bagus', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hadi', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nur', 'Putri', 'Rizky', 'Sari', 'Tri', 'Wahyu'];
const LAST = ['Santoso', 'Wibowo', 'Lestari', 'Pratama', 'Saputra', 'Wulandari', 'Hidayat', 'Nugroho', 'Rahayu', 'Kurniawan'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** A valid NIK of Kembaran: a birth date 2010–2026 and a serial from the row number. */
function row(i: number) {
  const year = 2010 + (i % 16);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const female = i % 2 === 1;
  const nik = `330220${pad(day + (female ? 40 : 0), 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(1 + Math.floor(i / 336), 4)}`;
  return [nik, `${FIRST[i % 20]} ${LAST[Math.floor(i / 20) % 10]} ${i}`, `${year}-${pad(month, 2)}-${pad(day, 2)}`, female ? 'P' : 'L', desa[i % desa.length]!.name, `2030${pad(i % 40, 4)}`, String(1 + (i % 6)), '', '', '', i % 3 === 0 ? 'ya' : 'tidak'].join(',');
}
// Birth date and sex repeat every 336 rows (lcm of 28, 12, 16); the serial counts the rounds, so every NIK is unique.
const csv = ['nik,nama,tanggal_lahir,jenis_kelamin,desa,npsn,kelas,nama_orang_tua,no_kk,no_wa,punya_kia', ...Array.from({ length: rowsWanted }, (_, i) => row(i))].join('\n');
const bytes = Buffer.from(csv);
// The same list as an Excel workbook (one sheet, text cells), as a school's roster comes.
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('Siswa');
for (const line of csv.split('\n')) sheet.addRow(line.split(','));
const xlsxBytes = new Uint8Array(await book.xlsx.writeBuffer());

for (const [pass, file, content] of [
  ['first import (all new)', 'bench.csv', bytes],
  ['same list again (all unchanged)', 'bench.csv', bytes],
  ['same list again as XLSX (all unchanged)', 'bench.xlsx', xlsxBytes],
] as const) {
  const started = performance.now();
  const report = await importChildren(deps, null, office, { fileName: file, bytes: content, dryRun: false, onlyValid: false }, { requestId: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${pass}: ${rowsWanted} rows in ${seconds.toFixed(2)} s = ${Math.round(rowsWanted / seconds)} rows/s`, { imported: report.imported, unchanged: report.unchanged, refused: report.refused });
}

// The rest of the regency: children straight into the table (the import is measured above).
const others = districts.filter((d) => d.code !== office);
const perOffice = Math.ceil((childrenWanted - rowsWanted) / others.length);
for (const d of others) {
  const villages = regions.villagesOfDistrict(d.code);
  const rows = Array.from({ length: perOffice }, (_, i) => ({
    facts: { name: `Anak ${i}`, birthDate: `${2010 + (i % 16)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`, desaCode: villages[i % villages.length]!.code, schoolNpsn: `2031${pad(i % 40, 4)}`, hasKia: i % 2 === 0 },
    sources: {},
  }));
  await insertChildren(database.db, d.code, rows, clock.now());
}
await database.db.execute('analyze children');

const regencyActor: StaffActor = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000000', role: 'kabupaten', officeCode: null, regencyCode: '33.02' };
async function measure(label: string, work: () => Promise<unknown>, runs = 50) {
  for (let i = 0; i < 5; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: p50 ${times[Math.floor(runs * 0.5)]!.toFixed(1)} ms, p95 ${times[Math.floor(runs * 0.95)]!.toFixed(1)} ms`);
}
await measure(`coverage of one office (${rowsWanted} children)`, () => kiaCoverage(deps, null, office));
await measure(`coverage of the regency (27 offices, ${rowsWanted + perOffice * others.length} children)`, () => kiaCoverage(deps, regencyActor, 'regency'), 20);
await database.close();
