/**
 * Durability, as a real process: the server is killed with SIGKILL after it has taken a message in
 * but before it has answered. After the restart the message is answered, exactly once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testEngine } from '../test-support/db.js';
import { launchServer } from '../test-support/process.js';
import { msg, payload } from '../test-support/whatsapp.js';
import { startGraphStandIn } from './simulator/graph-standin.js';
import { signBody } from './webhook.js';

const ENV = {
  WHATSAPP_VERIFY_TOKEN: 'crash-verify',
  WHATSAPP_APP_SECRET: 'crash-app-secret',
  WHATSAPP_ACCESS_TOKEN: 'crash-access-token',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
};
const WARGA = '6281227009999';

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let graph: Awaited<ReturnType<typeof startGraphStandIn>>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-crash-'));
  if (testEngine === 'postgres') {
    const db = await freshDatabase();
    databaseUrl = db.url;
    dropDatabase = db.close;
  }
  graph = await startGraphStandIn({ accessToken: ENV.WHATSAPP_ACCESS_TOKEN });
});
afterAll(async () => {
  await graph.close();
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const launch = () => launchServer({ ...ENV, WHATSAPP_GRAPH_URL: graph.url, DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });

async function post(url: string, body: unknown) {
  const raw = JSON.stringify(body);
  return fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, ENV.WHATSAPP_APP_SECRET) }, body: raw });
}

async function until<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`SIGKILL between receiving and answering, on ${testEngine}`, () => {
  it('answers the message exactly once after the restart', async () => {
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c8b478' } }).jpeg().toBuffer();
    const mediaId = graph.putMedia(photo, 'image/jpeg');
    // The server will be stuck fetching the photo from "Meta" when it is killed.
    graph.holdMedia(true);

    const first = await launch();
    const res = await post(first.url, payload({ contacts: [{ waId: WARGA, name: 'Ibu Sri' }], messages: [msg.image(WARGA, mediaId, new Date())] }));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(graph.sentTo(WARGA)).toHaveLength(0);
    await first.stop('SIGKILL');

    graph.holdMedia(false);
    const second = await launch();
    const replies = await until(() => (graph.sentTo(WARGA).length > 0 ? graph.sentTo(WARGA) : undefined));
    // Give any duplicate every chance to appear: several worker rounds.
    await new Promise((r) => setTimeout(r, 2_500));
    const sent = graph.sentTo(WARGA);
    expect(sent.length).toBe(replies.length);
    expect(new Set(sent.map((m) => JSON.stringify(m.body))).size).toBe(sent.length);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 90_000);
});
