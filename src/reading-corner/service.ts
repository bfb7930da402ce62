/**
 * Pojok baca (issue 13): the reading corner's operations. Officers keep the catalogue of donated
 * books, lend them from the waiting room against a name and a WhatsApp number, take them back,
 * and count the visitors; an overdue loan gets one WhatsApp reminder; the portal lists the books.
 * Every change is audited in its transaction; the audit carries codes and dates, never the
 * borrower's name or number (those stay in the loan).
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import { isWorkingDay, localDate, officeDate } from '../calendar/calendar.js';
import { JOB_LOCK_KEYS, type Alone, type Db } from '../db/database.js';
import { addDays, compareIsoDates, isIsoDate } from '../identity/calendar-date.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { findOffice } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { safeText } from '../platform/safe-text.js';
import { normalisePhone } from '../portal/service.js';
import { insertOutbox } from '../whatsapp/storage.js';
import { BOOK_CATEGORIES, BORROWER_RETENTION_DAYS, DEFAULT_LOAN_DAYS, isOverdue, loanDueDate, MAX_LOAN_DAYS, monthSpan, parseIsbn, reminderHourAllowed } from './reading-corner.js';
import * as store from './storage.js';

export type ReadingCornerDeps = { db: Db; clock: Clock };

/** The outbox kind of the overdue reminder (words and template: `whatsapp/messages.ts`). */
export const OVERDUE_REMINDER = 'reading_corner.overdue';
/** A miscounted day may be corrected this far back, not further: the figures of a closed month stay. */
const VISITS_DAYS_BACK = 31;

export const BookInput = z.object({
  title: safeText().trim().min(1).max(200),
  author: safeText().trim().min(1).max(160),
  /** As printed, hyphens and all; empty for a book without one. */
  isbn: safeText().trim().max(40).optional(),
  category: z.enum(BOOK_CATEGORIES),
  copies: z.number().int().min(1).max(1000),
  donor: safeText().trim().max(160).optional(),
});
export type BookInput = z.infer<typeof BookInput>;

export const LoanInput = z.object({
  bookId: z.uuid(),
  borrowerName: safeText().trim().min(2).max(120),
  /** 0812 2700 1234, +62 812…: checked and kept as the WhatsApp number (62…). */
  borrowerPhone: safeText().trim().max(30),
  days: z.number().int().min(1).max(MAX_LOAN_DAYS).optional(),
});

export const VisitorsInput = z.union([
  z.object({ day: z.iso.date().optional(), add: z.number().int().min(-50).max(200) }).strict(),
  z.object({ day: z.iso.date().optional(), set: z.number().int().min(0).max(10_000) }).strict(),
]);

export const PeriodQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional(), limit: z.coerce.number().int().min(1).max(50).optional() });

/** A refusal shown beside one input of the form: problem+json `errors`, worded by `sendProblem`. */
function fieldRefusal(field: string, code: string, status = 422, messageKey = `readingCorner.field.${code}`, params: Record<string, unknown> = {}) {
  const extra = { errors: [{ field, code, messageKey, params }] };
  return status === 409 ? conflict(messageKey, params, extra) : invalid(messageKey, params, extra);
}

async function requireOffice(db: Db, officeCode: string) {
  const office = await findOffice(db, officeCode);
  if (!office) throw notFound();
  return office;
}

/** The ISBN as the catalogue keeps it (ISBN-13), null when none was typed; refused beside the field when wrong. */
function isbnOf(typed: string | undefined): string | null {
  if (!typed) return null;
  const reading = parseIsbn(typed);
  if (!reading.ok) throw fieldRefusal('body.isbn', reading.problem);
  return reading.isbn13;
}

export function presentBook(book: store.BookRow, lent: number) {
  return {
    id: book.id,
    title: book.title,
    author: book.author,
    isbn: book.isbn,
    category: book.category,
    copies: book.copies,
    donor: book.donor,
    lent,
    available: Math.max(0, book.copies - lent),
  };
}

export async function addBook(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string, input: BookInput, origin: Origin) {
  authorize(actor, 'reading_corner.manage', { officeCode });
  await requireOffice(deps.db, officeCode);
  const isbn = isbnOf(input.isbn);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const same = isbn ? await store.findBookByIsbn(tx, officeCode, isbn) : undefined;
    if (same) throw fieldRefusal('body.isbn', 'isbn_exists', 409, 'readingCorner.field.isbn_exists', { title: same.title });
    const book = await store.insertBook(tx, { officeCode, title: input.title, author: input.author, isbn, category: input.category, copies: input.copies, donor: input.donor || null, createdAt: now, createdBy: actor.userId });
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'reading_corner.book_added', entityType: 'reading_corner_book', entityId: book.id, details: { isbn, category: book.category, copies: book.copies } }, origin);
    return presentBook(book, 0);
  });
}

