/**
 * The office's SOP (steps 5–8 of the WIS ORA KENCOT SOP) as a workflow: states, actions, who may
 * take each action from which state, and one guard that every caller goes through.
 *
 * The table is data so that the console can list what a user may do, the API can refuse with a
 * precise reason, and a test can compare every (state × action × actor × flags) case to the SOP.
 *
 * Interpretation of the SOP's roles for software:
 * - Tim pelaksana (operator) receives, verifies, processes and hands over; the kasi oversees and may
 *   do anything an operator does. Camat and sekcam may verify (the SOP has the camat say YA at
 *   verification) and act on escalated requests (reject); they do not key SIAK data.
 * - The camat's YA at hand-over is accountability, not the act: hand-over is done by operator/kasi,
 *   or by a kurir when the document is delivered home (Jujuk Dolanan).
 * - Rejection (final refusal of service) is a supervisor's decision: an operator who finds a file
 *   lacking returns it (TIDAK), and escalates if it should be refused outright.
 * - admin manages settings and kabupaten only reads: neither acts on requests.
 */
import type { Role } from '../auth/roles.js';
import { SOP_STEP_STANDARD_MINUTES, type SopStep } from '../calendar/sla.js';
import type { LocalizedText } from '../catalogue/vocabulary.js';

export type { SopStep };

