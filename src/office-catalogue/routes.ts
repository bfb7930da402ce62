/** The admin's settings of the office's services: on/off, own requirement list, own time standard. */
import { z } from 'zod';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { findService, requirementsFor } from '../catalogue/catalogue.js';
import { findOffice } from '../offices/storage.js';
import { notFound } from '../platform/errors.js';
import * as settings from './service.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true').optional();

export function registerServiceSettingRoutes(app: App, deps: AppDeps) {
  const sdeps = { db: deps.database.db, clock: deps.clock };
  const params = z.object({ officeCode: z.string(), serviceCode: z.string().max(60) });

  // Public, like the catalogue: what to bring, for this office, for a child of this age.
  app.get(
    '/api/v1/offices/:officeCode/services/:serviceCode/checklist',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: "A service's checklist for what is known about the person it is for",
        params,
        querystring: z.object({ ageYears: z.coerce.number().int().min(0).max(130).optional(), hasBirthCertificate: flag, foreign: flag, everMarried: flag }),
      },
    },
    async (req) => {
      const office = await findOffice(sdeps.db, req.params.officeCode);
      if (!office) throw notFound();
      const service = findService(await settings.officeCatalogue(sdeps.db, office), req.params.serviceCode);
      if (!service) throw notFound();
      const { ageYears, hasBirthCertificate, foreign, everMarried } = req.query;
      return {
        checklist: settings.describedChecklist(requirementsFor(service, {
          ...(ageYears !== undefined && { subjectAgeYears: ageYears }),
          ...(hasBirthCertificate !== undefined && { hasBirthCertificate }),
          ...(foreign !== undefined && { foreign }),
          ...(everMarried !== undefined && { everMarried }),
        })),
      };
    },
  );

  app.get(
    '/api/v1/offices/:officeCode/service-settings',
    { config: { access: 'office.read' }, schema: { tags: ['catalogue'], summary: "Each service as shipped, the office's own version, and the result", params: z.object({ officeCode: z.string() }) } },
    async (req) => settings.serviceSettingsView(sdeps, requireStaff(req), req.params.officeCode),
  );

  app.put(
    '/api/v1/offices/:officeCode/service-settings/:serviceCode',
    { config: { access: 'catalogue.update' }, schema: { tags: ['catalogue'], summary: 'Switch a service on or off, set its own requirement list and time standard (null: as shipped)', params, body: settings.ServiceSettingInput } },
    async (req) => {
      await settings.updateServiceSetting(sdeps, requireStaff(req), req.params.officeCode, req.params.serviceCode, req.body, originOf(req));
      return settings.serviceSettingsView(sdeps, requireStaff(req), req.params.officeCode);
    },
  );

  app.delete(
    '/api/v1/offices/:officeCode/service-settings/:serviceCode',
    { config: { access: 'catalogue.update' }, schema: { tags: ['catalogue'], summary: 'Back to the service as shipped', params } },
    async (req) => {
      await settings.resetServiceSetting(sdeps, requireStaff(req), req.params.officeCode, req.params.serviceCode, originOf(req));
      return settings.serviceSettingsView(sdeps, requireStaff(req), req.params.officeCode);
    },
  );
}
