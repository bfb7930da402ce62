/**
 * Pojok baca (issue 13): the reading corner in the office's outdoor waiting room, "untuk
 * mendekatkan sarana literasi pada warga". The rules as pure functions: reading an ISBN and its
 * check digit, a loan's due date on the office's calendar, when a loan is overdue and when a
 * reminder may go out, a month as a span of dates. No I/O, no clock, no SQL.
 */
import { addDays, compareIsoDates, daysInMonth, type IsoDate } from '../identity/calendar-date.js';

/** Shelves of a small corner, not a library's classification: what a citizen looks for while waiting. */
export const BOOK_CATEGORIES = ['anak', 'cerita', 'agama', 'pengetahuan', 'keterampilan', 'kesehatan', 'sejarah_budaya', 'majalah', 'lainnya'] as const;
export type BookCategory = (typeof BOOK_CATEGORIES)[number];

/** A loan from the waiting room: one week unless the officer says otherwise, at most a month. */
export const DEFAULT_LOAN_DAYS = 7;
export const MAX_LOAN_DAYS = 30;

export type IsbnReading =
  | { ok: true; isbn13: string; isbn10: string | undefined; typed: 'isbn10' | 'isbn13' }
  | { ok: false; problem: 'isbn_format' | 'isbn_check_digit' };

/**
 * An ISBN as printed (with hyphens or spaces, "ISBN" in front, a lower-case x) read and checked:
 * ISBN-10 by its weighted sum modulo 11 (check digit X = 10), ISBN-13 (978/979, the EAN on the
 * back cover) by its alternating 1-3 weights modulo 10. Both come back as the ISBN-13, the one
 * form the catalogue keeps, so a book entered by either number is found once.
 */
export function parseIsbn(input: string): IsbnReading {
  const compact = input
    .trim()
    .replace(/^isbn(-1[03])?:?/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (/^\d{9}[\dX]$/.test(compact)) {
    if (isbn10CheckDigit(compact.slice(0, 9)) !== compact[9]) return { ok: false, problem: 'isbn_check_digit' };
    const body = `978${compact.slice(0, 9)}`;
    return { ok: true, isbn13: body + isbn13CheckDigit(body), isbn10: compact, typed: 'isbn10' };
  }
  if (/^97[89]\d{10}$/.test(compact)) {
    if (isbn13CheckDigit(compact.slice(0, 12)) !== compact[12]) return { ok: false, problem: 'isbn_check_digit' };
    const isbn10 = compact.startsWith('978') ? compact.slice(3, 12) + isbn10CheckDigit(compact.slice(3, 12)) : undefined;
    return { ok: true, isbn13: compact, isbn10, typed: 'isbn13' };
  }
  return { ok: false, problem: 'isbn_format' };
}

/** The check digit of an ISBN-10's first nine digits: weights 10…2, sum + check ≡ 0 (mod 11). */
export function isbn10CheckDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(nine[i]);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** The check digit of an ISBN-13's first twelve digits: weights 1, 3, 1, 3 …, sum + check ≡ 0 (mod 10). */
export function isbn13CheckDigit(twelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(twelve[i]);
  return String((10 - (sum % 10)) % 10);
}

/**
 * The date a loan is due: `days` calendar days after the loan, moved on to the next day the office
 * is open (a book cannot be brought back to a closed office). `isOpen` is the office's calendar.
 */
export function loanDueDate(loanedOn: IsoDate, days: number, isOpen: (date: IsoDate) => boolean): IsoDate {
  let due = addDays(loanedOn, days);
  // A month of closures in a row does not happen; the bound keeps a broken calendar from looping.
  for (let i = 0; i < 31 && !isOpen(due); i++) due = addDays(due, 1);
  return due;
}

/** Overdue from the day after the due date: the book may still come back on the due date itself. */
export function isOverdue(dueOn: IsoDate, today: IsoDate): boolean {
  return compareIsoDates(today, dueOn) > 0;
}

/**
 * A reminder is a message from a government office on a private phone: sent in the day (08:00 to
 * before 18:00 office time), never at night, whatever hour the timer job runs.
 */
export function reminderHourAllowed(localHour: number): boolean {
  return localHour >= 8 && localHour < 18;
}

/**
 * A borrower's name and WhatsApp number serve the loan and its reminder, nothing else (UU 27/2022
 * PDP Pasal 16(2): kept no longer than the purpose needs). Ninety days after the return leaves time
 * for a mix-up ("I did bring it back") and for the month's report; then they are blanked and the
 * loan stays as a figure.
 */
export const BORROWER_RETENTION_DAYS = 90;

/** '2026-11' → the first and last date of that month. */
export function monthSpan(month: string): { from: IsoDate; to: IsoDate } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return undefined;
  const year = Number(m[1]);
  const mon = Number(m[2]);
  if (mon < 1 || mon > 12) return undefined;
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(daysInMonth(year, mon)).padStart(2, '0')}` };
}
