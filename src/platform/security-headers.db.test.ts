/**
 * Every kind of response carries the browser security headers: pages (portal, console, simulator),
 * the API's JSON and problems, a document download, the webhook, the OpenAPI document, assets.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoot } from '../app.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { multipart } from '../test-support/multipart.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
let fileId: string;
beforeAll(async () => {
  // Without Meta credentials, on loopback: the simulator's pages and API are served too.
  t = await testApp({ env: {} });
  operator = await t.signedIn('operator');
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#d2e6f0' } }).jpeg().toBuffer();
  const { body, contentType } = multipart({ name: 'akta.jpg', type: 'image/jpeg', bytes: jpeg }, { documentType: 'akta_kelahiran' });
  const uploaded = await operator.send('POST', `/api/v1/offices/${DEMO_OFFICE_CODE}/files`, body, { 'content-type': contentType });
  expect(uploaded.statusCode).toBe(201);
  fileId = uploaded.json().file.id;
});
afterAll(() => t.close());

type Headers = Record<string, unknown>;
const html = { accept: 'text/html,application/xhtml+xml' };

function expectBrowserHeaders(headers: Headers) {
  const csp = String(headers['content-security-policy'] ?? '');
  expect(csp).toMatch(/(^|;)\s*frame-ancestors 'self'/);
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  // Over plain HTTP with COOKIE_SECURE unset: no HSTS (a LAN demo must stay reachable).
  expect(headers['strict-transport-security']).toBeUndefined();
}

describe('security headers', () => {
  const pages = [
    ['portal home', '/'],
    ['portal apply page', '/ajukan'],
    ['tracking page', '/lacak?tiket=KBR-26-000001'],
    ['console page', '/petugas'],
    ['simulator page', '/simulator'],
  ];
  it.each(pages)('%s: the strict policy, inline scripts refused', async (_, url) => {
    const res = await t.app.inject({ url, headers: html });
    if (webRoot()) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
    expectBrowserHeaders(res.headers);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|;)\s*default-src 'self'/);
    expect(csp).toMatch(/(^|;)\s*object-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('the built pages pass the policy: no inline script or style in index.html', () => {
    const root = webRoot();
    if (!root) return;
    const index = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
    const scripts = [...index.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, body] of scripts) {
      expect(tag).toMatch(/\ssrc="\//);
      expect(body?.trim()).toBe('');
    }
    expect(index).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
  });

  it.each([
    ['API JSON', '/api/v1/auth/csrf', 200],
    ['API problem', '/api/v1/nowhere', 404],
    ['simulator API', '/api/v1/simulator/offices', 200],
    ['OpenAPI document', '/api/openapi.json', 200],
    ['webhook', '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1', 403],
    ['health', '/healthz', 200],
  ])('%s', async (_, url, status) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(status);
    expectBrowserHeaders(res.headers);
  });

  it('a posted webhook answer', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' }, payload: '{}' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expectBrowserHeaders(res.headers);
  });

  it('a document download keeps its own sandboxed policy, framed only by the console', async () => {
    const res = await operator.get(`/api/v1/files/${fileId}/content`);
    expect(res.statusCode).toBe(200);
    expectBrowserHeaders(res.headers);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
  });

  it('a static asset', async () => {
    const root = webRoot();
    if (!root) return;
    const asset = fs.readdirSync(path.join(root, 'assets')).find((f) => f.endsWith('.js'));
    const res = await t.app.inject({ url: `/assets/${asset}` });
    expect(res.statusCode).toBe(200);
    expectBrowserHeaders(res.headers);
  });
});

describe('HSTS', () => {
  it('only behind HTTPS: COOKIE_SECURE=true', async () => {
    const secure = await testApp({ env: { COOKIE_SECURE: 'true' } });
    try {
      const res = await secure.app.inject({ url: '/api/v1/auth/csrf' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(res.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    } finally {
      await secure.close();
    }
  });

  it('only behind HTTPS: a trusted proxy that says the request came over https', async () => {
    const before = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = 'true';
    const proxied = await testApp({ env: {} }).finally(() => {
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
    });
    try {
      const overTls = await proxied.app.inject({ url: '/api/v1/auth/csrf', headers: { 'x-forwarded-proto': 'https' } });
      expect(overTls.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      const plain = await proxied.app.inject({ url: '/api/v1/auth/csrf', headers: { 'x-forwarded-proto': 'http' } });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(plain.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    } finally {
      await proxied.close();
    }
  });
});
