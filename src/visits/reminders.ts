/**
 * The day-before reminder of a home visit, sent once per visit by a timer job (`src/server.ts`,
 * one server copy at a time through `Database.alone`): the reminder's outbox row, the visit's
 * `reminded_at` and the audit entry in one transaction.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.js';
import { officeDate } from '../calendar/calendar.js';
import type { Db } from '../db/database.js';
import { homeVisits, offices, requests } from '../db/schema.js';
import type { Clock } from '../platform/clock.js';
import * as requestStore from '../requests/storage.js';
import { reminderDue } from './visits.js';

const ZONE_WORDS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
const hourIn = (timeZone: string, at: Date) => Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at));
const timeIn = (timeZone: string, at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

/** Reminds the guardians of tomorrow's planned visits not reminded yet; returns how many. */
export async function remindVisitsDue(deps: { db: Db; clock: Clock }): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ visit: homeVisits, ticket: requests.ticket, phone: requests.applicantPhone, state: requests.state, timezone: offices.timezone })
      .from(homeVisits)
      .innerJoin(requests, eq(requests.id, homeVisits.requestId))
      .innerJoin(offices, eq(offices.code, homeVisits.officeCode))
      .where(and(isNull(homeVisits.outcome), isNull(homeVisits.remindedAt), gt(homeVisits.startsAt, now), lt(homeVisits.startsAt, new Date(now.getTime() + 48 * 3600_000))))
      .for('update', { of: homeVisits, skipLocked: true });
    let sent = 0;
    for (const row of due) {
      const { visit, timezone } = row;
      const visitDate = officeDate(timezone, visit.startsAt);
      if (!reminderDue(visitDate, officeDate(timezone, now), hourIn(timezone, now))) continue;
      await tx.update(homeVisits).set({ remindedAt: now }).where(eq(homeVisits.id, visit.id));
      await requestStore.enqueueMessage(tx, {
        officeCode: visit.officeCode,
        requestId: visit.requestId,
        recipient: row.phone,
        kind: 'request.visit_reminder',
        payload: { kind: 'visit_reminder', ticket: row.ticket, date: visitDate, time: timeIn(timezone, visit.startsAt), zone: ZONE_WORDS[timezone] ?? 'WIB' },
        createdAt: now,
        nextAttemptAt: now,
      });
      await recordAudit(tx, now, { officeCode: visit.officeCode, actor: { type: 'system' }, action: 'visit.reminded', entityType: 'request', entityId: visit.requestId, details: { visitId: visit.id } });
      sent++;
    }
    return sent;
  });
}
