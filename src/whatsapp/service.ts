/**
 * WhatsApp operations: taking a webhook delivery in, and the staff inbox (read a thread, reply,
 * take over from the bot, hand back). Each change is audited in its own transaction.
 */
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { isLocale, t, type Locale } from '../i18n/i18n.js';
import { findOffice } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import { findRequest } from '../requests/storage.js';
import type { OutboundMessage } from './dialogue-contract.js';
import { REENGAGEMENT_CODE } from './cloud-api.js';
import { DEFAULT_TEMPLATES } from './messages.js';
import { handedBack } from './dialogue.js';
import { withinWindow } from './sender.js';
import { masked, secretsOf } from './secrets.js';
import * as store from './storage.js';
import type { InboundBatcher } from './intake-batch.js';
import { parseWebhook, statusRank, type Malformed } from './webhook.js';
import { safeText } from '../platform/safe-text.js';

export type WhatsAppDeps = { db: Db; clock: Clock };

/**
 * Stores a verified webhook delivery: new messages (duplicates skipped by their id) and status
 * changes (only forward), in one transaction. Messages for numbers this installation does not
 * serve, and statuses of messages it never sent, are accepted and dropped.
 */
export async function receiveWebhook(
  deps: WhatsAppDeps,
  body: unknown,
  officeOfNumber: (db: Db, phoneNumberId: string) => Promise<string | undefined> = async (db, id) => (await store.findNumber(db, id))?.officeCode,
  batcher?: InboundBatcher,
): Promise<{ ok: false } | { ok: true; stored: number; statuses: number; malformed: Malformed[] }> {
  const now = deps.clock.now();
  const parsed = parseWebhook(body, now);
  if (!parsed.ok) return { ok: false };
  const { malformed } = parsed;
  const rows: Parameters<typeof store.insertInbound>[1] = [];
  for (const message of parsed.messages) {
    const officeCode = await officeOfNumber(deps.db, message.phoneNumberId);
    if (officeCode) rows.push({ ...message, officeCode, receivedAt: now });
  }
  // The common case, messages only, is one multi-row INSERT (or one transaction of chunks): atomic, and fast.
  if (parsed.statuses.length === 0) return { ok: true, stored: batcher ? await batcher.insert(rows) : await store.insertInbound(deps.db, rows), statuses: 0, malformed };
  return deps.db.transaction(async (tx) => {
    const stored = await store.insertInbound(tx, rows);
    let moved = 0;
    for (const status of parsed.statuses) {
      const error = status.errorCode ? `${status.errorCode} ${status.errorTitle ?? ''}`.trim() : undefined;
      const row = await store.advanceDeliveryStatus(tx, status.providerMessageId, status.status, statusRank(status.status), error);
      if (!row) continue;
      moved++;
      if (status.status === 'failed') await afterDeliveryFailure(tx, row, status.errorCode, now);
    }
    return { ok: true as const, stored, statuses: moved, malformed };
  });
}

/** Meta's late 131047 (window closed) becomes the template version of the same news; other failures reach staff. */
async function afterDeliveryFailure(tx: Db, row: store.OutboxRow, code: number | undefined, now: Date) {
  const notification = row.kind.startsWith('request.') || row.kind === 'verification.code';
  // A PIN or code masked after sending cannot be sent again; staff see the failure and the citizen can ask anew.
  if (code === REENGAGEMENT_CODE && notification && !row.payload.forceTemplate && !row.payload.secretsMasked) {
    await store.insertOutbox(tx, {
      officeCode: row.officeCode,
      requestId: row.requestId,
      recipient: row.recipient,
      kind: row.kind,
      sender: row.sender,
      payload: { ...row.payload, forceTemplate: true },
      createdAt: now,
      nextAttemptAt: now,
    });
    return;
  }
  const conversation = await store.lockConversation(tx, row.officeCode, row.recipient, now);
  await store.updateConversation(tx, conversation.id, { waitingForStaff: true, lastMessageAt: now });
}

// ---------------------------------------------------------------------------------------------
// Business numbers

export const TemplatesSchema = z.record(
  z.string().regex(/^(request\.(\*|received|returned|rejected|ready|delivered|cancelled)|verification\.code)$/),
  z.object({ name: z.string().regex(/^[a-z0-9_]{1,512}$/), language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/) }),
);
export const NumberInput = z.object({ displayPhone: safeText().trim().max(30).optional(), templates: TemplatesSchema.optional() });

