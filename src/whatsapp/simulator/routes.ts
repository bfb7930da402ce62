/**
 * The WhatsApp simulator, served only when turned on (`SIMULATOR`, see config.ts): a phone-like chat
 * page (web/src/pages/simulator) whose messages become properly signed Cloud API webhook payloads
 * posted to the real webhook route, and whose bot replies are whatever the product sent to the
 * local Graph API stand-in. The product's code path is the one it takes with Meta. A browser sees
 * and speaks only for the numbers its own simulator session took (sessions.ts).
 */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listOffices } from '../../offices/storage.js';
import { AppError } from '../../platform/errors.js';
import type { App, AppDeps } from '../../platform/http.js';
import { readUploadedFile } from '../../files/routes.js';
import { simulatorNumberId } from '../runtime.js';
import { signBody } from '../webhook.js';
import { registerGraphStandIn } from './graph-standin.js';
import { newSimulatorSessionId, simulatorSessions } from './sessions.js';

export const SIMULATOR_COOKIE = 'kencot_sim';
import { safeLines, safeText } from '../../platform/safe-text.js';

type SimulatedInbound = { id: string; phoneNumberId: string; waId: string; at: Date; message: Record<string, unknown> };

const WaId = z.string().regex(/^62\d{8,13}$/);
const Base = z.object({ phoneNumberId: z.string().regex(/^\d{1,20}$/), waId: WaId, name: safeText().trim().max(60).default('Warga') });
const SimulatedMessage = z.discriminatedUnion('type', [
  Base.extend({ type: z.literal('text'), text: safeLines().min(1).max(4096) }),
  Base.extend({ type: z.literal('button_reply'), id: safeText().min(1).max(256), title: safeText().max(24) }),
  Base.extend({ type: z.literal('list_reply'), id: safeText().min(1).max(256), title: safeText().max(24) }),
  Base.extend({ type: z.literal('voice') }),
  Base.extend({ type: z.literal('location'), latitude: z.number(), longitude: z.number(), name: safeText().max(100).optional() }),
  Base.extend({ type: z.literal('sticker') }),
]);

