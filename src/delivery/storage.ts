/** SQL for home deliveries: tasks, trips, the office's limit of failed trips. */
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { deliveryAttempts, deliverySettings, deliveryTasks, desa, files, outbox, requests, staffUsers } from '../db/schema.js';
import { DEFAULT_MAX_FAILED_ATTEMPTS } from './delivery.js';

export type DeliveryTaskRow = typeof deliveryTasks.$inferSelect;
export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect;

export async function maxFailedAttemptsOf(db: Db, officeCode: string): Promise<number> {
  const [row] = await db.select({ n: deliverySettings.maxFailedAttempts }).from(deliverySettings).where(eq(deliverySettings.officeCode, officeCode));
  return row?.n ?? DEFAULT_MAX_FAILED_ATTEMPTS;
}

export async function saveMaxFailedAttempts(db: Db, officeCode: string, n: number, at: Date): Promise<void> {
  await db
    .insert(deliverySettings)
    .values({ officeCode, maxFailedAttempts: n, updatedAt: at })
    .onConflictDoUpdate({ target: deliverySettings.officeCode, set: { maxFailedAttempts: n, updatedAt: at } });
}

export async function findTask(db: Db, id: string): Promise<DeliveryTaskRow | undefined> {
  const [row] = await db.select().from(deliveryTasks).where(eq(deliveryTasks.id, id));
  return row;
}

export async function taskOfRequest(db: Db, requestId: string): Promise<DeliveryTaskRow | undefined> {
  const [row] = await db.select().from(deliveryTasks).where(eq(deliveryTasks.requestId, requestId));
  return row;
}

/**
 * The kurir given a request gets its task, last in its route. A new kurir for an open task takes
 * it over as it stands; a task that had gone back to the office starts again with no failures.
 */
export async function upsertTaskOnAssignment(
  db: Db,
  v: { officeCode: string; requestId: string; courierStaffId: string; scheduledFor: string; at: Date },
): Promise<DeliveryTaskRow> {
  const last = sql`coalesce((select max(${deliveryTasks.routeOrder}) from ${deliveryTasks} where ${deliveryTasks.courierStaffId} = ${v.courierStaffId}), 0) + 1`;
  const [row] = await db
    .insert(deliveryTasks)
    .values({ ...v, state: 'scheduled', routeOrder: last, createdAt: v.at, updatedAt: v.at })
    .onConflictDoUpdate({
      target: deliveryTasks.requestId,
      set: {
        courierStaffId: v.courierStaffId,
        state: 'scheduled',
        scheduledFor: v.scheduledFor,
        routeOrder: last,
        failedAttempts: sql`case when ${deliveryTasks.state} = 'returned_to_office' then 0 else ${deliveryTasks.failedAttempts} end`,
        updatedAt: v.at,
        version: sql`${deliveryTasks.version} + 1`,
      },
    })
    .returning();
  return row!;
}

/** Optimistic lock: two taps on two phones cannot both close the same trip. */
export async function updateTaskIfVersion(db: Db, id: string, version: number, values: Partial<typeof deliveryTasks.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(deliveryTasks)
    .set({ ...values, version: version + 1 })
    .where(and(eq(deliveryTasks.id, id), eq(deliveryTasks.version, version)))
    .returning({ id: deliveryTasks.id });
  return rows.length === 1;
}

/** The open trip of a task (started, not ended), if any. */
export async function openAttempt(db: Db, taskId: string): Promise<DeliveryAttemptRow | undefined> {
  const [row] = await db
    .select()
    .from(deliveryAttempts)
    .where(and(eq(deliveryAttempts.taskId, taskId), isNull(deliveryAttempts.outcome)))
    .orderBy(desc(deliveryAttempts.startedAt))
    .limit(1);
  return row;
}

export async function insertAttempt(db: Db, values: typeof deliveryAttempts.$inferInsert): Promise<DeliveryAttemptRow> {
  const [row] = await db.insert(deliveryAttempts).values(values).returning();
  return row!;
}

export async function endAttempt(db: Db, id: string, values: Partial<typeof deliveryAttempts.$inferInsert>): Promise<void> {
  await db.update(deliveryAttempts).set(values).where(eq(deliveryAttempts.id, id));
}

