/**
 * `kencot import children` and `kencot coverage` as offices script them (issue 12): the exact
 * --json report for a roster with good rows, bad rows and duplicates; importing it again changes
 * nothing; an updated list updates.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { auditLog, children } from '../db/schema.js';
import { freshDatabase, testEngine } from '../test-support/db.js';

const run = promisify(execFile);
let env: NodeJS.ProcessEnv;
let dataDir: string;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-children-cli-'));
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
/** The command's output also when it exits 1 (a refused row). */
const kencotAnyway = (...args: string[]) =>
  kencot(...args).then(
    (r) => ({ ...r, code: 0 }),
    (err: { stdout: string; stderr: string; code: number }) => ({ stdout: err.stdout, stderr: err.stderr, code: err.code }),
  );

function listFile(name: string, lines: string[]) {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

// A school's roster as an office gets it: Excel's `;`, the contract's columns in another order and case, one extra column.
const ROSTER = [
  'Nama;NIK;Tanggal_Lahir;Jenis_Kelamin;Desa;NPSN;Kelas;Nama_Orang_Tua;No_KK;No_WA;Punya_KIA;Catatan',
  'Siti Aminah;3302205005200001;10-05-2020;P;Ledug;20301234;1A;Rohmah;3302201005200001;0812-2700-1234;tidak;', // 2 good
  'Budi Santoso;3302201203190002;2019-03-12;L;Karang Tengah;20301234;2B;Darto;;;ya;pindahan', // 3 good
  'Ani Lestari;;2018-07-01;P;33.02.20.2003;20301234;3;;;;;', // 4 good, no NIK
  'Rudi;3302201313190001;2019-01-01;L;Ledug;;;;;;;', // 5 impossible NIK (month 13)
  'Dewi;;2099-01-01;P;Ledug;;;;;;;', // 6 born in the future
  'Eko;;2017-02-02;L;Atlantis;;;;;;;', // 7 no such desa
  ';;2016-05-05;L;Ledug;;;;;;;', // 8 no name (and no NIK)
  'Siti Aminah;3302205005200001;2020-05-10;P;Ledug;20301234;1A;Rohmah;3302201005200001;081227001234;tidak;', // 9 row 2 again
  'ani  lestari;;01-07-2018;P;Purwodadi;20301234;3;;;;;', // 10 row 4 again, spelled otherwise
];

const ERRORS =
  '[{"row": 5, "column": "nik", "reason": "NIK tidak mungkin: bulan lahir pada NIK bukan 01–12."}, ' +
  '{"row": 6, "column": "tanggal_lahir", "reason": "Tanggal lahir 2099-01-01 belum terjadi."}, ' +
  '{"row": 7, "column": "desa", "reason": "\\"Atlantis\\" bukan desa/kelurahan di kecamatan ini."}, ' +
  '{"row": 8, "column": "nama", "reason": "Nama kosong: tanpa NIK, nama dan tanggal lahir wajib diisi."}]';

describe(`kencot import children on ${testEngine}`, () => {
  it('reports every bad row by line and column, imports all or nothing, never duplicates, and updates from an updated list', async () => {
    await kencot('office', 'add', '--code', '33.02.20', '--prefix', 'KBR', '--address', 'Kembaran, Banyumas');
    const roster = listFile('sd-ledug.csv', ROSTER);
    const args = ['import', 'children', '--office', '33.02.20', '--input', roster, '--json'];

    // All or nothing: four bad rows, nothing saved.
    const refused = await kencotAnyway(...args);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(`{"imported": 0, "updated": 0, "unchanged": 0, "refused": 4, "errors": ${ERRORS}}\n`);

    // A dry run of the valid rows counts without saving.
    expect((await kencotAnyway(...args, '--only-valid', '--dry-run')).stdout).toBe(`{"imported": 3, "updated": 0, "unchanged": 2, "refused": 4, "errors": ${ERRORS}}\n`);

    const first = await kencotAnyway(...args, '--only-valid');
    expect(first.stdout).toBe(`{"imported": 3, "updated": 0, "unchanged": 2, "refused": 4, "errors": ${ERRORS}}\n`);
    const again = await kencotAnyway(...args, '--only-valid');
    expect(again.stdout).toBe(`{"imported": 0, "updated": 0, "unchanged": 5, "refused": 4, "errors": ${ERRORS}}\n`);

    // The school's updated list: Siti moved up a class, Budi's parent gave a number, a new pupil, Ani unchanged (no desa column).
    const updated = listFile('sd-ledug-2.csv', [
      'nik,nama,tanggal_lahir,kelas,no_wa',
      '3302205005200001,Siti Aminah,2020-05-10,2A,',
      '3302201203190002,Budi Santoso,12-03-2019,2B,0813 1111 2222',
      ',Ani Lestari,2018-07-01,3,',
      '3302204101220003,Putri Ayu,,,',
    ]);
    const third = await kencot('import', 'children', '--office', '33.02.20', '--input', updated, '--json');
    expect(third.stdout).toBe('{"imported": 1, "updated": 2, "unchanged": 1, "refused": 0, "errors": []}\n');

    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    try {
      const rows = await database.db.select().from(children).orderBy(asc(children.birthDate));
      expect(rows.map((r) => [r.name, r.nik, r.birthDate, r.sex, r.desaCode, r.schoolClass, r.whatsapp, r.hasKia])).toEqual([
        ['Ani Lestari', null, '2018-07-01', 'P', '33.02.20.2003', '3', null, null],
        ['Budi Santoso', '3302201203190002', '2019-03-12', 'L', '33.02.20.2004', '2B', '6281311112222', true],
        ['Siti Aminah', '3302205005200001', '2020-05-10', 'P', '33.02.20.2001', '2A', '6281227001234', false],
        ['Putri Ayu', '3302204101220003', '2022-01-01', 'P', null, null, null, null],
      ]);
      const siti = rows.find((r) => r.nik === '3302205005200001')!;
      expect(siti.sources.schoolClass).toMatchObject({ kind: 'import', file: 'sd-ledug-2.csv', row: 2 });
      expect(siti.sources.parentName).toMatchObject({ kind: 'import', file: 'sd-ledug.csv', row: 2 });
      const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'children.imported'));
      expect(audits).toHaveLength(3); // the saved imports only
      expect(JSON.stringify(audits)).not.toContain('Siti');
    } finally {
      await database.close();
    }

    // Without --json: the same report in Indonesian.
    const text = await kencotAnyway('import', 'children', '--office', '33.02.20', '--input', roster);
    expect(text.stdout).toContain('Baris 7, kolom desa: "Atlantis" bukan desa/kelurahan di kecamatan ini.');
    expect(text.stdout).toMatch(/^Tidak ada yang disimpan karena 4 baris bermasalah/);

    // The same roster as an Excel workbook: the same report, rows named by their row in the sheet.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Siswa');
    for (const line of ROSTER) sheet.addRow(line.split(';'));
    const xlsx = path.join(dataDir, 'sd-ledug.xlsx');
    fs.writeFileSync(xlsx, new Uint8Array(await book.xlsx.writeBuffer()));
    const fromExcel = await kencotAnyway('import', 'children', '--office', '33.02.20', '--input', xlsx, '--json', '--only-valid', '--dry-run');
    expect(fromExcel.stdout).toBe(`{"imported": 0, "updated": 1, "unchanged": 4, "refused": 4, "errors": ${ERRORS}}\n`);

    const coverage = await kencot('coverage', '--office', '33.02.20', '--json');
    const parsed = JSON.parse(coverage.stdout) as { desa: { code: string; name: string; children: number; withKia: number }[]; total: unknown };
    expect(parsed.total).toEqual({ children: 4, withKia: 1 });
    expect(parsed.desa.find((d) => d.code === '33.02.20.2004')).toEqual({ code: '33.02.20.2004', name: 'Karang Tengah', children: 1, withKia: 1 });
    expect(parsed.desa.at(-1)).toEqual({ code: null, name: 'Tanpa desa', children: 1, withKia: 0 });
    expect(coverage.stdout).toMatch(/^\{"desa": \[\{"code": "33\.02\.20\.2001", "name": "Ledug", "children": 1, "withKia": 0\}, /);
    // Nine runs of the command, each opening the database: generous on a busy machine.
  }, 600_000);
});
