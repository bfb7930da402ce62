/**
 * Jujuk Dolanan operations: the kurir's day, "sedang menuju", delivered with proof, failed with a
 * reason. Each checks that the task is the caller's own (anything else is 404, like a request
 * outside a kurir's reach), runs the pure rules of `delivery.ts`, and writes the task, the trip,
 * the audit entry and the citizen's WhatsApp notice in one transaction. "Delivered" hands the
 * request over through the SOP's own transition (`applyTransition`), so its audit, clock and
 * "delivered" notification are those of any hand-over.
 */
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, coversOffice, type StaffActor } from '../auth/policy.js';
import { officeDate } from '../calendar/calendar.js';
import type { Db } from '../db/database.js';
import { storeUpload, type FileDeps } from '../files/service.js';
import { releaseOnClose } from '../files/retention.js';
import { findFile, schedulePurge } from '../files/storage.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { findOffice } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import { safeLines, safeText } from '../platform/safe-text.js';
import { RECIPIENT_RELATIONSHIPS, applyTransition } from '../requests/transition.js';
import { stepEnding, writeEvents } from '../requests/service.js';
import * as requestStore from '../requests/storage.js';
import type { Flag, RequestState } from '../requests/workflow.js';
import {
  FAILURE_REASONS,
  MAX_FAILED_ATTEMPTS_LIMIT,
  PROOF_DOCUMENT_TYPE,
  checkRouteOrder,
  completeDelivery,
  failDelivery,
  proofPurgeDate,
  startTrip,
  type DeliveryRefusal,
  type DeliveryTask,
  type DeliveryTaskState,
} from './delivery.js';
import * as store from './storage.js';

export type DeliveryDeps = { db: Db; clock: Clock };

export const DeliveredInput = z.object({
  /** The hand-over photo, uploaded first through `POST /api/v1/deliveries/:id/proof-photo`. */
  proofFileId: z.uuid(),
  receiverName: safeText().trim().min(1).max(120),
  receiverRelation: z.enum(RECIPIENT_RELATIONSHIPS),
  receivedAt: z.coerce.date(),
  positionConsent: z.boolean().default(false),
  position: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), accuracyM: z.number().min(0).max(100_000).optional() }).optional(),
});
export type DeliveredInput = z.infer<typeof DeliveredInput>;

export const FailedInput = z.object({ reason: z.enum(FAILURE_REASONS), note: safeLines().trim().max(300).optional() });
export type FailedInput = z.infer<typeof FailedInput>;

export const RouteInput = z.object({ taskIds: z.array(z.uuid()).max(200) });
export const SettingsInput = z.object({ maxFailedAttempts: z.number().int().min(1).max(MAX_FAILED_ATTEMPTS_LIMIT) });

const refusal = (reason: DeliveryRefusal) =>
  reason === 'task_closed'
    ? new AppError('delivery_task_closed', 409, 'delivery.errors.task_closed')
    : new AppError('validation', 422, `delivery.errors.${reason}`, {}, { errors: [{ field: reason === 'note_required' ? 'body.note' : reason === 'received_in_future' ? 'body.receivedAt' : 'body.position', code: reason }] });

const domainTask = (row: store.DeliveryTaskRow): DeliveryTask => ({ state: row.state as DeliveryTaskState, failedAttempts: row.failedAttempts, scheduledFor: row.scheduledFor });

/** The caller's own task with its request; another kurir's task, or none, is 404 alike. */
async function ownTask(db: Db, actor: StaffActor, taskId: string) {
  const task = await store.findTask(db, taskId);
  if (!task || task.courierStaffId !== actor.userId || !coversOffice(actor, task.officeCode)) throw notFound();
  authorize(actor, 'delivery.run', { officeCode: task.officeCode });
  const request = await requestStore.findRequest(db, task.requestId);
  if (!request || request.courierStaffId !== actor.userId) throw notFound();
  return { task, request };
}

/** Only a task whose document still waits to go home can be worked on. */
function mustBeOpen(task: store.DeliveryTaskRow, request: requestStore.RequestRow) {
  if (request.state !== 'ready' || (task.state !== 'scheduled' && task.state !== 'on_the_way')) throw refusal('task_closed');
}

