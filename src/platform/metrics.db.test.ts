/** `/metrics` for Prometheus: only with METRICS_TOKEN set and presented as a bearer token; route patterns, never personal data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';
import { bearerMatches } from './metrics.js';

const TOKEN = 'metrics-token-for-tests-0123456789';
let plain: TestApp;
let watched: TestApp;
beforeAll(async () => {
  plain = await testApp();
  watched = await testApp({ now: '2026-11-23T03:00:00Z', env: { ...TEST_WHATSAPP_ENV, METRICS_TOKEN: TOKEN } });
});
afterAll(async () => {
  await plain?.close();
  await watched?.close();
});

const scrape = (t: TestApp, authorization?: string) =>
  t.app.inject({ method: 'GET', url: '/metrics', headers: { accept: 'text/html,*/*', ...(authorization ? { authorization } : {}) } });

describe('/metrics', () => {
  it('does not exist when METRICS_TOKEN is unset, even with a token', async () => {
    expect((await scrape(plain)).statusCode).toBe(404);
    expect((await scrape(plain, `Bearer ${TOKEN}`)).statusCode).toBe(404);
  });

  it('refuses a missing or wrong token with 401', async () => {
    for (const header of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await scrape(watched, header);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).not.toContain('kencot_');
    }
  });

  it('answers the right token in Prometheus text format with latency by route pattern, queues, SLA breaches and refused sign-ins, and no personal data', async () => {
    const nik = anotherGirlNik();
    const operator = await watched.signedIn('operator');
    const created = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
      serviceCode: 'kia_baru',
      channel: 'walk_in', // due Monday 15:30 WIB
      desaCode: '33.02.20.2005',
      applicant: { name: 'Nur Hidayah', phone: '081234599999', relation: 'ibu' },
      subject: { nik, name: 'Fajar Ramadhan' },
      details: KIA_DETAILS,
    });
    expect(created.statusCode).toBe(201);
    const { request } = created.json();
    expect((await operator.get(`/api/v1/requests/${request.id}`)).statusCode).toBe(200);
    const stranger = watched.client();
    expect((await stranger.post('/api/v1/auth/login', { username: 'siti-rahayu', password: 'wrong-password-123' })).statusCode).toBe(401);
    watched.clock.set('2026-11-23T08:31:00Z'); // one minute past due

    const res = await scrape(watched, `Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    for (const name of [
      'kencot_http_request_duration_seconds',
      'kencot_whatsapp_inbound_backlog',
      'kencot_whatsapp_inbound_oldest_age_seconds',
      'kencot_outbox_depth',
      'kencot_outbox_lag_seconds',
      'kencot_sla_breaches',
      'kencot_job_runs_total',
      'kencot_files_purged',
      'kencot_logins_refused_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(/kencot_http_request_duration_seconds_bucket\{le="[\d.+Inf]+",method="GET",route="\/api\/v1\/requests\/:id",status_code="200"\} 1/);
    expect(text).toMatch(/kencot_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/offices\/:officeCode\/requests",status_code="201"\} 1/);
    expect(text).toContain(`kencot_sla_breaches{office="${DEMO_OFFICE_CODE}"} 1`);
    expect(text).toContain('kencot_logins_refused_total{reason="refused"} 1');
    // The request's confirmation waits in the outbox (no Graph API here).
    expect(text).toMatch(/kencot_outbox_depth [1-9]/);
    expect(text).toMatch(/kencot_outbox_lag_seconds [1-9]/);

    for (const secret of [request.id, request.ticket, nik, 'Fajar', 'Nur Hidayah', '081234599999', 'siti-rahayu', TOKEN]) {
      expect(text).not.toContain(secret);
    }
  });

  it('compares the token whole: prefix, suffix, case and empty tokens do not match', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN.toUpperCase()}`, TOKEN)).toBe(false);
    expect(bearerMatches('Bearer ', TOKEN)).toBe(false);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
    expect(bearerMatches(`Bearer ${TOKEN} extra`, TOKEN)).toBe(false);
  });
});
