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

/**
 * A string PostgreSQL can take as a bound parameter: text columns refuse U+0000, so a field that
 * carries one (an id, a sender) makes its element malformed rather than failing the delivery.
 */
const Text = (max = 10_000) => z.string().max(max).refine((s) => !s.includes('\u0000'), { message: 'NUL character' });
const Envelope = z.object({ object: z.string() }).loose();
const Entry = z.object({ id: z.unknown().optional(), changes: z.array(z.unknown()).default([]) }).loose();
const Change = z.object({ field: z.string(), value: z.unknown() }).loose();
const Contact = z.object({ wa_id: z.string(), profile: z.object({ name: z.string().optional() }).loose().optional().catch(undefined) }).loose();
// Only what identifies a message must be right; a stray timestamp or type does not cost the message.
const Message = z
  .object({ id: Text(256).min(1), from: Text(32).min(1), timestamp: z.string().optional().catch(undefined), type: Text(40).default('unknown').catch('unknown') })
  .loose();
const Status = z
  .object({
    id: Text(256).min(1),
    status: z.string(),
    timestamp: z.string().optional().catch(undefined),
    errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional() }).loose()).optional().catch(undefined),
  })
  .loose();
// Without the business number a change's messages have no office; everything else in it is read per list.
const ChangeValue = z.object({ metadata: z.object({ phone_number_id: Text(64).min(1) }).loose() }).loose();

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

/**
 * An element of the delivery that was skipped because it does not have Meta's shape: where it was
 * (`entry[0].changes[1].value.messages[3]`) and what was wrong (`from: invalid_type`). Never its
 * contents — they may hold a citizen's number, name or words.
 */
export type Malformed = { path: string; problem: string };

export type ParsedWebhook =
  | {
      ok: true;
      messages: InboundMessage[];
      statuses: StatusUpdate[];
      /** Well-formed elements we do not handle: other objects and fields, unknown status values. */
      ignored: number;
      malformed: Malformed[];
    }
  | { ok: false };

/** Each status may only move forward; `failed` is final whatever arrives after it. */
export function statusRank(status: string | null | undefined): number {
  return status === 'failed' ? 99 : status ? DELIVERY_STATUSES.indexOf(status as DeliveryStatus) + 1 : 0;
}

/**
 * Reads one delivery element by element: a malformed entry, change, contact, message or status is
 * skipped and reported, the rest go on. Meta retries a refused delivery and then drops it, so
 * refusing the whole body for one bad element would lose every good message beside it. Only a body
 * without the envelope (`object`) is refused: Meta never sends one.
 */
export function parseWebhook(body: unknown, receivedAt: Date): ParsedWebhook {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) return { ok: false };
  const out = { ok: true as const, messages: [] as InboundMessage[], statuses: [] as StatusUpdate[], ignored: 0, malformed: [] as Malformed[] };
  if (envelope.data.object !== 'whatsapp_business_account') return { ...out, ignored: 1 };
  const entries = envelope.data.entry;
  if (!Array.isArray(entries)) {
    out.malformed.push({ path: 'entry', problem: entries === undefined ? 'missing' : 'not an array' });
    return out;
  }
  const skip = (path: string, error: z.ZodError) => out.malformed.push({ path, problem: problemOf(error) });
  entries.forEach((rawEntry, e) => {
    const entry = Entry.safeParse(rawEntry);
    if (!entry.success) return skip(`entry[${e}]`, entry.error);
    entry.data.changes.forEach((rawChange, c) => {
      const at = `entry[${e}].changes[${c}]`;
      const change = Change.safeParse(rawChange);
      if (!change.success) return skip(at, change.error);
      if (change.data.field !== 'messages') {
        out.ignored++;
        return;
      }
      const value = ChangeValue.safeParse(change.data.value);
      if (!value.success) return skip(`${at}.value`, value.error);
      readChange(value.data, at, out, skip, receivedAt);
    });
  });
  return out;
}

function readChange(
  value: z.infer<typeof ChangeValue>,
  at: string,
  out: Extract<ParsedWebhook, { ok: true }>,
  skip: (path: string, error: z.ZodError) => void,
  receivedAt: Date,
) {
  const phoneNumberId = value.metadata.phone_number_id;
  const list = (key: 'contacts' | 'messages' | 'statuses'): unknown[] => {
    const items = value[key];
    if (items === undefined || Array.isArray(items)) return items ?? [];
    out.malformed.push({ path: `${at}.value.${key}`, problem: 'not an array' });
    return [];
  };
  const names = new Map<string, string | undefined>();
  list('contacts').forEach((raw, i) => {
    const contact = Contact.safeParse(raw);
    if (!contact.success) return skip(`${at}.value.contacts[${i}]`, contact.error);
    names.set(contact.data.wa_id, capText(contact.data.profile?.name, 100));
  });
  list('messages').forEach((raw, i) => {
    const message = Message.safeParse(raw);
    if (!message.success) return skip(`${at}.value.messages[${i}]`, message.error);
    out.messages.push({
      waMessageId: message.data.id,
      phoneNumberId,
      waId: message.data.from,
      contactName: names.get(message.data.from),
      type: message.data.type,
      message: capStrings(message.data) as Record<string, unknown>,
      sentAt: timestampOf(message.data.timestamp, receivedAt),
    });
  });
  list('statuses').forEach((raw, i) => {
    const status = Status.safeParse(raw);
    if (!status.success) return skip(`${at}.value.statuses[${i}]`, status.error);
    // Meta adds status values now and then ('deleted', 'warning'): well-formed, just not ours.
    if (!(DELIVERY_STATUSES as readonly string[]).includes(status.data.status)) {
      out.ignored++;
      return;
    }
    const error = status.data.errors?.[0];
    out.statuses.push({
      providerMessageId: status.data.id,
      phoneNumberId,
      status: status.data.status as DeliveryStatus,
      at: timestampOf(status.data.timestamp, receivedAt),
      errorCode: error?.code !== undefined && Number.isSafeInteger(error.code) ? error.code : undefined,
      errorTitle: capText(error?.title, 200),
    });
  });
}

/** Field names and zod's issue codes only: zod's messages can quote the value that was sent. */
function problemOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p).slice(0, 40))).join('.') || '(root)'}: ${issue.code}`)
    .join(', ');
}

function timestampOf(seconds: string | undefined, fallback: Date): Date {
  const n = Number(seconds);
  const at = new Date(n * 1000);
  // An absurd timestamp would be an Invalid Date, which the database refuses for the whole INSERT.
  return Number.isFinite(n) && n > 0 && Number.isFinite(at.getTime()) ? at : fallback;
}

function capText(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : storable(text, max);
}

/**
 * Postgres refuses \u0000 in text and jsonb, and a lone UTF-16 surrogate in jsonb; cutting a string
 * at `max` can split an emoji's surrogate pair into one. Nothing a person typed needs either.
 */
function storable(text: string, max: number): string {
  return text
    .replaceAll('\u0000', '')
    .slice(0, max)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function capStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return storable(value, MAX_TEXT);
  if (depth > 6) return null;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => capStrings(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).slice(0, 50).map(([k, v]) => [storable(k, 100), capStrings(v, depth + 1)]));
  }
  // Numbers, booleans and null as they came; anything else (undefined) is not JSON.
  return typeof value === 'number' || typeof value === 'boolean' || value === null ? value : null;
}