/** A task's trips, the latest first. */
export async function attemptsOf(db: Db, taskId: string): Promise<DeliveryAttemptRow[]> {
  return db.select().from(deliveryAttempts).where(eq(deliveryAttempts.taskId, taskId)).orderBy(desc(deliveryAttempts.startedAt), desc(deliveryAttempts.endedAt));
}

/**
 * A kurir's tasks due by `today` (a trip rescheduled to an earlier day still counts), open, of a
 * request still waiting to be handed over, in the kurir's route order.
 */
export async function courierTasksDue(db: Db, officeCode: string, courierStaffId: string, today: string) {
  return db
    .select({ task: deliveryTasks, request: requests, desaName: desa.name })
    .from(deliveryTasks)
    .innerJoin(requests, eq(requests.id, deliveryTasks.requestId))
    .leftJoin(desa, eq(desa.code, requests.desaCode))
    .where(
      and(
        eq(deliveryTasks.officeCode, officeCode),
        eq(deliveryTasks.courierStaffId, courierStaffId),
        inArray(deliveryTasks.state, ['scheduled', 'on_the_way']),
        lte(deliveryTasks.scheduledFor, today),
        eq(requests.state, 'ready'),
        eq(requests.courierStaffId, courierStaffId),
      ),
    )
    .orderBy(asc(deliveryTasks.routeOrder), asc(deliveryTasks.createdAt), asc(deliveryTasks.id));
}

export async function setRouteOrder(db: Db, courierStaffId: string, taskIds: readonly string[]): Promise<void> {
  for (const [i, id] of taskIds.entries()) {
    await db.update(deliveryTasks).set({ routeOrder: i + 1 }).where(and(eq(deliveryTasks.id, id), eq(deliveryTasks.courierStaffId, courierStaffId)));
  }
}

/**
 * The office's delivery tasks for its officers: open ones first, then the latest closed, with the
 * request, the desa's name and the kurir's name. `state` narrows to one state.
 */
export async function officeTasks(db: Db, officeCode: string, opts: { state?: string | undefined; limit: number }) {
  return db
    .select({ task: deliveryTasks, request: requests, desaName: desa.name, courierName: staffUsers.name })
    .from(deliveryTasks)
    .innerJoin(requests, eq(requests.id, deliveryTasks.requestId))
    .leftJoin(desa, eq(desa.code, requests.desaCode))
    .leftJoin(staffUsers, eq(staffUsers.id, deliveryTasks.courierStaffId))
    .where(and(eq(deliveryTasks.officeCode, officeCode), opts.state ? eq(deliveryTasks.state, opts.state) : undefined))
    .orderBy(sql`case when ${deliveryTasks.state} in ('scheduled', 'on_the_way') then 0 when ${deliveryTasks.state} = 'returned_to_office' then 1 else 2 end`, desc(deliveryTasks.updatedAt), asc(deliveryTasks.id))
    .limit(opts.limit);
}

/** The trips of these tasks, each task's latest first. */
export async function attemptsOfTasks(db: Db, taskIds: readonly string[]): Promise<DeliveryAttemptRow[]> {
  if (taskIds.length === 0) return [];
  return db
    .select()
    .from(deliveryAttempts)
    .where(inArray(deliveryAttempts.taskId, [...taskIds]))
    .orderBy(desc(sql`coalesce(${deliveryAttempts.endedAt}, ${deliveryAttempts.startedAt})`), desc(deliveryAttempts.id));
}

/** The citizen's delivery notices (on the way, rescheduled, returned) of these requests, oldest first. */
export async function deliveryNoticesOf(db: Db, requestIds: readonly string[], kinds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({ id: outbox.id, requestId: outbox.requestId, kind: outbox.kind, payload: outbox.payload, status: outbox.status, createdAt: outbox.createdAt, sentAt: outbox.sentAt, redactedAt: outbox.redactedAt })
    .from(outbox)
    .where(and(inArray(outbox.requestId, [...requestIds]), inArray(outbox.kind, [...kinds])))
    .orderBy(asc(outbox.id));
}

/** Whether the proof photos' bytes are still there (their record stays after the purge). */
export async function proofFilesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: files.id, purgedAt: files.purgedAt }).from(files).where(inArray(files.id, [...ids]));
}
