/** SQL of the WhatsApp channel: numbers, inbound messages, conversations, the outbox's delivery side. */
import { and, asc, desc, eq, getTableColumns, inArray, lt, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';
import { outbox, whatsappConversations, whatsappInbound, whatsappNumbers } from '../db/schema.js';
import type { DeliveryStatus, InboundMessage } from './webhook.js';

export type NumberRow = typeof whatsappNumbers.$inferSelect;
export type InboundRow = typeof whatsappInbound.$inferSelect;
export type ConversationRow = typeof whatsappConversations.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;

export async function findNumber(db: Db, phoneNumberId: string): Promise<NumberRow | undefined> {
  const [row] = await db.select().from(whatsappNumbers).where(eq(whatsappNumbers.phoneNumberId, phoneNumberId)).limit(1);
  return row;
}

export async function numberOfOffice(db: Db, officeCode: string): Promise<NumberRow | undefined> {
  const [row] = await db.select().from(whatsappNumbers).where(eq(whatsappNumbers.officeCode, officeCode)).orderBy(asc(whatsappNumbers.createdAt)).limit(1);
  return row;
}

export async function listNumbers(db: Db): Promise<NumberRow[]> {
  return db.select().from(whatsappNumbers);
}

export async function upsertNumber(db: Db, values: typeof whatsappNumbers.$inferInsert): Promise<void> {
  await db
    .insert(whatsappNumbers)
    .values(values)
    .onConflictDoUpdate({ target: whatsappNumbers.phoneNumberId, set: { officeCode: values.officeCode, displayPhone: values.displayPhone ?? null, templates: values.templates ?? {} } });
}

/** Stores what is new; a message Meta delivers again (even concurrently) hits the unique index and is skipped. */
export async function insertInbound(db: Db, rows: (InboundMessage & { officeCode: string; receivedAt: Date })[]): Promise<number> {
  return (await insertInboundReturningIds(db, rows)).size;
}

/**
 * PostgreSQL numbers a statement's bind parameters with 16 bits: one INSERT takes at most 65,535
 * values, i.e. about 4,000 inbound rows. A delivery is stored in chunks well under that, counted
 * from the table's columns so a new column cannot push a chunk over.
 */
const PARAMETER_BUDGET = 16_000;
export const INBOUND_ROWS_PER_INSERT = Math.floor(PARAMETER_BUDGET / Object.keys(getTableColumns(whatsappInbound)).length);

/** The same, saying which message ids were new. Several chunks go in one transaction: a delivery is stored whole or not at all. */
export async function insertInboundReturningIds(db: Db, rows: (InboundMessage & { officeCode: string; receivedAt: Date })[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  if (rows.length <= INBOUND_ROWS_PER_INSERT) return insertInboundChunk(db, rows);
  return db.transaction(async (tx) => {
    const stored = new Set<string>();
    for (let i = 0; i < rows.length; i += INBOUND_ROWS_PER_INSERT) {
      for (const id of await insertInboundChunk(tx, rows.slice(i, i + INBOUND_ROWS_PER_INSERT))) stored.add(id);
    }
    return stored;
  });
}

async function insertInboundChunk(db: Db, rows: (InboundMessage & { officeCode: string; receivedAt: Date })[]): Promise<Set<string>> {
  const inserted = await db
    .insert(whatsappInbound)
    .values(
      rows.map((m) => ({
        waMessageId: m.waMessageId,
        phoneNumberId: m.phoneNumberId,
        officeCode: m.officeCode,
        waId: m.waId,
        contactName: m.contactName ?? null,
        type: m.type,
        message: m.message,
        sentAt: m.sentAt,
        receivedAt: m.receivedAt,
        nextAttemptAt: m.receivedAt,
      })),
    )
    .onConflictDoNothing({ target: whatsappInbound.waMessageId })
    .returning({ waMessageId: whatsappInbound.waMessageId });
  return new Set(inserted.map((r) => r.waMessageId));
}

const rankOf = (column: typeof outbox.deliveryStatus) =>
  sql`CASE ${column} WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 99 ELSE 0 END`;

/** Moves a sent message's status forward only; returns the row when it moved. Unknown ids change nothing. */
export async function advanceDeliveryStatus(db: Db, providerMessageId: string, status: DeliveryStatus, rank: number, error: string | undefined): Promise<OutboxRow | undefined> {
  const [row] = await db
    .update(outbox)
    .set({ deliveryStatus: status, ...(error ? { lastError: error } : {}) })
    .where(and(eq(outbox.providerMessageId, providerMessageId), sql`${rankOf(outbox.deliveryStatus)} < ${rank}`))
    .returning();
  return row;
}

/** Inbound messages ready for the worker, oldest first, at most one per sender (their order matters). */
export async function readyInbound(db: Db, now: Date, limit: number): Promise<{ id: number }[]> {
  const earlier = alias(whatsappInbound, 'earlier');
  return db
    .select({ id: whatsappInbound.id })
    .from(whatsappInbound)
    .where(
      and(
        eq(whatsappInbound.status, 'pending'),
        lte(whatsappInbound.nextAttemptAt, now),
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(and(eq(earlier.officeCode, whatsappInbound.officeCode), eq(earlier.waId, whatsappInbound.waId), eq(earlier.status, 'pending'), lt(earlier.id, whatsappInbound.id))),
        ),
      ),
    )
    .orderBy(asc(whatsappInbound.id))
    .limit(limit);
}

/** Locks one pending inbound message for this transaction; undefined if another worker has it or it is done. */
export async function lockInbound(tx: Db, id: number): Promise<InboundRow | undefined> {
  const [row] = await tx.select().from(whatsappInbound).where(and(eq(whatsappInbound.id, id), eq(whatsappInbound.status, 'pending'))).for('update', { skipLocked: true });
  return row;
}

export async function updateInbound(db: Db, id: number, values: Partial<typeof whatsappInbound.$inferInsert>): Promise<void> {
  await db.update(whatsappInbound).set(values).where(eq(whatsappInbound.id, id));
}

export async function findInbound(db: Db, id: number): Promise<InboundRow | undefined> {
  const [row] = await db.select().from(whatsappInbound).where(eq(whatsappInbound.id, id));
  return row;
}

/** The conversation, created on first contact, and locked for the rest of the transaction. */
export async function lockConversation(tx: Db, officeCode: string, waId: string, now: Date, contactName?: string | null): Promise<ConversationRow> {
  const [row] = await tx
    .insert(whatsappConversations)
    .values({ officeCode, waId, contactName: contactName ?? null, lastMessageAt: now })
    .onConflictDoUpdate({
      target: [whatsappConversations.officeCode, whatsappConversations.waId],
      set: { contactName: sql`COALESCE(EXCLUDED.contact_name, ${whatsappConversations.contactName})` },
    })
    .returning();
  return row!;
}

export async function findConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(whatsappConversations).where(eq(whatsappConversations.id, id));
  return row;
}

