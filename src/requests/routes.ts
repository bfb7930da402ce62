/** Requests: take one in at the counter, read it, take an SOP action on it. */
import { z } from 'zod';
import { loadRegions } from '../regions/regions.js';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { CHANNEL_LABELS, DOCUMENT_TYPE_LABELS, OUTPUT_DOCUMENT_LABELS } from '../catalogue/vocabulary.js';
import { RETURN_REASON_LABELS } from './transition.js';
import { ACTION_LABELS, FLAG_LABELS, STATE_LABELS } from './workflow.js';
import { presentRequestFor as present } from './field-access.js';
import { checkNikAtOffice, officeCouriers, queueCounts, requestDetail, requestHistory } from './detail.js';
import { QUEUES, searchOfficeRequests, workQueue, type QueueName } from './queue.js';
import { ACCOMMODATION_LABELS, DISABILITY_KIND_LABELS, PRIORITY, PRIORITY_REASON_LABELS } from './special-needs.js';
import * as requests from './service.js';
import { safeText } from '../platform/safe-text.js';

export function registerRequestRoutes(app: App, deps: AppDeps) {
  const rdeps = { db: deps.database.db, clock: deps.clock, regions: loadRegions() };

  app.post(
    '/api/v1/offices/:officeCode/requests',
    { config: { access: 'request.create' }, schema: { tags: ['requests'], params: z.object({ officeCode: z.string() }), body: requests.NewRequestInput } },
    async (req, reply) => {
      const actor = requireStaff(req);
      const { request, pin, warnings } = await requests.submitRequest(rdeps, actor, req.params.officeCode, req.body, originOf(req));
      return reply.status(201).send({ request: present(actor, request), trackingPin: pin, warnings });
    },
  );

  app.get(
    '/api/v1/requests/:id',
    {
      config: { access: 'request.read' },
      schema: {
        tags: ['requests'],
        summary: 'A request, with its NIK checks, checklist, SLA clocks and the SOP actions the caller may take now',
        params: z.object({ id: z.uuid() }),
      },
    },
    // Already cut down to the caller's role (presentDetailFor).
    async (req) => requestDetail(rdeps, requireStaff(req), req.params.id, originOf(req), req.locale),
  );

  // Public and static: the words for the codes the API returns, from the domain's own labels.
  app.get('/api/v1/vocabulary', { config: { access: 'public' }, schema: { tags: ['requests'], summary: 'Labels (id, en) for document types, output documents, channels, states, flags, actions and return reasons' } }, async () => ({
    documentTypes: DOCUMENT_TYPE_LABELS,
    outputDocuments: OUTPUT_DOCUMENT_LABELS,
    channels: CHANNEL_LABELS,
    states: STATE_LABELS,
    flags: FLAG_LABELS,
    actions: ACTION_LABELS,
    returnReasons: RETURN_REASON_LABELS,
    disabilityKinds: DISABILITY_KIND_LABELS,
    accommodations: ACCOMMODATION_LABELS,
    priorityReasons: PRIORITY_REASON_LABELS,
  }));

  app.get(
    '/api/v1/requests/:id/history',
    { config: { access: 'request.read' }, schema: { tags: ['requests'], summary: 'Audit entries of the request and of its documents, oldest first', params: z.object({ id: z.uuid() }) } },
    async (req) => ({ entries: await requestHistory(rdeps, requireStaff(req), req.params.id) }),
  );

  // Checked as the officer types at the counter; a POST so the NIK never sits in a URL.
  app.post(
    '/api/v1/offices/:officeCode/nik-checks',
    {
      config: { access: 'request.create' },
      schema: {
        tags: ['requests'],
        summary: 'Check a NIK (format, region, date, serial) and compare it with the declared birth date and sex',
        params: z.object({ officeCode: z.string() }),
        body: z.object({ nik: safeText().max(30), birthDate: z.iso.date().optional(), sex: z.enum(['L', 'P']).optional() }),
      },
    },
    async (req) => ({ check: await checkNikAtOffice(rdeps, requireStaff(req), req.params.officeCode, req.body) }),
  );

  app.get(
    '/api/v1/offices/:officeCode/queues',
    { config: { access: 'request.read' }, schema: { tags: ['requests'], summary: "The caller's queues with their sizes (all, past due, escalated)", params: z.object({ officeCode: z.string() }) } },
    async (req) => ({ queues: await queueCounts(rdeps, requireStaff(req), req.params.officeCode) }),
  );

  app.get(
    '/api/v1/offices/:officeCode/couriers',
    { config: { access: 'request.process' }, schema: { tags: ['requests'], summary: "The office's active kurir, for home deliveries", params: z.object({ officeCode: z.string() }) } },
    async (req) => ({ couriers: await officeCouriers(rdeps, requireStaff(req), req.params.officeCode) }),
  );

  app.post(
    '/api/v1/requests/:id/actions',
    { config: { access: ['request.verify', 'request.process', 'request.hand_over'] }, schema: { tags: ['requests'], params: z.object({ id: z.uuid() }), body: requests.ActionInput } },
    async (req) => {
      const actor = requireStaff(req);
      return { request: present(actor, await requests.actOnRequest(rdeps, actor, req.params.id, req.body, originOf(req))) };
    },
  );

  app.get(
    '/api/v1/offices/:officeCode/queues/:queue',
    {
      config: { access: 'request.read' },
      schema: {
        tags: ['requests'],
        summary: 'A work queue, most urgent first, with SLA clocks (special service first, then by due time; keyset paging by afterPriority + afterDue + afterSubmitted + afterId); ties in arrival order',
        params: z.object({ officeCode: z.string(), queue: z.enum(Object.keys(QUEUES) as [QueueName, ...QueueName[]]) }),
        querystring: z.object({
          serviceCode: safeText().max(60).optional(),
          desaCode: safeText().max(20).optional(),
          channel: safeText().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(25),
          afterPriority: z.coerce.number().int().min(0).max(1).optional(),
          afterDue: z.iso.datetime().optional(),
          afterSubmitted: z.iso.datetime().optional(),
          afterId: z.uuid().optional(),
        }),
      },
    },
    async (req) => {
      const { afterPriority, afterDue, afterSubmitted, afterId, ...filters } = req.query;
      const after =
        afterDue && afterSubmitted && afterId ? { priority: afterPriority ?? PRIORITY.normal, dueAt: new Date(afterDue), submittedAt: new Date(afterSubmitted), id: afterId } : undefined;
      const actor = requireStaff(req);
      const { rows, clocks } = await workQueue(rdeps, actor, req.params.officeCode, { queue: req.params.queue, ...filters, after });
      const last = rows.at(-1);
      return {
        requests: rows.map((r, i) => ({ ...present(actor, r), clocks: clocks[i] })),
        next: last && rows.length === filters.limit ? { afterPriority: last.priority, afterDue: last.dueAt.toISOString(), afterSubmitted: last.submittedAt.toISOString(), afterId: last.id } : null,
      };
    },
  );

  app.get(
    '/api/v1/offices/:officeCode/requests',
    {
      config: { access: 'request.read' },
      schema: {
        tags: ['requests'],
        summary: 'Search by ticket, NIK, phone or name ("regency" as officeCode searches every office the caller reads)',
        params: z.object({ officeCode: z.string() }),
        querystring: z.object({ q: safeText().trim().min(3).max(100) }),
      },
    },
    async (req) => {
      const actor = requireStaff(req);
      return { requests: (await searchOfficeRequests(rdeps, actor, req.params.officeCode, req.query.q, originOf(req))).map((r) => present(actor, r)) };
    },
  );
}
