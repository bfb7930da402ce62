/** Reading the audit trail. There is deliberately no route that changes it. */
import { z } from 'zod';
import { authorize } from '../auth/policy.js';
import { requireStaff, type App, type AppDeps } from '../platform/http.js';
import { listAudit } from './audit.js';
import { safeText } from '../platform/safe-text.js';

export function registerAuditRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/offices/:officeCode/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        params: z.object({ officeCode: z.string() }),
        querystring: z.object({
          entityType: safeText().max(40).optional(),
          entityId: safeText().max(80).optional(),
          beforeId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => {
      const actor = requireStaff(req);
      authorize(actor, 'audit.read', { officeCode: req.params.officeCode });
      const entries = await listAudit(deps.database.db, { officeCodes: [req.params.officeCode], ...req.query });
      return {
        entries: entries.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorType: e.actorType,
          actorId: e.actorId,
          actorRole: e.actorRole,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          details: e.details,
          ip: e.ip,
          requestId: e.requestId,
        })),
      };
    },
  );
}
