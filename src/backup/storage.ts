/**
 * The SQL of backups. Engine-neutral on purpose: rows travel as `row_to_json` text and come back
 * through `json_populate_recordset`, which PGlite and PostgreSQL both speak, so a backup of the
 * embedded database restores into a server and back. Kencot owns the `public` schema of its
 * database (README), so "every table" means every table there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder, rows, type Db } from '../db/database.js';

const MIGRATIONS = sql`"drizzle"."__drizzle_migrations"`;

export async function publicTables(db: Db): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  return found.map((r) => r.name);
}

export async function foreignKeys(db: Db): Promise<{ child: string; parent: string }[]> {
  return rows(
    db,
    sql`select cl.relname as child, pr.relname as parent from pg_constraint co
        join pg_class cl on cl.oid = co.conrelid join pg_class pr on pr.oid = co.confrelid
        join pg_namespace n on n.oid = cl.relnamespace
        where co.contype = 'f' and n.nspname = 'public'`,
  );
}

/** Columns a row can be inserted with (generated columns are computed again on load). */
export async function insertableColumns(db: Db, table: string): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relname = ${table} and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by a.attnum`,
  );
  return found.map((r) => r.name);
}

/** The last migration applied (its journal `when`) and how many; null when never migrated. */
export async function migrationLevel(db: Db): Promise<{ count: number; when: number } | null> {
  const [exists] = await rows<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists?.present) return null;
  const [level] = await rows<{ count: number; when: string | null }>(db, sql`select count(*)::int as count, max(created_at)::text as "when" from ${MIGRATIONS}`);
  if (!level || level.when === null) return null;
  return { count: level.count, when: Number(level.when) };
}

export async function tablesWithRows(db: Db): Promise<string[]> {
  const found: string[] = [];
  for (const table of await publicTables(db)) {
    const [row] = await rows<{ any: boolean }>(db, sql`select exists (select 1 from ${sql.identifier(table)}) as "any"`);
    if (row?.any) found.push(table);
  }
  return found;
}

/** Every row of a table, in batches through a cursor, as JSON text (never parsed: bigints keep their digits). */
export async function* dumpTable(tx: Db, table: string, batch = 1000): AsyncGenerator<string[]> {
  await tx.execute(sql`declare kencot_backup_rows no scroll cursor for select row_to_json(t)::text as j from ${sql.identifier(table)} t`);
  try {
    for (;;) {
      const got = await rows<{ j: string }>(tx, sql.raw(`fetch ${batch} from kencot_backup_rows`));
      if (got.length === 0) return;
      yield got.map((r) => r.j);
    }
  } finally {
    await tx.execute(sql`close kencot_backup_rows`);
  }
}

/** Non-purged file records and the distinct bytes they need. */
export async function liveBlobs(tx: Db): Promise<{ records: number; hashes: string[] }> {
  const [count] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from files where purged_at is null`);
  const hashes = await rows<{ sha256: string }>(tx, sql`select distinct sha256 from files where purged_at is null order by sha256`);
  return { records: count?.n ?? 0, hashes: hashes.map((h) => h.sha256) };
}

/**
 * Drops everything the migrations made, so they can run again from the start: tables (their
 * indexes, triggers and sequences go with them), views, the migrations' own functions and types,
 * and drizzle's bookkeeping. Extensions stay (their objects belong to them, and re-creating them
 * may need rights the restore does not have).
 */
