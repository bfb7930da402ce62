/** SQL for outages: recording one, ending it, and the windows that overlap a span of time. */
import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { outages, requests } from '../db/schema.js';

export type OutageRow = typeof outages.$inferSelect;

export async function insertOutage(db: Db, values: typeof outages.$inferInsert): Promise<OutageRow> {
  const [row] = await db.insert(outages).values(values).returning();
  return row!;
}

export async function findOutage(db: Db, id: string): Promise<OutageRow | undefined> {
  const [row] = await db.select().from(outages).where(eq(outages.id, id)).limit(1);
  return row;
}

/** Ends an ongoing outage; false when it had already ended (or is not there). */
export async function endOutage(db: Db, id: string, endsAt: Date): Promise<boolean> {
  const rows = await db.update(outages).set({ endsAt }).where(and(eq(outages.id, id), isNull(outages.endsAt))).returning({ id: outages.id });
  return rows.length === 1;
}

/** The office's outages that overlap [from, to), an ongoing one included, oldest first. */
export async function outagesOverlapping(db: Db, officeCode: string, from: Date, to: Date): Promise<OutageRow[]> {
  return db
    .select()
    .from(outages)
    .where(and(eq(outages.officeCode, officeCode), lt(outages.startsAt, to), or(isNull(outages.endsAt), gt(outages.endsAt, from))))
    .orderBy(asc(outages.startsAt), asc(outages.id));
}

/** States in which a request's clocks run: the office holds the file. */
const RUNNING_STATES = ['submitted', 'verified', 'processing', 'ready'];

/**
 * How many of the office's requests had their clocks running during [from, to): submitted before
 * its end and, then or later, not yet closed or returned (a request that left those states after
 * the window started had them running in it).
 */
export async function requestsRunningDuring(db: Db, officeCode: string, from: Date, to: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(requests)
    .where(
      and(
        eq(requests.officeCode, officeCode),
        lt(requests.submittedAt, to),
        or(sql`${requests.state} in (${sql.join(RUNNING_STATES.map((s) => sql`${s}`), sql`, `)})`, gt(requests.stateEnteredAt, from)),
      ),
    );
  return row?.n ?? 0;
}
