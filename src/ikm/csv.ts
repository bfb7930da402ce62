/**
 * Survey answers as an office keeps them outside Kencot: a CSV with a header of unsur codes in any
 * order and case (other columns, such as a timestamp or a respondent number, are ignored) and one
 * respondent per row with answers 1–4. Excel in Indonesian locales writes `;`, so `,`, `;` and tab
 * are all read as separators.
 *
 * Every problem is named by its line in the file (the header is line 1) and its column; nothing is
 * computed from a file with a problem, as a half-read survey gives a wrong index.
 */
import { parse } from 'csv-parse/sync';
import { UNSUR, type IkmAnswer, type IkmResponse, type UnsurCode } from './ikm.js';

export type IkmCsvProblem =
  | { row: number; column: string; code: 'missing_column' }
  | { row: number; column: string; code: 'duplicate_column' }
  | { row: number; column: string; code: 'empty_answer' }
  | { row: number; column: string; code: 'answer_out_of_range'; value: string }
  | { row: number; column: null; code: 'no_respondents' }
  | { row: number; column: null; code: 'unreadable' };

export type IkmCsv = { responses: IkmResponse[]; problems: IkmCsvProblem[] };

const ANSWER = /^[1-4]$/;

export function readIkmCsv(text: string): IkmCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { responses: [], problems: [{ row: line, column: null, code: 'unreadable' }] };
  }
  const [header, ...rows] = records;
  if (!header) return { responses: [], problems: [{ row: 1, column: null, code: 'no_respondents' }] };

  const problems: IkmCsvProblem[] = [];
  const position = new Map<UnsurCode, number>();
  header.record.forEach((name, index) => {
    const code = name.trim().toUpperCase() as UnsurCode;
    if (!UNSUR.includes(code)) return;
    if (position.has(code)) problems.push({ row: header.info.lines, column: code, code: 'duplicate_column' });
    else position.set(code, index);
  });
  for (const code of UNSUR) if (!position.has(code)) problems.push({ row: header.info.lines, column: code, code: 'missing_column' });
  if (problems.length > 0) return { responses: [], problems };

  const responses: IkmResponse[] = [];
  for (const { record, info } of rows) {
    if (record.every((cell) => cell === '')) continue;
    const response = {} as Record<UnsurCode, IkmAnswer>;
    let complete = true;
    for (const code of UNSUR) {
      const cell = record[position.get(code)!] ?? '';
      if (cell === '') {
        problems.push({ row: info.lines, column: code, code: 'empty_answer' });
        complete = false;
      } else if (!ANSWER.test(cell)) {
        problems.push({ row: info.lines, column: code, code: 'answer_out_of_range', value: cell.slice(0, 20) });
        complete = false;
      } else {
        response[code] = Number(cell) as IkmAnswer;
      }
    }
    if (complete) responses.push(response);
  }
  if (problems.length === 0 && responses.length === 0) problems.push({ row: header.info.lines, column: null, code: 'no_respondents' });
  return { responses: problems.length > 0 ? [] : responses, problems };
}
