/**
 * Meta's webhook payloads, read tolerantly: every entry, change, message and status; contacts
 * matched by wa_id, never by position; unknown fields and types kept, not refused; texts capped.
 * Pure: the route stores what this returns.
 */
import crypto from 'node:crypto';
import { z } from 'zod';

/** Longest text we keep from a user; WhatsApp's own limit is 4096, anything longer is not a person typing. */
export const MAX_TEXT = 4096;

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`, compared in constant time. */
export function signatureIsValid(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = crypto.createHmac('sha256', appSecret).update(rawBody).digest();
  // timingSafeEqual throws on different lengths, and a hex string of the wrong length is simply wrong.
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${crypto.createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

const loose = z.record(z.string(), z.unknown());
const Contact = z.object({ wa_id: z.string(), profile: z.object({ name: z.string().optional() }).loose().optional() }).loose();
const Message = z.object({ id: z.string().min(1).max(256), from: z.string().min(1).max(32), timestamp: z.string().optional(), type: z.string().max(40).default('unknown') }).loose();
const Status = z
  .object({
    id: z.string().min(1).max(256),
    status: z.string(),
    timestamp: z.string().optional(),
    recipient_id: z.string().optional(),
    errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional() }).loose()).optional(),
  })
  .loose();
const ChangeValue = z
  .object({
    messaging_product: z.string().optional(),
    metadata: z.object({ phone_number_id: z.string(), display_phone_number: z.string().optional() }).loose().optional(),
    contacts: z.array(z.unknown()).optional(),
    messages: z.array(z.unknown()).optional(),
    statuses: z.array(z.unknown()).optional(),
  })
  .loose();
const Payload = z.object({
  object: z.string(),
  entry: z.array(z.object({ id: z.string().optional(), changes: z.array(z.object({ field: z.string(), value: z.unknown() }).loose()).default([]) }).loose()),
});

export type InboundMessage = {
  waMessageId: string;
  phoneNumberId: string;
  waId: string;
  contactName: string | undefined;
  type: string;
  /** The message object as sent, with every string capped. */
  message: Record<string, unknown>;
  sentAt: Date;
};

export const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type StatusUpdate = {
  providerMessageId: string;
  phoneNumberId: string;
  status: DeliveryStatus;
  at: Date;
  errorCode: number | undefined;
  errorTitle: string | undefined;
};

export type ParsedWebhook = { ok: true; messages: InboundMessage[]; statuses: StatusUpdate[]; ignored: number } | { ok: false };

/** Each status may only move forward; `failed` is final whatever arrives after it. */
export function statusRank(status: string | null | undefined): number {
  return status === 'failed' ? 99 : status ? DELIVERY_STATUSES.indexOf(status as DeliveryStatus) + 1 : 0;
}

export function parseWebhook(body: unknown, receivedAt: Date): ParsedWebhook {
  const payload = Payload.safeParse(body);
  if (!payload.success) return { ok: false };
  const out = { ok: true as const, messages: [] as InboundMessage[], statuses: [] as StatusUpdate[], ignored: 0 };
  if (payload.data.object !== 'whatsapp_business_account') return { ...out, ignored: 1 };
  for (const entry of payload.data.entry) {
    for (const change of entry.changes) {
      const value = ChangeValue.safeParse(change.value);
      if (change.field !== 'messages' || !value.success || !value.data.metadata) {
        out.ignored++;
        continue;
      }
      const phoneNumberId = value.data.metadata.phone_number_id;
      const names = new Map<string, string | undefined>();
      for (const raw of value.data.contacts ?? []) {
        const contact = Contact.safeParse(raw);
        if (contact.success) names.set(contact.data.wa_id, capText(contact.data.profile?.name, 100));
      }
      for (const raw of value.data.messages ?? []) {
        const message = Message.safeParse(raw);
        if (!message.success) {
          out.ignored++;
          continue;
        }
        out.messages.push({
          waMessageId: message.data.id,
          phoneNumberId,
          waId: message.data.from,
          contactName: names.get(message.data.from),
          type: message.data.type,
          message: capStrings(message.data) as Record<string, unknown>,
          sentAt: timestampOf(message.data.timestamp, receivedAt),
        });
      }
      for (const raw of value.data.statuses ?? []) {
        const status = Status.safeParse(raw);
        if (!status.success || !(DELIVERY_STATUSES as readonly string[]).includes(status.data.status)) {
          out.ignored++;
          continue;
        }
        const error = status.data.errors?.[0];
        out.statuses.push({
          providerMessageId: status.data.id,
          phoneNumberId,
          status: status.data.status as DeliveryStatus,
          at: timestampOf(status.data.timestamp, receivedAt),
          errorCode: error?.code,
          errorTitle: capText(error?.title, 200),
        });
      }
    }
  }
  return out;
}

function timestampOf(seconds: string | undefined, fallback: Date): Date {
  const n = Number(seconds);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : fallback;
}

function capText(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : storable(text.slice(0, max));
}

/**
 * PostgreSQL refuses a NUL in text and in jsonb, and a lone surrogate's escape in jsonb, failing
 * the whole delivery (and the batch it is committed with); nothing a person typed needs either.
 * Applied after capping, since a cap can cut an emoji's surrogate pair in two.
 */
function storable(text: string): string {
  return text.replaceAll('\u0000', '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function capStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return storable(value.slice(0, MAX_TEXT));
  if (depth > 6) return null;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => capStrings(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(loose.parse(value)).slice(0, 50).map(([k, v]) => [k.slice(0, 100), capStrings(v, depth + 1)]));
  }
  return value;
}
