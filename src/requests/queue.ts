/**
 * Work queues and search: what each role should do next, most urgent first, with each request's
 * SOP step clock and overall clock on the office's working calendar.
 */
import type { Origin } from '../audit/audit.js';
import { recordAudit } from '../audit/audit.js';
import { authorize, WHOLE_REGENCY, type StaffActor } from '../auth/policy.js';
import type { Role } from '../auth/roles.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import type { PauseWindow } from '../calendar/pauses.js';
import { waitingClock, workClock } from '../calendar/sop-clock.js';
import { findService, slaFor, type Service } from '../catalogue/catalogue.js';
import type { Channel } from '../catalogue/vocabulary.js';
import type { Db } from '../db/database.js';
import { officeCatalogue } from '../office-catalogue/service.js';
import { pausesOf } from '../outages/service.js';
import { findOffice, listOffices, type OfficeRow } from '../offices/storage.js';
import { AppError, forbidden, notFound } from '../platform/errors.js';
import { maySearchBy, REQUEST_READ_SCOPE } from './field-access.js';
import { parseTicket } from './ticket.js';
import { waId, type RequestDeps } from './service.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { stepClockFor, type RequestState } from './workflow.js';
import * as store from './storage.js';

/** Each role's queues, as data: which states (and flag) make a request that role's work. */
export const QUEUES = {
  verify: { states: ['submitted'], roles: ['operator', 'kasi', 'sekcam', 'camat'] },
  process: { states: ['verified', 'processing'], roles: ['operator', 'kasi'] },
  hand_over: { states: ['ready'], roles: ['operator', 'kasi'] },
  escalated: { states: ['submitted', 'verified', 'processing', 'ready'], flag: 'escalated', roles: ['kasi', 'sekcam', 'camat'] },
  deliveries: { states: ['ready'], flag: 'home_delivery', roles: ['kurir', 'kasi', 'operator'], ownOnlyFor: ['kurir'] },
  returned: { states: ['returned'], roles: ['operator', 'kasi'] },
} as const satisfies Record<string, { states: readonly RequestState[]; roles: readonly Role[]; flag?: string; ownOnlyFor?: readonly Role[] }>;
export type QueueName = keyof typeof QUEUES;

/**
 * A request's two clocks (issue 11, item 7). `overall`: the waiting time since submission against
 * the request's working-days standard — the one a queued file is judged by, and the one escalation
 * follows. `step`: the officer's work on the current SOP step, from taking the file, against its
 * 5/30/15 minutes; `not_taken` while the file waits in the queue. Both leave out outage windows.
 */
export function clocksOf(cal: WorkCalendar, r: store.RequestRow, now: Date, pauses: readonly PauseWindow[] = [], standardWorkingDays: number | null = null) {
  const waiting = waitingClock(cal, { submittedAt: r.submittedAt, dueAt: r.dueAt, standardWorkingDays }, now, pauses);
  const overall = {
    due: waiting.due.toISOString(),
    state: waiting.state,
    remainingMinutes: waiting.remainingMinutes,
    escalatedTo: waiting.escalatedTo,
    submittedAt: r.submittedAt.toISOString(),
    elapsedMinutes: waiting.elapsedMinutes,
    budgetMinutes: waiting.budgetMinutes,
    standardWorkingDays: waiting.standardWorkingDays,
    pausedMinutes: waiting.pausedMinutes,
  };
  const clock = stepClockFor(r.state as RequestState);
  if (!clock) return { overall, step: null };
  const work = workClock(cal, clock.step, r.workStartedAt, now, pauses);
  return {
    overall,
    step: {
      step: work.step,
      state: work.state,
      standardMinutes: work.standardMinutes,
      takenAt: work.takenAt?.toISOString() ?? null,
      workedMinutes: work.workedMinutes,
      remainingMinutes: work.remainingMinutes,
      pausedMinutes: work.pausedMinutes,
      due: work.due?.toISOString() ?? null,
    },
  };
}

