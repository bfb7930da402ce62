/**
 * Overdue requests go up the ladder: flagged `escalated` (so they lead the kasi's queue) as soon
 * as they pass their due time; the queue shows whether the kasi or already the camat should act.
 * Run by the server every minute; safe to run from several servers at once (optimistic version).
 * The due time is the waiting clock's (issue 11): moved later by the working time the office's
 * recorded outages stopped the clocks, never by how long a file sat in a step.
 */
import type { Db } from '../db/database.js';
import { escalationLevel } from '../calendar/sla.js';
import { pausedDue } from '../calendar/sop-clock.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { listOffices } from '../offices/storage.js';
import { pausesOf } from '../outages/service.js';
import type { Clock } from '../platform/clock.js';
import { writeEvents } from './service.js';
import { applyFlagChange } from './transition.js';
import type { Flag, RequestState } from './workflow.js';
import * as store from './storage.js';

export async function escalateOverdueRequests(deps: { db: Db; clock: Clock }): Promise<number> {
  const now = deps.clock.now();
  let escalated = 0;
  for (const office of await listOffices(deps.db)) {
    const overdue = await store.overdueUnescalated(deps.db, office.code, now, 500);
    if (overdue.length === 0) continue;
    const cal = await loadOfficeCalendar(deps.db, office, now);
    const since = overdue.reduce((min, r) => (r.submittedAt < min ? r.submittedAt : min), now);
    const pauses = await pausesOf(deps.db, office.code, since, now);
    for (const request of overdue) {
      const level = escalationLevel(cal, pausedDue(cal, request, now, pauses), now);
      if (!level) continue;
      const result = applyFlagChange(
        { state: request.state as RequestState, flags: request.flags as Flag[] },
        'escalated',
        'set',
        { kind: 'system' },
        now,
      );
      if (!result.ok || result.events.length === 0) continue;
      const done = await deps.db.transaction(async (tx) => {
        if (!(await store.updateRequestIfVersion(tx, request.id, request.version, { flags: [...result.request.flags] }))) return false;
        const events = result.events.map((e) => ({ ...e, details: { ...e.details, escalatedTo: level } }));
        await writeEvents(tx, request, events, { requestId: 'sla-escalation' }, { type: 'system', id: 'sla' });
        return true;
      });
      if (done) escalated++;
    }
  }
  return escalated;
}
