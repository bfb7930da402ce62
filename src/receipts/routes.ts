/** The receipt (tanda terima) of a request just taken in, as a PDF; a new PIN for a lost one. */
import { z } from 'zod';
import { LOCALES } from '../i18n/i18n.js';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { loadRegions } from '../regions/regions.js';
import { printReceipt, reissueTrackingPin } from './service.js';
import { safeText } from '../platform/safe-text.js';

export function registerReceiptRoutes(app: App, deps: AppDeps) {
  const rdeps = { db: deps.database.db, clock: deps.clock, regions: loadRegions() };

  app.post(
    '/api/v1/requests/:id/receipt',
    {
      config: { access: 'request.create' },
      schema: {
        tags: ['requests'],
        summary: 'The receipt PDF, with the tracking PIN given at submission (checked against its hash, never stored)',
        params: z.object({ id: z.uuid() }),
        body: z.object({ pin: safeText().trim().max(12), locale: z.enum(LOCALES).default('id') }),
      },
    },
    async (req, reply) => {
      // The citizen opens the link from home: PUBLIC_URL, never the host the counter's browser used
      // (http://127.0.0.1:…); the request's host only when no public address is configured.
      const base = deps.config.publicUrl ?? `${req.protocol}://${req.host}`;
      const { pdf, ticket } = await printReceipt(rdeps, requireStaff(req), req.params.id, req.body, base, originOf(req));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="tanda-terima-${ticket}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/v1/requests/:id/pin',
    {
      config: { access: 'request.create' },
      schema: {
        tags: ['requests'],
        summary: 'A new tracking PIN for a lost receipt: the old PIN stops working; print the receipt again with the new one',
        params: z.object({ id: z.uuid() }),
        response: { 201: z.object({ ticket: z.string(), pin: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await reissueTrackingPin(rdeps, requireStaff(req), req.params.id, originOf(req))),
  );
}
