/**
 * Clock pauses: the SOP's time standards hold "kecuali jika terjadi kendala sistem" — except when
 * SIAK, the network or the power is down. Working time inside such a window does not count
 * against the office. Pure interval arithmetic over the working calendar; the caller passes `now`
 * (an ongoing outage runs until it).
 */
import { workingMinutesBetween, type WorkCalendar } from './calendar.js';

/** A window in which the clocks stop; `end` null while it is still going on. */
export interface PauseWindow {
  readonly start: Date;
  readonly end: Date | null;
}

/**
 * The windows clipped to [from, to) (an open one ends at `to`), sorted and merged, so two outages
 * recorded over the same hour (SIAK and the network both down) pause it once.
 */
export function mergedPauses(windows: readonly PauseWindow[], from: Date, to: Date): Array<readonly [Date, Date]> {
  const lo = from.getTime();
  const hi = to.getTime();
  const clipped = windows
    .map((w) => [Math.max(lo, w.start.getTime()), Math.min(hi, (w.end ?? to).getTime())] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of clipped) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged.map(([a, b]) => [new Date(a), new Date(b)] as const);
}

/** Working minutes in [from, to) that fall inside a pause window; 0 when `to` is not after `from`. */
export function pausedWorkingMinutes(cal: WorkCalendar, from: Date, to: Date, windows: readonly PauseWindow[]): number {
  if (to.getTime() <= from.getTime()) return 0;
  return mergedPauses(windows, from, to).reduce((sum, [a, b]) => sum + workingMinutesBetween(cal, a, b), 0);
}

/** Working minutes from `from` to `to` with the pauses taken out: the time the clock really ran. */
export function workingMinutesExcludingPauses(cal: WorkCalendar, from: Date, to: Date, windows: readonly PauseWindow[]): number {
  if (to.getTime() <= from.getTime()) return workingMinutesBetween(cal, from, to);
  return workingMinutesBetween(cal, from, to) - pausedWorkingMinutes(cal, from, to, windows);
}
