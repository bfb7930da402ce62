/**
 * An office's working calendar: its weekly hours, the national holidays and cuti bersama of the
 * years around `now`, and the closures its admin entered. Admins add and remove closures here.
 */
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { recordAudit, auditActorOf, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import { createWorkCalendar, officeDate, officeYear, type Closure, type ClosureKind, type WorkCalendar } from '../calendar/calendar.js';
import { ENTERED_HOLIDAY_YEARS, officeHolidayYear } from '../calendar/holidays.js';
import type { Clock } from '../platform/clock.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { WeeklyHoursSchema } from './service.js';
import * as store from './storage.js';
import { safeText } from '../platform/safe-text.js';

export async function loadOfficeCalendar(db: Db, office: store.OfficeRow, now: Date): Promise<WorkCalendar> {
  const year = officeYear(office.timezone, now);
  const rows = await store.listClosures(db, office.code);
  const entered = rows.filter((c) => c.kind !== OPEN_ON_CUTI_BERSAMA).map(toClosure);
  const confirmed = new Set((await store.listConfirmedHolidayYears(db, office.code)).map((c) => c.year));
  const periods = await store.listSpecialPeriods(db, office.code);
  const closures = [
    ...[year - 1, year, year + 1].flatMap((y) => officeHolidayYear(y, entered, confirmed.has(y)).closures),
    // Office closures, and entries of years outside the window; a date listed twice is harmless.
    ...entered,
  ];
  return createWorkCalendar({
    timeZone: office.timezone,
    schedule: office.workingHours,
    closures: withoutOpenDays(closures, rows),

    specialPeriods: periods.map(({ name, from, to, schedule }) => ({ name, from, to, schedule })),
  });
}

/**
 * An entry saying the office serves on a cuti bersama day: cuti bersama is leave for civil
 * servants, not a holiday by law, and a service office may keep its counter open (a libur
 * nasional cannot be waived this way). Stored beside the closures, in the same table.
 */
export const OPEN_ON_CUTI_BERSAMA = 'buka_cuti_bersama';

/** The calendar's closures minus the cuti bersama days the office declared itself open on. */
export function withoutOpenDays(closures: readonly Closure[], entries: readonly { date: string; kind: string }[]): Closure[] {
  const open = new Set(entries.filter((e) => e.kind === OPEN_ON_CUTI_BERSAMA).map((e) => e.date));
  return closures.filter((c) => !(c.kind === 'cuti_bersama' && open.has(c.date)));
}

const toClosure = (c: { date: string; kind: string; name: string }): Closure => ({ date: c.date, kind: c.kind as ClosureKind, name: c.name });
const nationalOf = (closures: readonly Closure[], year: number) =>
  closures.filter((c) => (c.kind === 'libur_nasional' || c.kind === 'cuti_bersama') && c.date.startsWith(`${year}-`));

export const ClosureInput = z.object({
  date: z.iso.date(),
  kind: z.enum(['penutupan_kantor', 'cuti_bersama', 'libur_nasional', OPEN_ON_CUTI_BERSAMA]),
  name: safeText().trim().min(1).max(120),
});

/**
 * The calendar an admin sees: per year the list in force (shipped, the office's confirmed entries,
 * or the estimate plus entries), whether and when the office confirmed it, how many national
 * entries it has for the year; then the office's own closures and special periods.
 */
export async function officeCalendarView(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string) {
  authorize(actor, 'office.read', { officeCode });
  const office = await store.findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  const year = officeYear(office.timezone, deps.clock.now());
  const entered = (await store.listClosures(deps.db, officeCode)).map(toClosure);
  const confirmations = await store.listConfirmedHolidayYears(deps.db, officeCode);
  return {
    years: [year, year + 1].map((y) => {
      const confirmation = confirmations.find((c) => c.year === y);
      const h = officeHolidayYear(y, entered, confirmation !== undefined);
      return {
        year: y,
        confirmed: h.confirmed,
        confirmedAt: h.inForce === 'office' && confirmation ? confirmation.confirmedAt.toISOString() : null,
        inForce: h.inForce,
        enteredCount: nationalOf(entered, y).length,
        closures: h.closures,
      };
    }),
    officeClosures: entered,
    specialPeriods: (await store.listSpecialPeriods(deps.db, officeCode)).map(({ name, from, to, schedule }) => ({ name, from, to, schedule })),
  };
}

export const HolidayYearParam = z.coerce.number().int().min(1970).max(9999);

/**
 * The admin checked the year's entered libur nasional and cuti bersama against the SKB 3 Menteri:
 * from now on the office's calendar for that year is exactly that list. A shipped year is already
 * confirmed; an empty list would leave the year without any holiday, so both are refused.
 */
export async function confirmHolidayYear(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string, year: number, origin: Origin) {
  authorize(actor, 'calendar.update', { officeCode });
  if (!(await store.findOffice(deps.db, officeCode))) throw notFound();
  if (ENTERED_HOLIDAY_YEARS[year]) throw conflict('errors.holiday_year_shipped', { year });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const list = nationalOf((await store.listClosures(tx, officeCode)).map(toClosure), year);
    if (list.length === 0) throw invalid('errors.holiday_year_empty', { year });
    if (!(await store.insertConfirmedHolidayYear(tx, { officeCode, year, confirmedAt: now, confirmedBy: actor.userId }))) {
      throw conflict('errors.holiday_year_already_confirmed', { year });
    }
    const details = {
      year,
      closures: list.length,
      liburNasional: list.filter((c) => c.kind === 'libur_nasional').length,
      cutiBersama: list.filter((c) => c.kind === 'cuti_bersama').length,
    };
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'calendar.holiday_year_confirmed', entityType: 'office', entityId: officeCode, details }, origin);
  });
}

