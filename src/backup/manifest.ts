/**
 * What a backup says about itself, and the decisions a restore takes from it. Pure: no I/O.
 */
import { z } from 'zod';
import { AppError } from '../platform/errors.js';

export const BACKUP_FORMAT = 'kencot-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const MANIFEST_ENTRY = 'manifest.json';
/** The manifest's own SHA-256, so a changed byte in the manifest is caught like one anywhere else. */
export const MANIFEST_HASH_ENTRY = 'manifest.sha256';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const identifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

export const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  kencotVersion: z.string(),
  createdAt: z.string().datetime({ offset: true }),
  engine: z.enum(['pglite', 'postgres']),
  /** The last migration applied to the database backed up (drizzle's `created_at` = the journal's `when`). */
  migration: z.object({ count: z.number().int().nonnegative(), tag: z.string().nullable(), when: z.number().int().nonnegative() }),
  /** In dependency order: a table comes after every table it references. */
  tables: z.array(
    z.object({
      name: identifier,
      part: z.string(),
      columns: z.array(z.string().min(1)).min(1),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256,
    }),
  ),
  files: z.object({
    /** File records whose bytes were not purged. */
    liveRecords: z.number().int().nonnegative(),
    blobs: z.array(z.object({ sha256, size: z.number().int().nonnegative(), part: z.string() })),
    /** Bytes a live record refers to that the store did not have (or had damaged) when the backup was made. */
    missing: z.array(sha256),
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const blobPart = (sha: string) => `files/${sha.slice(0, 2)}/${sha}`;
export const tablePart = (index: number, table: string) => `db/${String(index + 1).padStart(3, '0')}-${table}.jsonl.gz`;

/**
 * Tables so that each comes after the tables it references (foreign keys), alphabetical among
 * equals so the same schema always gives the same order. A cycle would make a plain load
 * impossible, so it is refused here rather than found half-way through a restore.
 */
export function dependencyOrder(tables: string[], references: { child: string; parent: string }[]): string[] {
  const remaining = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && remaining.has(child) && remaining.has(parent)) parents.get(child)!.add(parent);
  }
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => [...parents.get(t)!].every((p) => !remaining.has(p))).sort();
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among: ${[...remaining].sort().join(', ')}`);
    for (const t of ready) {
      order.push(t);
      remaining.delete(t);
    }
  }
  return order;
}

export type RestorePlan = {
  /** Drop what the database holds first (forced, or an empty database already past the backup's level). */
  reset: boolean;
  /** Migrations (journal `when`) to apply before loading, up to the backup's level. */
  apply: number[];
};

/**
 * How to bring the target database to the backup's migration level, or why not.
 * `known` is this build's journal (`when` of each migration, ascending); `current` the target's
 * last applied migration (null: never migrated); `tablesWithRows` what it already holds.
 */
export function planRestore(input: {
  backup: Manifest['migration'];
  known: { when: number; tag: string }[];
  current: number | null;
  tablesWithRows: string[];
  force: boolean;
}): RestorePlan {
  const latest = input.known.at(-1);
  if (input.backup.count > 0 && !input.known.some((m) => m.when === input.backup.when)) {
    if (!latest || input.backup.when > latest.when) {
      throw new AppError('backup_newer', 422, 'errors.backup.newer_migration', { backup: input.backup.tag ?? String(input.backup.when), known: latest?.tag ?? '-' });
    }
    throw new AppError('backup_unknown_migration', 422, 'errors.backup.unknown_migration', { backup: input.backup.tag ?? String(input.backup.when) });
  }
  if (input.tablesWithRows.length > 0 && !input.force) {
    throw new AppError('backup_target_not_empty', 409, 'errors.backup.not_empty', { tables: input.tablesWithRows.join(', ') });
  }
  const reset = input.force || (input.current !== null && input.current > input.backup.when);
  const from = reset ? null : input.current;
  const apply = input.known.map((m) => m.when).filter((when) => (from === null || when > from) && when <= input.backup.when);
  return { reset, apply };
}
