/**
 * One server for bench/webhook-intake.ts, in its own process so the load generator does not share
 * its event loop. MODE=kencot: the product's webhook route (workers not started: this measures
 * acknowledgement, the workers' pace is the sender's business). MODE=bare: a Fastify route doing
 * one INSERT per request, the ceiling.
 */
import Fastify from 'fastify';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/database.js';
import { diskBlobStore } from '../src/files/blobs.js';
import { DEMO_OFFICE_CODE, setUpDemo } from '../src/offices/setup.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { loadRegions } from '../src/regions/regions.js';
import { chatbot } from '../src/whatsapp/chatbot.js';
import { registerNumbers, whatsAppRuntime } from '../src/whatsapp/runtime.js';

const config = loadConfig(process.env);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await database.migrate();
const logger = pino({ level: 'warn' });

if (process.env.MODE === 'bare') {
  await database.db.execute(sql`create table if not exists bench_bare (id bigserial primary key, body jsonb not null, at timestamptz not null default now())`);
  const app = Fastify({ logger: false });
  app.post('/bare', async (req) => {
    await database.db.execute(sql`insert into bench_bare (body) values (${JSON.stringify(req.body)}::jsonb)`);
    return { received: true };
  });
  console.log(`READY ${await app.listen({ port: 0, host: '127.0.0.1' })}`);
} else {
  await setUpDemo({ db: database.db, clock: systemClock }, loadRegions());
  const blobs = diskBlobStore(`${config.dataDir}/files`);
  const secret = 'bench-secret-bench-secret-bench-secret';
  const whatsapp = whatsAppRuntime(config.whatsapp, { db: database.db, clock: systemClock, regions: loadRegions(), blobs, secret, maxUploadBytes: config.maxUploadBytes, dialogue: chatbot, logger });
  await registerNumbers(database.db, config.whatsapp, DEMO_OFFICE_CODE);
  const app = await buildApp({ database, config, clock: systemClock, blobs, secret, logger, whatsapp });
  console.log(`READY ${await app.listen({ port: 0, host: '127.0.0.1' })}`);
}
process.on('SIGINT', () => process.exit(0));