export function registerSimulator(app: App, deps: AppDeps) {
  const runtime = deps.whatsapp;
  const inbound: SimulatedInbound[] = [];
  const postToWebhook = (rawBody: string, signature: string) =>
    app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, payload: rawBody });
  const standIn = registerGraphStandIn(app, '/simulator/graph', {
    accessToken: runtime.graph().accessToken,
    enforceWindow: true,
    now: () => deps.clock.now(),
    statusWebhook: { appSecret: runtime.appSecret, post: postToWebhook },
  });
  runtime.standIn = standIn;
  const sessions = simulatorSessions();
  const cookiePath = '/api/v1/simulator';

  /** This browser's simulator session; a new one (and its cookie) when it has none and `create` is set. */
  function sessionOf(req: FastifyRequest, reply: FastifyReply, create: boolean): string | undefined {
    const raw = req.cookies[SIMULATOR_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : undefined;
    if (unsigned?.valid && unsigned.value) return unsigned.value;
    if (!create) return undefined;
    const id = newSimulatorSessionId();
    reply.setCookie(SIMULATOR_COOKIE, id, { path: cookiePath, httpOnly: true, sameSite: 'strict', signed: true, secure: deps.config.cookieSecure });
    return id;
  }
  /** Speaking as a number takes it for this browser, unless it is someone else's. */
  async function speakAs(req: FastifyRequest, reply: FastifyReply, waId: string) {
    const session = sessionOf(req, reply, true) as string;
    await sessions.takeNumber(deps.database.db, session, waId);
  }

  /** Wraps one message as Meta does and posts it, signed, to the product's own webhook. */
  async function deliver(phoneNumberId: string, waId: string, name: string, message: Record<string, unknown>) {
    const now = deps.clock.now();
    const id = `wamid.SIM${crypto.randomBytes(12).toString('hex')}`;
    const full = { from: waId, id, timestamp: String(Math.floor(now.getTime() / 1000)), ...message };
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'SIMULATOR', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: 'SIMULATOR', phone_number_id: phoneNumberId }, contacts: [{ profile: { name }, wa_id: waId }], messages: [full] } }] }],
    });
    const res = await postToWebhook(body, signBody(body, runtime.appSecret));
    if (res.statusCode !== 200) throw new AppError('simulator_rejected', 502, 'errors.internal');
    standIn.noteInbound(waId, now);
    inbound.push({ id, phoneNumberId, waId, at: now, message: full });
    return { id };
  }

  app.get('/api/v1/simulator/offices', { config: { access: 'public' }, schema: { tags: ['simulator'] } }, async () => ({
    offices: (await listOffices(deps.database.db)).map((o) => ({ code: o.code, name: o.name, phoneNumberId: simulatorNumberId(o.code) })),
  }));

  // Public: the simulator is served at all only where its owner turned it on, and then each browser has its own numbers.
  app.get('/api/v1/simulator/session', { config: { access: 'public' }, schema: { tags: ['simulator'] } }, async (req, reply) => {
    const session = sessionOf(req, reply, true) as string;
    // Taken at once, so the page's number is this browser's before anything is sent to it (a portal code, say).
    if (sessions.numbersOf(session).length === 0) await sessions.takeFreshNumber(deps.database.db, session);
    const numbers = sessions.numbersOf(session);
    return { numbers, current: numbers.at(-1) as string };
  });

  app.post('/api/v1/simulator/messages', { config: { access: 'public' }, schema: { tags: ['simulator'], body: SimulatedMessage } }, async (req, reply) => {
    const m = req.body;
    await speakAs(req, reply, m.waId);
    const message: Record<string, unknown> =
      m.type === 'text'
        ? { type: 'text', text: { body: m.text } }
        : m.type === 'button_reply'
          ? { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: m.id, title: m.title } } }
          : m.type === 'list_reply'
            ? { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: m.id, title: m.title } } }
            : m.type === 'voice'
              ? { type: 'audio', audio: { id: standIn.putMedia(Buffer.from('OggS'), 'audio/ogg; codecs=opus'), mime_type: 'audio/ogg; codecs=opus', voice: true } }
              : m.type === 'location'
                ? { type: 'location', location: { latitude: m.latitude, longitude: m.longitude, ...(m.name ? { name: m.name } : {}) } }
                : { type: 'sticker', sticker: { id: standIn.putMedia(Buffer.from('RIFF'), 'image/webp'), mime_type: 'image/webp', animated: false } };
    return deliver(m.phoneNumberId, m.waId, m.name ?? 'Warga', message);
  });

  // A photo or PDF from the phone: kept by the stand-in like Meta keeps media, announced by id.
  app.post('/api/v1/simulator/media', { config: { access: 'public' }, schema: { tags: ['simulator'] } }, async (req, reply) => {
    const { bytes, fields } = await readUploadedFile(req, 50 * 1024 * 1024);
    const parsed = Base.safeParse(fields);
    if (!parsed.success) throw new AppError('validation', 422, 'errors.validation');
    await speakAs(req, reply, parsed.data.waId);
    const declared = String(fields.mime ?? 'application/octet-stream').slice(0, 100);
    const mediaId = standIn.putMedia(bytes, declared);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('base64');
    const message = declared.startsWith('image/')
      ? { type: 'image', image: { id: mediaId, mime_type: declared, sha256 } }
      : { type: 'document', document: { id: mediaId, mime_type: declared, sha256, filename: String(fields.filename ?? 'dokumen').slice(0, 120) } };
    return deliver(parsed.data.phoneNumberId, parsed.data.waId, parsed.data.name, message);
  });

  app.get('/api/v1/simulator/messages', { config: { access: 'public' }, schema: { tags: ['simulator'], querystring: z.object({ waId: WaId }) } }, async (req, reply) => {
    const waId = req.query.waId;
    // Codes and PINs are in here: only the browser that took the number reads its chat.
    const session = sessionOf(req, reply, false);
    if (!session || !sessions.owns(session, waId)) throw new AppError('simulator_number_taken', 403);
    const mine = inbound.filter((m) => m.waId === waId).map((m) => ({ direction: 'in' as const, id: m.id, at: m.at.toISOString(), message: m.message }));
    const theirs = standIn.sentTo(waId).map((m) => ({ direction: 'out' as const, id: m.id, at: m.at.toISOString(), message: m.body }));
    return { messages: [...mine, ...theirs].sort((a, b) => a.at.localeCompare(b.at)) };
  });
}
