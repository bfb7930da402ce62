/**
 * Starting and stopping a whole server: database, migrations, first-start set-up, HTTP.
 * main.ts runs it as a process; tests start it in-process.
 */
import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { buildApp } from './app.js';
import { JOB_LOCK_KEYS, openDatabase, type Alone, type Database } from './db/database.js';
import { configuredBlobStore } from './files/blobs.js';
import { filePurgeWorker } from './files/purge.js';
import { remindVisitsDue } from './visits/reminders.js';
import { personalDataWorker } from './privacy/purge.js';
import { DEMO_OFFICE_CODE, ensureInstallationSecret, setUpDemo } from './offices/setup.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { loggerOptions } from './platform/logger.js';
import { countJobRun, createMetrics } from './platform/metrics.js';
import { overdueReminderWorker } from './reading-corner/service.js';
import { loadRegions } from './regions/regions.js';
import { escalateOverdueRequests } from './requests/escalation.js';
import { chatbot } from './whatsapp/chatbot.js';
import { registerNumbers, whatsAppRuntime, type WhatsAppRuntime } from './whatsapp/runtime.js';

export type RunningServer = {
  url: string;
  database: Database;
  /** Credentials of the first admin, when this start created it. */
  firstAdmin: { username: string; password: string } | undefined;
  /** The WhatsApp channel (tests read a phone's messages from the simulator's stand-in). */
  whatsapp: WhatsAppRuntime;
  close(): Promise<void>;
};

export async function startServer(config: Config, opts: { clock?: Clock; logger?: Logger; database?: Database } = {}): Promise<RunningServer> {
  const logger = opts.logger ?? pino(loggerOptions(config.logLevel));
  const clock = opts.clock ?? systemClock;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, lockAs: 'server' }));
  const regions = loadRegions();
  // Copies of the server started together on one PostgreSQL database take turns here: the first
  // migrates and creates the demo office and first admin, the others find them and go on.
  const { secret, firstAdmin } = await database.exclusively(async () => {
    await database.migrate();
    const secret = await ensureInstallationSecret(database.db, config.secret);
    const firstAdmin = config.demo ? await setUpDemo({ db: database.db, clock }, regions) : undefined;
    await registerNumbers(database.db, config.whatsapp, DEMO_OFFICE_CODE);
    return { secret, firstAdmin };
  });
  const blobs = configuredBlobStore(config);
  const whatsapp = whatsAppRuntime(config.whatsapp, { db: database.db, clock, regions, blobs, secret, maxUploadBytes: config.maxUploadBytes, photoOcrTimeoutMs: config.photoOcrTimeoutMs, dialogue: chatbot, logger });
  const metrics = createMetrics();
  const app = await buildApp({ database, config, clock, blobs, secret, logger, whatsapp, metrics });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  database.lock?.setPort(port);
  // The simulator's Graph API stand-in lives in this server: the sender reaches it over real HTTP.
  if (whatsapp.mode === 'simulator' && !config.whatsapp.graphUrl) whatsapp.setGraphUrl(`http://127.0.0.1:${port}/simulator/graph`);
  whatsapp.start();
  // SLA escalation every minute; a failed round is logged and retried on the next tick.
  // With several server copies on one PostgreSQL, each of these timer jobs runs in one copy at a
  // time (`database.alone`, an advisory lock); a copy finding it taken skips that round.
  const alone: Alone = async (job, fn) => {
    const result = await database.alone(job, fn);
    countJobRun(metrics, job, result.ran);
    return result;
  };
  const escalation = setInterval(() => {
    void alone(JOB_LOCK_KEYS.slaEscalation, () => escalateOverdueRequests({ db: database.db, clock }))
      .catch((err: unknown) => logger.error({ err }, 'sla escalation failed'));
  }, 60_000);
  escalation.unref();
  // Scans past their retention period (UU PDP): every hour, and once a minute after start.
  const purge = filePurgeWorker({ db: database.db, clock, blobs }, logger, undefined, alone);
  purge.start();
  // The other personal data past its period (requests, chats, codes, outbox, audit details): same timing.
  const retention = personalDataWorker({ db: database.db, clock }, logger, undefined, alone);
  retention.start();
  // Pojok baca: one WhatsApp reminder per overdue book loan, in the day; same timing.
  const bookReminders = overdueReminderWorker({ db: database.db, clock }, logger, undefined, alone);
  bookReminders.start();
  // Home visits: the guardian's reminder the day before (src/visits/reminders.ts), checked every 15 minutes.
  const visitReminders = setInterval(() => {
    void alone(JOB_LOCK_KEYS.visitReminders, () => remindVisitsDue({ db: database.db, clock })).catch((err: unknown) => logger.error({ err }, 'visit reminders failed'));
  }, 15 * 60_000);
  visitReminders.unref();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    database,
    firstAdmin,
    whatsapp,
    close: () =>
      (closing ??= (async () => {
        clearInterval(escalation);
        clearInterval(visitReminders);
        await purge.stop();
        await retention.stop();
        await bookReminders.stop();
        await whatsapp.stop();
        // The OCR's worker thread, if an upload started it (loaded here, not at start: it is heavy).
        await (await import('./photos/ocr.js')).closeOcr();
        await app.close();
        await database.close();
      })()),
  };
}
