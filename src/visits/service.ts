/**
 * Home visits: planning one for a request whose applicant asked for it, and its outcome. Each
 * writes the visit, its audit entry and the guardian's WhatsApp confirmation in one transaction.
 */
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import type { Db } from '../db/database.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { findOffice } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import { safeLines } from '../platform/safe-text.js';
import * as requestStore from '../requests/storage.js';
import { isFinal, type RequestState } from '../requests/workflow.js';
import { checkVisitSlot, decideOutcome, MAX_VISIT_MINUTES, MIN_VISIT_MINUTES, VISIT_EQUIPMENT, VISIT_OUTCOMES, type VisitRefusal } from './visits.js';
import * as store from './storage.js';

export type VisitDeps = { db: Db; clock: Clock };

export const ScheduleVisitInput = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(MIN_VISIT_MINUTES).max(MAX_VISIT_MINUTES).default(60),
  officerIds: z.array(z.uuid()).min(1).max(5),
  equipment: z.array(z.enum(VISIT_EQUIPMENT)).max(VISIT_EQUIPMENT.length).default([]),
});
export const VisitOutcomeInput = z.object({
  outcome: z.enum(VISIT_OUTCOMES),
  reason: safeLines().trim().max(300).optional(),
  newStartsAt: z.iso.datetime({ offset: true }).optional(),
});

const refusal = (reason: VisitRefusal) =>
  reason === 'visit_closed'
    ? new AppError('visit_closed', 409, 'visits.errors.visit_closed')
    : new AppError('validation', 422, `visits.errors.${reason}`, {}, { errors: [{ field: reason === 'reason_required' ? 'body.reason' : reason === 'new_time_required' || reason === 'in_the_past' || reason === 'outside_office_hours' ? 'body.startsAt' : 'body', code: reason }] });

const ZONE_WORDS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** The visit's date and time as the office's clock reads them, for the WhatsApp confirmation. */
function localWhen(cal: WorkCalendar, timeZone: string, instant: Date) {
  const local = new Date(instant.getTime() + cal.utcOffsetMinutes * 60_000);
  return { date: local.toISOString().slice(0, 10), time: local.toISOString().slice(11, 16), zone: ZONE_WORDS[timeZone] ?? 'WIB' };
}

async function requestFor(deps: VisitDeps, actor: StaffActor, requestId: string) {
  const request = await requestStore.findRequest(deps.db, requestId);
  if (!request) throw notFound();
  authorize(actor, 'visit.manage', { officeCode: request.officeCode });
  const office = await findOffice(deps.db, request.officeCode);
  if (!office) throw notFound();
  return { request, office };
}

export function presentVisit(v: store.HomeVisitRow) {
  return {
    id: v.id,
    startsAt: v.startsAt.toISOString(),
    durationMinutes: v.durationMinutes,
    officerIds: v.officerIds,
    equipment: v.equipment,
    outcome: v.outcome,
    outcomeReason: v.outcomeReason,
    outcomeAt: v.outcomeAt?.toISOString() ?? null,
  };
}

