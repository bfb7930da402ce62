/**
 * The officers' view of Jujuk Dolanan (issue 13): every delivery task of the office with its kurir,
 * its trips (failed with their reasons, delivered with the receiver and the proof photo's file id)
 * and what the citizen was told on WhatsApp. Read-only: the proof photo itself is read through the
 * files route, which checks `file.read` and logs the view like any document.
 */
import { z } from 'zod';
import { authorize, type StaffActor } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { DEFAULT_LOCALE } from '../i18n/i18n.js';
import { findOffice } from '../offices/storage.js';
import { notFound } from '../platform/errors.js';
import { DELIVERY_TASK_STATES } from './delivery.js';
import { DELIVERY_NOTIFICATION_KINDS, deliveryNotification } from './messages.js';
import * as store from './storage.js';

export const OfficeDeliveriesQuery = z.object({ state: z.enum(DELIVERY_TASK_STATES).optional() });

/** Enough for a kecamatan's weeks of deliveries; older closed tasks stay on their request page. */
const LIST_LIMIT = 200;

type HandOver = { deliveryTaskId?: unknown; receivedBy?: { name?: unknown }; receivedAt?: unknown };

/** The office's delivery tasks, open first, then returned to the office, then delivered. */
export async function officeDeliveries(db: Db, actor: StaffActor, officeCode: string, query: z.infer<typeof OfficeDeliveriesQuery>) {
  authorize(actor, 'delivery.oversee', { officeCode });
  const office = await findOffice(db, officeCode);
  if (!office) throw notFound();
  const maxFailedAttempts = await store.maxFailedAttemptsOf(db, officeCode);
  const rows = await store.officeTasks(db, officeCode, { state: query.state, limit: LIST_LIMIT });
  const attempts = await store.attemptsOfTasks(db, rows.map((r) => r.task.id));
  const proofs = new Map((await store.proofFilesOf(db, attempts.flatMap((a) => (a.proofFileId ? [a.proofFileId] : [])))).map((f) => [f.id, f]));
  const notices = await store.deliveryNoticesOf(db, rows.map((r) => r.request.id), DELIVERY_NOTIFICATION_KINDS);
  const tasks = rows.map(({ task, request, desaName, courierName }) => {
    const handOver = (request.handOverRecord ?? {}) as HandOver;
    const ownHandOver = handOver.deliveryTaskId === task.id;
    return {
      id: task.id,
      requestId: request.id,
      ticket: request.ticket,
      requestState: request.state,
      subjectName: request.subject.name,
      state: task.state,
      scheduledFor: task.scheduledFor,
      desaCode: request.desaCode,
      desaName,
      courierName,
      failedAttempts: task.failedAttempts,
      maxFailedAttempts,
      createdAt: task.createdAt.toISOString(),
      updatedAt: task.updatedAt.toISOString(),
      trips: attempts
        .filter((a) => a.taskId === task.id)
        .map((a) => {
          const delivered = a.outcome === 'delivered';
          const proof = a.proofFileId ? proofs.get(a.proofFileId) : undefined;
          return {
            id: a.id,
            startedAt: a.startedAt?.toISOString() ?? null,
            endedAt: a.endedAt?.toISOString() ?? null,
            outcome: a.outcome,
            failureReason: a.failureReason,
            failureNote: a.failureNote,
            receiverName: delivered && ownHandOver && typeof handOver.receivedBy?.name === 'string' ? handOver.receivedBy.name : null,
            receiverRelation: a.receiverRelation,
            receivedAt: delivered && ownHandOver && typeof handOver.receivedAt === 'string' ? handOver.receivedAt : null,
            proofFileId: a.proofFileId,
            proofPurgedAt: proof?.purgedAt?.toISOString() ?? null,
            positionRecorded: a.position !== null,
          };
        }),
      // The words as the citizen received them (the notices are written in Bahasa Indonesia first).
      notices: notices
        .filter((n) => n.requestId === request.id)
        .map((n) => ({
          kind: n.kind,
          status: n.status,
          createdAt: n.createdAt.toISOString(),
          sentAt: n.sentAt?.toISOString() ?? null,
          text: n.redactedAt ? null : (deliveryNotification(n.kind, n.payload, { locale: DEFAULT_LOCALE, officeName: office.name })?.text ?? null),
        })),
    };
  });
  return { maxFailedAttempts, tasks };
}
