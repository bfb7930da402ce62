/**
 * The outbox's WhatsApp side: sends what the transactions wrote, one message per person at a time
 * and in order, free-form inside the 24-hour window and as an approved template outside it,
 * retrying what Meta asks us to retry and never re-sending what it accepted.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { isLocale, type Locale } from '../i18n/i18n.js';
import { findOffice } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { sendCloudMessage, type GraphTarget, type SendOutcome } from './cloud-api.js';
import type { OutboundMessage } from './dialogue-contract.js';
import { cloudMessage, notificationContent, templateFor, templateMessage } from './messages.js';
import { masked, secretsOf, settledPayload } from './secrets.js';
import * as store from './storage.js';

export type SenderDeps = { db: Db; clock: Clock; graph: () => GraphTarget; logger?: Logger | undefined };

const WINDOW_MS = 24 * 3600_000;
/** A claimed row not settled in this time is claimed again (its worker died mid-send). */
const LEASE_MS = 60_000;
/** Meta keeps a message for 30 days; after two days of failures a person is better served by staff. */
const GIVE_UP_MS = 48 * 3600_000;

export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

export function withinWindow(lastInboundAt: Date | null | undefined, now: Date): boolean {
  return Boolean(lastInboundAt && now.getTime() - lastInboundAt.getTime() < WINDOW_MS);
}

/** One round: claims due messages and sends them; returns how each ended. */
export async function sendDueMessages(deps: SenderDeps, limit = 20): Promise<{ sent: number; retried: number; failed: number }> {
  const now = deps.clock.now();
  const rows = await store.claimOutbox(deps.db, now, new Date(now.getTime() + LEASE_MS), limit);
  const tally = { sent: 0, retried: 0, failed: 0 };
  // At most one row per recipient is claimed, so these may go out side by side.
  await Promise.all(
    rows.map(async (row) => {
      try {
        tally[await sendOne(deps, row)]++;
      } catch (err) {
        deps.logger?.error({ err, outboxId: row.id }, 'whatsapp send failed unexpectedly');
        await store.markRetry(deps.db, row.id, new Date(deps.clock.now().getTime() + backoffMs(row.attempts)), 'internal');
        tally.retried++;
      }
    }),
  );
  return tally;
}

type Planned = { body: Record<string, unknown>; template: boolean } | { refuse: 'no_whatsapp_number' | 'unknown_kind' | 'no_template' | 'outside_window' };

async function sendOne(deps: SenderDeps, row: store.OutboxRow): Promise<'sent' | 'retried' | 'failed'> {
  const now = deps.clock.now();
  const plan = await planMessage(deps.db, row, now);
  if ('refuse' in plan) {
    await failAndAlert(deps, row, plan.refuse);
    return 'failed';
  }
  const number = (await store.numberOfOffice(deps.db, row.officeCode))!;
  const outcome: SendOutcome = await sendCloudMessage(deps.graph(), number.phoneNumberId, plan.body);
  if (outcome.ok) {
    // Meta has it now: a PIN or code it carried need not be kept any longer.
    const secrets = secretsOf(row.payload);
    await store.markSent(deps.db, row.id, {
      providerMessageId: outcome.messageId,
      sentBody: masked(plan.body, secrets),
      sentAt: deps.clock.now(),
      ...(secrets.length ? { payload: settledPayload(row.payload) } : {}),
    });
    return 'sent';
  }
  const error = `${outcome.status}${outcome.code ? `/${outcome.code}` : ''}${outcome.title ? ` ${outcome.title}` : ''}`.slice(0, 300);
  if (outcome.kind === 'reengagement' && !plan.template && isNotification(row.kind)) {
    // Meta says the window is closed after all: the same news again, as the approved template.
    await store.markRetry(deps.db, row.id, deps.clock.now(), error, { ...row.payload, forceTemplate: true });
    return 'retried';
  }
  if (outcome.kind === 'retry' && now.getTime() - row.createdAt.getTime() < GIVE_UP_MS) {
    await store.markRetry(deps.db, row.id, new Date(now.getTime() + backoffMs(row.attempts)), error);
    return 'retried';
  }
  await failAndAlert(deps, row, error, plan.body);
  return 'failed';
}

async function planMessage(db: Db, row: store.OutboxRow, now: Date): Promise<Planned> {
  const number = await store.numberOfOffice(db, row.officeCode);
  if (!number) return { refuse: 'no_whatsapp_number' };
  const conversation = await store.conversationOf(db, row.officeCode, row.recipient);
  const open = withinWindow(conversation?.lastInboundAt, now);
  if (row.kind === 'bot.reply' || row.kind === 'staff.reply') {
    // A person's words cannot be turned into a template; staff see the refusal in the inbox.
    if (!open && row.kind === 'staff.reply') return { refuse: 'outside_window' };
    return { body: cloudMessage(row.recipient, row.payload.message as OutboundMessage), template: false };
  }
  const office = await findOffice(db, row.officeCode);
  const locale: Locale = conversation && isLocale(conversation.locale) ? conversation.locale : 'id';
  const content = notificationContent(row.kind, row.payload, { locale, officeName: office?.name ?? '' });
  if (!content) return { refuse: 'unknown_kind' };
  if (open && !row.payload.forceTemplate) return { body: cloudMessage(row.recipient, { type: 'text', text: content.text }), template: false };
  const template = templateFor(number.templates, row.kind);
  if (!template) return { refuse: 'no_template' };
  return { body: templateMessage(row.recipient, template, content.templateParams, content.codeButton), template: true };
}

function isNotification(kind: string): boolean {
  return kind.startsWith('request.') || kind === 'verification.code' || kind === 'survey.invite' || kind === 'complaint.answered' || kind.startsWith('reading_corner.') || kind.startsWith('jemput_bola.');
}

/** The message is given up on; its conversation is flagged so an officer sees it and can call. */
async function failAndAlert(deps: SenderDeps, row: store.OutboxRow, error: string, body?: Record<string, unknown>) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const secrets = secretsOf(row.payload);
    await store.markFailed(tx, row.id, error, body && masked(body, secrets), secrets.length ? settledPayload(row.payload) : undefined);
    const conversation = await store.lockConversation(tx, row.officeCode, row.recipient, now);
    await store.updateConversation(tx, conversation.id, { waitingForStaff: true, lastMessageAt: now, ...(row.requestId ? { requestId: row.requestId } : {}) });
  });
  deps.logger?.warn({ outboxId: row.id, kind: row.kind, error }, 'whatsapp message not delivered; staff alerted');
}
