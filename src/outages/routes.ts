/** Outages: a kasi records SIAK, network or power being down; the clocks of the office's requests stop meanwhile. */
import { z } from 'zod';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { endOngoingOutage, EndOutageInput, listOutages, OutageInput, recordOutage } from './service.js';

export function registerOutageRoutes(app: App, deps: AppDeps) {
  const odeps = { db: deps.database.db, clock: deps.clock };
  const params = z.object({ officeCode: z.string() });

  app.get(
    '/api/v1/offices/:officeCode/outages',
    {
      config: { access: 'outage.read' },
      schema: {
        tags: ['outages'],
        summary: "The office's system outages in a period (default the last 31 days), each with the number of requests whose clocks it paused",
        params,
        querystring: z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }),
      },
    },
    async (req) => listOutages(odeps, requireStaff(req), req.params.officeCode, req.query),
  );

  app.post(
    '/api/v1/offices/:officeCode/outages',
    { config: { access: 'outage.record' }, schema: { tags: ['outages'], summary: 'Record a SIAK, network or power outage (start, end or ongoing, reason); audited', params, body: OutageInput } },
    async (req, reply) => reply.status(201).send({ outage: await recordOutage(odeps, requireStaff(req), req.params.officeCode, req.body, originOf(req)) }),
  );

  app.post(
    '/api/v1/offices/:officeCode/outages/:id/end',
    {
      config: { access: 'outage.record' },
      schema: { tags: ['outages'], summary: 'End an ongoing outage (now, or at the time given); audited', params: z.object({ officeCode: z.string(), id: z.uuid() }), body: EndOutageInput },
    },
    async (req) => ({ outage: await endOngoingOutage(odeps, requireStaff(req), req.params.officeCode, req.params.id, req.body, originOf(req)) }),
  );
}
