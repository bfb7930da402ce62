/**
 * A local stand-in for Meta's Graph API, speaking the Cloud API's shapes: `POST /{version}/{phone-
 * number-id}/messages`, `GET /{version}/{media-id}` and the media download. The simulator runs
 * the product against it when no Meta credentials are configured, and tests use it to see what was
 * sent and to make Meta misbehave (500s, rate limits, a closed 24-hour window).
 */
import crypto from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { MESSAGE_LIMITS as LIMITS } from '../message-limits.js';
import { signBody } from '../webhook.js';

export type SentMessage = { id: string; phoneNumberId: string; to: string; body: Record<string, unknown>; at: Date };
type Fault = { status: number; code?: number; title?: string };

export type GraphStandIn = {
  readonly sent: SentMessage[];
  /** The next `times` sends answer with this error instead. */
  failNext(fault: Fault, times?: number): void;
  clearFaults(): void;
  /** While held, media lookups get no answer at all (a request hanging in mid-air). */
  holdMedia(on: boolean): void;
  /** Keeps a user's upload as Meta would, returning its media id. */
  putMedia(bytes: Buffer, mime: string): string;
  /** What the user last sent and when: free-form messages after 24 hours fail with 131047. */
  noteInbound(waId: string, at: Date): void;
  sentTo(waId: string): SentMessage[];
};

export type StandInOptions = {
  accessToken: string;
  /** Enforce the 24-hour window for free-form messages (users the stand-in has heard from only). */
  enforceWindow?: boolean;
  now?: () => Date;
  /** Posts delivery statuses back to the webhook, signed like Meta does (the simulator shows the ticks). */
  statusWebhook?: { appSecret: string; post(rawBody: string, signature: string): Promise<unknown> } | undefined;
};

// any: the stand-in mounts on any Fastify instance, whatever its type provider and logger.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFastify = FastifyInstance<any, any, any, any, any>;

export function registerGraphStandIn(app: AnyFastify, prefix: string, opts: StandInOptions): GraphStandIn {
  const sent: SentMessage[] = [];
  const media = new Map<string, { bytes: Buffer; mime: string }>();
  const faults: Fault[] = [];
  const lastInbound = new Map<string, Date>();
  let mediaHeld = false;
  const now = opts.now ?? (() => new Date());

  const authorised = (header: string | undefined) => header === `Bearer ${opts.accessToken}`;
  const graphError = (code: number, message: string, details?: string) => ({
    error: { message: `(#${code}) ${message}`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: details ?? message }, fbtrace_id: crypto.randomBytes(8).toString('hex') },
  });

  app.post<{ Params: { version: string; phoneNumberId: string } }>(`${prefix}/:version/:phoneNumberId/messages`, async (req, reply) => {
    if (!authorised(req.headers.authorization)) return reply.status(401).send(graphError(190, 'Invalid OAuth access token'));
    const fault = faults.shift();
    if (fault) return reply.status(fault.status).send(graphError(fault.code ?? fault.status, fault.title ?? 'Simulated failure'));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const problem = checkMessage(body);
    if (problem) return reply.status(400).send(graphError(131009, 'Parameter value is not valid', problem));
    const to = String(body.to);
    const last = lastInbound.get(to);
    if (opts.enforceWindow && body.type !== 'template' && (!last || now().getTime() - last.getTime() >= 24 * 3600_000)) {
      return reply.status(400).send(graphError(131047, 'Re-engagement message', 'More than 24 hours have passed since the recipient last replied.'));
    }
    const id = `wamid.${crypto.randomBytes(18).toString('base64url')}`;
    sent.push({ id, phoneNumberId: req.params.phoneNumberId, to, body, at: now() });
    if (opts.statusWebhook) void postStatuses(opts.statusWebhook, req.params.phoneNumberId, id, to, now());
    return { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] };
  });

  app.get<{ Params: { version: string; mediaId: string } }>(`${prefix}/:version/:mediaId`, async (req, reply) => {
    if (mediaHeld) return new Promise(() => undefined);
    if (!authorised(req.headers.authorization)) return reply.status(401).send(graphError(190, 'Invalid OAuth access token'));
    const item = media.get(req.params.mediaId);
    if (!item) return reply.status(404).send(graphError(100, 'Unsupported get request'));
    return {
      messaging_product: 'whatsapp',
      url: `http://${req.headers.host}${prefix}/media-download/${req.params.mediaId}`,
      mime_type: item.mime,
      sha256: crypto.createHash('sha256').update(item.bytes).digest('hex'),
      file_size: item.bytes.length,
      id: req.params.mediaId,
    };
  });

  app.get<{ Params: { mediaId: string } }>(`${prefix}/media-download/:mediaId`, async (req, reply) => {
    if (!authorised(req.headers.authorization)) return reply.status(401).send(graphError(190, 'Invalid OAuth access token'));
    const item = media.get(req.params.mediaId);
    if (!item) return reply.status(404).send(graphError(100, 'Unsupported get request'));
    return reply.type(item.mime).send(item.bytes);
  });

  return {
    sent,
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    holdMedia(on) {
      mediaHeld = on;
    },
    clearFaults() {
      faults.length = 0;
    },
    putMedia(bytes, mime) {
      const id = String(1_000_000_000_000 + crypto.randomInt(1e9));
      media.set(id, { bytes, mime });
      return id;
    },
    noteInbound(waId, at) {
      lastInbound.set(waId, at);
    },
    sentTo: (waId) => sent.filter((m) => m.to === waId),
  };
}

