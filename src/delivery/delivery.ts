/**
 * Jujuk Dolanan (issue 13): the kurir takes a ready document home. A task per request, trips to
 * the door ("sedang menuju"), and each trip ends delivered with proof or failed with a reason; a
 * failed trip is rescheduled to the next working day, and after the office's limit of failures the
 * document goes back to the office for the citizen to collect.
 *
 * Pure: no I/O, no clock; the calendar and `now` are passed in. Words are in the catalogues
 * (`src/i18n/locales/delivery.*.ts`, `web/src/i18n/delivery.*.ts`), labels here are LocalizedText
 * like the workflow's, so the vocabulary endpoint and the console read one source.
 */
import { isWorkingDay, type WorkCalendar } from '../calendar/calendar.js';
import type { LocalizedText } from '../catalogue/vocabulary.js';

export const DELIVERY_TASK_STATES = ['scheduled', 'on_the_way', 'delivered', 'returned_to_office'] as const;
export type DeliveryTaskState = (typeof DELIVERY_TASK_STATES)[number];

export const DELIVERY_STATE_LABELS: Readonly<Record<DeliveryTaskState, LocalizedText>> = {
  scheduled: { id: 'Dijadwalkan diantar', en: 'Delivery scheduled' },
  on_the_way: { id: 'Kurir sedang menuju alamat', en: 'The courier is on the way' },
  delivered: { id: 'Sudah diantar dan diterima', en: 'Delivered and received' },
  returned_to_office: { id: 'Dikembalikan ke kantor kecamatan', en: 'Returned to the kecamatan office' },
};

export const FAILURE_REASONS = ['not_home', 'wrong_address', 'refused', 'other'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const FAILURE_REASON_LABELS: Readonly<Record<FailureReason, LocalizedText>> = {
  not_home: { id: 'Tidak ada orang di rumah', en: 'Nobody at home' },
  wrong_address: { id: 'Alamat tidak ditemukan atau salah', en: 'Address not found or wrong' },
  refused: { id: 'Penerima menolak menerima', en: 'The receiver refused' },
  other: { id: 'Alasan lain', en: 'Other reason' },
};

/** The office's default: the third failed trip sends the document back to the office. */
export const DEFAULT_MAX_FAILED_ATTEMPTS = 3;
export const MAX_FAILED_ATTEMPTS_LIMIT = 10;

/** The hand-over photo is stored like any upload (`storeUpload`) under this document type. */
export const PROOF_DOCUMENT_TYPE = 'bukti_serah_terima';
/**
 * The hand-over photo shows the receiver's face and home: kept 90 days after the delivery, like
 * the request's scans after closing (src/catalogue/retention.ts), for a complaint that the
 * document never arrived.
 */
export const PROOF_RETENTION_DAYS = 90;

export interface DeliveryTask {
  state: DeliveryTaskState;
  failedAttempts: number;
  scheduledFor: string;
}

export type DeliveryRefusal = 'task_closed' | 'position_without_consent' | 'received_in_future' | 'note_required';

export type Position = { lat: number; lng: number; accuracyM?: number | undefined };

const isOpen = (task: DeliveryTask) => task.state === 'scheduled' || task.state === 'on_the_way';

/**
 * "Sedang menuju": the citizen is told once per trip. Pressing it again on the way changes
 * nothing and tells nobody twice.
 */
export function startTrip(task: DeliveryTask): { ok: true; task: DeliveryTask; notify: boolean } | { ok: false; reason: DeliveryRefusal } {
  if (!isOpen(task)) return { ok: false, reason: 'task_closed' };
  if (task.state === 'on_the_way') return { ok: true, task, notify: false };
  return { ok: true, task: { ...task, state: 'on_the_way' }, notify: true };
}

export interface DeliveredInput {
  receivedAt: Date;
  /** Only kept when the receiver agreed (`positionConsent`); a position without it is refused. */
  position?: Position | undefined;
  positionConsent: boolean;
}

/** Delivered with proof: the task closes; the request's hand-over is the caller's SOP transition. */
export function completeDelivery(task: DeliveryTask, input: DeliveredInput, now: Date): { ok: true; task: DeliveryTask; position: Position | null } | { ok: false; reason: DeliveryRefusal } {
  if (!isOpen(task)) return { ok: false, reason: 'task_closed' };
  if (input.position && !input.positionConsent) return { ok: false, reason: 'position_without_consent' };
  if (input.receivedAt.getTime() > now.getTime()) return { ok: false, reason: 'received_in_future' };
  return { ok: true, task: { ...task, state: 'delivered' }, position: input.position ?? null };
}

export interface FailedInput {
  reason: FailureReason;
  note?: string | undefined;
}

export type FailureOutcome =
  | { ok: true; task: DeliveryTask; returned: false; nextDate: string }
  | { ok: true; task: DeliveryTask; returned: true }
  | { ok: false; reason: DeliveryRefusal };

/**
 * A failed trip: counted, then either rescheduled to the next working day after `today`, or, at
 * the office's limit, the document returns to the office.
 */
export function failDelivery(task: DeliveryTask, input: FailedInput, ctx: { cal: WorkCalendar; today: string; maxFailedAttempts: number }): FailureOutcome {
  if (!isOpen(task)) return { ok: false, reason: 'task_closed' };
  if (input.reason === 'other' && !input.note?.trim()) return { ok: false, reason: 'note_required' };
  const failedAttempts = task.failedAttempts + 1;
  if (failedAttempts >= ctx.maxFailedAttempts) return { ok: true, task: { ...task, state: 'returned_to_office', failedAttempts }, returned: true };
  const nextDate = nextWorkingDate(ctx.cal, ctx.today);
  return { ok: true, task: { state: 'scheduled', failedAttempts, scheduledFor: nextDate }, returned: false, nextDate };
}

/** The first working day after `date` (YYYY-MM-DD) on the office's calendar; a year ahead at most. */
export function nextWorkingDate(cal: WorkCalendar, date: string): string {
  let day = addDays(date, 1);
  for (let i = 0; i < 366 && !isWorkingDay(cal, day); i++) day = addDays(day, 1);
  return day;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** When the hand-over photo's bytes go. */
export function proofPurgeDate(deliveredAt: Date): Date {
  return new Date(deliveredAt.getTime() + PROOF_RETENTION_DAYS * 24 * 60 * 60 * 1000);
}

/** A new order of the day must hold exactly the kurir's tasks of the day, each once. */
export function checkRouteOrder(current: readonly string[], proposed: readonly string[]): boolean {
  if (proposed.length !== current.length || new Set(proposed).size !== proposed.length) return false;
  const known = new Set(current);
  return proposed.every((id) => known.has(id));
}
