/**
 * Pengaduan and saran (UU 25/2009 Pasal 36–37: a public service receives complaints, answers them
 * within a time it publishes, and reports on them). The rules as pure functions: the complaint's
 * number, when its answer is due, and a month's figures. No I/O, no clock.
 */

export const COMPLAINT_KINDS = ['keluhan', 'saran'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const COMPLAINT_CHANNELS = ['whatsapp', 'portal', 'counter'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** What a citizen writes: long enough to say what happened, short enough for a report's cell. */
export const MIN_COMPLAINT_TEXT = 10;
export const MAX_COMPLAINT_TEXT = 1000;
export const MAX_ANSWER_TEXT = 2000;

/**
 * Working days an office gives itself to answer. The default follows SP4N-LAPOR's follow-up time
 * (5 working days); an office may publish a shorter or longer one in its maklumat, up to the
 * 14 days PermenPANRB 62/2018 allows for a complaint needing investigation.
 */
export const DEFAULT_ANSWER_DAYS = 5;
export const MIN_ANSWER_DAYS = 1;
export const MAX_ANSWER_DAYS = 14;

const PREFIX = /^[A-Z]{3}$/;
export const MAX_COMPLAINT_SEQUENCE = 99_999;

/**
 * `ADU-KBR-26-0007`: "ADU" (aduan) so nobody reads it as a request's ticket, the office prefix so
 * numbers stay unique in a regency, the two-digit year, and a sequence within the office and year.
 */
export function formatComplaintNumber(prefix: string, year: number, sequence: number): string {
  const p = prefix.toUpperCase();
  if (!PREFIX.test(p)) throw new RangeError(`complaint prefix must be three letters, got "${prefix}"`);
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`complaint year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_COMPLAINT_SEQUENCE) throw new RangeError(`complaint sequence out of range: ${sequence}`);
  return `ADU-${p}-${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(4, '0')}`;
}

/** Reads a number as people type it (`adu kbr 26 7`, `ADU-KBR-26-0007`); null for anything else. */
export function parseComplaintNumber(input: string): string | null {
  const cleaned = input.trim().toUpperCase().replace(/[\s\u2010-\u2015/._]+/g, '-').replace(/-+/g, '-');
  const match = /^ADU-?([A-Z]{3})-?(\d{2})-(\d{1,5})$/.exec(cleaned);
  if (!match) return null;
  const [, prefix, yy, seq] = match as unknown as [string, string, string, string];
  const sequence = Number(seq);
  if (sequence < 1) return null;
  return formatComplaintNumber(prefix, 2000 + Number(yy), sequence);
}

export function isValidAnswerDays(days: number): boolean {
  return Number.isInteger(days) && days >= MIN_ANSWER_DAYS && days <= MAX_ANSWER_DAYS;
}

export type ComplaintTimes = { receivedAt: Date; dueAt: Date; answeredAt: Date | null };

export type ComplaintStatus = 'open' | 'overdue' | 'answered' | 'answered_late';

export function complaintStatus(c: ComplaintTimes, now: Date): ComplaintStatus {
  if (c.answeredAt) return c.answeredAt.getTime() <= c.dueAt.getTime() ? 'answered' : 'answered_late';
  return now.getTime() > c.dueAt.getTime() ? 'overdue' : 'open';
}

/** The value below which `share` of the sorted values lie (nearest rank); null for none. */
function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1]!;
}

export type ComplaintFigures = {
  received: number;
  keluhan: number;
  saran: number;
  answered: number;
  answeredOnTime: number;
  /** Still without an answer now; of them, past their due time. */
  open: number;
  overdue: number;
  /** Hours from receipt to answer, of those answered; null when none were. */
  medianAnswerHours: number | null;
  p90AnswerHours: number | null;
};

/** The figures of the complaints received in a period, as a report shows them. */
export function complaintFigures(rows: readonly (ComplaintTimes & { kind: ComplaintKind })[], now: Date): ComplaintFigures {
  const hours = rows
    .filter((r) => r.answeredAt)
    .map((r) => (r.answeredAt!.getTime() - r.receivedAt.getTime()) / 3_600_000)
    .sort((a, b) => a - b);
  const statuses = rows.map((r) => complaintStatus(r, now));
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    received: rows.length,
    keluhan: rows.filter((r) => r.kind === 'keluhan').length,
    saran: rows.filter((r) => r.kind === 'saran').length,
    answered: hours.length,
    answeredOnTime: statuses.filter((s) => s === 'answered').length,
    open: statuses.filter((s) => s === 'open' || s === 'overdue').length,
    overdue: statuses.filter((s) => s === 'overdue').length,
    medianAnswerHours: round(percentile(hours, 0.5)),
    p90AnswerHours: round(percentile(hours, 0.9)),
  };
}
