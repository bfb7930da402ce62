/** SQL for the citizen portal: phone verification codes, and the tracking-PIN lockout on requests. */
import { and, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { phoneVerifications, requests } from '../db/schema.js';

export type PhoneVerificationRow = typeof phoneVerifications.$inferSelect;

export async function insertVerification(db: Db, values: typeof phoneVerifications.$inferInsert): Promise<void> {
  await db.insert(phoneVerifications).values(values);
}

/** Codes sent to a number at an office since `since`, oldest first (the rate limit's window). */
export async function verificationsSince(db: Db, officeCode: string, phone: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ createdAt: phoneVerifications.createdAt })
    .from(phoneVerifications)
    .where(and(eq(phoneVerifications.officeCode, officeCode), eq(phoneVerifications.phone, phone), gt(phoneVerifications.createdAt, since)))
    .orderBy(phoneVerifications.createdAt);
  return rows.map((r) => r.createdAt);
}

export async function findVerification(db: Db, id: string): Promise<PhoneVerificationRow | undefined> {
  const [row] = await db.select().from(phoneVerifications).where(eq(phoneVerifications.id, id)).limit(1);
  return row;
}

/**
 * Counts one try against an open code, atomically: two guesses sent at once cannot both slip
 * under the limit. Undefined when the code is used, used up or expired.
 */
export async function takeVerificationAttempt(db: Db, id: string, now: Date, maxAttempts: number): Promise<PhoneVerificationRow | undefined> {
  const [row] = await db
    .update(phoneVerifications)
    .set({ attempts: sql`${phoneVerifications.attempts} + 1` })
    .where(
      and(
        eq(phoneVerifications.id, id),
        isNull(phoneVerifications.consumedAt),
        lt(phoneVerifications.attempts, maxAttempts),
        gt(phoneVerifications.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

export async function markVerified(db: Db, id: string, now: Date): Promise<void> {
  await db.update(phoneVerifications).set({ verifiedAt: now, consumedAt: now }).where(eq(phoneVerifications.id, id));
}

/** Which of these verification ids were confirmed for this office and number. */
export async function confirmedVerificationIds(db: Db, officeCode: string, phone: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: phoneVerifications.id })
    .from(phoneVerifications)
    .where(and(inArray(phoneVerifications.id, [...ids]), eq(phoneVerifications.officeCode, officeCode), eq(phoneVerifications.phone, phone), isNotNull(phoneVerifications.verifiedAt)));
  return new Set(rows.map((r) => r.id));
}

export async function findRequestByTicket(db: Db, ticket: string) {
  const [row] = await db.select().from(requests).where(eq(requests.ticket, ticket)).limit(1);
  return row;
}

/**
 * One more wrong PIN; the `limit`-th locks the ticket until `lockUntil` and starts the count
 * again. Leaves `version` alone: a citizen mistyping must not make an officer's action fail.
 */
export async function recordPinFailure(db: Db, id: string, limit: number, lockUntil: Date): Promise<{ locked: boolean }> {
  const [row] = await db
    .update(requests)
    .set({
      pinFailures: sql`case when ${requests.pinFailures} + 1 >= ${limit} then 0 else ${requests.pinFailures} + 1 end`,
      pinLockedUntil: sql`case when ${requests.pinFailures} + 1 >= ${limit} then ${lockUntil.toISOString()}::timestamptz else ${requests.pinLockedUntil} end`,
    })
    .where(eq(requests.id, id))
    .returning({ pinFailures: requests.pinFailures, pinLockedUntil: requests.pinLockedUntil });
  return { locked: row?.pinLockedUntil?.getTime() === lockUntil.getTime() };
}

export async function resetPinFailures(db: Db, id: string): Promise<void> {
  await db.update(requests).set({ pinFailures: 0, pinLockedUntil: null }).where(and(eq(requests.id, id), sql`(${requests.pinFailures} <> 0 or ${requests.pinLockedUntil} is not null)`));
}