/** What the kurir's phone shows of a task: what a delivery needs, nothing else (no NIK, no scans). */
function presentTask(row: { task: store.DeliveryTaskRow; request: requestStore.RequestRow; desaName: string | null }, maxFailedAttempts: number) {
  const { task, request } = row;
  return {
    id: task.id,
    ticket: request.ticket,
    state: task.state,
    scheduledFor: task.scheduledFor,
    routeOrder: task.routeOrder,
    failedAttempts: task.failedAttempts,
    maxFailedAttempts,
    desaCode: request.desaCode,
    desaName: row.desaName,
    subjectName: request.subject.name,
    applicantName: request.applicant.name,
    applicantRelation: request.applicant.relationText ?? request.applicant.relation,
    address: request.details.delivery_address ?? null,
    /** The number the kurir calls and writes to on WhatsApp (wa_id: 62…). */
    phone: request.details.delivery_phone ?? request.applicantPhone,
    documents: request.siakOutcomes.map((o) => String(o.document)),
    disabilityNeeds: request.disabilityNeeds,
    priorityReason: request.priorityReason,
  };
}
export type CourierTask = ReturnType<typeof presentTask>;

/** The kurir's route of the day: open tasks due today or earlier, in its own order. */
export async function courierDay(deps: DeliveryDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'delivery.run', { officeCode });
  const office = await findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  const today = officeDate(office.timezone, deps.clock.now());
  const max = await store.maxFailedAttemptsOf(deps.db, officeCode);
  const rows = await store.courierTasksDue(deps.db, officeCode, actor.userId, today);
  return { date: today, tasks: rows.map((r) => presentTask(r, max)) };
}

/** The kurir's own order of the day, kept until it changes it again. */
export async function reorderRoute(deps: DeliveryDeps, actor: StaffActor, officeCode: string, taskIds: readonly string[]) {
  const day = await courierDay(deps, actor, officeCode);
  if (!checkRouteOrder(day.tasks.map((t) => t.id), taskIds)) {
    throw new AppError('validation', 422, 'delivery.errors.route_mismatch', {}, { errors: [{ field: 'body.taskIds', code: 'route_mismatch' }] });
  }
  await deps.db.transaction((tx) => store.setRouteOrder(tx, actor.userId, taskIds));
  return courierDay(deps, actor, officeCode);
}

/** "Sedang menuju": a trip starts and the citizen is told, in one transaction. */
export async function announceTrip(deps: DeliveryDeps, actor: StaffActor, taskId: string, origin: Origin) {
  const { task, request } = await ownTask(deps.db, actor, taskId);
  mustBeOpen(task, request);
  const decided = startTrip(domainTask(task));
  if (!decided.ok) throw refusal(decided.reason);
  if (!decided.notify) return { taskId: task.id, state: task.state, notified: false };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await store.updateTaskIfVersion(tx, task.id, task.version, { state: decided.task.state, updatedAt: now }))) throw new AppError('request_changed', 409, 'errors.request_changed');
    await store.insertAttempt(tx, { taskId: task.id, courierStaffId: actor.userId, startedAt: now });
    await recordAudit(tx, now, { officeCode: task.officeCode, actor: auditActorOf(actor), action: 'delivery.on_the_way', entityType: 'request', entityId: request.id, details: { taskId: task.id } }, origin);
    await requestStore.enqueueMessage(tx, {
      officeCode: task.officeCode,
      requestId: request.id,
      recipient: request.applicantPhone,
      kind: 'request.delivery_on_the_way',
      payload: { kind: 'delivery_on_the_way', ticket: request.ticket },
      createdAt: now,
      nextAttemptAt: now,
    });
  });
  return { taskId: task.id, state: decided.task.state, notified: true };
}

/** The hand-over photo, checked and kept like any upload; the kurir is its uploader. */
export async function uploadProof(deps: FileDeps, actor: StaffActor, taskId: string, bytes: Buffer, origin: Origin) {
  const { task, request } = await ownTask(deps.db, actor, taskId);
  mustBeOpen(task, request);
  // The OCR reads document numbers; a hand-over photo has none worth reading.
  return storeUpload(deps, { officeCode: task.officeCode, bytes, documentType: PROOF_DOCUMENT_TYPE, uploader: auditActorOf(actor), photoOcrTimeoutMs: 0 }, origin);
}

