/** SQL for staff accounts and sessions. */
import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { signInThrottles, staffKnownDevices, staffSessions, staffUsers } from '../db/schema.js';
import type { ThrottleScope, ThrottleState } from './throttle.js';

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

export async function deleteSessionsOfUser(db: Db, userId: string, exceptTokenHash?: string): Promise<void> {
  await db
    .delete(staffSessions)
    .where(exceptTokenHash ? and(eq(staffSessions.userId, userId), ne(staffSessions.tokenHash, exceptTokenHash)) : eq(staffSessions.userId, userId));
}

/** The active admins of an office, locked until the transaction ends, so two admins cannot remove each other at once. */
export async function lockActiveAdmins(db: Db, officeCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.officeCode, officeCode), eq(staffUsers.role, 'admin'), eq(staffUsers.active, true)))
    .orderBy(staffUsers.id)
    .for('update');
  return rows.map((r) => r.id);
}

export type ThrottleRow = ThrottleState & { keyHash: string; scope: ThrottleScope };

/**
 * The throttle rows of these keys, created when missing and locked until the transaction ends
 * (in key order, so two sign-ins never wait on each other crosswise).
 */
export async function lockThrottles(
  db: Db,
  keys: { keyHash: string; scope: ThrottleScope; usernameHash: string | null }[],
  now: Date,
): Promise<ThrottleRow[]> {
  await db
    .insert(signInThrottles)
    .values(keys.map((k) => ({ ...k, updatedAt: now })))
    .onConflictDoNothing();
  const rows = await db
    .select()
    .from(signInThrottles)
    .where(inArray(signInThrottles.keyHash, keys.map((k) => k.keyHash)))
    .orderBy(signInThrottles.keyHash)
    .for('update');
  return rows.map((r) => ({ keyHash: r.keyHash, scope: r.scope as ThrottleScope, failures: r.failures, lastFailureAt: r.lastFailureAt, blockedUntil: r.blockedUntil }));
}

export async function saveThrottle(db: Db, keyHash: string, state: ThrottleState, now: Date): Promise<void> {
  await db
    .update(signInThrottles)
    .set({ failures: state.failures, lastFailureAt: state.lastFailureAt, blockedUntil: state.blockedUntil, updatedAt: now })
    .where(eq(signInThrottles.keyHash, keyHash));
}

export async function deleteThrottle(db: Db, keyHash: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.keyHash, keyHash));
}

/** Every row of one account (all its pairs and its account-wide count): a password reset starts afresh. */
export async function deleteThrottlesOfUsername(db: Db, usernameHash: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.usernameHash, usernameHash));
}

/** Rows nobody has touched for a day and that hold nothing back: they are kept no longer than needed. */
export async function deleteStaleThrottles(db: Db, before: Date, now: Date): Promise<void> {
  await db
    .delete(signInThrottles)
    .where(and(lt(signInThrottles.updatedAt, before), sql`(${signInThrottles.blockedUntil} is null or ${signInThrottles.blockedUntil} <= ${now})`));
}

/** Of these accounts' key hashes, the ones holding back new clients now. */
export async function blockedThrottleKeys(db: Db, keyHashes: string[], now: Date): Promise<Set<string>> {
  if (keyHashes.length === 0) return new Set();
  const rows = await db
    .select({ keyHash: signInThrottles.keyHash })
    .from(signInThrottles)
    .where(and(inArray(signInThrottles.keyHash, keyHashes), gt(signInThrottles.blockedUntil, now)));
  return new Set(rows.map((r) => r.keyHash));
}

export async function isKnownDevice(db: Db, userId: string, deviceHash: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: staffKnownDevices.userId })
    .from(staffKnownDevices)
    .where(and(eq(staffKnownDevices.userId, userId), eq(staffKnownDevices.deviceHash, deviceHash)))
    .limit(1);
  return !!row;
}

export async function rememberDevice(db: Db, userId: string, deviceHash: string, now: Date): Promise<void> {
  await db
    .insert(staffKnownDevices)
    .values({ userId, deviceHash, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: [staffKnownDevices.userId, staffKnownDevices.deviceHash], set: { lastSeenAt: now } });
}

export async function forgetDevicesOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(staffKnownDevices).where(eq(staffKnownDevices.userId, userId));
}
