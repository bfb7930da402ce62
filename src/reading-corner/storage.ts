/** SQL for the reading corner: books, loans (the book row locked while lending), visitors, figures. */
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { offices, readingCornerBooks as books, readingCornerLoans as loans, readingCornerVisits as visits } from '../db/schema.js';
import { likePattern } from '../requests/storage.js';

export type BookRow = typeof books.$inferSelect;
export type LoanRow = typeof loans.$inferSelect;

export async function insertBook(db: Db, values: typeof books.$inferInsert): Promise<BookRow> {
  const [row] = await db.insert(books).values(values).returning();
  return row!;
}

export async function findBook(db: Db, id: string): Promise<BookRow | undefined> {
  const [row] = await db.select().from(books).where(eq(books.id, id)).limit(1);
  return row;
}

export async function findBookByIsbn(db: Db, officeCode: string, isbn: string): Promise<BookRow | undefined> {
  const [row] = await db.select().from(books).where(and(eq(books.officeCode, officeCode), eq(books.isbn, isbn))).limit(1);
  return row;
}

/**
 * The book row locked for the rest of the transaction: two officers lending its last copy at the
 * same moment take turns here, and the second counts the first one's loan.
 */
export async function lockBook(db: Db, id: string): Promise<BookRow | undefined> {
  const [row] = await db.select().from(books).where(eq(books.id, id)).for('update').limit(1);
  return row;
}

export async function updateBook(db: Db, id: string, values: Partial<Pick<BookRow, 'title' | 'author' | 'isbn' | 'category' | 'copies' | 'donor'>>): Promise<BookRow> {
  const [row] = await db.update(books).set(values).where(eq(books.id, id)).returning();
  return row!;
}

export async function openLoansOfBook(db: Db, bookId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(loans).where(and(eq(loans.bookId, bookId), isNull(loans.returnedAt)));
  return row?.n ?? 0;
}

/** Books of an office with the copies lent out now, by title; `q` matches title or author literally. */
export async function listBooks(db: Db, officeCode: string, q?: string) {
  const lent = db
    .select({ bookId: loans.bookId, n: count().as('n') })
    .from(loans)
    .where(and(eq(loans.officeCode, officeCode), isNull(loans.returnedAt)))
    .groupBy(loans.bookId)
    .as('lent');
  const search = q ? or(ilike(books.title, likePattern(q)), ilike(books.author, likePattern(q))) : undefined;
  return db
    .select({ book: books, lent: sql<number>`coalesce(${lent.n}, 0)::int` })
    .from(books)
    .leftJoin(lent, eq(lent.bookId, books.id))
    .where(and(eq(books.officeCode, officeCode), search))
    .orderBy(asc(sql`lower(${books.title})`), asc(books.id));
}

export async function insertLoan(db: Db, values: typeof loans.$inferInsert): Promise<LoanRow> {
  const [row] = await db.insert(loans).values(values).returning();
  return row!;
}

export async function lockLoan(db: Db, id: string): Promise<LoanRow | undefined> {
  const [row] = await db.select().from(loans).where(eq(loans.id, id)).for('update').limit(1);
  return row;
}

export async function markReturned(db: Db, id: string, at: Date, on: string, by: string): Promise<LoanRow> {
  const [row] = await db.update(loans).set({ returnedAt: at, returnedOn: on, returnedTo: by }).where(eq(loans.id, id)).returning();
  return row!;
}

/** The office's loans not yet returned, the longest due first, with their book's title. */
export async function openLoans(db: Db, officeCode: string) {
  return db
    .select({ loan: loans, title: books.title })
    .from(loans)
    .innerJoin(books, eq(books.id, loans.bookId))
    .where(and(eq(loans.officeCode, officeCode), isNull(loans.returnedAt)))
    .orderBy(asc(loans.dueOn), asc(loans.loanedAt));
}

/**
 * Loans not returned, not reminded, due before `dueBefore` (the latest office date anywhere; each
 * office's own date is checked by the caller), locked and skipped when another copy of the job
 * holds them, with the office's zone and name and the book's title.
 */
export async function claimOverdueLoans(db: Db, dueBefore: string, limit: number) {
  return db
    .select({ loan: loans, title: books.title, timeZone: offices.timezone, officeName: offices.name })
    .from(loans)
    .innerJoin(books, eq(books.id, loans.bookId))
    .innerJoin(offices, eq(offices.code, loans.officeCode))
    .where(and(isNull(loans.returnedAt), isNull(loans.remindedAt), lt(loans.dueOn, dueBefore)))
    .orderBy(asc(loans.dueOn), asc(loans.id))
    .limit(limit)
    .for('update', { of: loans, skipLocked: true });
}

export async function markReminded(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db.update(loans).set({ remindedAt: at }).where(and(eq(loans.id, id), isNull(loans.remindedAt))).returning({ id: loans.id });
  return rows.length === 1;
}