/** The working-days standard of a request's service and channel in the office's catalogue; null for a service no longer offered. */
export function standardDaysOf(services: readonly Service[], r: Pick<store.RequestRow, 'serviceCode' | 'channel'>): number | null {
  const service = findService(services, r.serviceCode);
  return service ? slaFor(service, r.channel as Channel) : null;
}

/** The clocks of several requests of one office: its calendar, outages and catalogue loaded once. */
export async function clocksForOffice(db: Db, office: OfficeRow, rows: readonly store.RequestRow[], now: Date) {
  const cal = await loadOfficeCalendar(db, office, now);
  const since = rows.reduce((min, r) => (r.submittedAt < min ? r.submittedAt : min), now);
  const pauses = await pausesOf(db, office.code, since, now);
  const services = await officeCatalogue(db, office);
  return rows.map((r) => clocksOf(cal, r, now, pauses, standardDaysOf(services, r)));
}

export async function workQueue(
  deps: RequestDeps,
  actor: StaffActor,
  officeCode: string,
  q: { queue: QueueName; serviceCode?: string; desaCode?: string; channel?: string; limit: number; after?: store.QueueCursor },
) {
  authorize(actor, 'request.read', { officeCode });
  const office = await findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  const queue = QUEUES[q.queue];
  // A queue is the work of the roles it names; anyone else reading it would browse the office's requests.
  if (!(queue.roles as readonly Role[]).includes(actor.role)) throw forbidden();
  const ownOnly = ('ownOnlyFor' in queue && (queue.ownOnlyFor as readonly Role[]).includes(actor.role)) || REQUEST_READ_SCOPE[actor.role] === 'own_deliveries';
  const rows = await store.queuePage(deps.db, {
    officeCode,
    states: queue.states,
    flag: 'flag' in queue ? queue.flag : undefined,
    courierStaffId: ownOnly ? actor.userId : undefined,
    serviceCode: q.serviceCode,
    desaCode: q.desaCode,
    channel: q.channel,
    limit: q.limit,
    after: q.after,
  });
  return { rows, clocks: await clocksForOffice(deps.db, office, rows, deps.clock.now()) };
}

/** Reads a search text as a ticket, a NIK, a phone number or a name. */
export function searchKeyOf(text: string): store.SearchKey {
  const ticket = parseTicket(text);
  if (ticket) return { kind: 'ticket', ticket: ticket.ticket };
  const digits = text.replace(/[\s.-]/g, '');
  if (/^\d{16}$/.test(digits)) return { kind: 'nik', nik: digits };
  if (/^(\+?62|0)8\d{7,12}$/.test(digits)) return { kind: 'phone', phone: waId(digits) };
  return { kind: 'name', text: text.trim() };
}

/**
 * Searching is reading citizens' data: it is audited, by the kind of key only (never the key itself).
 * A role searches only by what it may see (`maySearchBy`), and within its read scope: a kurir finds
 * only the deliveries given to it.
 */
export async function searchOfficeRequests(deps: RequestDeps, actor: StaffActor, officeCode: string | typeof WHOLE_REGENCY, text: string, origin: Origin) {
  const offices =
    officeCode === WHOLE_REGENCY
      ? (await listOffices(deps.db)).map((o) => o.code).filter((c) => c.startsWith(`${actor.regencyCode}.`))
      : [officeCode];
  for (const code of offices) authorize(actor, 'request.read', { officeCode: code });
  const key = searchKeyOf(text);
  if (!maySearchBy(actor.role, key.kind)) throw new AppError('search_key_not_allowed', 403, 'errors.search_key_not_allowed');
  const courierStaffId = REQUEST_READ_SCOPE[actor.role] === 'own_deliveries' ? actor.userId : undefined;
  const rows = offices.length ? await store.searchRequests(deps.db, offices, key, 50, { courierStaffId }) : [];
  await recordAudit(deps.db, deps.clock.now(), {
    officeCode: officeCode === WHOLE_REGENCY ? null : officeCode,
    actor: { type: 'staff', id: actor.userId, role: actor.role },
    action: 'request.searched',
    entityType: 'request',
    details: { keyKind: key.kind, results: rows.length },
  }, origin);
  return rows;
}
