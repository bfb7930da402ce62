/**
 * Applying one workflow action to a request: guard, payload check, new state, and the events the
 * storage layer writes in the same transaction (an audit entry, and usually a notification to the
 * applicant for the outbox). Pure: `now` is passed in, nothing is read or written here.
 *
 * Audit details carry codes, states and staff ids only, never personal data: a KIA number is the
 * child's NIK and a recipient's name is personal, so those stay in the request record (where access
 * is role-checked and logged) and out of the append-only audit log, which can never be purged.
 */
import { z } from 'zod';
import type { Role } from '../auth/roles.js';
import {
  DocumentTypeSchema,
  OUTPUT_DOCUMENT_LABELS,
  OutputDocumentSchema,
  type LocalizedText,
} from '../catalogue/vocabulary.js';
import {
  ACTION_LABELS,
  FLAG_LABELS,
  authorizeFlagChange,
  authorizeTransition,
  type Action,
  type Actor,
  type Flag,
  type GuardRefusal,
  type RequestState,
  type WorkflowPosition,
} from './workflow.js';
import { safeLines, safeText } from '../platform/safe-text.js';

// ---------------------------------------------------------------------------------------------
// Payloads

const note = safeLines().trim().min(1).max(500);

export const RETURN_REASON_CODES = [
  'missing_document',
  'unreadable_document',
  'data_mismatch',
  'wrong_service',
  'other',
] as const;
export const ReturnReasonSchema = z
  .object({ code: z.enum(RETURN_REASON_CODES), document: DocumentTypeSchema.optional(), note: note.optional() })
  .refine((r) => !['missing_document', 'unreadable_document'].includes(r.code) || r.document, {
    message: 'say which document',
  })
  .refine((r) => r.code !== 'other' || r.note, { message: 'explain "other" in a note' });
export type ReturnReason = z.infer<typeof ReturnReasonSchema>;

/**
 * The reasons as the applicant reads them: the officer's general note travels with them (on the
 * first reason that has no note of its own, or as an 'other' reason), so the chat, the tracking
 * page and the notification all show it.
 */
export function reasonsForApplicant(reasons: readonly ReturnReason[], note: string | undefined): ReturnReason[] {
  if (!note) return [...reasons];
  const i = reasons.findIndex((r) => !r.note);
  if (i < 0) return [...reasons, { code: 'other', note }];
  return reasons.map((r, j) => (j === i ? { ...r, note } : r));
}

/** What the applicant is told to fix; the notifier puts the document label after it. */
export const RETURN_REASON_LABELS: Readonly<Record<ReturnReason['code'], LocalizedText>> = {
  missing_document: { id: 'Dokumen belum dilampirkan', en: 'Document not attached' },
  unreadable_document: { id: 'Dokumen kurang jelas atau tidak terbaca', en: 'Document unclear or unreadable' },
  data_mismatch: { id: 'Data tidak sesuai dengan dokumen', en: 'Data does not match the documents' },
  wrong_service: { id: 'Jenis layanan yang dipilih kurang tepat', en: 'The service chosen does not fit' },
  other: { id: 'Perlu perbaikan lain', en: 'Other correction needed' },
};

export const REJECT_REASON_CODES = ['not_eligible', 'duplicate', 'invalid_document', 'siak_refused', 'other'] as const;
export const RejectReasonSchema = z
  .object({ code: z.enum(REJECT_REASON_CODES), note: note.optional() })
  .refine((r) => r.code !== 'other' || r.note, { message: 'explain "other" in a note' });
export type RejectReason = z.infer<typeof RejectReasonSchema>;

/** Why a request was refused, as the applicant reads it. */
export const REJECT_REASON_LABELS: Readonly<Record<RejectReason['code'], LocalizedText>> = {
  not_eligible: { id: 'Tidak memenuhi syarat untuk layanan ini', en: 'Not eligible for this service' },
  duplicate: { id: 'Permohonan yang sama sudah pernah diajukan', en: 'The same application was already made' },
  invalid_document: { id: 'Dokumen tidak sah', en: 'The document is not valid' },
  siak_refused: { id: 'Data ditolak oleh sistem kependudukan (SIAK)', en: 'The population system (SIAK) refused the data' },
  other: { id: 'Alasan lain', en: 'Other reason' },
};

