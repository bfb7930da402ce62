/** `kencot ikm` as offices script it: the CSV contract, the JSON fields, the exit code and the messages. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readIkmCsv } from './csv.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-ikm-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const kencot = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('reading survey answers from a CSV', () => {
  it('takes the unsur columns in any order and case, ignores other columns and blank lines, and reads ; as Excel writes it', () => {
    const csv = '\ufeffno;sarpras;Pengaduan;PERILAKU;KOMPETENSI;PRODUK;BIAYA;WAKTU;PROSEDUR;PERSYARATAN;tanggal\n1;1;2;3;4;4;3;2;1;4;2026-11-02\n\n2;4;4;4;4;4;4;4;4;4;2026-11-03\n';
    const { responses, problems } = readIkmCsv(csv);
    expect(problems).toEqual([]);
    expect(responses).toEqual([
      { SARPRAS: 1, PENGADUAN: 2, PERILAKU: 3, KOMPETENSI: 4, PRODUK: 4, BIAYA: 3, WAKTU: 2, PROSEDUR: 1, PERSYARATAN: 4 },
      { SARPRAS: 4, PENGADUAN: 4, PERILAKU: 4, KOMPETENSI: 4, PRODUK: 4, BIAYA: 4, WAKTU: 4, PROSEDUR: 4, PERSYARATAN: 4 },
    ]);
  });

  it('names every bad answer by its line in the file and its column, and computes nothing', () => {
    const csv = 'PERSYARATAN,PROSEDUR,WAKTU,BIAYA,PRODUK,KOMPETENSI,PERILAKU,PENGADUAN,SARPRAS\n4,4,4,4,4,4,4,4,4\n\n3,5,3,3,3,3,3,3,3\n3,3,,3,3,3,3,3,0\n3,3,3,3,3,3,3,3,2.5\n';
    expect(readIkmCsv(csv)).toEqual({
      responses: [],
      problems: [
        { row: 4, column: 'PROSEDUR', code: 'answer_out_of_range', value: '5' },
        { row: 5, column: 'WAKTU', code: 'empty_answer' },
        { row: 5, column: 'SARPRAS', code: 'answer_out_of_range', value: '0' },
        { row: 6, column: 'SARPRAS', code: 'answer_out_of_range', value: '2.5' },
      ],
    });
  });

  it('names a missing or repeated column, and a file with no respondents', () => {
    expect(readIkmCsv('PERSYARATAN,PROSEDUR,WAKTU,BIAYA,PRODUK,KOMPETENSI,PERILAKU,SARPRAS,waktu\n').problems).toEqual([
      { row: 1, column: 'WAKTU', code: 'duplicate_column' },
      { row: 1, column: 'PENGADUAN', code: 'missing_column' },
    ]);
    expect(readIkmCsv('PERSYARATAN,PROSEDUR,WAKTU,BIAYA,PRODUK,KOMPETENSI,PERILAKU,PENGADUAN,SARPRAS\n').problems).toEqual([{ row: 1, column: null, code: 'no_respondents' }]);
    expect(readIkmCsv('').problems).toEqual([{ row: 1, column: null, code: 'no_respondents' }]);
  });
});

describe('kencot ikm', () => {
  const header = 'PERSYARATAN,PROSEDUR,WAKTU,BIAYA,PRODUK,KOMPETENSI,PERILAKU,PENGADUAN,SARPRAS\n';

  it('prints the contract fields with --json, the exact method beside the 0.111 one', async () => {
    const rows = [...Array(40).fill('4,4,4,4,4,3,3,3,3'), ...Array(10).fill('4,4,4,4,3,3,3,3,3')].join('\n');
    const res = await kencot('ikm', '--input', file('50.csv', header + rows + '\n'), '--json', '--population', '100');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ respondents: 50, ikm: 3.5333, converted: 88.33, grade: 'A', converted0111: 88.25, grade0111: 'B', sample: { population: 100, minimum: 80, enough: false } });
    expect(out.nrr).toEqual({ PERSYARATAN: 4, PROSEDUR: 4, WAKTU: 4, BIAYA: 4, PRODUK: 3.8, KOMPETENSI: 3, PERILAKU: 3, PENGADUAN: 3, SARPRAS: 3 });
  });

  it('prints a readable summary in Indonesian without --json', async () => {
    const res = await kencot('ikm', '--input', file('2.csv', `${header}4,3,3,4,3,3,4,3,3\n3,3,2,4,3,4,4,2,3\n`));
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('IKM (bobot 1/9, cara yang tepat): 3.2222 → nilai konversi 80.56, mutu B (Baik)');
    expect(res.stdout).toContain('Prioritas perbaikan (NRR terendah lebih dulu): Waktu penyelesaian, Penanganan pengaduan');
  });

  it('exits non-zero naming the row and column of a value outside 1–4, and of a missing column', async () => {
    const bad = await kencot('ikm', '--input', file('bad.csv', `${header}4,4,4,4,4,4,4,4,4\n4,4,7,4,4,4,4,4,4\n`), '--json');
    expect(bad.code).not.toBe(0);
    expect(JSON.parse(bad.stderr)).toEqual({
      errors: [{ row: 3, column: 'WAKTU', reason: 'Baris 3, kolom WAKTU: "7" bukan jawaban yang sah. Jawaban harus 1, 2, 3 atau 4.' }],
    });
    const missing = await kencot('ikm', '--input', file('missing.csv', 'PERSYARATAN,PROSEDUR,WAKTU,BIAYA,PRODUK,KOMPETENSI,PERILAKU,SARPRAS\n4,4,4,4,4,4,4,4\n'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Baris 1: kolom PENGADUAN tidak ada pada baris judul.');
    const absent = await kencot('ikm', '--input', path.join(dir, 'nothing-here.csv'));
    expect(absent.code).not.toBe(0);
    expect(absent.stderr).toContain('tidak dapat dibuka');
  });
});