/** Undo: the year goes back to the estimate plus the entries, which stay. */
export async function unconfirmHolidayYear(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string, year: number, origin: Origin) {
  authorize(actor, 'calendar.update', { officeCode });
  await deps.db.transaction(async (tx) => {
    if (!(await store.deleteConfirmedHolidayYear(tx, officeCode, year))) throw notFound();
    await recordAudit(tx, deps.clock.now(), { officeCode, actor: auditActorOf(actor), action: 'calendar.holiday_year_unconfirmed', entityType: 'office', entityId: officeCode, details: { year } }, origin);
  });
}

export async function addClosure(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string, input: z.infer<typeof ClosureInput>, origin: Origin) {
  authorize(actor, 'calendar.update', { officeCode });
  const office = await store.findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  // A closure years back is a typo of the year (2021 for 2026): it would change nothing but the
  // history of finished requests. Up to a year back is a correction and allowed.
  const yearAgo = officeDate(office.timezone, new Date(deps.clock.now().getTime() - 366 * 86_400_000));
  if (input.date < yearAgo)
    throw new AppError('validation', 422, 'errors.closure_too_old', { date: input.date }, { errors: [{ field: 'body.date', code: 'closure_too_old', messageKey: 'errors.closure_too_old', params: { date: input.date } }] });
  if (input.kind === OPEN_ON_CUTI_BERSAMA) {
    // Only a day the calendar closes as cuti bersama can be opened; anything else would be a no-op the admin did not mean.
    const calendar = await loadOfficeCalendar(deps.db, office, new Date(`${input.date}T12:00:00Z`));
    if (!(calendar.closures.get(input.date) ?? []).some((c) => c.kind === 'cuti_bersama')) throw invalid('errors.not_cuti_bersama', { date: input.date });
  }
  await deps.db.transaction(async (tx) => {
    if (!(await store.insertClosure(tx, { officeCode, ...input }))) throw new AppError('conflict', 409, 'errors.closure_exists');
    await recordAudit(tx, deps.clock.now(), { officeCode, actor: auditActorOf(actor), action: 'calendar.closure_added', entityType: 'office', entityId: officeCode, details: input }, origin);
  });
}

export async function removeClosure(deps: { db: Db; clock: Clock }, actor: StaffActor, officeCode: string, input: { date: string; kind: string }, origin: Origin) {
  authorize(actor, 'calendar.update', { officeCode });
  await deps.db.transaction(async (tx) => {
    if (!(await store.deleteClosure(tx, officeCode, input.date, input.kind))) throw notFound();
    // A confirmed year is exactly its entries: removing the last would leave it without holidays.
    const year = Number(input.date.slice(0, 4));
    if ((input.kind === 'libur_nasional' || input.kind === 'cuti_bersama') && (await store.listConfirmedHolidayYears(tx, officeCode)).some((c) => c.year === year)) {
      if (nationalOf((await store.listClosures(tx, officeCode)).map(toClosure), year).length === 0) throw conflict('errors.holiday_year_would_be_empty', { year });
    }
    await recordAudit(tx, deps.clock.now(), { officeCode, actor: auditActorOf(actor), action: 'calendar.closure_removed', entityType: 'office', entityId: officeCode, details: input }, origin);
  });
}

export const SpecialPeriodInput = z
  .object({ name: safeText().trim().min(1).max(120), from: z.iso.date(), to: z.iso.date(), schedule: WeeklyHoursSchema })
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