export async function dropSchemaObjects(tx: Db): Promise<void> {
  const notFromExtension = (oid: ReturnType<typeof sql.raw>) => sql`not exists (select 1 from pg_depend d where d.objid = ${oid} and d.deptype = 'e')`;
  const views = await rows<{ name: string; kind: string }>(
    tx,
    sql`select c.relname as name, c.relkind::text as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('v', 'm') and ${notFromExtension(sql.raw('c.oid'))}`,
  );
  for (const v of views) await tx.execute(sql`drop ${sql.raw(v.kind === 'm' ? 'materialized view' : 'view')} if exists ${sql.identifier(v.name)} cascade`);
  const tables = await publicTables(tx);
  if (tables.length > 0) await tx.execute(sql`drop table if exists ${sql.join(tables.map((t) => sql.identifier(t)), sql`, `)} cascade`);
  const sequences = await rows<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'S' and ${notFromExtension(sql.raw('c.oid'))}`,
  );
  for (const s of sequences) await tx.execute(sql`drop sequence if exists ${sql.identifier(s.name)} cascade`);
  const routines = await rows<{ signature: string }>(
    tx,
    sql`select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prokind in ('f', 'p') and ${notFromExtension(sql.raw('p.oid'))}`,
  );
  // regprocedure text is already a quoted, schema-resolvable signature.
  for (const r of routines) await tx.execute(sql.raw(`drop routine if exists ${r.signature} cascade`));
  const types = await rows<{ name: string }>(
    tx,
    sql`select t.typname as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typtype in ('e', 'd') and ${notFromExtension(sql.raw('t.oid'))}`,
  );
  for (const t of types) await tx.execute(sql`drop type if exists ${sql.identifier(t.name)} cascade`);
  await tx.execute(sql`drop table if exists ${MIGRATIONS}`);
}

/** This build's migrations, in order. */
export function knownMigrations(): { when: number; tag: string; sql: string[]; hash: string }[] {
  const files = readMigrationFiles({ migrationsFolder });
  // readMigrationFiles does not return tags; the journal lists them in the same order.
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return files.map((m, i) => ({ when: m.folderMillis, tag: journal.entries[i]?.tag ?? String(m.folderMillis), sql: m.sql, hash: m.hash }));
}

/**
 * Applies the given migrations inside the caller's transaction, recording them exactly as
 * drizzle's migrator does, so the server's own `migrate()` later carries on from there.
 */
export async function applyMigrations(tx: Db, whens: number[]): Promise<void> {
  await tx.execute(sql`create schema if not exists "drizzle"`);
  await tx.execute(sql`create table if not exists ${MIGRATIONS} (id serial primary key, hash text not null, created_at bigint)`);
  const wanted = new Set(whens);
  for (const m of knownMigrations()) {
    if (!wanted.has(m.when)) continue;
    for (const statement of m.sql) await tx.execute(sql.raw(statement));
    await tx.execute(sql`insert into ${MIGRATIONS} ("hash", "created_at") values (${m.hash}, ${m.when})`);
  }
}

/** Inserts rows given as a JSON array of row_to_json objects; identity values are kept as they were. */
export async function loadRows(tx: Db, table: string, columns: string[], jsonArray: string): Promise<void> {
  const cols = sql.join(columns.map((c) => sql.identifier(c)), sql`, `);
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${cols}) overriding system value
        select ${cols} from json_populate_recordset(null::${sql.identifier(table)}, ${jsonArray}::json)`,
  );
}

/**
 * Takes the plain (non-unique) indexes off before a bulk load and returns how to put them back:
 * building an index once over loaded rows is far cheaper than updating it row by row (the name
 * search's trigram indexes above all). Unique indexes stay, so the load still refuses duplicates.
 */
export async function setIndexesAside(tx: Db): Promise<string[]> {
  const plain = await rows<{ name: string; definition: string }>(
    tx,
    sql`select ic.relname as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
        where n.nspname = 'public' and not i.indisunique and not i.indisprimary
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
          and not exists (select 1 from pg_depend d where d.objid = i.indexrelid and d.deptype = 'e')`,
  );
  for (const index of plain) await tx.execute(sql`drop index ${sql.identifier(index.name)}`);
  return plain.map((index) => index.definition);
}

export async function rebuildIndexes(tx: Db, definitions: string[]): Promise<void> {
  for (const definition of definitions) await tx.execute(sql.raw(definition));
}

/** Moves every serial/identity sequence of a table past its highest loaded value. */
export async function resetSequences(tx: Db, table: string): Promise<void> {
  const sequences = await rows<{ column: string; sequence: string }>(
    tx,
    sql`select a.attname as "column", pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relname = ${table} and a.attnum > 0 and not a.attisdropped`,
  );
  for (const s of sequences) {
    if (!s.sequence) continue;
    await tx.execute(
      sql`select setval(${s.sequence}::regclass, coalesce((select max(${sql.identifier(s.column)}) from ${sql.identifier(table)}), 0) + 1, false)`,
    );
  }
}
