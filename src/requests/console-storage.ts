/** SQL the staff console reads beside the request itself: its history, staff names, queue sizes. */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog, requests, staffUsers } from '../db/schema.js';

/** The request's audit entries and those of its documents (uploads, every view), oldest first. */
export async function auditOfRequest(db: Db, officeCode: string, requestId: string, fileIds: readonly string[], limit: number) {
  const ofRequest = and(eq(auditLog.entityType, 'request'), eq(auditLog.entityId, requestId));
  const ofFiles = fileIds.length ? and(eq(auditLog.entityType, 'file'), inArray(auditLog.entityId, [...fileIds])) : undefined;
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.officeCode, officeCode), ofFiles ? or(ofRequest, ofFiles) : ofRequest))
    .orderBy(asc(auditLog.id))
    .limit(limit);
}

export async function staffNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, uuids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function activeCouriers(db: Db, officeCode: string) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(and(eq(staffUsers.officeCode, officeCode), eq(staffUsers.role, 'kurir'), eq(staffUsers.active, true)))
    .orderBy(asc(staffUsers.name));
}

/** How many requests a queue holds, how many are past their overall due time, how many escalated. */
export async function countQueue(db: Db, f: { officeCode: string; states: readonly string[]; flag?: string | undefined; courierStaffId?: string | undefined }, now: Date) {
  const where = [eq(requests.officeCode, f.officeCode), inArray(requests.state, [...f.states])];
  if (f.flag) where.push(sql`${requests.flags} @> ${JSON.stringify([f.flag])}::jsonb`);
  if (f.courierStaffId) where.push(eq(requests.courierStaffId, f.courierStaffId));
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${requests.dueAt} < ${now.toISOString()}::timestamptz))::int`,
      escalated: sql<number>`(count(*) filter (where ${requests.flags} @> '["escalated"]'::jsonb))::int`,
    })
    .from(requests)
    .where(and(...where));
  return { total: row?.total ?? 0, overdue: row?.overdue ?? 0, escalated: row?.escalated ?? 0 };
}
