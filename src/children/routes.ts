/** The children register, schools and KIA coverage (issue 12). */
import { z } from 'zod';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { safeText } from '../platform/safe-text.js';
import { loadRegions } from '../regions/regions.js';
import { CHILD_COLUMNS } from './children.js';
import { previewRoster } from './roster.js';
import { readRoster } from './roster-xlsx.js';
import { importChildren, kiaCoverage, listRegister, saveSchool, SchoolInput, schoolsOf } from './service.js';

/** A list of 100,000 children as CSV is some 15 MB; base64 adds a third. */
const IMPORT_BODY_LIMIT = 25 * 1024 * 1024;

const ImportBody = z.object({
  fileName: safeText().trim().min(1).max(200),
  contentBase64: z.base64().max(IMPORT_BODY_LIMIT),
  mapping: z.record(safeText().max(200), z.union([z.enum(CHILD_COLUMNS), z.literal('')])).optional(),
  dryRun: z.boolean().default(false),
  onlyValid: z.boolean().default(false),
});

export function registerChildrenRoutes(app: App, deps: AppDeps) {
  const cdeps = { db: deps.database.db, clock: deps.clock, regions: loadRegions() };
  const params = z.object({ officeCode: z.string() });

  app.get(
    '/api/v1/offices/:officeCode/children',
    {
      config: { access: 'children.read' },
      schema: { tags: ['children'], summary: "The office's children register, by name", params, querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) }) },
    },
    async (req) => listRegister(cdeps, requireStaff(req), req.params.officeCode, req.query),
  );

  app.post(
    '/api/v1/offices/:officeCode/children/import-preview',
    {
      config: { access: 'children.import' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags: ['children'], summary: "A list's columns, the register column each seems to hold, and its first rows, before importing", params, body: ImportBody.pick({ fileName: true, contentBase64: true }) },
    },
    async (req) => {
      requireStaff(req);
      const table = await readRoster(Buffer.from(req.body.contentBase64, 'base64'));
      if ('problem' in table) return { header: [], suggested: {}, rows: [], dataRows: 0, columns: CHILD_COLUMNS };
      return { ...previewRoster(table), columns: CHILD_COLUMNS };
    },
  );

  app.post(
    '/api/v1/offices/:officeCode/children/imports',
    {
      config: { access: 'children.import' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['children'],
        summary: "Import a desa's extract or a school's roster: every row checked, a report by line and column; all or nothing unless onlyValid; re-importing never duplicates",
        params,
        body: ImportBody,
      },
    },
    async (req) => {
      const body = req.body;
      return importChildren(
        cdeps,
        requireStaff(req),
        req.params.officeCode,
        { fileName: body.fileName, bytes: Buffer.from(body.contentBase64, 'base64'), mapping: body.mapping, dryRun: body.dryRun, onlyValid: body.onlyValid },
        originOf(req),
        req.locale,
      );
    },
  );

  app.get(
    '/api/v1/offices/:officeCode/schools',
    { config: { access: 'coverage.read' }, schema: { tags: ['children'], summary: 'The schools of the office’s area (unit pendidikan)', params } },
    async (req) => schoolsOf(cdeps, requireStaff(req), req.params.officeCode),
  );

  app.post(
    '/api/v1/offices/:officeCode/schools',
    { config: { access: 'children.import' }, schema: { tags: ['children'], summary: 'Add a school, or update it by its NPSN; audited', params, body: SchoolInput } },
    async (req, reply) => {
      const result = await saveSchool(cdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req));
      return reply.status(result.created ? 201 : 200).send({ school: result.school });
    },
  );

  app.get(
    '/api/v1/offices/:officeCode/kia-coverage',
    {
      config: { access: 'coverage.read' },
      schema: {
        tags: ['children'],
        summary: "KIA coverage: children 0–16 in the register and those holding a KIA, per desa, school and age band; 'regency' as the office: every office of the regency role's regency",
        params,
      },
    },
    async (req) => kiaCoverage(cdeps, requireStaff(req), req.params.officeCode),
  );
}
