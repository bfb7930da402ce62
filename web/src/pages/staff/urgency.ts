/** The order of a work queue on screen: what needs a person first. */
import type { Clocks, ConsoleRequest, SlaState } from './consoleApi.js';

// A file nobody took yet is not late by the step's minutes (issue 11): the waiting clock ranks it.
const STEP_RANK: Record<SlaState | 'not_taken', number> = { overdue: 0, red: 1, amber: 2, on_track: 3, not_taken: 4 };

/** Most urgent first: escalated, then past the whole request's due time, then by the step clock. */
export function byUrgency(a: ConsoleRequest & { clocks: Clocks }, b: ConsoleRequest & { clocks: Clocks }): number {
  const key = (r: ConsoleRequest & { clocks: Clocks }) => [
    r.flags.includes('escalated') ? 0 : 1,
    r.clocks.overall.state === 'overdue' ? 0 : 1,
    r.clocks.step ? STEP_RANK[r.clocks.step.state] : 5,
    Date.parse(r.clocks.step?.due ?? r.clocks.overall.due),
  ];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}
