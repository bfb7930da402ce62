/**
 * The audit trail: who did what to which record, when, and from where. Written by the same
 * transaction as the change it describes; read-only afterwards (a database trigger refuses
 * UPDATE, DELETE and TRUNCATE).
 */
import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
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
  // The columns are named, not taken from the schema: `kencot backup` runs before an upgrade's
  // migrations too, against a database whose audit_log lacks the newer columns (redacted_at).
  await db.execute(sql`insert into audit_log (at, office_code, actor_type, actor_id, actor_role, action, entity_type, entity_id, details, ip, request_id)
    values (${at.toISOString()}, ${entry.officeCode}, ${entry.actor.type}, ${entry.actor.id ?? null},
      ${entry.actor.type === 'staff' ? entry.actor.role : null}, ${entry.action}, ${entry.entityType}, ${entry.entityId ?? null},
      ${JSON.stringify(entry.details ?? {})}::jsonb, ${origin.ip ?? null}, ${origin.requestId ?? null})`);
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
