/**
 * The IKM survey's routes: the citizen's answer from the tracking page (tracking token) and a
 * walk-in's by the counter's QR code (public, rate-limited), and the office's results for a period.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { AppError } from '../platform/errors.js';
import { verifyPortalToken, type TrackingClaims } from '../portal/tokens.js';
import { findRequest } from '../requests/storage.js';
import { ikmResults, IkmQuery, recordSurvey, SurveyInput } from './service.js';
import { responseOfRequest } from './storage.js';

/** A citizen's route: no account, so open to anyone, and limited per address. */
const perMinute = (max: number) => ({ access: 'public' as const, rateLimit: { max, timeWindow: '1 minute' } });

export function registerSurveyRoutes(app: App, deps: AppDeps) {
  const sdeps = { db: deps.database.db, clock: deps.clock };

  function trackingClaims(req: FastifyRequest): TrackingClaims {
    const header = req.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer ([\w.-]{10,2000})$/.exec(header)?.[1] : undefined;
    if (!token) throw new AppError('token_missing', 401, 'citizen.errors.tracking_token_invalid');
    const claims = verifyPortalToken(deps.secret, token, 'tracking', deps.clock.now());
    if (!claims) throw new AppError('token_invalid', 401, 'citizen.errors.tracking_token_invalid');
    return claims;
  }

  app.get(
    '/api/v1/public/track/survey',
    { config: { access: 'public' }, schema: { tags: ['survey'], summary: 'Whether the tracked request may be surveyed now (handed over) and whether it already was (tracking token)' } },
    async (req) => {
      const claims = trackingClaims(req);
      const request = await findRequest(sdeps.db, claims.requestId);
      if (!request) throw new AppError('not_found', 404);
      const answered = Boolean(await responseOfRequest(sdeps.db, request.id));
      return { open: request.state === 'handed_over' && !answered, answered, ticket: request.ticket };
    },
  );

  app.post(
    '/api/v1/public/track/survey',
    { config: perMinute(10), schema: { tags: ['survey'], summary: 'Answer the satisfaction survey (IKM) of the tracked, handed-over request; once per request (tracking token)', body: SurveyInput } },
    async (req, reply) => {
      const claims = trackingClaims(req);
      await recordSurvey(sdeps, { officeCode: claims.officeCode, requestId: claims.requestId, channel: 'portal', ...req.body }, originOf(req));
      return reply.status(201).send({ recorded: true });
    },
  );

  app.post(
    '/api/v1/public/offices/:officeCode/survey',
    {
      config: perMinute(5),
      schema: { tags: ['survey'], summary: "A walk-in's satisfaction survey by the counter's QR code (no request, anonymous)", params: z.object({ officeCode: z.string().max(20) }), body: SurveyInput },
    },
    async (req, reply) => {
      await recordSurvey(sdeps, { officeCode: req.params.officeCode, requestId: null, channel: 'qr', ...req.body }, originOf(req));
      return reply.status(201).send({ recorded: true });
    },
  );

  app.get(
    '/api/v1/offices/:officeCode/ikm',
    {
      config: { access: 'survey.read' },
      schema: {
        tags: ['survey'],
        summary: "The office's IKM for a month, quarter, semester or year: respondents, NRR per unsur, IKM (exact 1/9 and, labelled, 0.111), converted value, grade, the Krejcie–Morgan minimum for the period's hand-overs, priorities",
        params: z.object({ officeCode: z.string().max(20) }),
        querystring: IkmQuery,
      },
    },
    async (req) => ikmResults(sdeps, requireStaff(req), req.params.officeCode, req.query),
  );
}
