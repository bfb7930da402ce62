/**
 * Webhook bodies in the shapes Meta documents for the Cloud API, signed as Meta signs them, and a
 * helper that posts them to a test server the way Meta would.
 */
import crypto from 'node:crypto';
import { signBody } from '../whatsapp/webhook.js';
import { TEST_WHATSAPP_ENV, type TestApp } from './app.js';

export const PHONE_NUMBER_ID = TEST_WHATSAPP_ENV.WHATSAPP_PHONE_NUMBER_ID;
export const APP_SECRET = TEST_WHATSAPP_ENV.WHATSAPP_APP_SECRET;

type Message = Record<string, unknown> & { from: string; id: string };

export const wamid = () => `wamid.HBgM${crypto.randomBytes(12).toString('hex').toUpperCase()}`;
const ts = (at: Date) => String(Math.floor(at.getTime() / 1000));

export const msg = {
  text: (from: string, body: string, at = new Date('2026-11-23T02:00:00Z'), id = wamid()): Message => ({ from, id, timestamp: ts(at), type: 'text', text: { body } }),
  button: (from: string, replyId: string, title: string, at = new Date('2026-11-23T02:00:00Z')): Message => ({
    from, id: wamid(), timestamp: ts(at), type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: replyId, title } },
  }),
  list: (from: string, replyId: string, title: string, at = new Date('2026-11-23T02:00:00Z')): Message => ({
    from, id: wamid(), timestamp: ts(at), type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: replyId, title, description: '' } },
  }),
  image: (from: string, mediaId: string, at = new Date('2026-11-23T02:00:00Z')): Message => ({
    from, id: wamid(), timestamp: ts(at), type: 'image', image: { id: mediaId, mime_type: 'image/jpeg', sha256: 'x', caption: 'akta anak saya' },
  }),
  document: (from: string, mediaId: string, filename = 'kk.pdf', at = new Date('2026-11-23T02:00:00Z')): Message => ({
    from, id: wamid(), timestamp: ts(at), type: 'document', document: { id: mediaId, mime_type: 'application/pdf', sha256: 'x', filename },
  }),
  voice: (from: string, at = new Date('2026-11-23T02:00:00Z')): Message => ({
    from, id: wamid(), timestamp: ts(at), type: 'audio', audio: { id: '998877', mime_type: 'audio/ogg; codecs=opus', voice: true },
  }),
  location: (from: string, at = new Date('2026-11-23T02:00:00Z')): Message => ({
    from, id: wamid(), timestamp: ts(at), type: 'location', location: { latitude: -7.4245, longitude: 109.2734, name: 'Rumah', address: 'Desa Ledug' },
  }),
  reaction: (from: string, to: string, at = new Date('2026-11-23T02:00:00Z')): Message => ({
    from, id: wamid(), timestamp: ts(at), type: 'reaction', reaction: { message_id: to, emoji: '👍' },
  }),
  unsupported: (from: string, at = new Date('2026-11-23T02:00:00Z')): Message => ({
    from, id: wamid(), timestamp: ts(at), type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown' }],
  }),
};

export function status(id: string, value: 'sent' | 'delivered' | 'read' | 'failed', recipient: string, at = new Date('2026-11-23T02:00:05Z'), errorCode?: number) {
  return {
    id,
    status: value,
    timestamp: ts(at),
    recipient_id: recipient,
    ...(value === 'sent' ? { conversation: { id: 'CONVERSATION_ID', origin: { type: 'service' } }, pricing: { billable: false, pricing_model: 'PMP', category: 'service' } } : {}),
    ...(errorCode ? { errors: [{ code: errorCode, title: errorCode === 131047 ? 'Re-engagement message' : 'Failure', error_data: { details: '' } }] } : {}),
  };
}

/** One webhook body: several changes may be given, each for a phone number id. */
export function payload(...changes: { phoneNumberId?: string; contacts?: { waId: string; name: string }[]; messages?: Message[]; statuses?: unknown[]; field?: string }[]) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: changes.map((c) => ({
          field: c.field ?? 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '6285161725300', phone_number_id: c.phoneNumberId ?? PHONE_NUMBER_ID },
            ...(c.contacts ? { contacts: c.contacts.map((k) => ({ profile: { name: k.name }, wa_id: k.waId })) } : {}),
            ...(c.messages ? { messages: c.messages } : {}),
            ...(c.statuses ? { statuses: c.statuses } : {}),
          },
        })),
      },
    ],
  };
}

/** Posts like Meta: the raw bytes, signed; `raw` lets a test send exactly what it wants. */
export function postWebhook(t: TestApp, body: unknown, opts: { signature?: string | null; raw?: string } = {}) {
  const raw = opts.raw ?? JSON.stringify(body);
  const signature = opts.signature === undefined ? signBody(raw, APP_SECRET) : opts.signature;
  return t.app.inject({
    method: 'POST',
    url: '/webhooks/whatsapp',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
    payload: raw,
  });
}