/** Adds to (or sets) a day's visitor count; never below zero. Returns the new count. */
export async function changeVisits(db: Db, officeCode: string, day: string, change: { add: number } | { set: number }, at: Date): Promise<number> {
  const initial = 'add' in change ? Math.max(0, change.add) : change.set;
  const next = 'add' in change ? sql`greatest(0, ${visits.count} + ${change.add})` : sql`${change.set}`;
  const [row] = await db
    .insert(visits)
    .values({ officeCode, day, count: initial, updatedAt: at })
    .onConflictDoUpdate({ target: [visits.officeCode, visits.day], set: { count: next, updatedAt: at } })
    .returning({ count: visits.count });
  return row!.count;
}

export async function visitsBetween(db: Db, officeCode: string, from: string, to: string) {
  return db
    .select({ day: visits.day, count: visits.count })
    .from(visits)
    .where(and(eq(visits.officeCode, officeCode), gte(visits.day, from), lte(visits.day, to)))
    .orderBy(asc(visits.day));
}

/** The books lent most often between two office dates (inclusive), most first, ties by title. */
export async function popularBooks(db: Db, officeCode: string, from: string, to: string, limit: number) {
  const n = count(loans.id);
  return db
    .select({ id: books.id, title: books.title, author: books.author, category: books.category, loans: sql<number>`${n}::int` })
    .from(loans)
    .innerJoin(books, eq(books.id, loans.bookId))
    .where(and(eq(loans.officeCode, officeCode), gte(loans.loanedOn, from), lte(loans.loanedOn, to)))
    .groupBy(books.id)
    .orderBy(desc(n), asc(books.title))
    .limit(limit);
}

/** Counts for a span of office dates: loans made, loans returned, visitors; and the catalogue at its end. */
export async function figuresBetween(db: Db, officeCode: string, from: string, to: string, endInstant: Date) {
  const [lent] = await db
    .select({ n: count(), borrowers: sql<number>`(count(distinct ${loans.borrowerPhone}) filter (where ${loans.borrowerForgottenAt} is null) + count(*) filter (where ${loans.borrowerForgottenAt} is not null))::int` })
    .from(loans)
    .where(and(eq(loans.officeCode, officeCode), gte(loans.loanedOn, from), lte(loans.loanedOn, to)));
  const [returned] = await db
    .select({ n: count(), late: sql<number>`count(*) filter (where ${loans.returnedOn} > ${loans.dueOn})::int` })
    .from(loans)
    .where(and(eq(loans.officeCode, officeCode), gte(loans.returnedOn, from), lte(loans.returnedOn, to)));
  const [visitors] = await db
    .select({ n: sql<number>`coalesce(sum(${visits.count}), 0)::int`, days: count() })
    .from(visits)
    .where(and(eq(visits.officeCode, officeCode), gte(visits.day, from), lte(visits.day, to), sql`${visits.count} > 0`));
  const [catalogue] = await db
    .select({ titles: count(), copies: sql<number>`coalesce(sum(${books.copies}), 0)::int` })
    .from(books)
    .where(and(eq(books.officeCode, officeCode), lt(books.createdAt, endInstant)));
  const [outstanding] = await db
    .select({ n: count(), overdue: sql<number>`count(*) filter (where ${loans.dueOn} < ${to})::int` })
    .from(loans)
    .where(and(eq(loans.officeCode, officeCode), lte(loans.loanedOn, to), or(isNull(loans.returnedOn), sql`${loans.returnedOn} > ${to}`)));
  return {
    loans: lent?.n ?? 0,
    borrowers: lent?.borrowers ?? 0,
    returns: returned?.n ?? 0,
    lateReturns: returned?.late ?? 0,
    visitors: visitors?.n ?? 0,
    daysWithVisitors: visitors?.days ?? 0,
    titles: catalogue?.titles ?? 0,
    copies: catalogue?.copies ?? 0,
    outstandingAtEnd: outstanding?.n ?? 0,
    overdueAtEnd: outstanding?.overdue ?? 0,
  };
}

/** Titles added to the catalogue in [start, end). */
export async function booksAddedBetween(db: Db, officeCode: string, start: Date, end: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(books)
    .where(and(eq(books.officeCode, officeCode), gte(books.createdAt, start), lt(books.createdAt, end)));
  return row?.n ?? 0;
}

/**
 * Blanks the name and number of loans returned on or before `returnedBy` (an office date), in
 * batches, rows another job holds skipped; returns how many were blanked.
 */
export async function forgetBorrowers(db: Db, officeCode: string, returnedBy: string, at: Date, limit: number): Promise<number> {
  const due = db
    .select({ id: loans.id })
    .from(loans)
    .where(and(eq(loans.officeCode, officeCode), isNull(loans.borrowerForgottenAt), lte(loans.returnedOn, returnedBy)))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(loans)
    .set({ borrowerName: '', borrowerPhone: '', borrowerForgottenAt: at })
    .where(sql`${loans.id} in (${due})`)
    .returning({ id: loans.id });
  return rows.length;
}

export async function allOfficeZones(db: Db) {
  return db.select({ code: offices.code, timeZone: offices.timezone }).from(offices);
}