/** Corrects a book's entry or its number of copies; never fewer copies than are lent out now. */
export async function updateBook(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string, id: string, input: BookInput, origin: Origin) {
  authorize(actor, 'reading_corner.manage', { officeCode });
  const isbn = isbnOf(input.isbn);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const book = await store.lockBook(tx, id);
    if (!book || book.officeCode !== officeCode) throw notFound();
    const same = isbn ? await store.findBookByIsbn(tx, officeCode, isbn) : undefined;
    if (same && same.id !== id) throw fieldRefusal('body.isbn', 'isbn_exists', 409, 'readingCorner.field.isbn_exists', { title: same.title });
    const lent = await store.openLoansOfBook(tx, id);
    if (input.copies < lent) throw fieldRefusal('body.copies', 'copies_below_lent', 409, 'readingCorner.field.copies_below_lent', { lent });
    const updated = await store.updateBook(tx, id, { title: input.title, author: input.author, isbn, category: input.category, copies: input.copies, donor: input.donor || null });
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'reading_corner.book_updated', entityType: 'reading_corner_book', entityId: id, details: { isbn, category: updated.category, copies: updated.copies } }, origin);
    return presentBook(updated, lent);
  });
}

export async function listBooks(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string, q?: string) {
  authorize(actor, 'reading_corner.manage', { officeCode });
  await requireOffice(deps.db, officeCode);
  const rows = await store.listBooks(deps.db, officeCode, q);
  return { books: rows.map((r) => presentBook(r.book, r.lent)) };
}

/** The portal's list: what is on the shelf and whether a copy is there now; no donors, no borrowers. */
export async function publicBooks(deps: ReadingCornerDeps, officeCode: string) {
  await requireOffice(deps.db, officeCode);
  const rows = await store.listBooks(deps.db, officeCode);
  return {
    books: rows.map(({ book, lent }) => ({ id: book.id, title: book.title, author: book.author, category: book.category, available: Math.max(0, book.copies - lent) })),
  };
}

function presentLoan(loan: store.LoanRow, title: string, today: string) {
  return {
    id: loan.id,
    bookId: loan.bookId,
    title,
    borrowerName: loan.borrowerName,
    // The officer calls or writes to the borrower: the number in the local form people read.
    borrowerPhone: loan.borrowerPhone.startsWith('62') ? `0${loan.borrowerPhone.slice(2)}` : loan.borrowerPhone,
    loanedOn: loan.loanedOn,
    dueOn: loan.dueOn,
    overdue: loan.returnedAt === null && isOverdue(loan.dueOn, today),
    remindedAt: loan.remindedAt?.toISOString() ?? null,
    returnedAt: loan.returnedAt?.toISOString() ?? null,
  };
}

/**
 * Lends a copy: the book row is locked, the loans not yet returned counted against its copies
 * inside the same transaction, so two officers cannot lend the last copy twice. Due `days` calendar
 * days later (7 by default), moved to the next day the office is open.
 */
export async function lendBook(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string, input: z.infer<typeof LoanInput>, origin: Origin) {
  authorize(actor, 'reading_corner.manage', { officeCode });
  const phone = normalisePhone(input.borrowerPhone);
  if (!phone) throw fieldRefusal('body.borrowerPhone', 'phone_invalid');
  const office = await requireOffice(deps.db, officeCode);
  const now = deps.clock.now();
  const calendar = await loadOfficeCalendar(deps.db, office, now);
  const loanedOn = localDate(calendar, now);
  const dueOn = loanDueDate(loanedOn, input.days ?? DEFAULT_LOAN_DAYS, (date) => isWorkingDay(calendar, date));
  return deps.db.transaction(async (tx) => {
    const book = await store.lockBook(tx, input.bookId);
    if (!book || book.officeCode !== officeCode) throw notFound();
    const lent = await store.openLoansOfBook(tx, book.id);
    if (lent >= book.copies) throw conflict('readingCorner.errors.no_copy_available', { title: book.title });
    const loan = await store.insertLoan(tx, { officeCode, bookId: book.id, borrowerName: input.borrowerName, borrowerPhone: phone, loanedOn, dueOn, loanedAt: now, loanedBy: actor.userId });
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'reading_corner.book_lent', entityType: 'reading_corner_loan', entityId: loan.id, details: { bookId: book.id, dueOn } }, origin);
    return { loan: presentLoan(loan, book.title, loanedOn), book: presentBook(book, lent + 1) };
  });
}

