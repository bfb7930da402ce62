/**
 * The WhatsApp channel of one server process: its credentials (Meta's, or the simulator's), and
 * the two workers — inbound messages and the outbox — woken at once by the webhook and by a
 * timer, so nothing waits long and nothing is left behind after a restart.
 */
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { BlobStore } from '../files/blobs.js';
import { listOffices } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import type { WhatsAppConfig } from '../platform/config.js';
import type { RegionLookup } from '../regions/region-lookup.js';
import type { GraphTarget } from './cloud-api.js';
import { processDueInbound, type Dialogue } from './inbound.js';
import { DEFAULT_TEMPLATES } from './messages.js';
import { sendDueMessages } from './sender.js';
import type { GraphStandIn } from './simulator/graph-standin.js';
import * as store from './storage.js';

export type WhatsAppRuntime = {
  mode: WhatsAppConfig['mode'];
  appSecret: string;
  verifyToken: string;
  graph(): GraphTarget;
  setGraphUrl(url: string): void;
  /** The simulator's Graph API stand-in, once the app has mounted it. */
  standIn: GraphStandIn | undefined;
  /** Work is waiting: run the workers soon. */
  kick(): void;
  /** One full pass of both workers until nothing is due (tests, and the timer). */
  drain(): Promise<{ handled: number; sent: number }>;
  start(): void;
  stop(): Promise<void>;
};

export type RuntimeDeps<S> = {
  db: Db;
  clock: Clock;
  regions: RegionLookup;
  blobs: BlobStore;
  secret: string;
  maxUploadBytes: number;
  /** The OCR's time budget per photo (issue 16); 0 or absent: the quality check only. */
  photoOcrTimeoutMs?: number | undefined;
  dialogue: Dialogue<S>;
  logger?: Logger | undefined;
};

/** The simulator's phone number id for an office: digits only, like Meta's. */
export const simulatorNumberId = (officeCode: string) => `9${officeCode.replace(/\D/g, '')}`;

export function whatsAppRuntime<S>(config: WhatsAppConfig, deps: RuntimeDeps<S>, pollMs = 1_000): WhatsAppRuntime {
  // The simulator needs no secrets from anyone: derive its own from the installation's.
  const derived = (purpose: string) => crypto.createHmac('sha256', deps.secret).update(`whatsapp-simulator:${purpose}`).digest('hex');
  const appSecret = config.appSecret ?? derived('app-secret');
  const verifyToken = config.verifyToken ?? derived('verify-token');
  const accessToken = config.accessToken ?? derived('access-token');
  let graphUrl = config.graphUrl ?? 'http://127.0.0.1:0/simulator/graph';
  const graph = (): GraphTarget => ({ graphUrl, apiVersion: config.apiVersion, accessToken });

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  let stopped = true;

  async function drain() {
    let handled = 0;
    let sent = 0;
    for (let round = 0; round < 50; round++) {
      const h = await processDueInbound({ ...deps, graph }, 20);
      const s = await sendDueMessages({ db: deps.db, clock: deps.clock, graph, logger: deps.logger }, 20);
      handled += h;
      sent += s.sent;
      if (h === 0 && s.sent + s.retried + s.failed === 0) break;
    }
    return { handled, sent };
  }

  function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => deps.logger?.error({ err }, 'whatsapp workers failed; retrying on the next tick'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          setImmediate(run);
        }
      });
  }

  return {
    mode: config.mode,
    appSecret,
    verifyToken,
    graph,
    setGraphUrl(url) {
      graphUrl = url;
    },
    standIn: undefined,
    kick: () => setImmediate(run),
    drain,
    start() {
      // No way to send and nobody can sign a webhook: the outbox keeps its messages until WhatsApp is configured.
      if (config.mode === 'off') {
        deps.logger?.warn('WhatsApp is off (no Meta credentials, simulator not enabled): messages wait in the outbox');
        return;
      }
      stopped = false;
      timer = setInterval(run, pollMs);
      timer.unref();
      run();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Which business number answers for which office. The configured number serves the given office;
 * in the simulator every office gets a simulated number, so each can be tried out.
 */
export async function registerNumbers(db: Db, config: WhatsAppConfig, officeCode: string | undefined): Promise<void> {
  if (config.mode === 'simulator') {
    for (const office of await listOffices(db)) {
      if (!(await store.findNumber(db, simulatorNumberId(office.code)))) {
        await store.upsertNumber(db, { phoneNumberId: simulatorNumberId(office.code), officeCode: office.code, displayPhone: office.contact.whatsapp ?? null, templates: DEFAULT_TEMPLATES });
      }
    }
    return;
  }
  if (config.phoneNumberId && officeCode && !(await store.findNumber(db, config.phoneNumberId))) {
    await store.upsertNumber(db, { phoneNumberId: config.phoneNumberId, officeCode, templates: DEFAULT_TEMPLATES });
  }
}