/** Points a Cloud API business number at an office, with its approved templates; the admin's or the CLI's. */
export async function registerNumber(deps: WhatsAppDeps, actor: StaffActor | null, officeCode: string, phoneNumberId: string, input: z.infer<typeof NumberInput>, origin: Origin) {
  if (actor) authorize(actor, 'office.settings.update', { officeCode });
  if (!(await findOffice(deps.db, officeCode))) throw new AppError('office_unknown', 404, 'errors.office_unknown', { code: officeCode });
  const existing = await store.findNumber(deps.db, phoneNumberId);
  // A number answers for one office; moving it is a deliberate act of that office's admin or the CLI.
  if (existing && existing.officeCode !== officeCode && actor) authorize(actor, 'office.settings.update', { officeCode: existing.officeCode });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await store.upsertNumber(tx, { phoneNumberId, officeCode, displayPhone: input.displayPhone ?? existing?.displayPhone ?? null, templates: input.templates ?? existing?.templates ?? DEFAULT_TEMPLATES });
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'whatsapp.number.registered', entityType: 'whatsapp_number', entityId: phoneNumberId, details: { templates: Object.keys(input.templates ?? {}) } }, origin);
  });
  return (await store.findNumber(deps.db, phoneNumberId))!;
}

export async function numbersOfOffice(deps: WhatsAppDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'office.read', { officeCode });
  return (await store.listNumbers(deps.db)).filter((n) => n.officeCode === officeCode);
}

// ---------------------------------------------------------------------------------------------
// The staff inbox

export async function listInbox(deps: WhatsAppDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'whatsapp.inbox', { officeCode });
  const rows = await store.listConversations(deps.db, officeCode, 100);
  const now = deps.clock.now();
  return rows.map((c) => ({ ...presentConversation(c, now) }));
}

export function presentConversation(c: store.ConversationRow, now: Date) {
  return {
    id: c.id,
    officeCode: c.officeCode,
    waId: c.waId,
    contactName: c.contactName,
    mode: c.mode as 'bot' | 'staff',
    waitingForStaff: c.waitingForStaff,
    assignedStaffId: c.assignedStaffId,
    requestId: c.requestId,
    unreadCount: c.unreadCount,
    lastMessageAt: c.lastMessageAt.toISOString(),
    lastInboundAt: c.lastInboundAt?.toISOString() ?? null,
    windowOpen: withinWindow(c.lastInboundAt, now),
  };
}

type ThreadEntry = {
  direction: 'in' | 'out';
  at: string;
  kind: string;
  text: string | null;
  from: 'pemohon' | 'bot' | 'staff' | 'system';
  status: string | null;
  fileId: string | null;
};

/** A conversation's messages in order, the request it concerns; opening it marks it read. */
export async function openConversation(deps: WhatsAppDeps, actor: StaffActor, conversationId: string, origin: Origin) {
  const conversation = await loadConversation(deps.db, actor, conversationId);
  const now = deps.clock.now();
  const [inbound, outbound] = await Promise.all([store.inboundOf(deps.db, conversation.officeCode, conversation.waId, 200), store.outboundOf(deps.db, conversation.officeCode, conversation.waId, 200)]);
  const thread: ThreadEntry[] = [
    ...inbound.reverse().map((m): ThreadEntry => ({ direction: 'in', at: m.sentAt.toISOString(), kind: m.type, text: inboundText(m), from: 'pemohon', status: m.mediaRefusal, fileId: m.fileId })),
    ...outbound.reverse().map((m): ThreadEntry => ({ direction: 'out', at: (m.sentAt ?? m.createdAt).toISOString(), kind: m.kind, text: outboundText(m), from: m.sender as ThreadEntry['from'], status: m.deliveryStatus ?? m.status, fileId: null })),
  ].sort((a, b) => a.at.localeCompare(b.at)); // stable: equal times keep their own order
  const request = conversation.requestId ? await findRequest(deps.db, conversation.requestId) : undefined;
  await deps.db.transaction(async (tx) => {
    await store.updateConversation(tx, conversation.id, { unreadCount: 0 });
    await recordAudit(tx, now, { officeCode: conversation.officeCode, actor: auditActorOf(actor), action: 'whatsapp.conversation.viewed', entityType: 'whatsapp_conversation', entityId: conversation.id }, origin);
  });
  return {
    conversation: presentConversation({ ...conversation, unreadCount: 0 }, now),
    thread,
    request: request ? { id: request.id, ticket: request.ticket, serviceCode: request.serviceCode, state: request.state } : null,
  };
}

export async function replyAsStaff(deps: WhatsAppDeps, actor: StaffActor, conversationId: string, text: string, origin: Origin) {
  const conversation = await loadConversation(deps.db, actor, conversationId);
  const now = deps.clock.now();
  // Outside the 24-hour window Meta takes only approved templates; better to say so now than fail later.
  if (!withinWindow(conversation.lastInboundAt, now)) throw new AppError('whatsapp_window_closed', 409, 'whatsapp.errors.window_closed');
  await deps.db.transaction(async (tx) => {
    await staffMessage(tx, conversation, actor, { type: 'text', text }, now);
    await store.updateConversation(tx, conversation.id, { waitingForStaff: false, unreadCount: 0, lastMessageAt: now });
    await recordAudit(tx, now, { officeCode: conversation.officeCode, actor: auditActorOf(actor), action: 'whatsapp.reply.sent', entityType: 'whatsapp_conversation', entityId: conversation.id }, origin);
  });
}

