/**
 * Complaints' routes: the portal's form and "read the answer" (public, rate-limited), the
 * counter's record, the office's list and answer, and a period's figures.
 */
import { z } from 'zod';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import {
  AnswerInput,
  answerComplaint,
  ComplaintListQuery,
  complaintReport,
  CounterComplaintInput,
  FiguresQuery,
  listForOffice,
  lookupWithPin,
  LookupInput,
  PortalComplaintInput,
  recordAtCounter,
  submitFromPortal,
} from './service.js';

const perMinute = (max: number) => ({ access: 'public' as const, rateLimit: { max, timeWindow: '1 minute' } });
const officeParams = z.object({ officeCode: z.string().max(20) });

export function registerComplaintRoutes(app: App, deps: AppDeps) {
  const cdeps = { db: deps.database.db, clock: deps.clock };

  app.post(
    '/api/v1/public/offices/:officeCode/complaints',
    { config: perMinute(5), schema: { tags: ['complaints'], summary: 'A complaint or suggestion from the portal: returns its number and the PIN to read the answer (shown once)', params: officeParams, body: PortalComplaintInput } },
    async (req, reply) => reply.status(201).send(await submitFromPortal(cdeps, req.params.officeCode, req.body, originOf(req))),
  );

  app.post(
    '/api/v1/public/offices/:officeCode/complaints/lookup',
    // A PIN is six digits: few tries per address, as for a request's tracking.
    { config: perMinute(10), schema: { tags: ['complaints'], summary: "A complaint's status and answer, by its number and PIN", params: officeParams, body: LookupInput } },
    async (req) => ({ complaint: await lookupWithPin(cdeps, req.params.officeCode, req.body) }),
  );

  app.get(
    '/api/v1/offices/:officeCode/complaints',
    { config: { access: 'complaint.handle' }, schema: { tags: ['complaints'], summary: "The office's complaints: open ones by due time, or answered ones newest first", params: officeParams, querystring: ComplaintListQuery } },
    async (req) => listForOffice(cdeps, requireStaff(req), req.params.officeCode, req.query),
  );

  app.post(
    '/api/v1/offices/:officeCode/complaints',
    { config: { access: 'complaint.handle' }, schema: { tags: ['complaints'], summary: 'A complaint recorded at the counter; the answer goes to the WhatsApp number given, or is read with the PIN returned', params: officeParams, body: CounterComplaintInput } },
    async (req, reply) => reply.status(201).send(await recordAtCounter(cdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req))),
  );

  app.post(
    '/api/v1/complaints/:id/answer',
    { config: { access: 'complaint.handle' }, schema: { tags: ['complaints'], summary: 'Answer a complaint once; the citizen is told on WhatsApp when a number is known', params: z.object({ id: z.uuid() }), body: AnswerInput } },
    async (req) => ({ complaint: await answerComplaint(cdeps, requireStaff(req), req.params.id, req.body, originOf(req)) }),
  );

  app.get(
    '/api/v1/offices/:officeCode/complaints/figures',
    { config: { access: 'complaint.figures' }, schema: { tags: ['complaints'], summary: 'Complaints received in a month, quarter, semester or year: by kind, answered on time, open, overdue, median and p90 answer hours', params: officeParams, querystring: FiguresQuery } },
    async (req) => complaintReport(cdeps, requireStaff(req), req.params.officeCode, req.query),
  );
}