export const SiakOutcomeSchema = z.object({
  document: OutputDocumentSchema,
  /** Registration or document number SIAK issued (akta number; for KIA/KTP-el it is the NIK). */
  number: safeText().trim().min(1).max(64).optional(),
  printed: z.boolean(),
});
export type SiakOutcome = z.infer<typeof SiakOutcomeSchema>;

export const HAND_OVER_METHODS = ['counter', 'home_delivery', 'school_session', 'electronic'] as const;
/** Who received the document, relative to the request (the subject is the person it is for). */
export const RECIPIENT_RELATIONSHIPS = ['applicant', 'subject', 'parent', 'guardian', 'family_member', 'other'] as const;

/** Required keys must equal TRANSITIONS[action].payload (a test holds them together). */
export const PAYLOAD_SCHEMAS = {
  submit: z.object({}),
  /**
   * YA with a required document missing needs the officer's reason (issue 11): the original seen at
   * the counter, an exemption the kasi granted. Without it the file goes back (TIDAK) instead.
   */
  verify_accept: z.object({ note: note.optional(), overrideReason: note.optional() }),
  verify_return: z.object({ reasons: z.array(ReturnReasonSchema).min(1).max(20), note: note.optional() }),
  reject: z.object({ reason: RejectReasonSchema }),
  resubmit: z.object({}),
  record_siak_outcome: z.object({ outcomes: z.array(SiakOutcomeSchema).min(1) }),
  mark_ready: z.object({}),
  assign_courier: z.object({ courierStaffId: safeText().trim().min(1) }),
  hand_over: z.object({
    receivedBy: z.object({ name: safeText().trim().min(1).max(120), relationship: z.enum(RECIPIENT_RELATIONSHIPS) }),
    method: z.enum(HAND_OVER_METHODS),
    receivedAt: z.coerce.date(),
  }),
  cancel: z.object({ note: note.optional() }),
} as const satisfies Record<Action, z.ZodObject>;

export type PayloadFor<A extends Action> = z.input<(typeof PAYLOAD_SCHEMAS)[A]>;

// ---------------------------------------------------------------------------------------------
// Requests and events

/** The part of a request the workflow reads and changes. */
export interface WorkflowRequest {
  state: WorkflowPosition;
  flags: readonly Flag[];
  courierStaffId?: string | null;
  /** When the current state began; step clocks run from here. */
  stateEnteredAt?: Date;
  /** Required documents (checklist codes) not attached; YA is refused while any is missing, unless overridden. */
  missingDocuments?: readonly string[];
}

export type NotificationKind = 'received' | 'returned' | 'rejected' | 'ready' | 'delivered' | 'cancelled';

export interface AuditEvent {
  type: 'audit';
  at: Date;
  action: `request.${Action}` | 'request.flag_set' | 'request.flag_cleared';
  actor: { type: Actor['kind']; role?: Role; id?: string };
  description: LocalizedText;
  details: Record<string, string | boolean | string[] | boolean[] | null>;
}

export type NotificationBody =
  | { kind: 'received' | 'delivered' | 'cancelled' }
  | { kind: 'returned'; reasons: ReturnReason[] }
  | { kind: 'rejected'; reason: RejectReason }
  | { kind: 'ready'; delivery: 'pickup' | 'home_delivery' };

/** Goes to the outbox; the notifier turns it into a WhatsApp message or an email. */
export type ApplicantNotification = { type: 'notify_applicant'; at: Date } & NotificationBody;

export type WorkflowEvent = AuditEvent | ApplicantNotification;

export type TransitionRefusal = GuardRefusal | 'invalid_payload' | 'courier_not_assigned' | 'documents_missing';

export type TransitionResult =
  | { ok: true; request: WorkflowRequest; from: WorkflowPosition; to: RequestState; events: WorkflowEvent[] }
  | { ok: false; reason: TransitionRefusal; flag?: Flag; issues?: string[]; missing?: string[] };

