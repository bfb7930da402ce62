/** Offices: the public profile (hours, address, contacts, desa) and the admin's settings. */
import { z } from 'zod';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { listOffices } from './storage.js';
import { officeCatalogue } from '../office-catalogue/service.js';
import {
  addClosure,
  addSpecialPeriod,
  ClosureInput,
  confirmHolidayYear,
  HolidayYearParam,
  officeCalendarView,
  removeClosure,
  removeSpecialPeriod,
  SpecialPeriodInput,
  unconfirmHolidayYear,
} from './calendar.js';
import * as offices from './service.js';
import { EmblemInput, hasOfficeEmblem, removeOfficeEmblem, setOfficeEmblem } from './emblem.js';

const OfficeView = z.object({
  code: z.string(),
  name: z.string(),
  regencyName: z.string(),
  provinceName: z.string(),
  timezone: z.string(),
  contact: offices.OfficeContactSchema,
  workingHours: z.record(z.string(), z.array(z.object({ open: z.string(), close: z.string() }))),
  desa: z.array(z.object({ code: z.string(), name: z.string() })),
  kiaRuleSet: z.string(),
  /** Working days to answer a complaint, as the maklumat publishes. */
  complaintAnswerDays: z.number().int(),
  /** An emblem is on the kop of printed receipts. */
  hasEmblem: z.boolean(),
});

function present({ office, desa }: Awaited<ReturnType<typeof offices.getOffice>>, hasEmblem: boolean): z.infer<typeof OfficeView> {
  return {
    code: office.code,
    name: office.name,
    regencyName: office.regencyName,
    provinceName: office.provinceName,
    timezone: office.timezone,
    contact: office.contact,
    workingHours: office.workingHours,
    desa: desa.map((d) => ({ code: d.code, name: d.name })),
    kiaRuleSet: office.kiaRuleSet,
    complaintAnswerDays: office.complaintAnswerDays,
    hasEmblem,
  };
}

