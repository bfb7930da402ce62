/**
 * The two clocks of a request (issue 11, item 7). The SOP's 5/30/15 minutes are the officer's
 * hands-on time on a step, so they run from when an officer *takes* the file to when they act on
 * it; a file waiting in the queue (a morning backlog, a document waiting for pick-up, a school
 * batch) is not late by them. What waiting is judged against is the whole request's standard in
 * working days, from submission. Both clocks stop inside outage windows (`pauses.ts`).
 * Pure: the caller passes `now`, the calendar and the windows.
 */
import { addWorkingMinutes, workingMinutesBetween, type WorkCalendar } from './calendar.js';
import { pausedWorkingMinutes, workingMinutesExcludingPauses, type PauseWindow } from './pauses.js';
import { escalationLevel, SLA_THRESHOLDS, slaStatus, SOP_STEP_STANDARD_MINUTES, type EscalationRole, type SlaState, type SopStep } from './sla.js';

export interface WaitingClock {
  /** The due instant, moved later by the working time the clocks were paused. */
  readonly due: Date;
  readonly state: SlaState;
  /** Working minutes until `due`; 0 or negative once overdue. */
  readonly remainingMinutes: number;
  /** Working minutes since submission that counted (pauses taken out). */
  readonly elapsedMinutes: number;
  /** Working minutes from submission to the original due time. */
  readonly budgetMinutes: number;
  /** The standard in working days, when known (from the catalogue). */
  readonly standardWorkingDays: number | null;
  /** Working minutes since submission inside outage windows. */
  readonly pausedMinutes: number;
  readonly escalatedTo: EscalationRole | null;
}

/** The whole request's clock: waiting time since submission against its working-days standard. */
export function waitingClock(
  cal: WorkCalendar,
  request: { readonly submittedAt: Date; readonly dueAt: Date; readonly standardWorkingDays?: number | null },
  now: Date,
  pauses: readonly PauseWindow[] = [],
): WaitingClock {
  const { submittedAt, dueAt } = request;
  const pausedMinutes = pausedWorkingMinutes(cal, submittedAt, now, pauses);
  const due = pausedMinutes > 0 ? addWorkingMinutes(cal, dueAt, pausedMinutes) : dueAt;
  const budgetMinutes = Math.max(1, workingMinutesBetween(cal, submittedAt, dueAt));
  return {
    due,
    ...slaStatus(cal, due, now, budgetMinutes),
    elapsedMinutes: Math.max(0, workingMinutesExcludingPauses(cal, submittedAt, now, pauses)),
    budgetMinutes,
    standardWorkingDays: request.standardWorkingDays ?? null,
    pausedMinutes,
    escalatedTo: escalationLevel(cal, due, now),
  };
}

/** Only the waiting clock's due instant: what escalation compares with `now`. */
export function pausedDue(cal: WorkCalendar, request: { readonly submittedAt: Date; readonly dueAt: Date }, now: Date, pauses: readonly PauseWindow[]): Date {
  const paused = pausedWorkingMinutes(cal, request.submittedAt, now, pauses);
  return paused > 0 ? addWorkingMinutes(cal, request.dueAt, paused) : request.dueAt;
}

export type WorkState = SlaState | 'not_taken';

export interface WorkClock {
  readonly step: SopStep;
  readonly standardMinutes: number;
  /** When an officer took the file in this step; null while it waits in the queue. */
  readonly takenAt: Date | null;
  /** `not_taken` while nobody works on it: then it is judged by the waiting clock only. */
  readonly state: WorkState;
  /** Working minutes of work so far (pauses taken out). */
  readonly workedMinutes: number;
  /** Standard minus worked; negative once late. */
  readonly remainingMinutes: number;
  readonly pausedMinutes: number;
  /** When the standard runs out if nothing else pauses it; null while not taken. */
  readonly due: Date | null;
}

/** An officer's work on a step, from taking the file to `now` (or to the action), against the SOP standard. */
export function workClock(cal: WorkCalendar, step: SopStep, takenAt: Date | null, now: Date, pauses: readonly PauseWindow[] = []): WorkClock {
  const standardMinutes = SOP_STEP_STANDARD_MINUTES[step];
  if (!takenAt) return { step, standardMinutes, takenAt: null, state: 'not_taken', workedMinutes: 0, remainingMinutes: standardMinutes, pausedMinutes: 0, due: null };
  const pausedMinutes = pausedWorkingMinutes(cal, takenAt, now, pauses);
  const workedMinutes = Math.max(0, workingMinutesExcludingPauses(cal, takenAt, now, pauses));
  const remainingMinutes = standardMinutes - workedMinutes;
  const fraction = remainingMinutes / standardMinutes;
  const state: SlaState =
    remainingMinutes < 0
      ? 'overdue'
      : fraction < SLA_THRESHOLDS.redBelowRemainingFraction
        ? 'red'
        : fraction < SLA_THRESHOLDS.amberBelowRemainingFraction
          ? 'amber'
          : 'on_track';
  return { step, standardMinutes, takenAt, state, workedMinutes, remainingMinutes, pausedMinutes, due: addWorkingMinutes(cal, takenAt, standardMinutes + pausedMinutes) };
}

export interface StepWork {
  readonly step: SopStep;
  readonly takenAt: string | null;
  /** Whole working minutes, rounded up: 6 min 10 s of work is past a 6-minute standard. */
  readonly workMinutes: number;
  readonly standardMinutes: number;
  readonly late: boolean;
  readonly pausedMinutes: number;
}

/**
 * The work on a step as it ends, for the audit entry of the action that ends it. A step acted on
 * without having been taken (an API call, not the console page) counts as taken at that moment.
 */
export function stepWorkDone(cal: WorkCalendar, step: SopStep, takenAt: Date | null, doneAt: Date, pauses: readonly PauseWindow[] = []): StepWork {
  const clock = workClock(cal, step, takenAt ?? doneAt, doneAt, pauses);
  return {
    step,
    takenAt: takenAt?.toISOString() ?? null,
    workMinutes: Math.max(0, Math.ceil(clock.workedMinutes - 1e-9)),
    standardMinutes: clock.standardMinutes,
    late: clock.workedMinutes > clock.standardMinutes,
    pausedMinutes: Math.round(clock.pausedMinutes),
  };
}
