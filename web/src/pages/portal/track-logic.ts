/**
 * The tracking page's decisions that are worth a test of their own: which stored tracking session
 * still applies, and how each SOP step reads for the request's state.
 */

export type TrackSession = { token: string; expiresAt: string; ticket?: string };

const normal = (ticket: string) => ticket.trim().toUpperCase();

/**
 * The session kept in this tab applies unless a link names another ticket: a receipt's link with
 * a ticket wins over a request tracked earlier in the same tab (issue 11).
 */
export function sessionFor(stored: TrackSession | undefined, ticketParam: string, now: number): TrackSession | undefined {
  if (!stored || new Date(stored.expiresAt).getTime() <= now) return undefined;
  if (ticketParam && (!stored.ticket || normal(stored.ticket) !== normal(ticketParam))) return undefined;
  return stored;
}

export const STEP_ORDER = ['submit', 'verify', 'process', 'ready', 'handed_over'] as const;
export type StepKey = (typeof STEP_ORDER)[number];
export type StepStatus = 'done' | 'current' | 'returned' | 'pending';

/** The step in progress in each state (1-based; 6 = all done). */
const STEP_OF_STATE: Record<string, number> = { submitted: 2, returned: 2, verified: 3, processing: 3, ready: 5, handed_over: 6, rejected: -1, cancelled: -1 };

/**
 * A returned file is not "being checked": the check is done and it waits for the applicant, so
 * the verify step reads as returned (with what to do beside it), never as in progress.
 */
export function stepStatus(state: string, step: StepKey): StepStatus {
  const n = STEP_ORDER.indexOf(step) + 1;
  const current = STEP_OF_STATE[state] ?? -1;
  if (n < current) return 'done';
  if (n === current) return state === 'returned' ? 'returned' : 'current';
  return 'pending';
}
