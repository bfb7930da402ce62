/** A fresh, migrated database for one test file, on whichever engine the project runs. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, PGLITE_EXTENSIONS, type Database } from '../db/database.js';
import { adminUrl, databaseUrl } from './global-setup.js';

export const testEngine = (process.env.KENCOT_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

export async function freshDatabase(): Promise<Database & { url?: string }> {
  if (testEngine === 'postgres') {
    const name = `kencot_t_${inject('postgresTemplate').replace('kencot_tpl_', '')}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    } finally {
      await admin.end();
    }
    const url = databaseUrl(name);
    const database = await openDatabase({ databaseUrl: url });
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: adminUrl() });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  const client = await PGlite.create({ loadDataDir: template, extensions: PGLITE_EXTENSIONS });
  return openDatabase({ pglite: client });
}
