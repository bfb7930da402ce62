/**
 * SLA clocks: the SOP's time standards (mutu baku) as data, and pure functions that turn them
 * into due times, a traffic-light state and an escalation level. Nothing here reads a clock;
 * the caller passes `now`.
 */
import type { Role } from '../auth/roles.js';
import {
  addWorkingDays,
  addWorkingMinutes,
  closeOfWorkingDay,
  workingMinutesBetween,
  type WorkCalendar,
} from './calendar.js';

/** SOP steps 6–8 and their mutu baku, in working minutes (the office's hours, not the wall clock). */
export const SOP_STEP_STANDARD_MINUTES = {
  verify: 5, // step 6: check the berkas; incomplete files go back to the applicant
  process: 30, // step 7: enter in SIAK and print
  hand_over: 15, // step 8: hand the document to the applicant
} as const;
export type SopStep = keyof typeof SOP_STEP_STANDARD_MINUTES;

/** When a step started at `startedAt` should be done. */
export function stepDue(cal: WorkCalendar, startedAt: Date, step: SopStep): Date {
  return addWorkingMinutes(cal, startedAt, SOP_STEP_STANDARD_MINUTES[step]);
}

/** Whole request, received to handed over: the SOP's 1 working day. */
export const DEFAULT_REQUEST_WORKING_DAYS = 1;
/** Jemput bola sessions at schools: agreed per batch, 1 to 7 working days. */
export const SCHOOL_BATCH_MAX_WORKING_DAYS = 7;

/** Service code → working days, from the service catalogue (e.g. surat pindah: 3). 0 = same day. */
export type ServiceStandardOverrides = Readonly<Record<string, number>>;

/**
 * The working-day standard for one request: a school batch's agreed days win, then the
 * catalogue's per-service standard, then the SOP default.
 */
export function requestStandardWorkingDays(request: {
  readonly serviceCode: string;
  readonly overrides?: ServiceStandardOverrides;
  readonly schoolBatchWorkingDays?: number;
}): number {
  const { serviceCode, overrides = {}, schoolBatchWorkingDays } = request;
  if (schoolBatchWorkingDays !== undefined) {
    const max = SCHOOL_BATCH_MAX_WORKING_DAYS;
    if (!Number.isInteger(schoolBatchWorkingDays) || schoolBatchWorkingDays < 1 || schoolBatchWorkingDays > max) {
      throw new RangeError(`a school batch takes 1 to ${max} working days, got ${schoolBatchWorkingDays}`);
    }
    return schoolBatchWorkingDays;
  }
  const days = Object.hasOwn(overrides, serviceCode) ? overrides[serviceCode]! : DEFAULT_REQUEST_WORKING_DAYS;
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`standard for '${serviceCode}' must be whole working days ≥ 0, got ${days}`);
  }
  return days;
}

export interface RequestDue {
  readonly due: Date;
  /** Working minutes from receipt to due: the budget `slaStatus` measures against. */
  readonly budgetMinutes: number;
}

/**
 * Due time of a request received at `receivedAt` with a standard of `workingDays` (see
 * `addWorkingDays` for the definition); 0 days means by close of business the same working day.
 */
export function requestDue(cal: WorkCalendar, receivedAt: Date, workingDays: number): RequestDue {
  const due = workingDays === 0 ? closeOfWorkingDay(cal, receivedAt) : addWorkingDays(cal, receivedAt, workingDays);
  return { due, budgetMinutes: workingMinutesBetween(cal, receivedAt, due) };
}

/**
 * Traffic-light thresholds as fractions of the budget still left. Red at 10% is about the SOP's
 * own 50 minutes of hands-on work (steps 6–8) against a 1-day budget of 480–495 minutes: below
 * it, the request only makes it if someone picks it up now.
 */
export const SLA_THRESHOLDS = {
  amberBelowRemainingFraction: 0.25,
  redBelowRemainingFraction: 0.1,
} as const;
export interface SlaThresholds {
  readonly amberBelowRemainingFraction: number;
  readonly redBelowRemainingFraction: number;
}

export type SlaState = 'on_track' | 'amber' | 'red' | 'overdue';

export interface SlaStatus {
  readonly state: SlaState;
  /** Working minutes until due; 0 or negative once overdue (overdue after hours: 0). */
  readonly remainingMinutes: number;
}

/**
 * Where a request stands at `now`. Overdue means `now` is past the due instant, even if no
 * working minute has passed since (due 15:30, now 17:00): the promise to the applicant is broken.
 */
export function slaStatus(
  cal: WorkCalendar,
  due: Date,
  now: Date,
  budgetMinutes: number,
  thresholds: SlaThresholds = SLA_THRESHOLDS,
): SlaStatus {
  if (!(budgetMinutes > 0)) {
    throw new RangeError(`budget must be a positive number of working minutes, got ${budgetMinutes}`);
  }
  const remainingMinutes = workingMinutesBetween(cal, now, due);
  if (now.getTime() > due.getTime()) return { state: 'overdue', remainingMinutes };
  const fraction = remainingMinutes / budgetMinutes;
  const state: SlaState =
    fraction < thresholds.redBelowRemainingFraction
      ? 'red'
      : fraction < thresholds.amberBelowRemainingFraction
        ? 'amber'
        : 'on_track';
  return { state, remainingMinutes };
}

export type EscalationRole = Extract<Role, 'kasi' | 'sekcam' | 'camat'>;

/** How long past due, in working time, before a rung of the ladder is reached. */
export type OverdueBy = { readonly workingMinutes: number } | { readonly workingDays: number };

export interface EscalationStep {
  readonly role: EscalationRole;
  readonly overdueBy: OverdueBy;
}

/**
 * The SOP's chain of responsibility: the Kasi Pelayanan answers for the counter, so an overdue
 * request goes to them at once; still overdue one working day later, it goes to the Camat.
 * Offices that want the Sekcam in between add a rung.
 */
export const ESCALATION_LADDER: readonly EscalationStep[] = [
  { role: 'kasi', overdueBy: { workingMinutes: 0 } },
  { role: 'camat', overdueBy: { workingDays: 1 } },
];

/** The instant after which a rung applies. */
function escalationThreshold(cal: WorkCalendar, due: Date, overdueBy: OverdueBy): Date {
  if ('workingDays' in overdueBy) return overdueBy.workingDays === 0 ? due : addWorkingDays(cal, due, overdueBy.workingDays);
  return overdueBy.workingMinutes === 0 ? due : addWorkingMinutes(cal, due, overdueBy.workingMinutes);
}

/** Who should be told about a request at `now`: the highest rung passed, or null when not overdue. */
export function escalationLevel(
  cal: WorkCalendar,
  due: Date,
  now: Date,
  ladder: readonly EscalationStep[] = ESCALATION_LADDER,
): EscalationRole | null {
  let level: { role: EscalationRole; after: number } | null = null;
  for (const step of ladder) {
    const after = escalationThreshold(cal, due, step.overdueBy).getTime();
    if (now.getTime() > after && (!level || after >= level.after)) level = { role: step.role, after };
  }
  return level?.role ?? null;
}
