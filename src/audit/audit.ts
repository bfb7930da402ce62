/**
 * The audit trail: who did what to which record, when, and from where. Written by the same
 * transaction as the change it describes; read-only afterwards (a database trigger refuses
 * UPDATE, DELETE and TRUNCATE).
 */
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { StaffActor } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { auditLog } from '../db/schema.js';

export type AuditActor =
  | { type: 'staff'; id: string; role: string }
  | { type: 'pemohon'; id?: string | undefined }
  | { type: 'system'; id?: string | undefined };

/** The audit actor for a staff member, or the installation itself (CLI, first start-up) when null. */
export function auditActorOf(actor: StaffActor | null): AuditActor {
  return actor ? { type: 'staff', id: actor.userId, role: actor.role } : { type: 'system', id: 'cli' };
}

/** Where a change came from, carried from the HTTP request (or the worker) into the operation. */
export type Origin = { ip?: string | undefined; requestId?: string | undefined };

export type AuditEntry = {
  officeCode: string | null;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Ids, states and reasons only — never a NIK, a name or a phone number. */
  details?: Record<string, unknown>;
};

export async function recordAudit(db: Db, at: Date, entry: AuditEntry, origin: Origin = {}): Promise<void> {
  await db.insert(auditLog).values({
    at,
    officeCode: entry.officeCode,
    actorType: entry.actor.type,
    actorId: entry.actor.id ?? null,
    actorRole: entry.actor.type === 'staff' ? entry.actor.role : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    ip: origin.ip ?? null,
    requestId: origin.requestId ?? null,
  });
}

export type AuditQuery = {
  officeCodes: string[] | 'all';
  entityType?: string | undefined;
  entityId?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
};

export async function listAudit(db: Db, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.beforeId) where.push(lt(auditLog.id, q.beforeId));
  if (q.officeCodes !== 'all') where.push(inArray(auditLog.officeCode, q.officeCodes));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
}
