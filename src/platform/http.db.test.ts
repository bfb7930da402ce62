import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('health and API conventions', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toMatchObject({ status: 'ready' });
  });

  it('publishes an OpenAPI document listing the API', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/offices/{officeCode}/files']));
    // Who may call a route comes from its declared access.
    const upload = doc.paths['/api/v1/offices/{officeCode}/files'].post;
    expect(upload.security).toEqual([{ session: [] }]);
    expect(upload.description).toContain('Access: file.upload — roles camat, sekcam, kasi, operator');
    expect(doc.paths['/api/v1/auth/login'].post.security).toBeUndefined();
  });

  it('a broken JSON body gets a problem+json 400 in Indonesian, and the server stays healthy', async () => {
    const c = t.client();
    const res = await c.send('POST', '/api/v1/auth/login', '{"username": "admin", "password": ', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, code: 'bad_json', detail: 'Permintaan tidak dapat dibaca (format JSON tidak valid).' });
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/login', { username: 'admin', password: 'salah-sandi' })).statusCode).toBe(401);
  });

  it('a body of the wrong shape gets a 400 naming the fields, in English when asked', async () => {
    const res = await t.client().post('/api/v1/auth/login', { username: 42 }, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('validation');
    expect(problem.detail).toBe('Some of the data sent is not valid. Please check what you entered.');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });

  it('an unknown API route is a problem+json 404 with a request id', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here', headers: { 'x-request-id': 'abc-123' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.json()).toMatchObject({ code: 'route_not_found', instance: 'abc-123' });
  });
});

describe('logs', () => {
  it('carry request ids and outcomes but no NIK, name, phone, password or query string', async () => {
    const lines: string[] = [];
    const logged = await testApp({ logLines: lines });
    try {
      const nik = '3302204509120001';
      const c = logged.client();
      await c.get(`/api/v1/offices/33.02.20?nik=${nik}&phone=081234567890`, { 'x-request-id': 'req-log-1' });
      await c.get(`/api/v1/offices/${nik}`);
      await c.post('/api/v1/auth/login', { username: 'Siti Rahayu', password: 'rahasia-sekali-2026' });
      const text = lines.join('\n');
      expect(text).toContain('req-log-1');
      expect(text).toMatch(/"statusCode":404/);
      for (const secret of [nik, '081234567890', 'Siti Rahayu', 'rahasia-sekali-2026']) expect(text).not.toContain(secret);
    } finally {
      await logged.close();
    }
  });
});
