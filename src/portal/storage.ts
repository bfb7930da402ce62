/** SQL for the citizen portal: phone verification codes, tracking-PIN throttling and the pending PIN on requests. */
import { and, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { outbox, phoneVerifications, requests, trackingFailures } from '../db/schema.js';

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

/** Counts one application against a confirmed code, atomically; false when its `max` are used. */
export async function takeApplicationSlot(db: Db, verificationId: string, max: number): Promise<boolean> {
  const rows = await db
    .update(phoneVerifications)
    .set({ applications: sql`${phoneVerifications.applications} + 1` })
    .where(and(eq(phoneVerifications.id, verificationId), isNotNull(phoneVerifications.verifiedAt), lt(phoneVerifications.applications, max)))
    .returning({ id: phoneVerifications.id });
  return rows.length === 1;
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

/** Wrong PINs for a ticket (as typed) since `ticketSince`, and those among them from one client since `clientSince`. */
export async function countTrackingFailures(db: Db, ticket: string, client: string, since: { ticket: Date; client: Date }): Promise<{ ticket: number; client: number }> {
  const [row] = await db
    .select({
      ticket: sql<number>`count(*)::int`,
      client: sql<number>`(count(*) filter (where ${trackingFailures.client} = ${client} and ${trackingFailures.at} > ${since.client.toISOString()}::timestamptz))::int`,
    })
    .from(trackingFailures)
    .where(and(eq(trackingFailures.ticket, ticket), gt(trackingFailures.at, since.ticket)));
  return { ticket: row?.ticket ?? 0, client: row?.client ?? 0 };
}

/** One more wrong PIN; rows older than `forgetBefore` (of any ticket) go, so the table stays a day deep. */
export async function recordTrackingFailure(db: Db, values: { ticket: string; client: string; at: Date }, forgetBefore: Date): Promise<void> {
  await db.delete(trackingFailures).where(lt(trackingFailures.at, forgetBefore));
  await db.insert(trackingFailures).values(values);
}

/** The PIN sent by "Lupa PIN", beside the current one; a newer one replaces an unused older one. */
export async function setPendingPin(db: Db, id: string, pendingPinHash: string, expiresAt: Date): Promise<void> {
  await db.update(requests).set({ pendingPinHash, pendingPinExpiresAt: expiresAt, pendingPinAttempts: 0 }).where(eq(requests.id, id));
}

/**
 * The pending PIN was used: it becomes the PIN. Only if it is still the one checked, so two
 * entries at once cannot promote a PIN that a newer "Lupa PIN" has already replaced.
 * Leaves `version` alone: tracking must not make an officer's action fail.
 */
export async function promotePendingPin(db: Db, id: string, pendingPinHash: string): Promise<boolean> {
  const rows = await db
    .update(requests)
    .set({ pinHash: pendingPinHash, pendingPinHash: null, pendingPinExpiresAt: null, pendingPinAttempts: 0 })
    .where(and(eq(requests.id, id), eq(requests.pendingPinHash, pendingPinHash)))
    .returning({ id: requests.id });
  return rows.length === 1;
}

/** A wrong try against the pending PIN while throttled; the `max`-th voids it (a new one can be asked for). */
export async function countPendingPinAttempt(db: Db, id: string, max: number): Promise<void> {
  await db
    .update(requests)
    .set({
      pendingPinAttempts: sql`${requests.pendingPinAttempts} + 1`,
      pendingPinHash: sql`case when ${requests.pendingPinAttempts} + 1 >= ${max} then null else ${requests.pendingPinHash} end`,
      pendingPinExpiresAt: sql`case when ${requests.pendingPinAttempts} + 1 >= ${max} then null else ${requests.pendingPinExpiresAt} end`,
    })
    .where(and(eq(requests.id, id), isNotNull(requests.pendingPinHash)));
}

/** Messages of one kind about a request since a moment (the "Lupa PIN" daily limit). */
export async function outboxCountSince(db: Db, requestId: string, kind: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(eq(outbox.requestId, requestId), eq(outbox.kind, kind), gt(outbox.createdAt, since)));
  return row?.n ?? 0;
}