/** A visit planned within office hours, for a request whose applicant asked for one; the guardian is told on WhatsApp. */
export async function scheduleVisit(deps: VisitDeps, actor: StaffActor, requestId: string, input: z.infer<typeof ScheduleVisitInput>, origin: Origin) {
  const { request, office } = await requestFor(deps, actor, requestId);
  if (isFinal(request.state as RequestState)) throw new AppError('visit_request_closed', 409, 'visits.errors.request_closed');
  if (!request.specialNeeds?.accommodations.includes('home_visit')) throw new AppError('visit_not_asked', 409, 'visits.errors.not_asked');
  const now = deps.clock.now();
  const cal = await loadOfficeCalendar(deps.db, office, now);
  const startsAt = new Date(input.startsAt);
  const slot = checkVisitSlot(cal, startsAt, input.durationMinutes, now);
  if (!slot.ok) throw refusal(slot.reason);
  const officers = await store.activeVisitOfficers(deps.db, office.code, [...new Set(input.officerIds)]);
  if (officers.length !== new Set(input.officerIds).size) {
    throw new AppError('validation', 422, 'visits.errors.officer_unknown', {}, { errors: [{ field: 'body.officerIds', code: 'officer_unknown' }] });
  }
  const visit = await deps.db.transaction(async (tx) => {
    const row = await store.insertVisit(tx, { officeCode: office.code, requestId, startsAt, durationMinutes: input.durationMinutes, officerIds: officers.map((o) => o.id), equipment: [...new Set(input.equipment)], createdBy: actor.userId, createdAt: now });
    await recordAudit(tx, now, { officeCode: office.code, actor: auditActorOf(actor), action: 'visit.scheduled', entityType: 'request', entityId: requestId, details: { visitId: row.id, startsAt: row.startsAt.toISOString(), officers: row.officerIds, equipment: row.equipment } }, origin);
    await requestStore.enqueueMessage(tx, {
      officeCode: office.code,
      requestId,
      recipient: request.applicantPhone,
      kind: 'request.visit_scheduled',
      payload: { kind: 'visit_scheduled', ticket: request.ticket, ...localWhen(cal, office.timezone, startsAt) },
      createdAt: now,
      nextAttemptAt: now,
    });
    return row;
  });
  return presentVisit(visit);
}

/** Done, nobody at home, or rescheduled with a reason to a new time (a new visit, confirmed again on WhatsApp). */
export async function recordVisitOutcome(deps: VisitDeps, actor: StaffActor, visitId: string, input: z.infer<typeof VisitOutcomeInput>, origin: Origin) {
  const visit = await store.findVisit(deps.db, visitId);
  if (!visit) throw notFound();
  const { request, office } = await requestFor(deps, actor, visit.requestId);
  const now = deps.clock.now();
  const cal = await loadOfficeCalendar(deps.db, office, now);
  const decided = decideOutcome(visit, { outcome: input.outcome, reason: input.reason, newStartsAt: input.newStartsAt ? new Date(input.newStartsAt) : undefined }, { cal, now });
  if (!decided.ok) throw refusal(decided.reason);
  return deps.db.transaction(async (tx) => {
    if (!(await store.closeVisit(tx, visit.id, { outcome: input.outcome, outcomeReason: input.reason?.trim() || null, outcomeAt: now }))) throw refusal('visit_closed');
    const next = decided.reschedule
      ? await store.insertVisit(tx, { officeCode: office.code, requestId: request.id, startsAt: decided.reschedule.startsAt, durationMinutes: visit.durationMinutes, officerIds: visit.officerIds, equipment: visit.equipment, createdBy: actor.userId, createdAt: now })
      : null;
    await recordAudit(tx, now, {
      officeCode: office.code,
      actor: auditActorOf(actor),
      action: `visit.${input.outcome}`,
      entityType: 'request',
      entityId: request.id,
      // The reason is the officer's words about the visit, kept with the visit, not in the append-only log.
      details: { visitId: visit.id, ...(next && { nextVisitId: next.id, startsAt: next.startsAt.toISOString() }) },
    }, origin);
    if (input.outcome !== 'done') {
      await requestStore.enqueueMessage(tx, {
        officeCode: office.code,
        requestId: request.id,
        recipient: request.applicantPhone,
        ...(next
          ? { kind: 'request.visit_rescheduled', payload: { kind: 'visit_rescheduled', ticket: request.ticket, ...localWhen(cal, office.timezone, next.startsAt) } }
          : { kind: 'request.visit_not_home', payload: { kind: 'visit_not_home', ticket: request.ticket } }),
        createdAt: now,
        nextAttemptAt: now,
      });
    }
    return { visit: presentVisit((await store.findVisit(tx, visit.id))!), next: next ? presentVisit(next) : null };
  });
}

export async function requestVisits(deps: VisitDeps, actor: StaffActor, requestId: string) {
  await requestFor(deps, actor, requestId);
  return (await store.visitsOfRequest(deps.db, requestId)).map(presentVisit);
}

export async function visitOfficers(deps: VisitDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'visit.manage', { officeCode });
  return store.visitOfficersOf(deps.db, officeCode);
}
