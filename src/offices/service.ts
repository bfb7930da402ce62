/**
 * Offices (kecamatan) and their desa. An office is created from the region dataset by its
 * Kemendagri code, so names and desa codes are the official ones, never typed by hand.
 */
import { z } from 'zod';
import { MAX_ANSWER_DAYS, MIN_ANSWER_DAYS } from '../complaints/complaints.js';
import { KiaRuleSetSchema, type KiaRuleSet } from '../catalogue/catalogue.js';
import type { Db } from '../db/database.js';
import type { OfficeContact, WeeklyHours } from '../db/schema.js';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import * as store from './storage.js';
import { hoursOverlap } from './hours-rules.js';

export { hoursOverlap } from './hours-rules.js';
import { safeLines, safeText } from '../platform/safe-text.js';

export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const WeeklyHoursSchema = z
  .partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(z.object({ open: TimeOfDay, close: TimeOfDay })).max(3))
  .refine((week) => Object.values(week).every((day) => day.every((i) => i.open < i.close)), 'open must be before close')
  // Two periods of one day that overlap (07:00–12:00 and 11:00–15:00) make every clock count twice.
  .refine((week) => Object.values(week).every((day) => !hoursOverlap(day)), 'periods of one day overlap');


export const OfficeContactSchema = z.object({
  address: safeLines().min(1).max(300),
  phone: safeText().max(30).optional(),
  whatsapp: safeText().max(30).optional(),
  email: safeText().email().max(200).optional(),
  instagram: safeText().max(100).optional(),
});

/** Banyumas hours: Monday–Thursday 07:15–15:30, Friday 07:15–15:15, closed at the weekend. */
export const BANYUMAS_HOURS: WeeklyHours = {
  '1': [{ open: '07:15', close: '15:30' }],
  '2': [{ open: '07:15', close: '15:30' }],
  '3': [{ open: '07:15', close: '15:30' }],
  '4': [{ open: '07:15', close: '15:30' }],
  '5': [{ open: '07:15', close: '15:15' }],
};

/** The region facts an office is created from (see regions/regions.ts). */
export type OfficeRegion = {
  district: { code: string; name: string };
  regency: { code: string; name: string };
  province: { name: string };
  villages: { code: string; name: string }[];
};

export type NewOffice = {
  region: OfficeRegion;
  ticketPrefix: string;
  contact: OfficeContact;
  workingHours?: WeeklyHours;
  timezone?: string;
  kiaRuleSet?: KiaRuleSet;
};

export async function createOffice(deps: { db: Db; clock: Clock }, input: NewOffice, origin: Origin): Promise<store.OfficeRow> {
  const { region } = input;
  if (await store.findOffice(deps.db, region.district.code)) throw new AppError('conflict', 409, 'errors.validation');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await store.insertOffice(
      tx,
      {
        code: region.district.code,
        name: `Kecamatan ${region.district.name}`,
        regencyCode: region.regency.code,
        regencyName: region.regency.name,
        provinceName: region.province.name,
        ticketPrefix: input.ticketPrefix.toUpperCase(),
        timezone: input.timezone ?? 'Asia/Jakarta',
        contact: input.contact,
        workingHours: input.workingHours ?? BANYUMAS_HOURS,
        kiaRuleSet: input.kiaRuleSet ?? 'national',
        createdAt: now,
      },
      region.villages,
    );
    await recordAudit(tx, now, {
      officeCode: region.district.code,
      actor: { type: 'system', id: 'setup' },
      action: 'office.created',
      entityType: 'office',
      entityId: region.district.code,
      details: { desa: region.villages.length },
    }, origin);
  });
  return (await store.findOffice(deps.db, region.district.code))!;
}

export async function getOffice(deps: { db: Db }, code: string) {
  const office = await store.findOffice(deps.db, code);
  if (!office) throw notFound();
  return { office, desa: await store.listDesa(deps.db, code) };
}

export const OfficeSettingsInput = z.object({
  contact: OfficeContactSchema.optional(),
  workingHours: WeeklyHoursSchema.optional(),
  kiaRuleSet: KiaRuleSetSchema.optional(),
  /** Working days to answer a complaint, as the office's maklumat publishes. */
  complaintAnswerDays: z.number().int().min(MIN_ANSWER_DAYS).max(MAX_ANSWER_DAYS).optional(),
});

export async function updateOfficeSettings(
  deps: { db: Db; clock: Clock },
  actor: StaffActor,
  code: string,
  input: z.infer<typeof OfficeSettingsInput>,
  origin: Origin,
) {
  authorize(actor, 'office.settings.update', { officeCode: code });
  const office = await store.findOffice(deps.db, code);
  if (!office) throw notFound();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await store.updateOffice(tx, code, {
      ...(input.contact ? { contact: input.contact } : {}),
      ...(input.workingHours ? { workingHours: input.workingHours } : {}),
      ...(input.kiaRuleSet ? { kiaRuleSet: input.kiaRuleSet } : {}),
      ...(input.complaintAnswerDays ? { complaintAnswerDays: input.complaintAnswerDays } : {}),
    });
    await recordAudit(tx, now, {
      officeCode: code,
      actor: auditActorOf(actor),
      action: 'office.settings_updated',
      entityType: 'office',
      entityId: code,
      details: { fields: Object.keys(input) },
    }, origin);
  });
  return getOffice(deps, code);
}
