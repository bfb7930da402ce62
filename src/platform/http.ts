/**
 * The Fastify instance: plugins, the request context (language, signed-in staff member),
 * problem+json errors, and the routes of every feature. Features register themselves through
 * `registerRoutes` functions so this file stays about the plumbing.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import { may, roleMay, type Operation, type StaffActor } from '../auth/policy.js';
import { ROLES } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { localeFromAcceptLanguage, t, type Locale } from '../i18n/i18n.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import { registerSecurityHeaders } from './security-headers.js';
import { isUnsafeTextIssue, UNSAFE_TEXT, unsafeTextPaths } from './safe-text.js';
import type { BlobStore } from '../files/blobs.js';
import type { Metrics } from './metrics.js';
import type { WhatsAppRuntime } from '../whatsapp/runtime.js';

export type AppDeps = {
  database: Database;
  config: Config;
  clock: Clock;
  blobs: BlobStore;
  /** Installation secret: signs cookies and short-lived document links. */
  secret: string;
  logger: Logger;
  /** The WhatsApp channel: its credentials and workers. */
  whatsapp: WhatsAppRuntime;
  /** Prometheus figures (`metrics.ts`); the server shares them with its timer jobs, tests get a fresh set. */
  metrics?: Metrics;
};

export type App = Awaited<ReturnType<typeof createHttpApp>>;

/**
 * Who may call a route, declared on the route itself (`config.access`) so the check cannot be
 * forgotten: anyone (`public`), any signed-in member, or a member whose role may do the operation
 * (one of them, for a route whose operation depends on its body) — and, when the path names an
 * office, whose reach covers that office. The domain operation checks again on the record it loads.
 */
export type RouteAccess = 'public' | 'signed-in' | Operation | readonly Operation[];

export type DeclaredRoute = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every API route with the access it declared, for the authorization matrix test and the docs. */
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyRequest {
    locale: Locale;
    /** The signed-in staff member, when the session cookie is valid. */
    actor: StaffActor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'kencot_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that authenticate by their own means (signed webhooks, the Graph stand-in's bearer token) and so skip the CSRF check. */
const CSRF_EXEMPT = [/^\/webhooks\//, /^\/simulator\/graph\//];

export async function createHttpApp(deps: AppDeps, opts: { exposeHeadRoutes?: boolean } = {}) {
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    exposeHeadRoutes: opts.exposeHeadRoutes ?? true,
  }).withTypeProvider<ZodTypeProvider>();

  // Before any route exists: an API route that does not say who may call it fails start-up.
  const declaredRoutes: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declaredRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`${String(route.method)} ${route.url} declares no config.access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') declaredRoutes.push({ method, url: route.url, access });
    if (access === 'public') return;
    // The OpenAPI document says who may call it, from the same declaration.
    route.schema = { ...route.schema, security: [{ session: [] }], description: [route.schema?.description, accessText(access)].filter(Boolean).join('\n\n') };
    // Route-level onRequest hooks run after the application's, so the session is already known.
    const guard = async (req: FastifyRequest) => authorizeRoute(req, access);
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), guard];
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest('locale', 'id');
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req, reply) => {
    req.locale = localeFromAcceptLanguage(req.headers['accept-language']);
    reply.header('x-request-id', req.id);
  });

  await registerSecurityHeaders(app, deps.config);
  await app.register(cookie, { secret: deps.secret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'kencot_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: deps.config.cookieSecure },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kencot API', version: '1', description: 'Layanan administrasi kependudukan kecamatan' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!UNSAFE.has(req.method)) return;
    const path = req.url.split('?')[0] ?? '';
    if (CSRF_EXEMPT.some((re) => re.test(path))) return;
    await new Promise<void>((resolve) => app.csrfProtection(req, reply, () => resolve()));
  });

  // A net under the routes' schemas: no text with control characters or lone surrogates reaches
  // an operation (or PostgreSQL, where a NUL fails the statement), whatever a schema forgot.
  app.addHook('preValidation', async (req) => {
    if (CSRF_EXEMPT.some((re) => re.test(req.url.split('?')[0] ?? ''))) return;
    const found = [...unsafeTextPaths(req.params, 'params'), ...unsafeTextPaths(req.query, 'querystring'), ...unsafeTextPaths(req.body, 'body')];
    if (found.length > 0) throw new AppError('validation', 400, 'errors.validation', {}, { errors: found.map(unsafeTextError) });
  });

  app.setErrorHandler((error, req, reply) => sendProblem(req, reply, error));

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    try {
      await deps.database.ping();
      return { status: 'ready', database: deps.database.kind };
    } catch {
      return sendProblem(req, reply, new AppError('unavailable', 503));
    }
  });
  return app;
}

type FastifyishError = Error & { code?: string; statusCode?: number; validation?: unknown };

/** Turns any error into application/problem+json (RFC 9457) in the caller's language. */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, error: unknown) {
  const problem = toProblem(error as FastifyishError);
  if (problem.status >= 500) req.log.error({ err: error }, 'request failed');
  else req.log.info({ code: problem.code, status: problem.status }, 'request refused');
  const detail = t(req.locale, problem.messageKey, localizedParams(req.locale, problem.params));
  return reply
    .status(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:kencot:problem:${problem.code}`,
      title: detail,
      status: problem.status,
      code: problem.code,
      detail,
      instance: req.id,
      ...problem.extra,
      ...(Array.isArray(problem.extra.errors) && { errors: problem.extra.errors.map((e: unknown) => localizedFieldError(req.locale, e)) }),
    });
}

