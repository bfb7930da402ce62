/**
 * An office's working calendar: its weekly hours, the national holidays and cuti bersama of the
 * years around `now`, and the closures its admin entered. Admins add and remove closures here.
 */
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { recordAudit, auditActorOf, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import { createWorkCalendar, type ClosureKind, type WorkCalendar } from '../calendar/calendar.js';
import { holidaysForYear } from '../calendar/holidays.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import { WeeklyHoursSchema } from './service.js';
import * as store from './storage.js';

export async function loadOfficeCalendar(db: Db, office: store.OfficeRow, now: Date): Promise<WorkCalendar> {
  const year = now.getUTCFullYear();
  const entered = await store.listClosures(db, office.code);
  const periods = await store.listSpecialPeriods(db, office.code);
  return createWorkCalendar({
    timeZone: office.timezone,
    schedule: office.workingHours,
    closures: [
      ...[year - 1, year, year + 1].flatMap((y) => holidaysForYear(y).closures),
      ...entered.map((c) => ({ date: c.date, kind: c.kind as ClosureKind, name: c.name })),
    ],
    specialPeriods: periods.map(({ name, from, to, schedule }) => ({ name, from, to, schedule })),
  });
}

export const ClosureInput = z.object({
  date: z.iso.date(),
  kind: z.enum(['penutupan_kantor', 'cuti_bersama', 'libur_nasional']),
  name: z.string().trim().min(1).max(120),
});

/** The calendar an admin sees: each year's holidays (and whether the year is confirmed) and the office's own closures. */
export async function officeCalendarView(deps: { db: Db; clock: Clock }, officeCode: string) {
  const office = await store.findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  const year = deps.clock.now().getUTCFullYear();
  return {
    years: [year, year + 1].map((y) => {
      const h = holidaysForYear(y);
      return { year: y, confirmed: h.confirmed, closures: h.closures };
    }),
    officeClosures: (await store.listClosures(deps.db, officeCode)).map(({ date, kind, name }) => ({ date, kind, name })),
    specialPeriods: (await store.listSpecialPeriods(deps.db, officeCode)).map(({ name, from, to, schedule }) => ({ name, from, to, schedule })),
  };
}

export async function addClosure(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string, input: z.infer<typeof ClosureInput>, origin: Origin) {
  authorize(actor, 'calendar.update', { officeCode });
  if (!(await store.findOffice(deps.db, officeCode))) throw notFound();
  await deps.db.transaction(async (tx) => {
    if (!(await store.insertClosure(tx, { officeCode, ...input }))) throw new AppError('conflict', 409, 'errors.closure_exists');
    await recordAudit(tx, deps.clock.now(), { officeCode, actor: auditActorOf(actor), action: 'calendar.closure_added', entityType: 'office', entityId: officeCode, details: input }, origin);
  });
}

export async function removeClosure(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string, input: { date: string; kind: string }, origin: Origin) {
  authorize(actor, 'calendar.update', { officeCode });
  await deps.db.transaction(async (tx) => {
    if (!(await store.deleteClosure(tx, officeCode, input.date, input.kind))) throw notFound();
    await recordAudit(tx, deps.clock.now(), { officeCode, actor: auditActorOf(actor), action: 'calendar.closure_removed', entityType: 'office', entityId: officeCode, details: input }, origin);
  });
}

export const SpecialPeriodInput = z
  .object({ name: z.string().trim().min(1).max(120), from: z.iso.date(), to: z.iso.date(), schedule: WeeklyHoursSchema })
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] });

/** Adds e.g. Ramadan hours; refused (422) when they overlap another period or are not valid hours. */
export async function addSpecialPeriod(
  deps: { db: Db; clock: Clock },
  actor: StaffActor,
  officeCode: string,
  input: z.infer<typeof SpecialPeriodInput>,
  origin: Origin,
) {
  authorize(actor, 'calendar.update', { officeCode });
  const office = await store.findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  const existing = await store.listSpecialPeriods(deps.db, officeCode);
  try {
    // The calendar's own validation (overlaps, interval order) decides whether the set is coherent.
    createWorkCalendar({ timeZone: office.timezone, schedule: office.workingHours, specialPeriods: [...existing, input] });
  } catch (err) {
    if (err instanceof RangeError) throw new AppError('validation', 422, 'errors.validation', {}, { errors: [{ field: 'body', message: err.message }] });
    throw err;
  }
  await deps.db.transaction(async (tx) => {
    if (!(await store.insertSpecialPeriod(tx, { officeCode, ...input }))) throw new AppError('conflict', 409, 'errors.closure_exists');
    await recordAudit(tx, deps.clock.now(), { officeCode, actor: auditActorOf(actor), action: 'calendar.special_period_added', entityType: 'office', entityId: officeCode, details: { name: input.name, from: input.from, to: input.to } }, origin);
  });
}

export async function removeSpecialPeriod(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string, from: string, origin: Origin) {
  authorize(actor, 'calendar.update', { officeCode });
  await deps.db.transaction(async (tx) => {
    if (!(await store.deleteSpecialPeriod(tx, officeCode, from))) throw notFound();
    await recordAudit(tx, deps.clock.now(), { officeCode, actor: auditActorOf(actor), action: 'calendar.special_period_removed', entityType: 'office', entityId: officeCode, details: { from } }, origin);
  });
}
