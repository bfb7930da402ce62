/**
 * Jemput Bola KIA (issue 12): the office goes to a school and photographs and files its children
 * without a KIA in one session. A session is planned (school, time, officers, equipment, the
 * roster from the register, the batch deadline), approved by the kasi, held, and closed — or
 * cancelled before it is held. Holding it turns the present children's captures into one batch of
 * KIA requests due a set number of working days after the session.
 *
 * Pure: the calendar, today and the register rows are passed in.
 */
import { isWorkingDay, closeOfWorkingDay, type WorkCalendar } from '../calendar/calendar.js';
import { SCHOOL_BATCH_MAX_WORKING_DAYS } from '../calendar/sla.js';
import type { LocalizedText } from '../catalogue/vocabulary.js';
import { addDays, ageInYears, type IsoDate } from '../identity/calendar-date.js';
import type { RequestState } from '../requests/workflow.js';
import type { Role } from '../auth/roles.js';

export const SESSION_STATES = ['planned', 'approved', 'held', 'closed', 'cancelled'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const SESSION_ACTIONS = ['approve', 'hold', 'close', 'cancel'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** Which state each action leaves from and goes to; `roles` narrows who may take it beyond the policy. */
export const SESSION_TRANSITIONS: Readonly<Record<SessionAction, { from: readonly SessionState[]; to: SessionState; roles?: readonly Role[] }>> = {
  // The section head answers for the team going out and for the parents being told: only the kasi approves.
  approve: { from: ['planned'], to: 'approved', roles: ['kasi'] },
  hold: { from: ['approved'], to: 'held' },
  close: { from: ['held'], to: 'closed' },
  cancel: { from: ['planned', 'approved'], to: 'cancelled' },
};

export type SessionRefusal = 'wrong_state' | 'role_not_allowed';

/** The guard every state change goes through. */
export function decideSessionAction(state: SessionState, action: SessionAction, role: Role): { ok: true; to: SessionState } | { ok: false; reason: SessionRefusal } {
  const rule = SESSION_TRANSITIONS[action];
  if (rule.roles && !rule.roles.includes(role)) return { ok: false, reason: 'role_not_allowed' };
  if (!rule.from.includes(state)) return { ok: false, reason: 'wrong_state' };
  return { ok: true, to: rule.to };
}

/** Captures are taken while the session is approved (on the day, also offline and synchronised later), never after it is held. */
export const capturesOpen = (state: SessionState): boolean => state === 'approved';

/** The seed's equipment for a session: camera, KIA printer, KIA blanks. */
export const SESSION_EQUIPMENT = ['kamera', 'printer_kia', 'blangko_kia'] as const;
export type SessionEquipment = (typeof SESSION_EQUIPMENT)[number];

export const SESSION_EQUIPMENT_LABELS: Readonly<Record<SessionEquipment, LocalizedText>> = {
  kamera: { id: 'Kamera', en: 'Camera' },
  printer_kia: { id: 'Printer KIA', en: 'KIA printer' },
  blangko_kia: { id: 'Blangko KIA', en: 'KIA blank cards' },
};

export const MIN_DEADLINE_WORKING_DAYS = 1;
export const MAX_DEADLINE_WORKING_DAYS = SCHOOL_BATCH_MAX_WORKING_DAYS;

/** The seed: a batch is done in 1 to 7 working days, a whole number. */
export function deadlineDaysValid(days: unknown): days is number {
  return typeof days === 'number' && Number.isInteger(days) && days >= MIN_DEADLINE_WORKING_DAYS && days <= MAX_DEADLINE_WORKING_DAYS;
}

/**
 * When a batch is due: the close of the Nth working day after the session's date on the office
 * calendar (a session on Monday with 1 day: Tuesday's close; over weekends and holidays).
 */
export function batchDueAt(cal: WorkCalendar, sessionDate: IsoDate, days: number): Date {
  if (!deadlineDaysValid(days)) throw new RangeError(`a batch takes ${MIN_DEADLINE_WORKING_DAYS} to ${MAX_DEADLINE_WORKING_DAYS} working days, got ${String(days)}`);
  let day = sessionDate;
  for (let n = 0; n < days; n++) {
    day = addDays(day, 1);
    // A year of closures at most: the calendar always has working days ahead.
    for (let guard = 0; !isWorkingDay(cal, day) && guard < 366; guard++) day = addDays(day, 1);
  }
  // Local midnight of that working day: the office is shut, so its close is that day's close.
  const midnight = new Date(Date.parse(`${day}T00:00:00Z`) - cal.utcOffsetMinutes * 60_000);
  return closeOfWorkingDay(cal, midnight);
}

export type RegisterChild = { id: string; name: string | null; birthDate: IsoDate; schoolNpsn: string | null; schoolClass: string | null; hasKia: boolean | null };

/**
 * The roster a session is planned with: the school's children of 0–16 who do not hold a KIA (not
 * known counts as not held: the session is where it is found out), by class, then name.
 */
export function rosterFor<T extends RegisterChild>(register: readonly T[], npsn: string, today: IsoDate): T[] {
  return register
    .filter((c) => c.schoolNpsn === npsn && c.hasKia !== true && c.birthDate <= today && ageInYears(c.birthDate, today) <= 16)
    .sort((a, b) => (a.schoolClass ?? '').localeCompare(b.schoolClass ?? '', 'id', { numeric: true }) || (a.name ?? '').localeCompare(b.name ?? '', 'id'));
}

/** A child of 5 and over has the photo for the KIA taken on site (the catalogue's `pas_foto` from age 5). */
export const PHOTO_FROM_AGE = 5;
export const photoTakenOnSite = (birthDate: IsoDate, sessionDate: IsoDate): boolean => ageInYears(birthDate, sessionDate) >= PHOTO_FROM_AGE;

/** The batch's progress along the SOP, each milestone counting the requests that reached it or went past it. */
export const BATCH_MILESTONES = ['verified', 'processed', 'printed', 'handed_over'] as const;
export type BatchMilestone = (typeof BATCH_MILESTONES)[number];

const REACHED: Readonly<Record<BatchMilestone, readonly RequestState[]>> = {
  verified: ['verified', 'processing', 'ready', 'handed_over'],
  processed: ['processing', 'ready', 'handed_over'],
  printed: ['ready', 'handed_over'],
  handed_over: ['handed_over'],
};

export function batchProgress(states: readonly RequestState[]): { total: number; byState: Partial<Record<RequestState, number>> } & Record<BatchMilestone, number> {
  const byState: Partial<Record<RequestState, number>> = {};
  for (const s of states) byState[s] = (byState[s] ?? 0) + 1;
  const reached = (m: BatchMilestone) => states.filter((s) => REACHED[m].includes(s)).length;
  return { total: states.length, byState, verified: reached('verified'), processed: reached('processed'), printed: reached('printed'), handed_over: reached('handed_over') };
}
