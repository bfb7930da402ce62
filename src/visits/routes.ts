/** Home visits: plan one for a request, record its outcome, list a request's visits. */
import { z } from 'zod';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import * as visits from './service.js';

export function registerVisitRoutes(app: App, deps: AppDeps) {
  const vdeps = { db: deps.database.db, clock: deps.clock };
  const id = z.object({ id: z.uuid() });

  app.post(
    '/api/v1/requests/:id/visits',
    { config: { access: 'visit.manage' }, schema: { tags: ['visits'], summary: 'Plan a home visit within office hours (officers, equipment); the guardian is told on WhatsApp', params: id, body: visits.ScheduleVisitInput } },
    async (req, reply) => reply.status(201).send({ visit: await visits.scheduleVisit(vdeps, requireStaff(req), req.params.id, req.body, originOf(req)) }),
  );

  app.get(
    '/api/v1/requests/:id/visits',
    { config: { access: 'visit.manage' }, schema: { tags: ['visits'], summary: "A request's home visits, oldest first", params: id } },
    async (req) => ({ visits: await visits.requestVisits(vdeps, requireStaff(req), req.params.id) }),
  );

  app.get(
    '/api/v1/offices/:officeCode/visit-officers',
    { config: { access: 'visit.manage' }, schema: { tags: ['visits'], summary: "The office's active staff who can go on a home visit", params: z.object({ officeCode: z.string() }) } },
    async (req) => ({ officers: await visits.visitOfficers(vdeps, requireStaff(req), req.params.officeCode) }),
  );

  app.post(
    '/api/v1/visits/:id/outcome',
    { config: { access: 'visit.manage' }, schema: { tags: ['visits'], summary: 'Done, nobody at home, or rescheduled with a reason to a new time', params: id, body: visits.VisitOutcomeInput } },
    async (req) => visits.recordVisitOutcome(vdeps, requireStaff(req), req.params.id, req.body, originOf(req)),
  );
}
