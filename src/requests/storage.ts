/** SQL for requests, ticket sequences and the outbox. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { outbox, requests, ticketCounters } from '../db/schema.js';

export type RequestRow = typeof requests.$inferSelect;

/** The next ticket sequence for an office and year, atomically, also under concurrent submissions. */
export async function nextTicketSequence(db: Db, officeCode: string, year: number): Promise<number> {
  const [row] = await db
    .insert(ticketCounters)
    .values({ officeCode, year, last: 1 })
    .onConflictDoUpdate({ target: [ticketCounters.officeCode, ticketCounters.year], set: { last: sql`${ticketCounters.last} + 1` } })
    .returning({ last: ticketCounters.last });
  return row!.last;
}

export async function insertRequest(db: Db, values: typeof requests.$inferInsert): Promise<RequestRow> {
  const [row] = await db.insert(requests).values(values).returning();
  return row!;
}

export async function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(requests).where(eq(requests.id, id)).limit(1);
  return row;
}

/** Updates only if nobody moved the request since it was read; false when someone did. */
export async function updateRequestIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof requests.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(requests)
    .set({ ...values, version: version + 1 })
    .where(and(eq(requests.id, id), eq(requests.version, version)))
    .returning({ id: requests.id });
  return updated.length === 1;
}

export async function enqueueMessage(db: Db, values: typeof outbox.$inferInsert): Promise<void> {
  await db.insert(outbox).values(values);
}

export async function outboxForRequest(db: Db, requestId: string) {
  return db.select().from(outbox).where(eq(outbox.requestId, requestId)).orderBy(outbox.id);
}