export async function returnBook(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string, loanId: string, origin: Origin) {
  authorize(actor, 'reading_corner.manage', { officeCode });
  const office = await requireOffice(deps.db, officeCode);
  const now = deps.clock.now();
  const today = officeDate(office.timezone, now);
  return deps.db.transaction(async (tx) => {
    const loan = await store.lockLoan(tx, loanId);
    if (!loan || loan.officeCode !== officeCode) throw notFound();
    if (loan.returnedAt) throw conflict('readingCorner.errors.already_returned');
    const returned = await store.markReturned(tx, loanId, now, today, actor.userId);
    const late = isOverdue(loan.dueOn, today);
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'reading_corner.book_returned', entityType: 'reading_corner_loan', entityId: loanId, details: { bookId: loan.bookId, late } }, origin);
    const book = (await store.findBook(tx, loan.bookId))!;
    return { loan: presentLoan(returned, book.title, today) };
  });
}

export async function listOpenLoans(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'reading_corner.manage', { officeCode });
  const office = await requireOffice(deps.db, officeCode);
  const today = officeDate(office.timezone, deps.clock.now());
  const rows = await store.openLoans(deps.db, officeCode);
  return { today, loans: rows.map((r) => presentLoan(r.loan, r.title, today)) };
}

/** The hour of the day at an office (Indonesian zones have no daylight saving time). */
function officeHour(timeZone: string, instant: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(instant));
}

/**
 * The timer job (hourly, one server copy at a time): one WhatsApp reminder per overdue loan, ever.
 * The outbox row, the loan's `reminded_at` and the audit entry are written in one transaction, and
 * the loans are claimed `FOR UPDATE SKIP LOCKED`, so a reminder is neither lost nor sent twice.
 * Sent only in the day at the office; outside the 24-hour window the sender uses the template.
 */
export async function sendOverdueReminders(deps: ReadingCornerDeps, batch = 100): Promise<{ queued: number }> {
  const now = deps.clock.now();
  // The latest date of any Indonesian office (WIT); each loan is judged by its own office's date.
  const dueBefore = officeDate('Asia/Jayapura', now);
  let queued = 0;
  for (;;) {
    const { claimed, done } = await deps.db.transaction(async (tx) => {
      const rows = await store.claimOverdueLoans(tx, dueBefore, batch);
      let done = 0;
      for (const { loan, title, timeZone, officeName } of rows) {
        if (!isOverdue(loan.dueOn, officeDate(timeZone, now)) || !reminderHourAllowed(officeHour(timeZone, now))) continue;
        if (!(await store.markReminded(tx, loan.id, now))) continue;
        await insertOutbox(tx, {
          officeCode: loan.officeCode,
          recipient: loan.borrowerPhone,
          kind: OVERDUE_REMINDER,
          payload: { name: loan.borrowerName, title, dueOn: loan.dueOn, office: officeName },
          createdAt: now,
          nextAttemptAt: now,
        });
        await recordAudit(tx, now, { officeCode: loan.officeCode, actor: { type: 'system', id: 'reading-corner' }, action: 'reading_corner.reminder_queued', entityType: 'reading_corner_loan', entityId: loan.id, details: { dueOn: loan.dueOn } });
        done++;
      }
      return { claimed: rows.length, done };
    });
    queued += done;
    // A short batch is the last; a full one where nothing was due (loans of a later zone's date) too.
    if (claimed < batch || done === 0) return { queued };
  }
}

/**
 * Blanks the borrower of every loan returned more than BORROWER_RETENTION_DAYS ago (UU PDP), per
 * office by its own date; the loan stays for the figures. Audited per office with the count only.
 */
export async function forgetReturnedBorrowers(deps: ReadingCornerDeps, batch = 500): Promise<{ forgotten: number }> {
  const now = deps.clock.now();
  let forgotten = 0;
  for (const office of await store.allOfficeZones(deps.db)) {
    const returnedBy = addDays(officeDate(office.timeZone, now), -BORROWER_RETENTION_DAYS - 1);
    for (;;) {
      const n = await deps.db.transaction(async (tx) => {
        const n = await store.forgetBorrowers(tx, office.code, returnedBy, now, batch);
        if (n > 0) await recordAudit(tx, now, { officeCode: office.code, actor: { type: 'system', id: 'reading-corner' }, action: 'reading_corner.borrowers_forgotten', entityType: 'reading_corner_loan', details: { count: n, returnedBy } });
        return n;
      });
      forgotten += n;
      if (n < batch) break;
    }
  }
  return { forgotten };
}