export async function conversationOf(db: Db, officeCode: string, waId: string): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(whatsappConversations).where(and(eq(whatsappConversations.officeCode, officeCode), eq(whatsappConversations.waId, waId)));
  return row;
}

export async function updateConversation(db: Db, id: string, values: Partial<typeof whatsappConversations.$inferInsert>): Promise<void> {
  await db.update(whatsappConversations).set(values).where(eq(whatsappConversations.id, id));
}

/** The inbox: people waiting for a person first, then unread, then the most recent. */
export async function listConversations(db: Db, officeCode: string, limit: number): Promise<ConversationRow[]> {
  return db
    .select()
    .from(whatsappConversations)
    .where(eq(whatsappConversations.officeCode, officeCode))
    .orderBy(desc(whatsappConversations.waitingForStaff), desc(sql`${whatsappConversations.unreadCount} > 0`), desc(whatsappConversations.lastMessageAt))
    .limit(limit);
}

export async function inboundOf(db: Db, officeCode: string, waId: string, limit: number): Promise<InboundRow[]> {
  return db
    .select()
    .from(whatsappInbound)
    .where(and(eq(whatsappInbound.officeCode, officeCode), eq(whatsappInbound.waId, waId)))
    .orderBy(desc(whatsappInbound.id))
    .limit(limit);
}

export async function outboundOf(db: Db, officeCode: string, waId: string, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.officeCode, officeCode), eq(outbox.recipient, waId), eq(outbox.channel, 'whatsapp')))
    .orderBy(desc(outbox.id))
    .limit(limit);
}

/**
 * Claims outbox rows to send: due, oldest first, and only a recipient's earliest unsent message so
 * each person's messages go out in order. A claim is a lease: if this worker dies mid-send, the
 * row is claimed again when the lease runs out.
 */
export async function claimOutbox(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
  const earlier = alias(outbox, 'earlier');
  const unsent = (status: typeof outbox.status | typeof earlier.status) => or(eq(status, 'pending'), eq(status, 'sending'));
  const candidates = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.channel, 'whatsapp'),
        unsent(outbox.status),
        lte(outbox.nextAttemptAt, now),
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(and(eq(earlier.officeCode, outbox.officeCode), eq(earlier.recipient, outbox.recipient), eq(earlier.channel, outbox.channel), unsent(earlier.status), lt(earlier.id, outbox.id))),
        ),
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseUntil })
    .where(inArray(outbox.id, candidates))
    .returning();
}

export async function markSent(db: Db, id: number, values: { providerMessageId: string; sentBody: Record<string, unknown>; sentAt: Date; payload?: Record<string, unknown> }): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', ...values, deliveryStatus: sql`COALESCE(${outbox.deliveryStatus}, 'sent')`, lastError: null })
    .where(eq(outbox.id, id));
}

export async function markRetry(db: Db, id: number, nextAttemptAt: Date, error: string, payload?: Record<string, unknown>): Promise<void> {
  await db.update(outbox).set({ status: 'pending', nextAttemptAt, lastError: error, ...(payload ? { payload } : {}) }).where(eq(outbox.id, id));
}

export async function markFailed(db: Db, id: number, error: string, sentBody?: Record<string, unknown>, payload?: Record<string, unknown>): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'failed', deliveryStatus: 'failed', lastError: error, ...(sentBody ? { sentBody } : {}), ...(payload ? { payload } : {}) })
    .where(and(eq(outbox.id, id), ne(outbox.status, 'sent')));
}

export async function insertOutbox(db: Db, values: typeof outbox.$inferInsert): Promise<void> {
  await db.insert(outbox).values({ channel: 'whatsapp', ...values });
}