const auditActor = (actor: Actor): AuditEvent['actor'] =>
  actor.kind === 'staff'
    ? { type: 'staff', role: actor.role, ...(actor.staffId && { id: actor.staffId }) }
    : { type: actor.kind };

type ParsedAction = { [A in Action]: { action: A; data: z.output<(typeof PAYLOAD_SCHEMAS)[A]> } }[Action];
type Description = { description: LocalizedText; details: AuditEvent['details']; notify?: NotificationBody };
const text = (id: string, en: string): LocalizedText => ({ id, en });

/** Per action: what the audit entry says, and what (if anything) the applicant is told. */
function describe(parsed: ParsedAction, request: WorkflowRequest): Description {
  switch (parsed.action) {
    case 'submit':
      return {
        description: text('Permohonan diajukan', 'Application submitted'),
        details: {},
        notify: { kind: 'received' },
      };
    case 'resubmit':
      return {
        description: text('Berkas perbaikan dikirim ulang', 'Corrected file resubmitted'),
        details: {},
        notify: { kind: 'received' },
      };
    case 'verify_accept': {
      // No message here: the applicant hears "ready" the same day, and every WhatsApp message costs.
      const missing = [...(request.missingDocuments ?? [])];
      if (missing.length === 0) return { description: text('Berkas diverifikasi: lengkap (YA)', 'File verified: complete (YES)'), details: {} };
      // An override is audited with its reason: the officer's words about the file, which the
      // form asks not to carry personal data (they are kept in the append-only log).
      return {
        description: text(
          `Berkas diverifikasi (YA) walaupun ${missing.length} dokumen wajib belum dilampirkan`,
          `File verified (YES) although ${missing.length} required document${missing.length === 1 ? ' is' : 's are'} not attached`,
        ),
        details: { documents: missing, overrideReason: parsed.data.overrideReason ?? null },
      };
    }
    case 'verify_return': {
      const reasons = reasonsForApplicant(parsed.data.reasons, parsed.data.note);
      const n = reasons.length;
      return {
        description: text(
          `Berkas dikembalikan ke pemohon (${n} alasan)`,
          `File returned to the applicant (${n} reason${n === 1 ? '' : 's'})`,
        ),
        details: {
          reasonCodes: reasons.map((r) => r.code),
          documents: reasons.flatMap((r) => (r.document ? [r.document] : [])),
        },
        notify: { kind: 'returned', reasons },
      };
    }
    case 'reject': {
      const { reason } = parsed.data;
      return {
        description: text('Permohonan ditolak', 'Application refused'),
        details: { reasonCode: reason.code },
        notify: { kind: 'rejected', reason },
      };
    }
    case 'record_siak_outcome': {
      const { outcomes } = parsed.data;
      const names = outcomes.map((o) => OUTPUT_DOCUMENT_LABELS[o.document]);
      return {
        description: text(
          `Hasil SIAK dicatat: ${names.map((l) => l.id).join(', ')}`,
          `SIAK outcome recorded: ${names.map((l) => l.en).join(', ')}`,
        ),
        details: { documents: outcomes.map((o) => o.document), printed: outcomes.map((o) => o.printed) },
      };
    }
    case 'mark_ready': {
      const delivery = request.flags.includes('home_delivery') ? 'home_delivery' : 'pickup';
      return {
        description: text('Dokumen siap', 'Document ready'),
        details: { delivery },
        notify: { kind: 'ready', delivery },
      };
    }
    case 'assign_courier':
      return { description: ACTION_LABELS.assign_courier, details: { courierStaffId: parsed.data.courierStaffId } };
    case 'hand_over':
      return {
        description: text('Dokumen diserahkan', 'Document handed over'),
        // The recipient's name stays on the request; the audit keeps how, and to whom by relation.
        details: { method: parsed.data.method, relationship: parsed.data.receivedBy.relationship },
        // Also the moment to invite the applicant to the IKM survey.
        notify: { kind: 'delivered' },
      };
    case 'cancel':
      return {
        description: text('Permohonan dibatalkan', 'Application cancelled'),
        details: {},
        notify: { kind: 'cancelled' },
      };
  }
}