/** The proof must be a photo this kurir uploaded for a hand-over in this office, and still there. */
async function checkProof(db: Db, actor: StaffActor, officeCode: string, fileId: string) {
  const file = await findFile(db, fileId);
  const ok = file && file.officeCode === officeCode && file.documentType === PROOF_DOCUMENT_TYPE && file.uploadedById === actor.userId && !file.purgedAt && file.mime.startsWith('image/');
  if (!ok) throw new AppError('validation', 422, 'delivery.errors.proof_missing', {}, { errors: [{ field: 'body.proofFileId', code: 'proof_missing' }] });
}

/**
 * Delivered with proof: the trip ends, the task closes, and the request is handed over through
 * the SOP transition — its audit entry, the "delivered" notification, the step's work time and
 * the start of its documents' retention, all in the same transaction.
 */
export async function recordDelivered(deps: DeliveryDeps, actor: StaffActor, taskId: string, input: DeliveredInput, origin: Origin) {
  const { task, request } = await ownTask(deps.db, actor, taskId);
  mustBeOpen(task, request);
  const now = deps.clock.now();
  const decided = completeDelivery(domainTask(task), input, now);
  if (!decided.ok) throw refusal(decided.reason);
  await checkProof(deps.db, actor, task.officeCode, input.proofFileId);
  const payload = { receivedBy: { name: input.receiverName, relationship: input.receiverRelation }, method: 'home_delivery' as const, receivedAt: input.receivedAt };
  const result = applyTransition(
    { state: request.state as RequestState, flags: request.flags as Flag[], courierStaffId: request.courierStaffId, stateEnteredAt: request.stateEnteredAt },
    'hand_over',
    { kind: 'staff', role: actor.role, staffId: actor.userId },
    payload,
    now,
  );
  if (!result.ok) {
    const status = result.reason === 'invalid_payload' ? 422 : result.reason === 'role_not_allowed' ? 403 : 409;
    throw new AppError(`transition_${result.reason}`, status, `errors.transition.${result.reason}`, {}, { reason: result.reason, issues: result.issues });
  }
  const work = await stepEnding(deps.db, request, result.to, now);
  await deps.db.transaction(async (tx) => {
    const moved = await requestStore.updateRequestIfVersion(tx, request.id, request.version, {
      state: result.to,
      handOverRecord: { ...payload, receivedAt: input.receivedAt.toISOString(), proofFileId: input.proofFileId, deliveryTaskId: task.id },
      stateEnteredAt: now,
      workStartedAt: null,
      workStartedBy: null,
    });
    if (!moved || !(await store.updateTaskIfVersion(tx, task.id, task.version, { state: decided.task.state, updatedAt: now }))) {
      throw new AppError('request_changed', 409, 'errors.request_changed');
    }
    const trip = await store.openAttempt(tx, task.id);
    const ending = { outcome: 'delivered', receiverRelation: input.receiverRelation, proofFileId: input.proofFileId, position: decided.position, endedAt: now };
    if (trip) await store.endAttempt(tx, trip.id, ending);
    else await store.insertAttempt(tx, { taskId: task.id, courierStaffId: actor.userId, ...ending });
    await releaseOnClose(tx, request.attachments, now);
    await schedulePurge(tx, [{ fileId: input.proofFileId, purgeAfter: proofPurgeDate(now) }]);
    await writeEvents(tx, request, result.events, origin, auditActorOf(actor), work ? { auditDetails: { work } } : {});
    await recordAudit(tx, now, {
      officeCode: task.officeCode,
      actor: auditActorOf(actor),
      action: 'delivery.delivered',
      entityType: 'request',
      entityId: request.id,
      // Codes only: the receiver's name stays on the request, the position in the trip's row.
      details: { taskId: task.id, relationship: input.receiverRelation, proofFileId: input.proofFileId, position: decided.position !== null },
    }, origin);
  });
  return { taskId: task.id, state: decided.task.state, requestState: result.to };
}

/**
 * A failed trip: rescheduled to the next working day with the citizen told when, or — at the
 * office's limit — the document goes back to the office, the kurir lets go of the request, and
 * the citizen is told where to collect it.
 */
