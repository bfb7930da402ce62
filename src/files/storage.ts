/** SQL for file records. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { files } from '../db/schema.js';

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
