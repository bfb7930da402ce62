/**
 * `kencot ikm`: the survey computation over a CSV, for offices that collected answers on paper or
 * in a spreadsheet. Officers read it, so it speaks Indonesian; `--json` is the scripted contract.
 */
import fs from 'node:fs';
import { t } from '../i18n/i18n.js';
import { readIkmCsv, type IkmCsvProblem } from './csv.js';
import { computeIkm, minimumSample, UNSUR } from './ikm.js';

export type IkmCliOptions = { input: string; population?: number | undefined; json?: boolean | undefined };

export function problemText(problem: IkmCsvProblem): string {
  return t('id', `ikm.csv.${problem.code}`, { ...problem, all: UNSUR.join(', ') });
}

export function ikmReport(opts: IkmCliOptions): { ok: boolean; output: string } {
  let text: string;
  try {
    text = fs.readFileSync(opts.input, 'utf8');
  } catch {
    return { ok: false, output: t('id', 'ikm.csv.file_unreadable', { file: opts.input }) };
  }
  const { responses, problems } = readIkmCsv(text);
  if (problems.length > 0) {
    const lines = [t('id', 'ikm.csv.not_computed', { count: problems.length }), ...problems.map(problemText)];
    if (opts.json) {
      return { ok: false, output: JSON.stringify({ errors: problems.map((p) => ({ row: p.row, column: p.column, reason: problemText(p) })) }) };
    }
    return { ok: false, output: lines.join('\n') };
  }
  const result = computeIkm(responses)!;
  const sample =
    opts.population === undefined
      ? undefined
      : { population: opts.population, minimum: minimumSample(opts.population), enough: result.respondents >= minimumSample(opts.population) };
  if (opts.json) return { ok: true, output: JSON.stringify({ ...result, ...(sample ? { sample } : {}) }) };

  const words = (grade: string) => t('id', `ikm.grade.${grade}`);
  const lines = [
    t('id', 'ikm.cli.respondents', { count: result.respondents }),
    ...UNSUR.map((code) => t('id', 'ikm.cli.nrr_line', { code, name: t('id', `ikm.unsur.${code}.name`), nrr: result.nrr[code].toFixed(3) })),
    t('id', 'ikm.cli.ikm_line', { ikm: result.ikm.toFixed(4), converted: result.converted.toFixed(2), grade: result.grade, words: words(result.grade) }),
    t('id', 'ikm.cli.ikm0111_line', { ikm: result.ikm0111.toFixed(4), converted: result.converted0111.toFixed(2), grade: result.grade0111, words: words(result.grade0111) }),
    t('id', 'ikm.cli.priorities', { list: result.priorities.slice(0, 3).map((code) => t('id', `ikm.unsur.${code}.name`)).join(', ') }),
  ];
  if (sample) {
    const verdict = sample.enough ? t('id', 'ikm.cli.sample_enough') : t('id', 'ikm.cli.sample_short', { missing: sample.minimum - result.respondents });
    lines.push(t('id', 'ikm.cli.sample', { population: sample.population, minimum: sample.minimum, verdict }));
  }
  return { ok: true, output: lines.join('\n') };
}
