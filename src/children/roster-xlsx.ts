/**
 * Excel rosters (issue 12): the first worksheet of an XLSX read into the same table as a CSV, rows
 * named by their row number in the sheet (the header's row being its line). Dates become
 * YYYY-MM-DD, whole numbers their digits (a NIK typed as a number keeps only Excel's 15 significant
 * digits, which the NIK check then refuses), formulas their result.
 */
import ExcelJS from 'exceljs';
import { MAX_ROSTER_ROWS, readRosterCsv, type RosterTable } from './roster.js';
import type { RowProblem } from './children.js';

/** An XLSX is a ZIP archive: its first bytes say so. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

export async function readRosterXlsx(bytes: Uint8Array): Promise<RosterTable | { problem: RowProblem }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { problem: { row: 1, column: '', code: 'unreadable' } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { problem: { row: 1, column: '', code: 'empty_file' } };
  const lines: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based: index 0 is empty.
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i] ?? null).trim());
    if (cells.some((c) => c !== '')) lines.push({ row: rowNumber, cells });
  });
  const [header, ...rows] = lines;
  if (!header) return { problem: { row: 1, column: '', code: 'empty_file' } };
  if (rows.length > MAX_ROSTER_ROWS) return { problem: { row: rows[MAX_ROSTER_ROWS]!.row, column: '', code: 'too_many_rows', params: { max: MAX_ROSTER_ROWS } } };
  return { header: header.cells, headerLine: header.row, rows };
}

/** A list as it came: an Excel workbook or a CSV text. */
export function readRoster(bytes: Uint8Array): Promise<RosterTable | { problem: RowProblem }> {
  return isZip(bytes) ? readRosterXlsx(bytes) : Promise.resolve(readRosterCsv(Buffer.from(bytes).toString('utf8')));
}
