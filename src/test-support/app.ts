/**
 * An in-process server on a fresh database with the demo office, for API tests through
 * `app.inject`: sign in as any role, carry the session cookie and CSRF token like a browser.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../app.js';
import { createStaffUser } from '../auth/service.js';
import type { Role } from '../auth/roles.js';
import { diskBlobStore } from '../files/blobs.js';
import { addOffice, DEMO_OFFICE_CODE, setUpDemo } from '../offices/setup.js';
import { fixedClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { loggerOptions } from '../platform/logger.js';
import type { App } from '../platform/http.js';
import { loadRegions } from '../regions/regions.js';
import { chatbot } from '../whatsapp/chatbot.js';
import { registerNumbers, whatsAppRuntime } from '../whatsapp/runtime.js';
import { freshDatabase } from './db.js';

export const TEST_PASSWORD = 'rahasia-kencot-2026';

/** Cloud-API mode with test credentials; the Graph URL is set by tests that start a stand-in. */
export const TEST_WHATSAPP_ENV = {
  WHATSAPP_VERIFY_TOKEN: 'verify-token-for-tests',
  WHATSAPP_APP_SECRET: 'app-secret-for-tests',
  WHATSAPP_ACCESS_TOKEN: 'access-token-for-tests',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9/unset',
};

export async function testApp(
  opts: {
    now?: string;
    maxUploadBytes?: number;
    loginRateLimitPerMinute?: number;
    logLines?: string[];
    /** Environment instead of the Cloud-API test credentials (e.g. `{}` for the simulator). */
    env?: Record<string, string>;
    /** The OCR's budget per uploaded photo; 0 (the default here) keeps tests that do not read numbers fast. */
    photoOcrTimeoutMs?: number;
  } = {},
) {
  const database = await freshDatabase();
  const clock = fixedClock(opts.now ?? '2026-11-23T02:00:00Z'); // Monday 09:00 WIB
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-test-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(opts.env ?? TEST_WHATSAPP_ENV) }), maxUploadBytes: opts.maxUploadBytes ?? 10 * 1024 * 1024, loginRateLimitPerMinute: opts.loginRateLimitPerMinute ?? 1000, photoOcrTimeoutMs: opts.photoOcrTimeoutMs ?? 0 };
  const deps = { db: database.db, clock };
  await setUpDemo(deps, loadRegions());
  const blobs = diskBlobStore(path.join(dataDir, 'files'));
  const secret = 'test-secret-test-secret-test-secret!';
  const logger = testLogger(opts.logLines);
  const whatsapp = whatsAppRuntime(config.whatsapp, { db: database.db, clock, regions: loadRegions(), blobs, secret, maxUploadBytes: config.maxUploadBytes, photoOcrTimeoutMs: config.photoOcrTimeoutMs, dialogue: chatbot, logger });
  await registerNumbers(database.db, config.whatsapp, DEMO_OFFICE_CODE);
  const app = await buildApp({ database, config, clock, blobs, secret, logger, whatsapp });
  await app.ready();

  let staffCount = 0;
  async function addStaff(role: Role, officeCode = DEMO_OFFICE_CODE, username = `${role}-${officeCode.replace(/\./g, '')}-${++staffCount}`) {
    const { user } = await createStaffUser(deps, null, { officeCode, role, name: `Petugas ${role}`, username, password: TEST_PASSWORD }, {});
    return user;
  }

  return {
    app,
    database,
    db: database.db,
    clock,
    config,
    dataDir,
    /** The WhatsApp channel; tests point it at a Graph API stand-in and drain its workers. */
    whatsapp,
    addStaff,
    /** Another office of the installation, from the region dataset. */
    addOffice: (code: string, ticketPrefix = 'TST') => addOffice(deps, loadRegions(), { code, ticketPrefix, contact: { address: `Kantor ${code}` } }),
    /** A browser-like client: keeps cookies, fetches a CSRF token, signs in; from 127.0.0.1 or the address given. */
    client: (opts?: { ip?: string } | string) => browserClient(app, typeof opts === 'string' ? { ip: opts } : opts),
    async signedIn(role: Role, officeCode = DEMO_OFFICE_CODE) {
      const user = await addStaff(role, officeCode);
      const c = browserClient(app);
      const res = await c.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return Object.assign(c, { user });
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Silent, or collecting every log line (as pino would print it) into `lines`. */
function testLogger(lines?: string[]) {
  if (!lines) return pino({ level: 'silent' });
  return pino({ ...loggerOptions('debug') }, { write: (line: string) => void lines.push(line) });
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

export function browserClient(app: App, opts: { ip?: string } = {}) {
  const remoteAddress = opts.ip ?? '127.0.0.1';
  const jar = new Map<string, string>();
  let csrf: string | undefined;
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  // Keep cookies exactly as the server encoded them, as a browser does.
  const remember = (res: { headers: Record<string, unknown> }) => {
    const header = res.headers['set-cookie'];
    const lines = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
    for (const line of lines) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  async function token() {
    if (!csrf) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/auth/csrf', remoteAddress, headers: { cookie: cookieHeader() } });
      remember(res);
      csrf = res.json().csrfToken as string;
    }
    return csrf;
  }
  async function send(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const csrfHeader: Record<string, string> = method === 'GET' ? {} : { 'x-csrf-token': await token() };
    const h: Record<string, string> = { cookie: cookieHeader(), ...csrfHeader, ...headers };
    const res = await app.inject({ method, url, remoteAddress, headers: h, ...(body === undefined ? {} : Buffer.isBuffer(body) || typeof body === 'string' ? { payload: body } : { payload: body as object }) });
    remember(res);
    return res;
  }
  return {
    jar,
    get: (url: string, headers?: Record<string, string>) => send('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => send('POST', url, body ?? {}, headers),
    patch: (url: string, body?: unknown, headers?: Record<string, string>) => send('PATCH', url, body ?? {}, headers),
    send,
    token,
  };
}