export function registerOfficeRoutes(app: App, deps: AppDeps) {
  const odeps = { db: deps.database.db, clock: deps.clock };

  // Public: a citizen needs hours, address and desa before they have any account.
  app.get(
    '/api/v1/offices',
    { config: { access: 'public' }, schema: { tags: ['offices'], response: { 200: z.object({ offices: z.array(z.object({ code: z.string(), name: z.string(), regencyName: z.string() })) }) } } },
    async () => ({ offices: (await listOffices(odeps.db)).map((o) => ({ code: o.code, name: o.name, regencyName: o.regencyName })) }),
  );

  app.get(
    '/api/v1/offices/:officeCode',
    { config: { access: 'public' }, schema: { tags: ['offices'], params: z.object({ officeCode: z.string() }), response: { 200: z.object({ office: OfficeView }) } } },
    async (req) => ({ office: present(await offices.getOffice(odeps, req.params.officeCode), await hasOfficeEmblem(odeps.db, req.params.officeCode)) }),
  );

  app.patch(
    '/api/v1/offices/:officeCode',
    {
      config: { access: 'office.settings.update' },
      schema: {
        tags: ['offices'],
        params: z.object({ officeCode: z.string() }),
        body: offices.OfficeSettingsInput,
        response: { 200: z.object({ office: OfficeView }) },
      },
    },
    async (req) => ({
      office: present(await offices.updateOfficeSettings(odeps, requireStaff(req), req.params.officeCode, req.body, originOf(req)), await hasOfficeEmblem(odeps.db, req.params.officeCode)),
    }),
  );

  // The lambang daerah on the kop of printed receipts.
  app.put(
    '/api/v1/offices/:officeCode/emblem',
    {
      config: { access: 'office.settings.update' },
      bodyLimit: 2 * 1024 * 1024,
      schema: { tags: ['offices'], params: z.object({ officeCode: z.string() }), body: EmblemInput, response: { 200: z.object({ hasEmblem: z.boolean() }) } },
    },
    async (req) => setOfficeEmblem(odeps, requireStaff(req), req.params.officeCode, req.body, originOf(req)),
  );
  app.delete(
    '/api/v1/offices/:officeCode/emblem',
    { config: { access: 'office.settings.update' }, schema: { tags: ['offices'], params: z.object({ officeCode: z.string() }), response: { 200: z.object({ hasEmblem: z.boolean() }) } } },
    async (req) => removeOfficeEmblem(odeps, requireStaff(req), req.params.officeCode, originOf(req)),
  );

  // Public: what each service needs, costs (nothing) and takes, for the portal and the chatbot;
  // with the office's own settings (services switched off, own requirement lists) merged in.
  app.get(
    '/api/v1/offices/:officeCode/services',
    { config: { access: 'public' }, schema: { tags: ['catalogue'], params: z.object({ officeCode: z.string() }) } },
    async (req) => {
      const { office } = await offices.getOffice(odeps, req.params.officeCode);
      return { kiaRuleSet: office.kiaRuleSet, services: await officeCatalogue(odeps.db, office) };
    },
  );

  app.get(
    '/api/v1/offices/:officeCode/calendar',
    { config: { access: 'office.read' }, schema: { tags: ['calendar'], params: z.object({ officeCode: z.string() }) } },
    async (req) => officeCalendarView(odeps, requireStaff(req), req.params.officeCode),
  );

  app.post(
    '/api/v1/offices/:officeCode/closures',
    { config: { access: 'calendar.update' }, schema: { tags: ['calendar'], params: z.object({ officeCode: z.string() }), body: ClosureInput } },
    async (req, reply) => {
      await addClosure(odeps, requireStaff(req), req.params.officeCode, req.body, originOf(req));
      return reply.status(201).send(await officeCalendarView(odeps, requireStaff(req), req.params.officeCode));
    },
  );

  app.delete(
    '/api/v1/offices/:officeCode/closures/:date/:kind',
    { config: { access: 'calendar.update' }, schema: { tags: ['calendar'], params: z.object({ officeCode: z.string(), date: z.iso.date(), kind: z.string().max(40) }) } },
    async (req) => {
      await removeClosure(odeps, requireStaff(req), req.params.officeCode, req.params, originOf(req));
      return officeCalendarView(odeps, requireStaff(req), req.params.officeCode);
    },
  );

  const holidayYear = z.object({ officeCode: z.string(), year: HolidayYearParam });
  app.post(
    '/api/v1/offices/:officeCode/holiday-years/:year/confirmation',
    { config: { access: 'calendar.update' }, schema: { tags: ['calendar'], summary: "Confirm a year's entered libur nasional and cuti bersama (from the SKB 3 Menteri)", params: holidayYear } },
    async (req, reply) => {
      await confirmHolidayYear(odeps, requireStaff(req), req.params.officeCode, req.params.year, originOf(req));
      return reply.status(201).send(await officeCalendarView(odeps, requireStaff(req), req.params.officeCode));
    },
  );

  app.delete(
    '/api/v1/offices/:officeCode/holiday-years/:year/confirmation',
    { config: { access: 'calendar.update' }, schema: { tags: ['calendar'], summary: 'Undo the confirmation: the year goes back to the estimate plus the entries', params: holidayYear } },
    async (req) => {
      await unconfirmHolidayYear(odeps, requireStaff(req), req.params.officeCode, req.params.year, originOf(req));
      return officeCalendarView(odeps, requireStaff(req), req.params.officeCode);
    },
  );

  app.post(
    '/api/v1/offices/:officeCode/special-periods',
    { config: { access: 'calendar.update' }, schema: { tags: ['calendar'], summary: 'Other opening hours for a stretch of dates (Ramadan)', params: z.object({ officeCode: z.string() }), body: SpecialPeriodInput } },
    async (req, reply) => {
      await addSpecialPeriod(odeps, requireStaff(req), req.params.officeCode, req.body, originOf(req));
      return reply.status(201).send(await officeCalendarView(odeps, requireStaff(req), req.params.officeCode));
    },
  );

  app.delete(
    '/api/v1/offices/:officeCode/special-periods/:from',
    { config: { access: 'calendar.update' }, schema: { tags: ['calendar'], params: z.object({ officeCode: z.string(), from: z.iso.date() }) } },
    async (req) => {
      await removeSpecialPeriod(odeps, requireStaff(req), req.params.officeCode, req.params.from, originOf(req));
      return officeCalendarView(odeps, requireStaff(req), req.params.officeCode);
    },
  );
}
