/**
 * Data-subject requests (UU PDP): find, export, correct, erase what the office holds on a person.
 * POST even for reading: the NIK or phone number travels in the body, never in a URL or a log.
 */
import { z } from 'zod';
import { officeDate } from '../calendar/calendar.js';
import { t } from '../i18n/i18n.js';
import { findOffice } from '../offices/storage.js';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { correctDataSubject, CorrectionInput, eraseDataSubject, ErasureInput, exportDataSubject, findDataSubject, SubjectKeyInput } from './data-subjects.js';

export function registerPrivacyRoutes(app: App, deps: AppDeps) {
  const pdeps = { db: deps.database.db, clock: deps.clock, secret: deps.secret, blobs: deps.blobs };
  const params = z.object({ officeCode: z.string() });

  app.post(
    '/api/v1/offices/:officeCode/data-subjects/search',
    {
      config: { access: 'personal_data.manage' },
      schema: { tags: ['personal data'], summary: 'Everything the office holds on a person, by NIK or WhatsApp number (audited)', params, body: SubjectKeyInput },
    },
    async (req) => findDataSubject(pdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req)),
  );

  app.post(
    '/api/v1/offices/:officeCode/data-subjects/export',
    {
      config: { access: 'personal_data.manage' },
      schema: { tags: ['personal data'], summary: 'A copy of it for the person, as a JSON file with Indonesian keys (audited)', params, body: SubjectKeyInput },
    },
    async (req, reply) => {
      const copy = await exportDataSubject(pdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req));
      const day = officeDate((await findOffice(pdeps.db, req.params.officeCode))?.timezone ?? 'Asia/Jakarta', new Date(copy.dibuatPada));
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="data-pribadi-${day}.json"`)
        .header('cache-control', 'private, no-store')
        .send(JSON.stringify(copy, null, 2));
    },
  );

  app.post(
    '/api/v1/offices/:officeCode/data-subjects/corrections',
    {
      config: { access: 'personal_data.manage' },
      schema: { tags: ['personal data'], summary: "Correct a request's names, birth date or phone (old values kept only in the audit entry)", params, body: CorrectionInput },
    },
    async (req) => correctDataSubject(pdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req)),
  );

  app.post(
    '/api/v1/offices/:officeCode/data-subjects/erasure',
    {
      config: { access: 'personal_data.manage' },
      schema: { tags: ['personal data'], summary: 'Erase or anonymise what the retention rules allow; the rest is refused with its reason', params, body: ErasureInput },
    },
    async (req) => {
      const result = await eraseDataSubject(pdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req));
      const timeZone = (await findOffice(pdeps.db, req.params.officeCode))?.timezone ?? 'Asia/Jakarta';
      return {
        erased: result.erased,
        refused: result.refused.map((r) => ({ ...r, message: t(req.locale, `privacy.refusals.${r.reason}`, { until: r.until ? officeDate(timeZone, new Date(r.until)) : '' }) })),
      };
    },
  );
}
