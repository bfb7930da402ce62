/**
 * The citizen portal's public API (`/api/v1/public/…`): no account, proofs by short-lived bearer
 * tokens (`Authorization: Bearer …`), CSRF like every unsafe route, rate limits where guessing or
 * spamming pays.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DocumentTypeSchema } from '../catalogue/vocabulary.js';
import { fileDeps, readUploadedFile } from '../files/routes.js';
import { t } from '../i18n/i18n.js';
import { findOffice } from '../offices/storage.js';
import { AppError } from '../platform/errors.js';
import { originOf, type App, type AppDeps } from '../platform/http.js';
import { loadRegions } from '../regions/regions.js';
import * as portal from './service.js';
import { verifyPortalToken, type ApplicantClaims, type TrackingClaims } from './tokens.js';
import { safeText } from '../platform/safe-text.js';

/** A citizen's route: no account, so open to anyone, and limited per address. */
const perMinute = (max: number) => ({ access: 'public' as const, rateLimit: { max, timeWindow: '1 minute' } });

function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([\w.-]{10,2000})$/.exec(header) : null;
  return match?.[1];
}

export function registerPortalRoutes(app: App, deps: AppDeps) {
  const pdeps: portal.PortalDeps = { ...fileDeps(deps), regions: loadRegions() };

  function claimsOf(req: FastifyRequest, kind: 'applicant'): ApplicantClaims;
  function claimsOf(req: FastifyRequest, kind: 'tracking'): TrackingClaims;
  function claimsOf(req: FastifyRequest, kind: 'applicant' | 'tracking'): ApplicantClaims | TrackingClaims {
    const token = bearer(req);
    const invalidKey = kind === 'applicant' ? 'citizen.errors.token_invalid' : 'citizen.errors.tracking_token_invalid';
    if (!token) throw new AppError('token_missing', 401, kind === 'applicant' ? 'citizen.errors.token_missing' : invalidKey);
    const claims = verifyPortalToken(deps.secret, token, kind, deps.clock.now());
    if (!claims) throw new AppError('token_invalid', 401, invalidKey);
    return claims;
  }

  app.get(
    '/api/v1/public/offices/:officeCode/catalogue',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'The services with labels and conditions in words: what each needs, costs and takes',
        params: z.object({ officeCode: z.string().max(20) }),
      },
    },
    async (req) => portal.publicCatalogue(pdeps, req.params.officeCode),
  );

  app.post(
    '/api/v1/public/nik-check',
    {
      config: perMinute(120),
      schema: {
        tags: ['portal'],
        summary: 'What a NIK says (birth date, sex, age) or why it is not one, as it is typed',
        body: z.object({ nik: safeText().max(40), officeCode: safeText().max(20).optional() }),
      },
    },
    async (req) => {
      const office = req.body.officeCode ? await findOffice(pdeps.db, req.body.officeCode) : undefined;
      const result = portal.checkNik(pdeps, req.body.nik, office?.timezone);
      if (result.ok) return result;
      return { ...result, messages: result.errors.map((code) => t(req.locale, `citizen.nik.${code}`)) };
    },
  );

  app.post(
    '/api/v1/public/offices/:officeCode/phone-verifications',
    {
      config: perMinute(20),
      schema: {
        tags: ['portal'],
        summary: 'Send a 6-digit code to a WhatsApp number (3 per number per hour)',
        params: z.object({ officeCode: z.string().max(20) }),
        body: z.object({ phone: safeText().max(30) }),
      },
    },
    async (req, reply) => {
      const sent = await portal.requestPhoneCode(pdeps, req.params.officeCode, req.body.phone, originOf(req));
      return reply.status(201).send({ ...sent, expiresAt: sent.expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/v1/public/phone-verifications/:id/confirm',
    {
      config: perMinute(30),
      schema: {
        tags: ['portal'],
        summary: 'Confirm the code; returns the applicant token',
        params: z.object({ id: z.uuid() }),
        body: z.object({ code: safeText().trim().regex(/^\d{6}$/) }),
      },
    },
    async (req) => {
      const confirmed = await portal.confirmPhoneCode(pdeps, req.params.id, req.body.code, originOf(req));
      return { ...confirmed, expiresAt: confirmed.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/public/files',
    {
      config: perMinute(40),
      schema: { tags: ['portal'], summary: 'Upload one document (multipart: "file", "documentType") with an applicant or tracking token' },
    },
    async (req, reply) => {
      const token = bearer(req) ?? '';
      const now = deps.clock.now();
      const claims = verifyPortalToken(deps.secret, token, 'applicant', now) ?? verifyPortalToken(deps.secret, token, 'tracking', now);
      if (!claims) throw new AppError(token ? 'token_invalid' : 'token_missing', 401, token ? 'citizen.errors.token_invalid' : 'citizen.errors.token_missing');
      const { bytes, fields } = await readUploadedFile(req, deps.config.maxUploadBytes);
      const documentType = DocumentTypeSchema.optional().safeParse(fields.documentType || undefined);
      if (!documentType.success) throw new AppError('validation', 400, 'errors.validation', {}, { errors: [{ field: 'body.documentType', message: 'unknown document type' }] });
      const uploaded = await portal.uploadAsApplicant(pdeps, claims, { bytes, documentType: documentType.data, photoOcrTimeoutMs: deps.config.photoOcrTimeoutMs }, originOf(req), req.locale);
      return reply.status(201).send(uploaded);
    },
  );

  app.post(
    '/api/v1/public/applications',
    { config: perMinute(20), schema: { tags: ['portal'], summary: 'Apply online with the applicant token; returns the ticket and PIN once', body: portal.ApplyInput } },
    async (req, reply) => {
      const result = await portal.applyOnline(pdeps, claimsOf(req, 'applicant'), req.body, originOf(req), req.locale);
      return reply.status(201).send({ ...result, submittedAt: result.submittedAt.toISOString(), dueAt: result.dueAt.toISOString() });
    },
  );

  app.post(
    '/api/v1/public/track',
    {
      config: perMinute(30),
      schema: {
        tags: ['portal'],
        summary: 'Ticket + PIN (the receipt\'s, or a pending one from new-pin) → where the request is, and a tracking token; wrong PINs throttled per client and per ticket, one 401 for every refusal',
        body: z.object({ ticket: safeText().trim().min(1).max(40), pin: safeText().trim().regex(/^\d{6}$/) }),
      },
    },
    async (req) => {
      const { request, token, expiresAt } = await portal.trackRequest(pdeps, req.body, originOf(req));
      return { request, token, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/public/track/new-pin',
    {
      config: perMinute(5),
      schema: {
        tags: ['portal'],
        summary: `Lost PIN: a pending PIN is sent to the WhatsApp number on the request (${portal.NEW_PINS_PER_DAY} a day; the old PIN works until the new one is used); the same 202 whatever the ticket`,
        body: z.object({ ticket: safeText().trim().min(1).max(40) }),
      },
    },
    async (req, reply) => {
      await portal.sendNewPin(pdeps, req.body, originOf(req));
      return reply.status(202).send({ accepted: true });
    },
  );

  app.get('/api/v1/public/track', { config: { access: 'public' }, schema: { tags: ['portal'], summary: 'The tracked request again (tracking token)' } }, async (req) => ({
    request: await portal.trackedRequest(pdeps, claimsOf(req, 'tracking')),
  }));

  app.post(
    '/api/v1/public/track/resubmit',
    { config: perMinute(20), schema: { tags: ['portal'], summary: 'Send the fixed file back (tracking token)', body: portal.ResubmitInput } },
    async (req) => ({ request: await portal.resubmitOnline(pdeps, claimsOf(req, 'tracking'), req.body, originOf(req)) }),
  );

  app.post(
    '/api/v1/public/track/cancel',
    { config: perMinute(20), schema: { tags: ['portal'], summary: 'Cancel the request while the office has not accepted it (tracking token)' } },
    async (req) => ({ request: await portal.cancelOnline(pdeps, claimsOf(req, 'tracking'), originOf(req)) }),
  );
}
