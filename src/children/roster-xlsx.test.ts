/** An Excel roster reads into the same table as its CSV (issue 12): rows by sheet row, cells as text. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRosterCsv } from './roster.js';
import { readRoster, readRosterXlsx } from './roster-xlsx.js';

async function workbook(rows: ExcelJS.CellValue[][], opts: { blankFirstRow?: boolean } = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Siswa');
  if (opts.blankFirstRow) sheet.addRow([]);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('an XLSX roster', () => {
  it('gives the same header, rows and line numbers as the same list saved as CSV', async () => {
    const lines = ['nik;nama;tanggal_lahir;desa', '3302205005200001;Siti Aminah;2020-05-10;Ledug', ';Ani Lestari;2018-07-01;33.02.20.2003'];
    const csv = readRosterCsv(lines.join('\n'));
    const xlsx = await readRosterXlsx(await workbook(lines.map((l) => l.split(';'))));
    expect(xlsx).toEqual(csv);
  });

  it('writes a date cell as YYYY-MM-DD, a whole number as its digits, rich text and formulas as their text', async () => {
    const bytes = await workbook([
      ['nik', 'nama', 'tanggal_lahir', 'kelas'],
      [3302205005200001, { richText: [{ text: 'Siti ' }, { text: 'Aminah', font: { bold: true } }] }, new Date(Date.UTC(2020, 4, 10)), { formula: '1+1', result: 2 }],
    ]);
    const table = await readRoster(bytes);
    expect(table).toMatchObject({ header: ['nik', 'nama', 'tanggal_lahir', 'kelas'], rows: [{ row: 2, cells: ['3302205005200001', 'Siti Aminah', '2020-05-10', '2'] }] });
  });

  it('names rows by their row in the sheet when the list starts lower, and skips empty rows', async () => {
    const table = await readRosterXlsx(await workbook([['nama', 'tanggal_lahir'], [], ['Eko', '2017-02-02']], { blankFirstRow: true }));
    expect(table).toEqual({ header: ['nama', 'tanggal_lahir'], headerLine: 2, rows: [{ row: 4, cells: ['Eko', '2017-02-02'] }] });
  });

  it('says a damaged workbook cannot be read, instead of failing', async () => {
    const bytes = await workbook([['nama'], ['Eko']]);
    expect(await readRosterXlsx(bytes.slice(0, 200))).toEqual({ problem: { row: 1, column: '', code: 'unreadable' } });
  });
});