/**
 * The one way a request changes state. Refuses with the guard's reason, an invalid payload, or a
 * kurir handing over a document that was not given to them.
 */
export function applyTransition<A extends Action>(
  request: WorkflowRequest,
  action: A,
  actor: Actor,
  payload: PayloadFor<A>,
  now: Date,
): TransitionResult {
  const guard = authorizeTransition({ state: request.state, action, actor, flags: request.flags });
  if (!guard.ok) return { ok: false, reason: guard.reason, ...(guard.flag && { flag: guard.flag }) };

  const result = PAYLOAD_SCHEMAS[action].safeParse(payload);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return { ok: false, reason: 'invalid_payload', issues };
  }
  // TypeScript cannot narrow a generic A, so pair the action with its parsed payload once, here.
  const parsed = { action, data: result.data } as ParsedAction;

  if (parsed.action === 'verify_accept' && (request.missingDocuments?.length ?? 0) > 0 && !parsed.data.overrideReason) {
    return { ok: false, reason: 'documents_missing', missing: [...request.missingDocuments!] };
  }

  if (parsed.action === 'hand_over') {
    const receivedAt = parsed.data.receivedAt.getTime();
    if (receivedAt > now.getTime()) {
      return { ok: false, reason: 'invalid_payload', issues: ['receivedAt: in the future'] };
    }
    if (request.stateEnteredAt && receivedAt < request.stateEnteredAt.getTime()) {
      return { ok: false, reason: 'invalid_payload', issues: ['receivedAt: before the document was ready'] };
    }
    const isKurir = actor.kind === 'staff' && actor.role === 'kurir';
    if (isKurir && (!request.courierStaffId || actor.staffId !== request.courierStaffId)) {
      return { ok: false, reason: 'courier_not_assigned' };
    }
  }

  const to = guard.to;
  const next: WorkflowRequest = {
    ...request,
    state: to,
    // Repeating an action in the same state (another SIAK outcome, a new courier) keeps the step clock.
    stateEnteredAt: to === request.state && request.stateEnteredAt ? request.stateEnteredAt : now,
    ...(parsed.action === 'submit' && { courierStaffId: null }),
    ...(parsed.action === 'assign_courier' && { courierStaffId: parsed.data.courierStaffId }),
  };
  const { description, details, notify } = describe(parsed, request);
  const audit: AuditEvent = {
    type: 'audit',
    at: now,
    action: `request.${action}`,
    actor: auditActor(actor),
    description,
    details: { from: request.state, to, ...details },
  };
  const events: WorkflowEvent[] = [audit];
  if (notify) events.push({ type: 'notify_applicant', at: now, ...notify });
  return { ok: true, request: next, from: request.state, to, events };
}

/** Setting or clearing a flag: audited, never announced to the applicant. Idempotent. */
export function applyFlagChange(
  request: WorkflowRequest,
  flag: Flag,
  change: 'set' | 'clear',
  actor: Actor,
  now: Date,
): { ok: true; request: WorkflowRequest; events: AuditEvent[] } | { ok: false; reason: GuardRefusal } {
  const guard = authorizeFlagChange({ state: request.state, flag, change, actor });
  if (!guard.ok) return guard;
  const has = request.flags.includes(flag);
  if ((change === 'set') === has) return { ok: true, request, events: [] };
  const flags = change === 'set' ? [...request.flags, flag] : request.flags.filter((f) => f !== flag);
  const label = FLAG_LABELS[flag];
  const description =
    change === 'set'
      ? { id: `Tanda ditambahkan: ${label.id}`, en: `Flag set: ${label.en}` }
      : { id: `Tanda dihapus: ${label.id}`, en: `Flag cleared: ${label.en}` };
  const event: AuditEvent = {
    type: 'audit',
    at: now,
    action: change === 'set' ? 'request.flag_set' : 'request.flag_cleared',
    actor: auditActor(actor),
    description,
    details: { flag, state: request.state },
  };
  return { ok: true, request: { ...request, flags }, events: [event] };
}