type LocalizedParam = { id: string; en: string };
const isLocalized = (value: unknown): value is LocalizedParam =>
  typeof value === 'object' && value !== null && typeof (value as LocalizedParam).id === 'string' && typeof (value as LocalizedParam).en === 'string';

/** A parameter may be text in both languages (a field's label from the catalogue): the caller's is used. */
function localizedParams(locale: Locale, params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, isLocalized(value) ? value[locale] : value]));
}

/** A field error that carries a translation key gets its message in the caller's language. */
function localizedFieldError(locale: Locale, error: unknown): unknown {
  if (typeof error !== 'object' || error === null || typeof (error as { messageKey?: unknown }).messageKey !== 'string') return error;
  const { messageKey, params, ...rest } = error as { messageKey: string; params?: Record<string, unknown> };
  return { ...rest, message: t(locale, messageKey, localizedParams(locale, params ?? {})) };
}

function toProblem(error: FastifyishError): {
  status: number;
  code: string;
  messageKey: string;
  params: Record<string, unknown>;
  extra: Record<string, unknown>;
} {
  const make = (status: number, code: string, extra: Record<string, unknown> = {}, messageKey = `errors.${code}`) => ({
    status,
    code,
    messageKey,
    params: {},
    extra,
  });
  if (error instanceof AppError)
    return { status: error.status, code: error.code, messageKey: error.messageKey, params: error.params, extra: error.extra };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => {
      const field = `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`;
      return isUnsafeTextIssue(v) ? unsafeTextError(field) : { field, message: v.message };
    });
    return make(400, 'validation', { errors });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return make(400, 'bad_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return make(413, 'payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return make(415, 'unsupported_media_type');
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return make(403, 'csrf');
  }
  if (error instanceof SyntaxError) return make(400, 'bad_json');
  if (error.statusCode === 429) return make(429, 'rate_limited');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return make(error.statusCode, 'validation');
  return make(500, 'internal');
}

/** A field holding control characters: a message of its own, shown beside the field. */
function unsafeTextError(field: string) {
  return { field, code: UNSAFE_TEXT, messageKey: `errors.field.${UNSAFE_TEXT}_here`, params: {} };
}

/** The signed-in staff member, or a 401. */
export function requireStaff(req: FastifyRequest): StaffActor {
  if (!req.actor) throw new AppError('unauthenticated', 401);
  return req.actor;
}

function accessText(access: Exclude<RouteAccess, 'public'>): string {
  if (access === 'signed-in') return 'Access: any signed-in staff member.';
  const operations: readonly Operation[] = typeof access === 'string' ? [access] : access;
  const roles = ROLES.filter((role) => operations.some((operation) => roleMay(role, operation)));
  return `Access: ${operations.join(' or ')} — roles ${roles.join(', ')}, within their office (the kabupaten role: its regency).`;
}

/** The route-level check of a declared access; throws 401 or 403. */
function authorizeRoute(req: FastifyRequest, access: Exclude<RouteAccess, 'public'>) {
  const actor = requireStaff(req);
  if (access === 'signed-in') return;
  const operations: readonly Operation[] = typeof access === 'string' ? [access] : access;
  const officeCode = (req.params as { officeCode?: unknown } | undefined)?.officeCode;
  const target = typeof officeCode === 'string' ? { officeCode } : undefined;
  if (!operations.some((operation) => may(actor, operation, target))) throw new AppError('forbidden', 403);
}

export function originOf(req: FastifyRequest) {
  return { ip: req.ip, requestId: req.id };
}
