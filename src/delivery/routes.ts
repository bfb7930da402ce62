/** Jujuk Dolanan: the kurir's day, its route order, and each trip's outcome; the office's limit of failed trips; the officers' list. */
import { z } from 'zod';
import { fileDeps, readUploadedFile } from '../files/routes.js';
import { presentFile } from '../files/service.js';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { officeDeliveries, OfficeDeliveriesQuery } from './oversight.js';
import * as delivery from './service.js';

export function registerDeliveryRoutes(app: App, deps: AppDeps) {
  const ddeps = { db: deps.database.db, clock: deps.clock };
  const fdeps = fileDeps(deps);
  const office = z.object({ officeCode: z.string() });
  const task = z.object({ id: z.uuid() });

  app.get(
    '/api/v1/offices/:officeCode/deliveries/today',
    { config: { access: 'delivery.run' }, schema: { tags: ['deliveries'], summary: "The kurir's own delivery tasks due today, in its route order", params: office } },
    async (req) => delivery.courierDay(ddeps, requireStaff(req), req.params.officeCode),
  );

  app.get(
    '/api/v1/offices/:officeCode/deliveries',
    { config: { access: 'delivery.oversee' }, schema: { tags: ['deliveries'], summary: "The office's delivery tasks for its officers: kurir, trips with failures and proof, what the citizen was told", params: office, querystring: OfficeDeliveriesQuery } },
    async (req) => officeDeliveries(ddeps.db, requireStaff(req), req.params.officeCode, req.query),
  );

  app.put(
    '/api/v1/offices/:officeCode/deliveries/route',
    { config: { access: 'delivery.run' }, schema: { tags: ['deliveries'], summary: "The kurir's own order of today's tasks (every task of the day, once)", params: office, body: delivery.RouteInput } },
    async (req) => delivery.reorderRoute(ddeps, requireStaff(req), req.params.officeCode, req.body.taskIds),
  );

  app.post(
    '/api/v1/deliveries/:id/on-the-way',
    { config: { access: 'delivery.run' }, schema: { tags: ['deliveries'], summary: '"Sedang menuju": starts a trip and tells the citizen on WhatsApp', params: task } },
    async (req) => delivery.announceTrip(ddeps, requireStaff(req), req.params.id, originOf(req)),
  );

  app.post(
    '/api/v1/deliveries/:id/proof-photo',
    { config: { access: 'delivery.run' }, schema: { tags: ['deliveries'], summary: 'The hand-over photo (multipart/form-data: field "file"), checked like any upload', params: task } },
    async (req, reply) => {
      const { bytes } = await readUploadedFile(req, deps.config.maxUploadBytes);
      const row = await delivery.uploadProof(fdeps, requireStaff(req), req.params.id, bytes, originOf(req));
      return reply.status(201).send({ file: presentFile(row) });
    },
  );

  app.post(
    '/api/v1/deliveries/:id/delivered',
    { config: { access: 'delivery.run' }, schema: { tags: ['deliveries'], summary: 'Delivered with proof: photo, receiver and relation, time, a position only with consent; hands the request over', params: task, body: delivery.DeliveredInput } },
    async (req) => delivery.recordDelivered(ddeps, requireStaff(req), req.params.id, req.body, originOf(req)),
  );

  app.post(
    '/api/v1/deliveries/:id/failed',
    { config: { access: 'delivery.run' }, schema: { tags: ['deliveries'], summary: "A failed trip with its reason: rescheduled, or back to the office at the office's limit", params: task, body: delivery.FailedInput } },
    async (req) => delivery.recordFailed(ddeps, requireStaff(req), req.params.id, req.body, originOf(req)),
  );

  app.get(
    '/api/v1/offices/:officeCode/delivery-settings',
    { config: { access: 'delivery.settings' }, schema: { tags: ['deliveries'], params: office } },
    async (req) => delivery.deliverySettingsOf(ddeps, requireStaff(req), req.params.officeCode),
  );

  app.put(
    '/api/v1/offices/:officeCode/delivery-settings',
    { config: { access: 'delivery.settings' }, schema: { tags: ['deliveries'], summary: 'After how many failed trips a document goes back to the office (default 3)', params: office, body: delivery.SettingsInput } },
    async (req) => delivery.updateDeliverySettings(ddeps, requireStaff(req), req.params.officeCode, req.body, originOf(req)),
  );
}
