/** SQL for Jemput Bola sessions, their rosters and captures. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { children, jemputBolaCaptures, jemputBolaRoster, jemputBolaSessions, requests, schools, staffUsers } from '../db/schema.js';

export type SessionRow = typeof jemputBolaSessions.$inferSelect;
export type CaptureRow = typeof jemputBolaCaptures.$inferSelect;
export type ChildRow = typeof children.$inferSelect;

export async function insertSession(db: Db, values: typeof jemputBolaSessions.$inferInsert, childIds: readonly string[]): Promise<SessionRow> {
  const [row] = await db.insert(jemputBolaSessions).values(values).returning();
  if (childIds.length > 0) await db.insert(jemputBolaRoster).values(childIds.map((childId) => ({ sessionId: row!.id, childId })));
  return row!;
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(jemputBolaSessions).where(eq(jemputBolaSessions.id, id));
  return row;
}

/** The session row locked to the end of the transaction: one state change at a time. */
export async function lockSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(jemputBolaSessions).where(eq(jemputBolaSessions.id, id)).for('update');
  return row;
}

export async function updateSession(db: Db, id: string, values: Partial<typeof jemputBolaSessions.$inferInsert>): Promise<SessionRow> {
  const [row] = await db.update(jemputBolaSessions).set(values).where(eq(jemputBolaSessions.id, id)).returning();
  return row!;
}

export async function sessionsOf(db: Db, officeCode: string): Promise<SessionRow[]> {
  return db.select().from(jemputBolaSessions).where(eq(jemputBolaSessions.officeCode, officeCode)).orderBy(desc(jemputBolaSessions.startsAt));
}

export async function findSchool(db: Db, officeCode: string, npsn: string) {
  const [row] = await db.select().from(schools).where(and(eq(schools.officeCode, officeCode), eq(schools.npsn, npsn)));
  return row;
}

export async function schoolNames(db: Db, officeCode: string): Promise<Map<string, string>> {
  const rows = await db.select({ npsn: schools.npsn, name: schools.name }).from(schools).where(eq(schools.officeCode, officeCode));
  return new Map(rows.map((r) => [r.npsn, r.name]));
}

/** The register's children of one school, for the roster. */
export async function childrenOfSchool(db: Db, officeCode: string, npsn: string): Promise<ChildRow[]> {
  return db.select().from(children).where(and(eq(children.officeCode, officeCode), eq(children.schoolNpsn, npsn)));
}

export async function rosterOf(db: Db, sessionId: string): Promise<ChildRow[]> {
  return db
    .select({ child: children })
    .from(jemputBolaRoster)
    .innerJoin(children, eq(children.id, jemputBolaRoster.childId))
    .where(eq(jemputBolaRoster.sessionId, sessionId))
    .orderBy(asc(children.schoolClass), asc(children.name))
    .then((rows) => rows.map((r) => r.child));
}

export async function onRoster(db: Db, sessionId: string, childId: string): Promise<boolean> {
  const rows = await db.select({ id: jemputBolaRoster.childId }).from(jemputBolaRoster).where(and(eq(jemputBolaRoster.sessionId, sessionId), eq(jemputBolaRoster.childId, childId)));
  return rows.length === 1;
}

export async function captureByKey(db: Db, sessionId: string, key: string): Promise<CaptureRow | undefined> {
  const [row] = await db.select().from(jemputBolaCaptures).where(and(eq(jemputBolaCaptures.sessionId, sessionId), eq(jemputBolaCaptures.idempotencyKey, key)));
  return row;
}

/**
 * Stores a capture unless its key is already there (a retry, perhaps at the same moment as the
 * first try): then the stored one is returned and `created` is false.
 */
export async function insertCaptureOnce(db: Db, values: typeof jemputBolaCaptures.$inferInsert): Promise<{ row: CaptureRow; created: boolean }> {
  const [row] = await db.insert(jemputBolaCaptures).values(values).onConflictDoNothing({ target: [jemputBolaCaptures.sessionId, jemputBolaCaptures.idempotencyKey] }).returning();
  if (row) return { row, created: true };
  return { row: (await captureByKey(db, values.sessionId, values.idempotencyKey))!, created: false };
}

/** Each child's newest capture of the session. */
export async function latestCaptures(db: Db, sessionId: string): Promise<CaptureRow[]> {
  const rows = await db.select().from(jemputBolaCaptures).where(eq(jemputBolaCaptures.sessionId, sessionId)).orderBy(asc(jemputBolaCaptures.childId), desc(jemputBolaCaptures.capturedAt), desc(jemputBolaCaptures.id));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.childId) ? false : (seen.add(r.childId), true)));
}

export async function settleCapture(db: Db, id: string, values: { requestId: string | null; refusal: string | null }): Promise<void> {
  await db.update(jemputBolaCaptures).set(values).where(eq(jemputBolaCaptures.id, id));
}

/** The batch: the requests made from the session's captures, with their state. */
export async function batchRequests(db: Db, sessionId: string) {
  return db
    .select({ id: requests.id, ticket: requests.ticket, state: requests.state, dueAt: requests.dueAt, childId: jemputBolaCaptures.childId })
    .from(jemputBolaCaptures)
    .innerJoin(requests, eq(requests.id, jemputBolaCaptures.requestId))
    .where(eq(jemputBolaCaptures.sessionId, sessionId))
    .orderBy(asc(requests.ticket));
}

export async function childrenByIds(db: Db, ids: readonly string[]): Promise<ChildRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(children).where(inArray(children.id, [...ids]));
}

/** How many children each session's roster holds. */
export async function rosterCounts(db: Db, sessionIds: readonly string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .select({ sessionId: jemputBolaRoster.sessionId, n: sql<number>`count(*)::int` })
    .from(jemputBolaRoster)
    .where(inArray(jemputBolaRoster.sessionId, [...sessionIds]))
    .groupBy(jemputBolaRoster.sessionId);
  return new Map(rows.map((r) => [r.sessionId, r.n]));
}

export async function staffName(db: Db, id: string | null): Promise<string | undefined> {
  if (!id) return undefined;
  const [row] = await db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, id));
  return row?.name;
}
