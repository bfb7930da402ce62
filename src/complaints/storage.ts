/** The SQL of complaints and suggestions: numbering, the office's list, answering, a period's rows. */
import { and, desc, eq, isNull, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { complaintCounters, complaints } from '../db/schema.js';

export type ComplaintRow = typeof complaints.$inferSelect;

/** The next sequence for an office and year, atomically, also when two complaints arrive at once. */
export async function nextComplaintSequence(db: Db, officeCode: string, year: number): Promise<number> {
  const [row] = await db
    .insert(complaintCounters)
    .values({ officeCode, year, last: 1 })
    .onConflictDoUpdate({ target: [complaintCounters.officeCode, complaintCounters.year], set: { last: sql`${complaintCounters.last} + 1` } })
    .returning({ last: complaintCounters.last });
  return row!.last;
}

export async function insertComplaint(db: Db, values: typeof complaints.$inferInsert): Promise<ComplaintRow> {
  const [row] = await db.insert(complaints).values(values).returning();
  return row!;
}

export async function findComplaint(db: Db, id: string): Promise<ComplaintRow | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id)).limit(1);
  return row;
}

export async function findComplaintByNumber(db: Db, number: string): Promise<ComplaintRow | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.number, number)).limit(1);
  return row;
}

export type ComplaintFilter = 'open' | 'answered' | 'all';

/** The office's complaints: the unanswered ones oldest due first (what to answer next), else newest first. */
export async function listComplaints(db: Db, officeCode: string, filter: ComplaintFilter, limit: number): Promise<ComplaintRow[]> {
  const where = and(
    eq(complaints.officeCode, officeCode),
    filter === 'open' ? isNull(complaints.answeredAt) : filter === 'answered' ? isNotNull(complaints.answeredAt) : undefined,
  );
  const order = filter === 'open' ? [complaints.dueAt] : [desc(complaints.receivedAt)];
  return db.select().from(complaints).where(where).orderBy(...order).limit(limit);
}

/** Records the answer unless one is already there; undefined when someone answered first. */
export async function answerComplaint(db: Db, id: string, values: { answer: string; answeredAt: Date; answeredBy: string }): Promise<ComplaintRow | undefined> {
  const [row] = await db
    .update(complaints)
    .set(values)
    .where(and(eq(complaints.id, id), isNull(complaints.answeredAt)))
    .returning();
  return row;
}

/** A period's complaints as the figures need them: kinds and times, nothing a person wrote. */
export async function complaintTimesIn(db: Db, officeCode: string, span: { from: string; to: string; timeZone: string }) {
  return db
    .select({ kind: complaints.kind, receivedAt: complaints.receivedAt, dueAt: complaints.dueAt, answeredAt: complaints.answeredAt })
    .from(complaints)
    .where(
      and(
        eq(complaints.officeCode, officeCode),
        sql`(${complaints.receivedAt} at time zone ${span.timeZone})::date between ${span.from}::date and ${span.to}::date`,
      ),
    );
}

/** The complaints sent from one WhatsApp number (the data-subject tools and the chat's "my complaints"). */
export async function complaintsOfPhone(db: Db, officeCode: string, phone: string, limit = 5): Promise<ComplaintRow[]> {
  return db
    .select()
    .from(complaints)
    .where(and(eq(complaints.officeCode, officeCode), eq(complaints.phone, phone)))
    .orderBy(desc(complaints.receivedAt))
    .limit(limit);
}
