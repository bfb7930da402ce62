/**
 * Opens the system of record: embedded PGlite under DATA_DIR when there is no DATABASE_URL,
 * a pooled PostgreSQL connection when there is. Both speak the same SQL and share one schema,
 * one set of migrations and one set of queries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import * as schema from './schema.js';

/** A database handle or an open transaction: storage functions accept either. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies pending migrations; safe to call from several servers at once. */
  migrate(): Promise<void>;
  /**
   * Runs `fn` while no other server copy runs its own: on PostgreSQL under a session advisory lock
   * (STARTUP_LOCK_KEY) held on a connection of its own, so copies started together migrate and
   * create the first office and admin one after the other, and the later ones find them made.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs a timer's job (escalation, purges) unless another server copy is running the same job
   * right now, so N copies do it once, not N times: on PostgreSQL `pg_try_advisory_lock(job)` on a
   * connection of its own, released when the job ends or its process dies.
   */
  alone: Alone;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: this process's exclusive hold on the data directory (`data-dir-lock.ts`). */
  lock?: DataDirLock;
};

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  // src/db → repo root; dist/server/db → repo root
  fs.existsSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations'))
    ? '../../migrations'
    : '../../../migrations',
);

/** Extensions the migrations create; PGlite must load them on every open (PostgreSQL ships them). */
export const PGLITE_EXTENSIONS = { pg_trgm };

/** Any arbitrary number, the same in every server, so concurrent start-ups migrate one at a time. */
export const MIGRATION_LOCK_KEY = 4_270_521_020;
/** A job run by at most one server copy at a time; `ran: false` when another copy had it. */
export type Alone = <T>(job: JobKey, fn: () => Promise<T>) => Promise<{ ran: true; value: T } | { ran: false }>;

/** Advisory-lock keys of the jobs the servers' timers run. */
export const JOB_LOCK_KEYS = {
  slaEscalation: 4_270_521_030,
  filePurge: 4_270_521_031,
  personalDataRetention: 4_270_521_032,
  readingCornerReminders: 4_270_521_033,
  visitReminders: 4_270_521_034,
} as const;
export type JobKey = (typeof JOB_LOCK_KEYS)[keyof typeof JOB_LOCK_KEYS];

/** Held around a server's whole first-start work (migrations, secret, demo office, first admin). */
export const STARTUP_LOCK_KEY = 4_270_521_021;

/**
 * `lockAs` says who opens an embedded data directory, for the message a second opener reads; an
 * embedded directory is opened by one process at a time (`lockDataDir`), a PostgreSQL server by many.
 */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir?: string; pglite?: PGlite; lockAs?: 'server' | 'cli' }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  let lock: DataDirLock | undefined;
  let client = opts.pglite;
  if (!client) {
    const dataDir = opts.dataDir ?? './data';
    // Before PGlite touches a file: a refused second opener must leave everything as it was.
    lock = lockDataDir(dataDir, opts.lockAs ?? 'cli');
    try {
      const dir = path.join(dataDir, 'pglite');
      fs.mkdirSync(dir, { recursive: true });
      client = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  const pglite = client;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    // A single embedded connection cannot race itself, so no lock is needed.
    migrate: async () => migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder }),
    // One process holds the data directory (lockDataDir), so there is nobody to wait for.
    exclusively: (fn) => fn(),
    alone: async (_job, fn) => ({ ran: true, value: await fn() }),
    ping: async () => {
      await pglite.query('select 1');
    },
    close: async () => {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
    ...(lock ? { lock } : {}),
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    exclusively: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    alone: async (job, fn) => {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ got: boolean }>('select pg_try_advisory_lock($1) as got', [job]);
        if (!rows[0]?.got) return { ran: false };
        try {
          return { ran: true, value: await fn() };
        } finally {
          await client.query('select pg_advisory_unlock($1)', [job]).catch(() => {});
        }
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw statement, whichever driver ran it. */
export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
