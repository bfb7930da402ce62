/**
 * The IKM survey as data (PermenPANRB 14/2017): what a respondent answers besides the nine unsur
 * (`src/ikm/ikm.ts`), and the periods results are read for. Pure: no I/O, no clock.
 */
import { UNSUR, type IkmAnswer, type IkmResponse, type UnsurCode } from '../ikm/ikm.js';

export const SURVEY_CHANNELS = ['whatsapp', 'portal', 'qr'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

/** The optional respondent profile of the regulation's questionnaire, as stable codes; words in `survey.profile.*`. */
export const PROFILE_OPTIONS = {
  ageBand: ['u20', '20_29', '30_39', '40_49', '50_59', '60_plus'],
  sex: ['L', 'P'],
  education: ['sd', 'smp', 'sma', 'diploma', 's1', 's2_plus'],
  occupation: ['pns', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'],
} as const;
export type ProfileField = keyof typeof PROFILE_OPTIONS;
export const PROFILE_FIELDS = Object.keys(PROFILE_OPTIONS) as ProfileField[];
export type SurveyProfile = { [F in ProfileField]?: (typeof PROFILE_OPTIONS)[F][number] };

export type SurveyAnswers = Record<UnsurCode, IkmAnswer>;

/** The chat asks for the survey of a request handed over this many days ago at most. */
export const SURVEY_OPEN_DAYS = 30;

/** A suggestion is free text, kept short enough for a report's table cell. */
export const MAX_SUGGESTION = 1000;

/** The answers of a stored response, as `computeIkm` reads them. */
export function ikmResponseOf(row: { [K in Lowercase<UnsurCode>]: number }): IkmResponse {
  return Object.fromEntries(UNSUR.map((u) => [u, row[u.toLowerCase() as Lowercase<UnsurCode>]])) as IkmResponse;
}

/** The stored columns of the answers (one per unsur, lower-case code). */
export function answerColumns(answers: Record<UnsurCode, number>): { [K in Lowercase<UnsurCode>]: number } {
  return Object.fromEntries(UNSUR.map((u) => [u.toLowerCase(), answers[u]])) as { [K in Lowercase<UnsurCode>]: number };
}

// ---------------------------------------------------------------------------------------------
// Periods

export const PERIODS = ['month', 'quarter', 'semester', 'year'] as const;
export type Period = (typeof PERIODS)[number];
const MONTHS_IN: Record<Period, number> = { month: 1, quarter: 3, semester: 6, year: 12 };

/** How many periods of the kind a year holds: 12 months, 4 quarters, 2 semesters, 1 year. */
export function periodsInYear(period: Period): number {
  return 12 / MONTHS_IN[period];
}

/**
 * The office-local calendar dates a period covers, both inclusive: the `n`th month, quarter or
 * semester of `year` (1-based; ignored for a year). Undefined when `n` is out of range.
 */
export function periodDates(period: Period, year: number, n: number): { from: string; to: string } | undefined {
  const count = periodsInYear(period);
  const index = period === 'year' ? 1 : n;
  if (!Number.isInteger(index) || index < 1 || index > count || !Number.isInteger(year)) return undefined;
  const firstMonth = (index - 1) * MONTHS_IN[period] + 1;
  const lastMonth = firstMonth + MONTHS_IN[period] - 1;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (v: number) => String(v).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}
