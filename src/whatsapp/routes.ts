/** The Cloud API webhook and the staff inbox. */
import { z } from 'zod';
import { findUserById } from '../auth/storage.js';
import { AppError } from '../platform/errors.js';
import { originOf, requireStaff, sendProblem, type App, type AppDeps } from '../platform/http.js';
import * as whatsapp from './service.js';
import { inboundBatcher } from './intake-batch.js';
import { findNumber } from './storage.js';
import { signatureIsValid } from './webhook.js';
import { safeLines } from '../platform/safe-text.js';

/** Meta's payloads are a few KB; a megabyte more than covers a batch, anything bigger is not Meta. */
const WEBHOOK_BODY_LIMIT = 2 * 1024 * 1024;
/** How many skipped elements one log line names; the count is always complete. */
const MALFORMED_LOGGED = 20;

export function registerWhatsAppRoutes(app: App, deps: AppDeps) {
  const runtime = deps.whatsapp;
  const wdeps = { db: deps.database.db, clock: deps.clock };
  // Which office a business number serves changes rarely; the webhook asks on every delivery.
  const numbers = new Map<string, { officeCode: string | undefined; until: number }>();
  const batcher = inboundBatcher(wdeps.db);
  const officeOfNumber = async (db: typeof wdeps.db, phoneNumberId: string) => {
    const cached = numbers.get(phoneNumberId);
    if (cached && cached.until > Date.now()) return cached.officeCode;
    const officeCode = (await findNumber(db, phoneNumberId))?.officeCode;
    if (numbers.size > 1000) numbers.clear();
    numbers.set(phoneNumberId, { officeCode, until: Date.now() + 60_000 });
    return officeCode;
  };

  app.get(
    '/webhooks/whatsapp',
    {
      schema: {
        tags: ['whatsapp'],
        summary: "Meta's verification request: echoes hub.challenge when the verify token matches",
        querystring: z.object({ 'hub.mode': z.string().optional(), 'hub.verify_token': z.string().optional(), 'hub.challenge': z.string().max(200).optional() }).loose(),
      },
    },
    async (req, reply) => {
      const q = req.query;
      if (q['hub.mode'] === 'subscribe' && q['hub.verify_token'] === runtime.verifyToken && q['hub.challenge'] !== undefined) {
        return reply.type('text/plain; charset=utf-8').send(q['hub.challenge']);
      }
      return reply.status(403).type('text/plain; charset=utf-8').send('Forbidden');
    },
  );

  // The signature covers the exact bytes Meta sent, so this route keeps them instead of parsing JSON.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.post('/webhooks/whatsapp', { schema: { tags: ['whatsapp'], summary: 'Messages and statuses from the Cloud API, signed with X-Hub-Signature-256' } }, async (req, reply) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const header = req.headers['x-hub-signature-256'];
      if (typeof header !== 'string' || header.length === 0) return sendProblem(req, reply, new AppError('whatsapp_unsigned', 401, 'whatsapp.errors.bad_signature'));
      if (!signatureIsValid(raw, header, runtime.appSecret)) return sendProblem(req, reply, new AppError('whatsapp_bad_signature', 403, 'whatsapp.errors.bad_signature'));
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendProblem(req, reply, new AppError('whatsapp_not_json', 400, 'whatsapp.errors.not_json'));
      }
      const result = await whatsapp.receiveWebhook(wdeps, body, officeOfNumber, batcher);
      if (!result.ok) return sendProblem(req, reply, new AppError('whatsapp_not_json', 400, 'whatsapp.errors.not_json'));
      // Refusing would make Meta retry the whole delivery and then drop it, good messages included:
      // what was readable is stored, what was not is logged by place and kind, never by content.
      if (result.malformed.length > 0) {
        req.log.warn({ malformed: result.malformed.length, elements: result.malformed.slice(0, MALFORMED_LOGGED) }, 'webhook: malformed elements skipped');
      }
      if (result.stored > 0 || result.statuses > 0) runtime.kick();
      return reply.status(200).send({ received: true });
    });
  });

  const presentNumber = (n: Awaited<ReturnType<typeof whatsapp.registerNumber>>) => ({ phoneNumberId: n.phoneNumberId, officeCode: n.officeCode, displayPhone: n.displayPhone, templates: n.templates });
  app.get('/api/v1/offices/:officeCode/whatsapp/numbers', { config: { access: 'office.read' }, schema: { tags: ['whatsapp'], summary: "The office's business numbers and their templates", params: z.object({ officeCode: z.string() }) } }, async (req) => ({
    numbers: (await whatsapp.numbersOfOffice(wdeps, requireStaff(req), req.params.officeCode)).map(presentNumber),
  }));
  app.put(
    '/api/v1/offices/:officeCode/whatsapp/numbers/:phoneNumberId',
    { config: { access: 'office.settings.update' }, schema: { tags: ['whatsapp'], summary: 'Point a Cloud API phone_number_id at this office (admin)', params: z.object({ officeCode: z.string(), phoneNumberId: z.string().regex(/^\d{1,30}$/) }), body: whatsapp.NumberInput } },
    async (req) => ({ number: presentNumber(await whatsapp.registerNumber(wdeps, requireStaff(req), req.params.officeCode, req.params.phoneNumberId, req.body, originOf(req))) }),
  );

  app.get(
    '/api/v1/offices/:officeCode/whatsapp/conversations',
    { config: { access: 'whatsapp.inbox' }, schema: { tags: ['whatsapp'], summary: 'The office inbox: waiting for staff first, then unread, then recent', params: z.object({ officeCode: z.string() }) } },
    async (req) => ({ conversations: await whatsapp.listInbox(wdeps, requireStaff(req), req.params.officeCode) }),
  );

  const ConversationParams = z.object({ id: z.uuid() });
  app.get('/api/v1/whatsapp/conversations/:id', { config: { access: 'whatsapp.inbox' }, schema: { tags: ['whatsapp'], summary: 'A thread and the request it concerns (marks it read)', params: ConversationParams } }, async (req) =>
    whatsapp.openConversation(wdeps, requireStaff(req), req.params.id, originOf(req)),
  );

  app.post(
    '/api/v1/whatsapp/conversations/:id/messages',
    { config: { access: 'whatsapp.inbox' }, schema: { tags: ['whatsapp'], summary: 'Reply as staff (through the outbox)', params: ConversationParams, body: z.object({ text: safeLines().trim().min(1).max(4096) }) } },
    async (req, reply) => {
      await whatsapp.replyAsStaff(wdeps, requireStaff(req), req.params.id, req.body.text, originOf(req));
      runtime.kick();
      return reply.status(202).send({ queued: true });
    },
  );

  app.post('/api/v1/whatsapp/conversations/:id/take-over', { config: { access: 'whatsapp.inbox' }, schema: { tags: ['whatsapp'], params: ConversationParams } }, async (req) => {
    const actor = requireStaff(req);
    const name = (await findUserById(wdeps.db, actor.userId))?.name;
    await whatsapp.takeOver(wdeps, { ...actor, ...(name ? { name } : {}) }, req.params.id, originOf(req));
    runtime.kick();
    return { mode: 'staff' };
  });

  app.post('/api/v1/whatsapp/conversations/:id/hand-back', { config: { access: 'whatsapp.inbox' }, schema: { tags: ['whatsapp'], params: ConversationParams } }, async (req) => {
    await whatsapp.handBack(wdeps, requireStaff(req), req.params.id, originOf(req));
    runtime.kick();
    return { mode: 'bot' };
  });
}