/** Adds visitors to a day (a tap per person at the corner) or sets the day's count (a correction). */
export async function recordVisitors(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string, input: z.infer<typeof VisitorsInput>, origin: Origin) {
  authorize(actor, 'reading_corner.manage', { officeCode });
  const office = await requireOffice(deps.db, officeCode);
  const now = deps.clock.now();
  const today = officeDate(office.timezone, now);
  const day = input.day ?? today;
  if (compareIsoDates(day, today) > 0) throw fieldRefusal('body.day', 'day_future');
  if (compareIsoDates(day, addDays(today, -VISITS_DAYS_BACK)) < 0) throw fieldRefusal('body.day', 'day_too_old', 422, 'readingCorner.field.day_too_old', { days: VISITS_DAYS_BACK });
  return deps.db.transaction(async (tx) => {
    const count = await store.changeVisits(tx, officeCode, day, 'add' in input ? { add: input.add } : { set: input.set }, now);
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'reading_corner.visitors_counted', entityType: 'reading_corner_visits', entityId: day, details: { ...('add' in input ? { add: input.add } : { set: input.set }), count } }, origin);
    return { day, count };
  });
}

function periodOf(today: string, query: { from?: string | undefined; to?: string | undefined }) {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -29);
  if (!isIsoDate(from) || !isIsoDate(to) || compareIsoDates(from, to) > 0) throw invalid('readingCorner.errors.period_invalid');
  return { from, to };
}

export async function visitorDays(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string, query: z.infer<typeof PeriodQuery>) {
  authorize(actor, 'reading_corner.figures', { officeCode });
  const office = await requireOffice(deps.db, officeCode);
  const { from, to } = periodOf(officeDate(office.timezone, deps.clock.now()), query);
  return { from, to, days: await store.visitsBetween(deps.db, officeCode, from, to) };
}

/** The books lent most often in a period (default the last 30 days), most first. */
export async function popularBooks(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string, query: z.infer<typeof PeriodQuery>) {
  authorize(actor, 'reading_corner.figures', { officeCode });
  const office = await requireOffice(deps.db, officeCode);
  const { from, to } = periodOf(officeDate(office.timezone, deps.clock.now()), query);
  return { from, to, books: await store.popularBooks(deps.db, officeCode, from, to, query.limit ?? 10) };
}

/**
 * A month of the reading corner in figures, for the office's monthly report: loans and distinct
 * borrowers, returns (late ones among them), visitors (and on how many days), the catalogue at the
 * month's end (titles, copies, titles added) and the loans still out and overdue then.
 */
export async function readingCornerMonth(db: Db, officeCode: string, month: string) {
  const office = await requireOffice(db, officeCode);
  const span = monthSpan(month);
  if (!span) throw invalid('readingCorner.errors.month_invalid');
  const start = startOfOfficeDay(office.timezone, span.from);
  const end = startOfOfficeDay(office.timezone, addDays(span.to, 1));
  const figures = await store.figuresBetween(db, officeCode, span.from, span.to, end);
  return { month, ...span, ...figures, titlesAdded: await store.booksAddedBetween(db, officeCode, start, end) };
}

export async function monthFigures(deps: ReadingCornerDeps, actor: StaffActor, officeCode: string, month: string) {
  authorize(actor, 'reading_corner.figures', { officeCode });
  return readingCornerMonth(deps.db, officeCode, month);
}

/** The instant an office-local date begins (its zone's offset found from the zone itself). */
export function startOfOfficeDay(timeZone: string, date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(utcMidnight)) throw new AppError('validation', 422, 'readingCorner.errors.period_invalid');
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(utcMidnight));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(utcMidnight - (wall - utcMidnight));
}


/**
 * The reminders' timer in a server (and the blanking of old borrowers): a minute after start, then hourly; with several server copies
 * on one PostgreSQL one copy runs a round (`alone`), and the loans' row locks keep it once anyway.
 */
export function overdueReminderWorker(
  deps: ReadingCornerDeps,
  logger: Pick<Logger, 'info' | 'error'>,
  timing: { firstAfterMs: number; everyMs: number } = { firstAfterMs: 60_000, everyMs: 60 * 60_000 },
  alone: Alone = async (_job, fn) => ({ ran: true, value: await fn() }),
) {
  let running: Promise<void> | undefined;
  const round = () => {
    running ??= alone(JOB_LOCK_KEYS.readingCornerReminders, async () => ({ ...(await sendOverdueReminders(deps)), ...(await forgetReturnedBorrowers(deps)) }))
      .then(
        (result) => {
          if (result.ran && result.value.queued + result.value.forgotten > 0) logger.info({ queued: result.value.queued, forgotten: result.value.forgotten }, 'reading corner: overdue reminders queued, old borrowers blanked');
        },
        (err: unknown) => logger.error({ err }, 'reading corner reminders failed'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  let first: NodeJS.Timeout | undefined;
  let every: NodeJS.Timeout | undefined;
  return {
    start() {
      first = setTimeout(round, timing.firstAfterMs);
      every = setInterval(round, timing.everyMs);
      first.unref();
      every.unref();
    },
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