export async function recordFailed(deps: DeliveryDeps, actor: StaffActor, taskId: string, input: FailedInput, origin: Origin) {
  const { task, request } = await ownTask(deps.db, actor, taskId);
  mustBeOpen(task, request);
  const now = deps.clock.now();
  const office = await findOffice(deps.db, task.officeCode);
  if (!office) throw notFound();
  const cal = await loadOfficeCalendar(deps.db, office, now);
  const maxFailedAttempts = await store.maxFailedAttemptsOf(deps.db, task.officeCode);
  const decided = failDelivery(domainTask(task), input, { cal, today: officeDate(office.timezone, now), maxFailedAttempts });
  if (!decided.ok) throw refusal(decided.reason);
  await deps.db.transaction(async (tx) => {
    if (!(await store.updateTaskIfVersion(tx, task.id, task.version, { ...decided.task, updatedAt: now }))) throw new AppError('request_changed', 409, 'errors.request_changed');
    const trip = await store.openAttempt(tx, task.id);
    const ending = { outcome: 'failed', failureReason: input.reason, failureNote: input.note ?? null, endedAt: now };
    if (trip) await store.endAttempt(tx, trip.id, ending);
    else await store.insertAttempt(tx, { taskId: task.id, courierStaffId: actor.userId, ...ending });
    if (decided.returned) {
      // Back at the office: the counter hands it over; the kurir no longer holds the request.
      if (!(await requestStore.updateRequestIfVersion(tx, request.id, request.version, { courierStaffId: null }))) throw new AppError('request_changed', 409, 'errors.request_changed');
    }
    await recordAudit(tx, now, {
      officeCode: task.officeCode,
      actor: auditActorOf(actor),
      action: decided.returned ? 'delivery.returned_to_office' : 'delivery.failed',
      entityType: 'request',
      entityId: request.id,
      details: { taskId: task.id, reason: input.reason, failedAttempts: decided.task.failedAttempts, ...(!decided.returned && { nextDate: decided.nextDate }) },
    }, origin);
    await requestStore.enqueueMessage(tx, {
      officeCode: task.officeCode,
      requestId: request.id,
      recipient: request.applicantPhone,
      ...(decided.returned
        ? { kind: 'request.delivery_returned', payload: { kind: 'delivery_returned', ticket: request.ticket, address: office.contact.address } }
        : { kind: 'request.delivery_rescheduled', payload: { kind: 'delivery_rescheduled', ticket: request.ticket, reason: input.reason, date: decided.nextDate } }),
      createdAt: now,
      nextAttemptAt: now,
    });
  });
  return decided.returned
    ? { taskId: task.id, state: decided.task.state, failedAttempts: decided.task.failedAttempts }
    : { taskId: task.id, state: decided.task.state, failedAttempts: decided.task.failedAttempts, nextDate: decided.nextDate };
}

export async function deliverySettingsOf(deps: DeliveryDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'delivery.settings', { officeCode });
  return { maxFailedAttempts: await store.maxFailedAttemptsOf(deps.db, officeCode) };
}

export async function updateDeliverySettings(deps: DeliveryDeps, actor: StaffActor, officeCode: string, input: z.infer<typeof SettingsInput>, origin: Origin) {
  authorize(actor, 'delivery.settings', { officeCode });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await store.saveMaxFailedAttempts(tx, officeCode, input.maxFailedAttempts, now);
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: 'delivery.settings_updated', entityType: 'office', entityId: officeCode, details: { maxFailedAttempts: input.maxFailedAttempts } }, origin);
  });
  return { maxFailedAttempts: input.maxFailedAttempts };
}

/** What the tracking page says of a home delivery: its state, the next trip, and failed trips. */
export async function deliveryForTracking(db: Db, request: { id: string; state: string }) {
  const task = await store.taskOfRequest(db, request.id);
  if (!task) return null;
  // Handed over at the counter (or otherwise closed) while a trip was still planned: no trip to tell of.
  if ((task.state === 'scheduled' || task.state === 'on_the_way') && request.state !== 'ready') return null;
  const attempts = await store.attemptsOf(db, task.id);
  const lastFailure = attempts.find((a) => a.outcome === 'failed');
  const delivered = attempts.find((a) => a.outcome === 'delivered');
  const onTheWay = task.state === 'on_the_way' ? attempts.find((a) => a.outcome === null) : undefined;
  return {
    state: task.state,
    scheduledFor: task.state === 'scheduled' ? task.scheduledFor : null,
    failedAttempts: task.failedAttempts,
    lastFailureReason: lastFailure?.failureReason ?? null,
    onTheWaySince: onTheWay?.startedAt?.toISOString() ?? null,
    deliveredAt: delivered?.endedAt?.toISOString() ?? null,
  };
}