/** An officer answers from now on; the bot stays quiet until handed back. */
export async function takeOver(deps: WhatsAppDeps, actor: StaffActor & { name?: string }, conversationId: string, origin: Origin) {
  const conversation = await loadConversation(deps.db, actor, conversationId);
  const now = deps.clock.now();
  const office = await findOffice(deps.db, conversation.officeCode);
  await deps.db.transaction(async (tx) => {
    await store.updateConversation(tx, conversation.id, { mode: 'staff', assignedStaffId: actor.userId, waitingForStaff: false, lastMessageAt: now });
    if (withinWindow(conversation.lastInboundAt, now) && conversation.mode !== 'staff') {
      const text = t(localeOf(conversation), 'whatsapp.taken_over', { name: actor.name ?? '', office: office?.name ?? '' });
      await staffMessage(tx, conversation, actor, { type: 'text', text }, now);
    }
    await recordAudit(tx, now, { officeCode: conversation.officeCode, actor: auditActorOf(actor), action: 'whatsapp.taken_over', entityType: 'whatsapp_conversation', entityId: conversation.id }, origin);
  });
}

/** Back to the bot: at its menu, or offering to continue the application the citizen had under way. */
export async function handBack(deps: WhatsAppDeps, actor: StaffActor, conversationId: string, origin: Origin) {
  const conversation = await loadConversation(deps.db, actor, conversationId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // Locked, so a message the worker is answering right now is not overwritten by an older dialogue.
    const current = await store.lockConversation(tx, conversation.officeCode, conversation.waId, now);
    const { state, resumable } = handedBack(current.dialogue);
    await store.updateConversation(tx, conversation.id, { mode: 'bot', assignedStaffId: null, waitingForStaff: false, dialogue: state, unreadCount: 0, lastMessageAt: now });
    const message = resumable ? 'whatsapp.handed_back_resume' : 'whatsapp.handed_back';
    if (withinWindow(conversation.lastInboundAt, now)) await staffMessage(tx, conversation, actor, { type: 'text', text: t(localeOf(conversation), message) }, now);
    await recordAudit(tx, now, { officeCode: conversation.officeCode, actor: auditActorOf(actor), action: 'whatsapp.handed_back', entityType: 'whatsapp_conversation', entityId: conversation.id }, origin);
  });
}

async function loadConversation(db: Db, actor: StaffActor, id: string) {
  const conversation = await store.findConversation(db, id);
  if (!conversation) throw notFound();
  authorize(actor, 'whatsapp.inbox', { officeCode: conversation.officeCode });
  return conversation;
}

async function staffMessage(tx: Db, conversation: store.ConversationRow, actor: StaffActor, message: OutboundMessage, now: Date) {
  await store.insertOutbox(tx, {
    officeCode: conversation.officeCode,
    requestId: conversation.requestId,
    recipient: conversation.waId,
    kind: 'staff.reply',
    sender: 'staff',
    senderStaffId: actor.userId,
    payload: { message },
    createdAt: now,
    nextAttemptAt: now,
  });
}

function localeOf(c: store.ConversationRow): Locale {
  return isLocale(c.locale) ? c.locale : 'id';
}

function inboundText(m: store.InboundRow): string | null {
  const msg = m.message as Record<string, Record<string, unknown> | undefined>;
  switch (m.type) {
    case 'text':
      return String(msg.text?.body ?? '');
    case 'interactive': {
      const i = msg.interactive as Record<string, { title?: string } | undefined> | undefined;
      return String(i?.button_reply?.title ?? i?.list_reply?.title ?? '');
    }
    case 'button':
      return String(msg.button?.text ?? '');
    case 'image':
    case 'document':
      return msg[m.type]?.caption ? String(msg[m.type]?.caption) : null;
    case 'location':
      return [msg.location?.name, msg.location?.address].filter(Boolean).join(', ') || null;
    case 'reaction':
      return String(msg.reaction?.emoji ?? '');
    default:
      return null;
  }
}

/** What an officer sees of a message sent: never a PIN or code still waiting in the outbox. */
function outboundText(m: store.OutboxRow): string | null {
  const message = (m.payload.message ?? undefined) as OutboundMessage | undefined;
  const body = m.sentBody as { text?: { body?: string }; template?: { name?: string } } | null;
  const text = message ? (message.type === 'text' ? message.text : message.body) : (body?.text?.body ?? (body?.template?.name ? `[template ${body.template.name}]` : null));
  return text && masked(text, secretsOf(m.payload));
}
