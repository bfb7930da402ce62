/** SQL for requests, ticket sequences and the outbox. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { outbox, requests, ticketCounters, trackingFailures } from '../db/schema.js';
import type { SubjectKey } from './duplicates.js';

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

/**
 * Requests of a service for a subject in any office, oldest first: by NIK, or (no NIK) by birth
 * date, the name being compared by the caller. Which of them are still open is the caller's rule.
 */
export async function requestsForSubject(db: Db, serviceCode: string, key: SubjectKey) {
  const subjectMatch =
    key.kind === 'nik' ? eq(requests.subjectNik, key.nik) : and(isNull(requests.subjectNik), sql`${requests.subject}->>'birthDate' = ${key.birthDate}`);
  return db
    .select({ id: requests.id, ticket: requests.ticket, officeCode: requests.officeCode, serviceCode: requests.serviceCode, state: requests.state, subjectNik: requests.subjectNik, subject: requests.subject, applicantPhone: requests.applicantPhone })
    .from(requests)
    .where(and(eq(requests.serviceCode, serviceCode), subjectMatch))
    .orderBy(asc(requests.submittedAt));
}

export async function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(requests).where(eq(requests.id, id)).limit(1);
  return row;
}

/** The requests a WhatsApp number made at an office, newest first: what that chat may see. */
export async function requestsOfApplicant(db: Db, officeCode: string, phone: string, limit: number): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(and(eq(requests.officeCode, officeCode), eq(requests.applicantPhone, phone)))
    .orderBy(desc(requests.submittedAt))
    .limit(limit);
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

/**
 * An officer takes the file in its current step: set once (the first to open it), and only while
 * the request is still in that state. No version bump: taking is not a decision another officer's
 * action could overwrite. False when someone took it first or it moved on.
 */
export async function takeForWork(db: Db, id: string, state: string, staffId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(requests)
    .set({ workStartedAt: at, workStartedBy: staffId })
    .where(and(eq(requests.id, id), eq(requests.state, state), isNull(requests.workStartedAt)))
    .returning({ id: requests.id });
  return rows.length === 1;
}

/**
 * A new tracking PIN from the counter: the old one and any unused "Lupa PIN" one stop working, and
 * the wrong tries counted against the ticket are forgotten (the owner stood at the counter).
 */
export async function replaceTrackingPin(db: Db, id: string, ticket: string, pinHash: string): Promise<void> {
  await db.update(requests).set({ pinHash, pendingPinHash: null, pendingPinExpiresAt: null, pendingPinAttempts: 0 }).where(eq(requests.id, id));
  await db.delete(trackingFailures).where(eq(trackingFailures.ticket, ticket));
}

export async function enqueueMessage(db: Db, values: typeof outbox.$inferInsert): Promise<void> {
  await db.insert(outbox).values(values);
}

/** The newest message of one kind about a request (to space out what a citizen can trigger). */
export async function latestOutboxOfKind(db: Db, requestId: string, kind: string) {
  const [row] = await db.select().from(outbox).where(and(eq(outbox.requestId, requestId), eq(outbox.kind, kind))).orderBy(desc(outbox.id)).limit(1);
  return row;
}

export async function outboxForRequest(db: Db, requestId: string) {
  return db.select().from(outbox).where(eq(outbox.requestId, requestId)).orderBy(outbox.id);
}

export type QueueCursor = { priority: number; dueAt: Date; submittedAt: Date; id: string };

export type QueueFilter = {
  officeCode: string;
  states: readonly string[];
  serviceCode?: string | undefined;
  desaCode?: string | undefined;
  channel?: string | undefined;
  /** Only requests carrying this flag (e.g. escalated, home_delivery). */
  flag?: string | undefined;
  courierStaffId?: string | undefined;
  limit: number;
  /** Keyset paging: the (priority, dueAt, submittedAt, id) of the last row of the previous page. */
  after?: QueueCursor | undefined;
};

/** A work queue page, most urgent first; served by requests_queue_idx (office, state, due_at). */
export async function queuePage(db: Db, f: QueueFilter): Promise<RequestRow[]> {
  const where = [eq(requests.officeCode, f.officeCode), inArray(requests.state, [...f.states])];
  if (f.serviceCode) where.push(eq(requests.serviceCode, f.serviceCode));
  if (f.desaCode) where.push(eq(requests.desaCode, f.desaCode));
  if (f.channel) where.push(eq(requests.channel, f.channel));
  if (f.flag) where.push(sql`${requests.flags} @> ${JSON.stringify([f.flag])}::jsonb`);
  if (f.courierStaffId) where.push(eq(requests.courierStaffId, f.courierStaffId));
  if (f.after)
    where.push(
      sql`(${requests.priority}, ${requests.dueAt}, ${requests.submittedAt}, ${requests.id}) > (${f.after.priority}::smallint, ${f.after.dueAt.toISOString()}::timestamptz, ${f.after.submittedAt.toISOString()}::timestamptz, ${f.after.id}::uuid)`,
    );
  return db
    .select()
    .from(requests)
    .where(and(...where))
    // The special service (disabled, elderly) first, then most urgent; on a tie (a school batch, a
    // morning's walk-ins) in arrival order, not by a random id.
    .orderBy(asc(requests.priority), asc(requests.dueAt), asc(requests.submittedAt), asc(requests.id))
    .limit(f.limit);
}

export type SearchKey =
  | { kind: 'ticket'; ticket: string }
  | { kind: 'nik'; nik: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'name'; text: string };

/**
 * "Contains this text", with LIKE's own characters taken literally: unescaped, a search for `%%%`
 * listed every request of the office and `_` matched any letter. Backslash is LIKE's default escape.
 */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchRequests(
  db: Db,
  officeCodes: readonly string[],
  key: SearchKey,
  limit: number,
  scope: { courierStaffId?: string | undefined } = {},
): Promise<RequestRow[]> {
  const where = [inArray(requests.officeCode, [...officeCodes])];
  if (scope.courierStaffId) where.push(eq(requests.courierStaffId, scope.courierStaffId));
  const match =
    key.kind === 'ticket'
      ? eq(requests.ticket, key.ticket)
      : key.kind === 'nik'
        ? eq(requests.subjectNik, key.nik)
        : key.kind === 'phone'
          ? eq(requests.applicantPhone, key.phone)
          : sql`(${requests.subject}->>'name' ilike ${likePattern(key.text)} or ${requests.applicant}->>'name' ilike ${likePattern(key.text)})`;
  return db
    .select()
    .from(requests)
    .where(and(...where, match))
    .orderBy(desc(requests.submittedAt))
    .limit(limit);
}

/** Active requests past their overall due time that are not yet flagged escalated. */
export async function overdueUnescalated(db: Db, officeCode: string, now: Date, limit: number): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(
      and(
        eq(requests.officeCode, officeCode),
        inArray(requests.state, ['submitted', 'verified', 'processing', 'ready']),
        sql`${requests.dueAt} < ${now.toISOString()}::timestamptz`,
        sql`not (${requests.flags} @> '["escalated"]'::jsonb)`,
      ),
    )
    .orderBy(asc(requests.dueAt))
    .limit(limit);
}
