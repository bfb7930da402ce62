/**
 * How sign-in guessing is slowed, as data plus pure functions (no clock, no SQL).
 *
 * Three scopes count attempts that did not succeed:
 * - `pair`: one account from one client (its known-device id, or else its address). After 5 the
 *   pair waits 15 minutes, then 30, 60 … — the guesser is slowed, nobody else.
 * - `client`: one address across all accounts, against spraying one password over many usernames.
 *   A known device of the account is not held back by it (an office or a mobile carrier shares
 *   one address among many people).
 * - `account`: one account from everywhere, against guessing from many addresses. It only holds
 *   back clients the account has never signed in from: the officer's own browser still gets in,
 *   so a stranger cannot lock the office out. A password reset clears it.
 *
 * Every refusal — unknown user, wrong password, inactive, held back — answers the same, so none
 * of this tells a stranger which usernames exist.
 */

export type ThrottleScope = 'pair' | 'client' | 'account';

export type ThrottleRule = {
  /** Every this-many attempts without success start a wait. */
  threshold: number;
  /** The first wait; each further one doubles, up to maxBlockMs. */
  firstBlockMs: number;
  maxBlockMs: number;
  /** After this long without an attempt the count starts again. */
  forgetAfterMs: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  pair: { threshold: 5, firstBlockMs: 15 * MINUTE, maxBlockMs: 24 * HOUR, forgetAfterMs: 24 * HOUR },
  client: { threshold: 30, firstBlockMs: 15 * MINUTE, maxBlockMs: 4 * HOUR, forgetAfterMs: HOUR },
  account: { threshold: 30, firstBlockMs: HOUR, maxBlockMs: 24 * HOUR, forgetAfterMs: 24 * HOUR },
};

export type ThrottleState = { failures: number; lastFailureAt: Date | null; blockedUntil: Date | null };

export const EMPTY_THROTTLE: ThrottleState = { failures: 0, lastFailureAt: null, blockedUntil: null };

export function isBlocked(state: ThrottleState, now: Date): boolean {
  return !!state.blockedUntil && state.blockedUntil > now;
}

/** The scopes that may hold back an attempt: a known device of the account passes the shared ones. */
export function blockingScopes(knownDevice: boolean): ThrottleScope[] {
  return knownDevice ? ['pair'] : ['pair', 'client', 'account'];
}

/**
 * The state after one more attempt is counted (before its password is checked, so parallel guesses
 * cannot slip under the threshold). `started` says whether this attempt began a wait.
 */
export function countAttempt(state: ThrottleState, now: Date, rule: ThrottleRule): ThrottleState & { started: boolean } {
  const quiet = state.lastFailureAt && now.getTime() - state.lastFailureAt.getTime() > rule.forgetAfterMs && !isBlocked(state, now);
  const failures = (quiet ? 0 : state.failures) + 1;
  if (failures % rule.threshold !== 0) return { failures, lastFailureAt: now, blockedUntil: quiet ? null : state.blockedUntil, started: false };
  const waits = failures / rule.threshold;
  const blockMs = Math.min(rule.firstBlockMs * 2 ** (waits - 1), rule.maxBlockMs);
  return { failures, lastFailureAt: now, blockedUntil: new Date(now.getTime() + blockMs), started: true };
}

/** A successful sign-in takes its own counted attempt back; the pair is forgotten altogether. */
export function afterSuccess(state: ThrottleState, scope: ThrottleScope): ThrottleState | undefined {
  if (scope === 'pair') return undefined;
  return { ...state, failures: Math.max(0, state.failures - 1) };
}
