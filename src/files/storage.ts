/** SQL for file records. */
import { and, asc, eq, inArray, isNotNull, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { files, requests } from '../db/schema.js';

export type FileRow = typeof files.$inferSelect;

export async function insertFile(db: Db, values: typeof files.$inferInsert): Promise<FileRow> {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  return row;
}

export async function countFiles(db: Db): Promise<number> {
  return db.$count(files);
}

/**
 * Blobs are shared by content: holds the per-hash lock until the transaction ends, so an upload
 * that finds the bytes already stored and a purge that deletes them cannot interleave.
 */
export async function lockBlob(db: Db, sha256: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`blob:${sha256}`}))`);
}

/**
 * A request holds these files while it is open: no purge date. Returns the ids it could hold;
 * a file already purged (or unknown) is missing from the answer.
 */
export async function holdFiles(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const held = await db
    .update(files)
    .set({ purgeAfter: null })
    .where(and(inArray(files.id, [...ids]), isNull(files.purgedAt)))
    .returning({ id: files.id });
  return held.map((r) => r.id);
}

/**
 * Sets when each file's bytes must go. A later date already set (the same scan kept for another
 * closed request) wins: a file is purged only when no request needs it any more.
 */
export async function schedulePurge(db: Db, plan: readonly { fileId: string; purgeAfter: Date }[]): Promise<void> {
  for (const { fileId, purgeAfter } of plan) {
    const at = purgeAfter.toISOString();
    await db
      .update(files)
      .set({ purgeAfter: sql`greatest(coalesce(${files.purgeAfter}, ${at}::timestamptz), ${at}::timestamptz)` })
      .where(and(eq(files.id, fileId), isNull(files.purgedAt)));
  }
}

/**
 * Claims up to `limit` scans due for purging, locked for this transaction; rows another server
 * copy has claimed are skipped. A scan still attached to an open request is never due, whatever
 * its date says (the same upload attached twice, or a date set before it was attached).
 */
export async function claimDueFiles(db: Db, now: Date, finalStates: readonly string[], limit: number): Promise<FileRow[]> {
  const heldByOpenRequest = db
    .select({ one: sql`1` })
    .from(requests)
    .where(
      and(
        sql`${requests.state} not in (${sql.join(finalStates.map((s) => sql`${s}`), sql`, `)})`,
        sql`${requests.attachments} @> jsonb_build_array(jsonb_build_object('fileId', ${files.id}::text))`,
      ),
    );
  return db
    .select()
    .from(files)
    .where(and(isNull(files.purgedAt), isNotNull(files.purgeAfter), lte(files.purgeAfter, now), notExists(heldByOpenRequest)))
    .orderBy(asc(files.purgeAfter), asc(files.id))
    .limit(limit)
    .for('update', { of: files, skipLocked: true });
}

export async function markPurged(db: Db, id: string, at: Date): Promise<void> {
  await db.update(files).set({ purgedAt: at }).where(eq(files.id, id));
}

/** Whether a record not purged (committed, or of this transaction) still needs these bytes. */
export async function blobInUse(db: Db, sha256: string): Promise<boolean> {
  const [row] = await db
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.sha256, sha256), isNull(files.purgedAt)))
    .limit(1);
  return row !== undefined;
}
