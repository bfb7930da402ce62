/** SQL for home visits. */
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { homeVisits, staffUsers } from '../db/schema.js';

export type HomeVisitRow = typeof homeVisits.$inferSelect;

export async function insertVisit(db: Db, values: typeof homeVisits.$inferInsert): Promise<HomeVisitRow> {
  const [row] = await db.insert(homeVisits).values(values).returning();
  return row!;
}

export async function findVisit(db: Db, id: string): Promise<HomeVisitRow | undefined> {
  const [row] = await db.select().from(homeVisits).where(eq(homeVisits.id, id));
  return row;
}

export async function visitsOfRequest(db: Db, requestId: string): Promise<HomeVisitRow[]> {
  return db.select().from(homeVisits).where(eq(homeVisits.requestId, requestId)).orderBy(asc(homeVisits.startsAt), asc(homeVisits.createdAt));
}

/** Closes a planned visit; false when someone else closed it first. */
export async function closeVisit(db: Db, id: string, values: { outcome: string; outcomeReason: string | null; outcomeAt: Date }): Promise<boolean> {
  const rows = await db.update(homeVisits).set(values).where(and(eq(homeVisits.id, id), isNull(homeVisits.outcome))).returning({ id: homeVisits.id });
  return rows.length === 1;
}

/** The office's active staff among `ids` who may go on a visit (not the admin, not the regency). */
export async function activeVisitOfficers(db: Db, officeCode: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(and(eq(staffUsers.officeCode, officeCode), eq(staffUsers.active, true), inArray(staffUsers.id, [...ids]), ne(staffUsers.role, 'admin')));
}

/** Who can go on a visit: the office's active staff but the admin. */
export async function visitOfficersOf(db: Db, officeCode: string) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    .where(and(eq(staffUsers.officeCode, officeCode), eq(staffUsers.active, true), ne(staffUsers.role, 'admin')))
    .orderBy(asc(staffUsers.name));
}
