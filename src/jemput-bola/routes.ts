/** Jemput Bola KIA sessions: plan, approve, capture on site, hold (the batch), close, cancel; the batch's progress. */
import { z } from 'zod';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { loadRegions } from '../regions/regions.js';
import * as jemputBola from './service.js';

export function registerJemputBolaRoutes(app: App, deps: AppDeps) {
  const jdeps = { db: deps.database.db, clock: deps.clock, regions: loadRegions() };
  const office = z.object({ officeCode: z.string() });
  const id = z.object({ id: z.uuid() });

  app.get(
    '/api/v1/offices/:officeCode/jemput-bola/sessions',
    { config: { access: 'jemput_bola.read' }, schema: { tags: ['jemput-bola'], summary: "The office's Jemput Bola sessions, newest first", params: office } },
    async (req) => jemputBola.listSessions(jdeps, requireStaff(req), req.params.officeCode),
  );

  app.post(
    '/api/v1/offices/:officeCode/jemput-bola/sessions',
    {
      config: { access: 'jemput_bola.manage' },
      schema: { tags: ['jemput-bola'], summary: "Plan a session at a school: time, officers, equipment, the batch deadline (1–7 working days); the roster is the school's children without a KIA", params: office, body: jemputBola.PlanSessionInput },
    },
    async (req, reply) => reply.status(201).send({ session: await jemputBola.planSession(jdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req)) }),
  );

  app.get(
    '/api/v1/jemput-bola/sessions/:id',
    { config: { access: 'jemput_bola.read' }, schema: { tags: ['jemput-bola'], summary: 'A session with its roster, each child’s newest capture, and its batch', params: id } },
    async (req) => jemputBola.sessionDetail(jdeps, requireStaff(req), req.params.id),
  );

  app.get(
    '/api/v1/jemput-bola/sessions/:id/batch',
    { config: { access: 'jemput_bola.read' }, schema: { tags: ['jemput-bola'], summary: "The batch's progress (verified, processed, printed, handed over) and its clock", params: id } },
    async (req) => jemputBola.sessionBatch(jdeps, requireStaff(req), req.params.id),
  );

  app.post(
    '/api/v1/jemput-bola/sessions/:id/approve',
    { config: { access: 'jemput_bola.approve' }, schema: { tags: ['jemput-bola'], summary: 'The kasi approves a planned session; parents with a WhatsApp number are told what to bring', params: id } },
    async (req) => ({ session: await jemputBola.actOnSession(jdeps, requireStaff(req), req.params.id, 'approve', originOf(req)) }),
  );

  for (const action of ['hold', 'close', 'cancel'] as const) {
    app.post(
      `/api/v1/jemput-bola/sessions/:id/${action}`,
      {
        config: { access: 'jemput_bola.manage' },
        schema: {
          tags: ['jemput-bola'],
          summary: { hold: "The session was held: present children's captures become one batch of KIA requests", close: 'Close a held session', cancel: 'Cancel a session not yet held' }[action],
          params: id,
        },
      },
      async (req) => ({ session: await jemputBola.actOnSession(jdeps, requireStaff(req), req.params.id, action, originOf(req)) }),
    );
  }

  app.post(
    '/api/v1/jemput-bola/sessions/:id/captures',
    {
      config: { access: 'jemput_bola.manage' },
      schema: { tags: ['jemput-bola'], summary: "One child's capture on site, under the device's idempotency key: a retry returns the same capture (200) and records nothing new", params: id, body: jemputBola.CaptureInput },
    },
    async (req, reply) => {
      const { capture, created } = await jemputBola.recordCapture(jdeps, requireStaff(req), req.params.id, req.body, originOf(req));
      return reply.status(created ? 201 : 200).send({ capture });
    },
  );

  app.post(
    '/api/v1/jemput-bola/sessions/:id/hand-over',
    {
      config: { access: 'jemput_bola.manage' },
      schema: { tags: ['jemput-bola'], summary: "Hand the batch over at the school in one action: every ready request handed over (audited each, the parents told)", params: id, body: jemputBola.HandOverBatchInput },
    },
    async (req) => jemputBola.handOverBatch(jdeps, requireStaff(req), req.params.id, req.body, originOf(req)),
  );

  app.get(
    '/api/v1/jemput-bola/sessions/:id/hand-over-list',
    {
      config: { access: 'jemput_bola.read' },
      schema: { tags: ['jemput-bola'], summary: "The hand-over list PDF: kop surat, each child's name, masked NIK and class, signature lines for the school's officer and the kasi", params: id },
    },
    async (req, reply) => {
      const { pdf, npsn, date } = await jemputBola.handOverListPdf(jdeps, requireStaff(req), req.params.id, originOf(req), req.locale);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="serah-terima-kia-${npsn}-${date}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
