/** SQL for staff accounts and sessions. */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { staffSessions, staffUsers } from '../db/schema.js';

export type StaffUserRow = typeof staffUsers.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<StaffUserRow | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.username}) = lower(${username})`)
    .limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<StaffUserRow | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row;
}

export async function insertUser(db: Db, values: typeof staffUsers.$inferInsert): Promise<StaffUserRow> {
  const [row] = await db.insert(staffUsers).values(values).returning();
  return row!;
}

export async function updateUser(db: Db, id: string, values: Partial<typeof staffUsers.$inferInsert>): Promise<void> {
  await db.update(staffUsers).set(values).where(eq(staffUsers.id, id));
}

/** Counts a failed sign-in atomically, so parallel guesses cannot slip under the limit. */
export async function countFailedLogin(db: Db, id: string): Promise<number> {
  const [row] = await db
    .update(staffUsers)
    .set({ failedLogins: sql`${staffUsers.failedLogins} + 1` })
    .where(eq(staffUsers.id, id))
    .returning({ failedLogins: staffUsers.failedLogins });
  return row?.failedLogins ?? 0;
}

export async function listUsersOfOffice(db: Db, officeCode: string): Promise<StaffUserRow[]> {
  return db.select().from(staffUsers).where(eq(staffUsers.officeCode, officeCode)).orderBy(staffUsers.username);
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(staffUsers);
  return row?.n ?? 0;
}

export async function insertSession(db: Db, values: typeof staffSessions.$inferInsert): Promise<void> {
  await db.insert(staffSessions).values(values);
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.tokenHash, tokenHash), gt(staffSessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
}
