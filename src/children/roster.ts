/**
 * A list of children as offices get them — a desa's extract, a school's roster — read into rows
 * and checked (issue 12). CSV with `,`, `;` (Excel in Indonesian locales) or tab; rows are named
 * by their line in the file, the header being line 1. Pure: text in, rows and problems out.
 */
import { parse } from 'csv-parse/sync';
import { CHILD_COLUMNS, columnKey, mapColumns, validateChildRow, type ChildColumn, type ChildFacts, type RowContext, type RowProblem } from './children.js';

export type RosterTable = { header: string[]; headerLine: number; rows: { row: number; cells: string[] }[] };

/** At most this many data rows in one list: a whole regency's children fit in a few files. */
export const MAX_ROSTER_ROWS = 100_000;

/** The separator the header uses most (a name with a comma in a `;` file stays one cell); one separator parses much faster than three. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

export function readRosterCsv(text: string): RosterTable | { problem: RowProblem } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (err) {
    return { problem: { row: (err as { lines?: number }).lines ?? 1, column: '', code: 'unreadable' } };
  }
  const [header, ...rest] = records;
  if (!header) return { problem: { row: 1, column: '', code: 'empty_file' } };
  const rows = rest.filter((r) => r.record.some((cell) => cell.trim() !== '')).map((r) => ({ row: r.info.lines, cells: r.record }));
  if (rows.length > MAX_ROSTER_ROWS) return { problem: { row: rows[MAX_ROSTER_ROWS]!.row, column: '', code: 'too_many_rows', params: { max: MAX_ROSTER_ROWS } } };
  return { header: header.record, headerLine: header.info.lines, rows };
}

export type CheckedRoster = { dataRows: number; valid: { row: number; facts: ChildFacts }[]; problems: RowProblem[] };

/** Every row checked: the valid ones' facts, and every problem of the others, in file order. */
export function checkRoster(table: RosterTable, ctx: RowContext, mapping?: Readonly<Record<string, string>>): CheckedRoster {
  const { positions, problems } = mapColumns(table.header, table.headerLine, mapping);
  if (problems.length > 0) return { dataRows: table.rows.length, valid: [], problems };
  const valid: CheckedRoster['valid'] = [];
  for (const { row, cells } of table.rows) {
    const named: Partial<Record<ChildColumn, string>> = {};
    for (const [column, index] of positions) named[column] = cells[index] ?? '';
    const result = validateChildRow(named, row, ctx);
    if (result.ok) valid.push({ row, facts: result.facts });
    else problems.push(...result.problems);
  }
  return { dataRows: table.rows.length, valid, problems };
}

/** Problems in file order, and within a row in the contract's column order. */
export function sortProblems(problems: readonly RowProblem[]): RowProblem[] {
  const rank = (column: string) => {
    const i = (CHILD_COLUMNS as readonly string[]).indexOf(column);
    return i < 0 ? -1 : i;
  };
  return [...problems].sort((a, b) => a.row - b.row || rank(a.column) - rank(b.column));
}

/** What the console shows before an import: the file's columns, the contract column each seems to hold, and the first rows. */
export function previewRoster(table: RosterTable, rows = 5) {
  const suggested: Record<string, string> = {};
  for (const header of table.header) {
    const key = columnKey(header);
    suggested[header] = (CHILD_COLUMNS as readonly string[]).includes(key) ? key : '';
  }
  return { header: table.header, suggested, rows: table.rows.slice(0, rows).map((r) => ({ row: r.row, cells: r.cells })), dataRows: table.rows.length };
}