/** A stand-in on its own port (tests). */
export async function startGraphStandIn(opts: StandInOptions): Promise<GraphStandIn & { url: string; close(): Promise<void> }> {
  const app = Fastify({ bodyLimit: 10 * 1024 * 1024, forceCloseConnections: true });
  const standIn = registerGraphStandIn(app, '', opts);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return Object.assign(standIn, { url, close: () => app.close() });
}

/** What Meta refuses with 131009: missing parts and interactive messages over its limits. */
function checkMessage(body: Record<string, unknown>): string | undefined {
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (typeof body.to !== 'string' || !/^\d{6,20}$/.test(body.to)) return 'invalid recipient';
  // any: free-form JSON whose shape is what is being checked.
  const interactive = body.interactive as Record<string, any> | undefined;
  switch (body.type) {
    case 'text': {
      const text = (body.text as { body?: unknown } | undefined)?.body;
      return typeof text === 'string' && text.length > 0 && text.length <= LIMITS.textBody ? undefined : 'text.body must be 1-4096 characters';
    }
    case 'template':
      return typeof (body.template as { name?: unknown } | undefined)?.name === 'string' ? undefined : 'template.name is required';
    case 'interactive': {
      const text = interactive?.body?.text;
      if (typeof text !== 'string' || text.length === 0 || text.length > LIMITS.interactiveBody) return 'interactive.body.text must be 1-1024 characters';
      if (interactive?.type === 'button') {
        const buttons = interactive.action?.buttons as { reply?: { id?: string; title?: string } }[] | undefined;
        if (!buttons?.length || buttons.length > LIMITS.buttons) return 'buttons: 1 to 3';
        if (buttons.some((b) => !b.reply?.id || !b.reply.title || b.reply.title.length > LIMITS.buttonTitle)) return 'button title: 1 to 20 characters';
        if (new Set(buttons.map((b) => b.reply?.id)).size !== buttons.length) return 'button ids must be unique';
        return undefined;
      }
      if (interactive?.type === 'list') {
        const button = interactive.action?.button;
        if (typeof button !== 'string' || button.length === 0 || button.length > LIMITS.listButton) return 'list button: 1 to 20 characters';
        const rows = ((interactive.action?.sections ?? []) as { rows?: { id?: string; title?: string; description?: string }[] }[]).flatMap((s) => s.rows ?? []);
        if (rows.length === 0 || rows.length > LIMITS.listRows) return 'list rows: 1 to 10 in all';
        if (rows.some((r) => !r.id || !r.title || r.title.length > LIMITS.rowTitle || (r.description?.length ?? 0) > LIMITS.rowDescription)) return 'row title ≤ 24, description ≤ 72';
        if (new Set(rows.map((r) => r.id)).size !== rows.length) return 'row ids must be unique';
        return undefined;
      }
      return 'unsupported interactive type';
    }
    default:
      return 'unsupported message type';
  }
}

async function postStatuses(hook: NonNullable<StandInOptions['statusWebhook']>, phoneNumberId: string, id: string, to: string, at: Date) {
  for (const status of ['sent', 'delivered'] as const) {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'SIMULATOR',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: 'SIMULATOR', phone_number_id: phoneNumberId },
                statuses: [{ id, status, timestamp: String(Math.floor(at.getTime() / 1000)), recipient_id: to }],
              },
            },
          ],
        },
      ],
    });
    await hook.post(body, signBody(body, hook.appSecret)).catch(() => undefined);
  }
}
