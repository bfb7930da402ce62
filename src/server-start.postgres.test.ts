/**
 * A regency starts several server copies at once on one empty PostgreSQL database: all of them
 * come up, the migrations run once, and the demo office and the first admin exist exactly once.
 * PostgreSQL only (an embedded directory is one process's; `cli-lock.db.test.ts`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl, databaseUrl } from './test-support/global-setup.js';
import { launchServer, type ServerProcess } from './test-support/process.js';

const name = `kencot_start_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
let dataDir: string;
const servers: ServerProcess[] = [];

async function admin<T>(fn: (client: pg.Client) => Promise<T>, url = adminUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-start-'));
  // Empty, not a copy of the migrated template: the start-ups must migrate it themselves.
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGTERM')));
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('three servers started at once on one empty PostgreSQL database', () => {
  it('all come up ready, with one demo office and one first admin between them', async () => {
    const env = { DATABASE_URL: databaseUrl(name), DATA_DIR: dataDir, DEMO: 'true' };
    const started = await Promise.allSettled([launchServer(env), launchServer(env), launchServer(env)]);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'up'))).toEqual(['up', 'up', 'up']);

    expect(new Set(servers.map((s) => s.url)).size).toBe(3);
    for (const server of servers) {
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ready', database: 'postgres' });
    }
    // Exactly one of them printed the first admin's password.
    expect(servers.filter((s) => /Akun admin pertama/.test(s.output())).length).toBe(1);

    const counts = await admin(async (c) => {
      const offices = await c.query<{ n: number }>(`select count(*)::int as n from offices where code = '33.02.20'`);
      const admins = await c.query<{ n: number }>(`select count(*)::int as n from staff_users where role = 'admin'`);
      const migrations = await c.query<{ n: number; distinct: number }>(
        `select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`,
      );
      return { offices: offices.rows[0]!.n, admins: admins.rows[0]!.n, migrations: migrations.rows[0]! };
    }, databaseUrl(name));
    expect(counts.offices).toBe(1);
    expect(counts.admins).toBe(1);
    // Each migration recorded once, not once per server.
    expect(counts.migrations.n).toBe(counts.migrations.distinct);
    expect(counts.migrations.n).toBe(fs.readdirSync('migrations').filter((f) => f.endsWith('.sql')).length);
  }, 300_000);
});
