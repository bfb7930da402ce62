/** Requests: take one in at the counter, read it, take an SOP action on it. */
import { z } from 'zod';
import { loadRegions } from '../regions/regions.js';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import * as requests from './service.js';
import type { RequestRow } from './storage.js';

function present(r: RequestRow) {
  return {
    id: r.id,
    officeCode: r.officeCode,
    ticket: r.ticket,
    serviceCode: r.serviceCode,
    channel: r.channel,
    state: r.state,
    flags: r.flags,
    desaCode: r.desaCode,
    applicant: r.applicant,
    subject: r.subject,
    handOverChoice: r.handOverChoice,
    disabilityNeeds: r.disabilityNeeds,
    attachments: r.attachments,
    siakOutcomes: r.siakOutcomes,
    returnReasons: r.returnReasons,
    handOverRecord: r.handOverRecord,
    submittedAt: r.submittedAt.toISOString(),
    stateEnteredAt: r.stateEnteredAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
  };
}

export function registerRequestRoutes(app: App, deps: AppDeps) {
  const rdeps = { db: deps.database.db, clock: deps.clock, regions: loadRegions() };

  app.post(
    '/api/v1/offices/:officeCode/requests',
    { schema: { tags: ['requests'], params: z.object({ officeCode: z.string() }), body: requests.NewRequestInput } },
    async (req, reply) => {
      const { request, pin, warnings } = await requests.submitRequest(rdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req));
      return reply.status(201).send({ request: present(request), trackingPin: pin, warnings });
    },
  );

  app.get('/api/v1/requests/:id', { schema: { tags: ['requests'], params: z.object({ id: z.uuid() }) } }, async (req) => ({
    request: present(await requests.getRequest(rdeps, requireStaff(req), req.params.id)),
  }));

  app.post(
    '/api/v1/requests/:id/actions',
    { schema: { tags: ['requests'], params: z.object({ id: z.uuid() }), body: requests.ActionInput } },
    async (req) => ({ request: present(await requests.actOnRequest(rdeps, requireStaff(req), req.params.id, req.body, originOf(req))) }),
  );
}