export const REQUEST_STATES = [
  'submitted',
  'returned',
  'verified',
  'processing',
  'ready',
  'handed_over',
  'rejected',
  'cancelled',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Before `submit` there is no request; the guard still needs a position to check `submit` from. */
export type WorkflowPosition = RequestState | 'new';
export const WORKFLOW_POSITIONS: readonly WorkflowPosition[] = ['new', ...REQUEST_STATES];

export const FINAL_STATES: readonly RequestState[] = ['handed_over', 'rejected', 'cancelled'];
export const isFinal = (state: WorkflowPosition): boolean => (FINAL_STATES as readonly string[]).includes(state);

export const STATE_LABELS: Readonly<Record<RequestState, LocalizedText>> = {
  submitted: { id: 'Berkas diterima', en: 'File received' },
  returned: { id: 'Dikembalikan ke pemohon untuk dilengkapi', en: 'Returned to the applicant for completion' },
  verified: { id: 'Berkas terverifikasi', en: 'File verified' },
  processing: { id: 'Sedang diproses', en: 'Being processed' },
  ready: { id: 'Dokumen siap', en: 'Document ready' },
  handed_over: { id: 'Dokumen sudah diterima pemohon', en: 'Document received by the applicant' },
  rejected: { id: 'Permohonan ditolak', en: 'Application refused' },
  cancelled: { id: 'Permohonan dibatalkan', en: 'Application cancelled' },
};

export const ACTIONS = [
  'submit',
  'verify_accept',
  'verify_return',
  'reject',
  'resubmit',
  'record_siak_outcome',
  'mark_ready',
  'assign_courier',
  'hand_over',
  'cancel',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Readonly<Record<Action, LocalizedText>> = {
  submit: { id: 'Ajukan permohonan', en: 'Submit application' },
  verify_accept: { id: 'Verifikasi: berkas lengkap (YA)', en: 'Verify: file complete (YES)' },
  verify_return: { id: 'Verifikasi: kembalikan ke pemohon (TIDAK)', en: 'Verify: return to applicant (NO)' },
  reject: { id: 'Tolak permohonan', en: 'Refuse application' },
  resubmit: { id: 'Kirim ulang berkas yang sudah diperbaiki', en: 'Resubmit the corrected file' },
  record_siak_outcome: { id: 'Catat hasil SIAK', en: 'Record SIAK outcome' },
  mark_ready: { id: 'Tandai dokumen siap', en: 'Mark document ready' },
  assign_courier: { id: 'Tugaskan kurir', en: 'Assign courier' },
  hand_over: { id: 'Serahkan dokumen', en: 'Hand over document' },
  cancel: { id: 'Batalkan permohonan', en: 'Cancel application' },
};

/** Composable marks on a request, independent of its state (like OpenCRVS flags). */
export const FLAGS = ['escalated', 'disability_assistance', 'home_delivery'] as const;
export type Flag = (typeof FLAGS)[number];

export const FLAG_LABELS: Readonly<Record<Flag, LocalizedText>> = {
  escalated: { id: 'Dieskalasi ke pimpinan', en: 'Escalated to management' },
  disability_assistance: { id: 'Layanan khusus disabilitas', en: 'Disability assistance' },
  home_delivery: { id: 'Diantar ke rumah (Jujuk Dolanan)', en: 'Home delivery (Jujuk Dolanan)' },
};

/** Who acts. `staffId` lets the request layer check that a kurir is the one assigned. */
export type Actor = { kind: 'staff'; role: Role; staffId?: string } | { kind: 'pemohon' } | { kind: 'system' };

/** One entry of "who may": a staff role (possibly only when a flag is set), the applicant, the system. */
export type ActorRule = { kind: 'staff'; role: Role; requiresFlag?: Flag } | { kind: 'pemohon' } | { kind: 'system' };

export const PAYLOAD_FIELDS = [
  'reasons',
  'reason',
  'outcomes',
  'courierStaffId',
  'receivedBy',
  'method',
  'receivedAt',
] as const;
export type PayloadField = (typeof PAYLOAD_FIELDS)[number];

export interface TransitionRule {
  from: readonly WorkflowPosition[];
  to: RequestState;
  actors: readonly ActorRule[];
  /** Fields the payload must carry (validated in transition.ts). */
  payload: readonly PayloadField[];
}

const staff = (...roles: Role[]): ActorRule[] => roles.map((role) => ({ kind: 'staff', role }));
const staffIf = (flag: Flag, ...roles: Role[]): ActorRule[] =>
  roles.map((role) => ({ kind: 'staff', role, requiresFlag: flag }));
const PEMOHON: ActorRule = { kind: 'pemohon' };
const SYSTEM: ActorRule = { kind: 'system' };

/** Verification (SOP step 6): the camat's YA, the kasi's TIDAK, and the operators who do it daily. */
const VERIFIERS = staff('camat', 'sekcam', 'kasi', 'operator');
/** Processing in SIAK (SOP step 7) needs a SIAK account: operators, and the kasi who oversees them. */
const PROCESSORS = staff('operator', 'kasi');

export const TRANSITIONS: Readonly<Record<Action, TransitionRule>> = {
  // The applicant over WhatsApp/web; staff at the counter, a school or a home visit; the system
  // when it imports a batch (e.g. a school session's list).
  submit: { from: ['new'], to: 'submitted', actors: [PEMOHON, ...PROCESSORS, SYSTEM], payload: [] },
  verify_accept: { from: ['submitted'], to: 'verified', actors: VERIFIERS, payload: [] },
  verify_return: { from: ['submitted'], to: 'returned', actors: VERIFIERS, payload: ['reasons'] },
  // Staff may fix a file with the applicant at the counter, so they may resubmit on their behalf.
  resubmit: { from: ['returned'], to: 'submitted', actors: [PEMOHON, ...PROCESSORS], payload: [] },
  reject: {
    from: ['submitted', 'returned', 'verified', 'processing'],
    to: 'rejected',
    actors: [...staff('kasi'), ...staffIf('escalated', 'camat', 'sekcam')],
    payload: ['reason'],
  },
  // May repeat: a combined akta + KIA request records the akta number, then the printed KIA.
  record_siak_outcome: {
    from: ['verified', 'processing'],
    to: 'processing',
    actors: PROCESSORS,
    payload: ['outcomes'],
  },
  // Only from `processing`, so a document is never "ready" without a recorded SIAK outcome.
  mark_ready: { from: ['processing'], to: 'ready', actors: PROCESSORS, payload: [] },
  assign_courier: {
    from: ['ready'],
    to: 'ready',
    actors: staffIf('home_delivery', 'operator', 'kasi'),
    payload: ['courierStaffId'],
  },
  hand_over: {
    from: ['ready'],
    to: 'handed_over',
    actors: [...PROCESSORS, ...staffIf('home_delivery', 'kurir')],
    payload: ['receivedBy', 'method', 'receivedAt'],
  },
  // Only before the office accepted the file: after verification an operator may already be
  // keying it into SIAK. The system cancels requests left unfixed in `returned` too long.
  cancel: { from: ['submitted', 'returned'], to: 'cancelled', actors: [PEMOHON, ...PROCESSORS, SYSTEM], payload: [] },
};

export type GuardRefusal = 'state_is_final' | 'action_not_allowed_in_state' | 'role_not_allowed' | 'flag_required';

export type GuardResult =
  | { ok: true; to: RequestState }
  | { ok: false; reason: GuardRefusal; /** set with flag_required */ flag?: Flag };

export interface GuardInput {
  state: WorkflowPosition;
  action: Action;
  actor: Actor;
  flags?: readonly Flag[];
}

function actorMatches(rule: ActorRule, actor: Actor): boolean {
  if (rule.kind !== actor.kind) return false;
  return rule.kind !== 'staff' || (actor.kind === 'staff' && rule.role === actor.role);
}

/**
 * THE guard. Checks run from the most general to the most specific, so the reason names the first
 * thing that would have to change: the request's state, then who you are, then a missing flag.
 */
export function authorizeTransition({ state, action, actor, flags = [] }: GuardInput): GuardResult {
  const rule = TRANSITIONS[action];
  if (isFinal(state)) return { ok: false, reason: 'state_is_final' };
  if (!rule.from.includes(state)) return { ok: false, reason: 'action_not_allowed_in_state' };
  const matching = rule.actors.filter((r) => actorMatches(r, actor));
  if (matching.length === 0) return { ok: false, reason: 'role_not_allowed' };
  const allowed = matching.find((r) => r.kind !== 'staff' || !r.requiresFlag || flags.includes(r.requiresFlag));
  if (!allowed) {
    const first = matching[0];
    return { ok: false, reason: 'flag_required', ...(first?.kind === 'staff' && { flag: first.requiresFlag }) };
  }
  return { ok: true, to: rule.to };
}

/** What to offer this actor on a request in this state (buttons in the console, menu in the bot). */
export function availableActions(state: WorkflowPosition, actor: Actor, flags: readonly Flag[] = []): Action[] {
  return ACTIONS.filter((action) => authorizeTransition({ state, action, actor, flags }).ok);
}

// ---------------------------------------------------------------------------------------------
// Flags: who may set or clear each one

export interface FlagRule {
  set: readonly ActorRule[];
  clear: readonly ActorRule[];
}

export const FLAG_RULES: Readonly<Record<Flag, FlagRule>> = {
  // Staff escalate a case they cannot settle; the system escalates when an SLA is breached.
  // Only management closes an escalation.
  escalated: { set: [...PROCESSORS, SYSTEM], clear: staff('kasi', 'sekcam', 'camat') },
  // The applicant (or their wali) may declare a need; staff may record it at the counter.
  disability_assistance: { set: [PEMOHON, ...PROCESSORS], clear: PROCESSORS },
  // Delivery uses a kurir's time, so the office decides it.
  home_delivery: { set: PROCESSORS, clear: PROCESSORS },
};

export function authorizeFlagChange(input: {
  state: WorkflowPosition;
  flag: Flag;
  change: 'set' | 'clear';
  actor: Actor;
}): { ok: true } | { ok: false; reason: 'state_is_final' | 'action_not_allowed_in_state' | 'role_not_allowed' } {
  if (isFinal(input.state)) return { ok: false, reason: 'state_is_final' };
  if (input.state === 'new') return { ok: false, reason: 'action_not_allowed_in_state' };
  const rules = FLAG_RULES[input.flag][input.change];
  return rules.some((r) => actorMatches(r, input.actor)) ? { ok: true } : { ok: false, reason: 'role_not_allowed' };
}

// ---------------------------------------------------------------------------------------------
// Per-step clocks (the SOP's mutu baku)

export interface StepClock {
  step: SopStep;
  /** Row number in the SOP table. */
  sopRow: 6 | 7 | 8;
  runsIn: readonly RequestState[];
  /** The mutu baku, from calendar/sla.ts, which turns it into due times on the working calendar. */
  minutes: number;
  label: LocalizedText;
}

/**
 * Which step's clock runs in which state. `processing` belongs to step 7 with `verified`: the SOP's
 * 30 minutes cover keying into SIAK and printing, until the document is ready. The 15 minutes of
 * hand-over start when the document is ready; a pickup the applicant has not come for yet, or a
 * courier trip, counts here too, so reports should read this clock with the delivery mode.
 */
export const STEP_CLOCKS: readonly StepClock[] = [
  {
    step: 'verify',
    sopRow: 6,
    runsIn: ['submitted'],
    minutes: SOP_STEP_STANDARD_MINUTES.verify,
    label: { id: 'Verifikasi berkas', en: 'File verification' },
  },
  {
    step: 'process',
    sopRow: 7,
    runsIn: ['verified', 'processing'],
    minutes: SOP_STEP_STANDARD_MINUTES.process,
    label: { id: 'Pemrosesan dokumen', en: 'Document processing' },
  },
  {
    step: 'hand_over',
    sopRow: 8,
    runsIn: ['ready'],
    minutes: SOP_STEP_STANDARD_MINUTES.hand_over,
    label: { id: 'Penyerahan dokumen', en: 'Document hand-over' },
  },
];

/**
 * The whole-request clock (working days from the catalogue) stops while the file is back with the
 * applicant: the office cannot be late with a file it does not hold.
 */
export const OVERALL_CLOCK_PAUSED_IN: readonly RequestState[] = ['returned'];

export function stepClockFor(state: WorkflowPosition): StepClock | undefined {
  return STEP_CLOCKS.find((c) => (c.runsIn as readonly string[]).includes(state));
}
