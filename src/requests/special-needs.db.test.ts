/**
 * Layanan khusus through intake (the counter here; the chatbot and the portal call the same
 * `prepareIntake`): what is kept, the one rule for home delivery, priority in the queues, and the
 * audit of every view of a disability.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, requests } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
const BASE = `/api/v1/offices/${DEMO_OFFICE_CODE}`;
/** A woman born 15 March 1950 in Kembaran: 76 on the test's day. */
const ELDERLY_NIK = '3302205503500001';

beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' });
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

const kia = (overrides: Record<string, unknown> = {}) =>
  operator.post(`${BASE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone: '0812-2700-1234', relation: 'ibu' },
    subject: { nik: anotherGirlNik(), name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
    details: KIA_DETAILS,
    ...overrides,
  });
const WHEELCHAIR = { disabled: true, kinds: ['fisik'], accommodations: ['home_visit'], consent: true, note: 'Memakai kursi roda' };
const rowOf = async (id: string) => (await t.db.select().from(requests).where(eq(requests.id, id)))[0]!;
const count = async () => (await t.db.select({ id: requests.id }).from(requests)).length;

describe('what intake keeps', () => {
  it('keeps a disability with its kinds, the help wanted and the consent, and puts the request first', async () => {
    const res = await kia({ specialNeeds: WHEELCHAIR, handOverChoice: 'home_delivery', delivery: { address: 'Jl. Raya Ledug 5, RT 02/RW 01' } });
    expect(res.statusCode).toBe(201);
    const row = await rowOf(res.json().request.id);
    expect(row.specialNeeds).toEqual({
      disabled: true,
      elderly: false,
      kinds: ['fisik'],
      accommodations: ['home_visit', 'home_delivery'],
      note: 'Memakai kursi roda',
      consent: { purpose: 'special_service', at: '2026-11-23T03:00:00.000Z' },
    });
    expect(row.flags).toEqual(['disability_assistance', 'home_delivery']);
    expect(row).toMatchObject({ priority: 0, priorityReason: 'disabilitas', handOverChoice: 'home_delivery', disabilityNeeds: 'Memakai kursi roda' });
  });

  it('refuses a disability without consent beside the consent box, and stores nothing', async () => {
    const before = await count();
    const res = await kia({ specialNeeds: { ...WHEELCHAIR, consent: false } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.specialNeeds.consent', code: 'consent_required', message: expect.stringContaining('persetujuan') })]);
    expect(await count()).toBe(before);
  });

  it('offers home delivery only to a disabled or elderly person, on every channel alike', async () => {
    const before = await count();
    const res = await kia({ handOverChoice: 'home_delivery', delivery: { address: 'Jl. Raya Ledug 5, RT 02/RW 01' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.handOverChoice', message: expect.stringContaining('Jujuk Dolanan') })]);
    expect(await count()).toBe(before);
  });

  it('knows an elderly person from the NIK: first in the queue with no question asked, and may have the document delivered', async () => {
    const res = await operator.post(`${BASE}/requests`, {
      serviceCode: 'ktp_el_hilang',
      channel: 'walk_in',
      desaCode: '33.02.20.2009',
      applicant: { name: 'Suminah', phone: '0812-2700-4321', relation: 'diri_sendiri' },
      subject: { nik: ELDERLY_NIK, name: 'Suminah' },
      handOverChoice: 'home_delivery',
      delivery: { address: 'Dusun II RT 03/RW 02, Ledug' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await rowOf(res.json().request.id);
    expect(row).toMatchObject({ priority: 0, priorityReason: 'lansia', handOverChoice: 'home_delivery' });
    expect(row.specialNeeds).toMatchObject({ disabled: false, elderly: true, kinds: [], accommodations: ['home_delivery'] });
  });
});

describe('the queues and the request page', () => {
  it('lists disabled and elderly people first, with the badge in words, also across pages', async () => {
    expect((await kia()).statusCode).toBe(201);
    const first = await operator.get(`${BASE}/queues/verify?limit=50`);
    const rows = first.json().requests as { ticket: string; priorityReason: string | null; dueAt: string }[];
    const firstNormal = rows.findIndex((r) => r.priorityReason === null);
    expect(firstNormal).toBeGreaterThan(0);
    expect(rows.slice(0, firstNormal).every((r) => r.priorityReason !== null)).toBe(true);
    expect(rows.slice(firstNormal).every((r) => r.priorityReason === null)).toBe(true);
    const labels = (await operator.get('/api/v1/vocabulary')).json().priorityReasons;
    expect(labels.lansia.id).toBe('Prioritas · lansia');

    const paged: string[] = [];
    let query = 'limit=1';
    for (let page = 0; page < rows.length + 1; page++) {
      const res = (await operator.get(`${BASE}/queues/verify?${query}`)).json();
      paged.push(...res.requests.map((r: { ticket: string }) => r.ticket));
      if (!res.next) break;
      query = `limit=1&${new URLSearchParams(Object.entries(res.next).map(([k, v]) => [k, String(v)])).toString()}`;
    }
    expect(paged).toEqual(rows.map((r) => r.ticket));
  });

  it('shows the special needs on the request page to the office, and audits every view; the regency neither sees nor is logged', async () => {
    const { request } = (await kia({ specialNeeds: { disabled: true, kinds: ['netra'], accommodations: ['accompany'], consent: true } })).json();
    const viewsOf = async () =>
      (await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, request.id), eq(auditLog.action, 'request.special_needs_viewed')))).length;
    const page = (await operator.get(`/api/v1/requests/${request.id}`)).json();
    expect(page.specialNeeds).toMatchObject({ disabled: true, kinds: ['netra'], accommodations: ['accompany'] });
    await operator.get(`/api/v1/requests/${request.id}`);
    expect(await viewsOf()).toBe(2);

    const regency = await t.signedIn('kabupaten');
    const seen = (await regency.get(`/api/v1/requests/${request.id}`)).json();
    expect(seen).not.toHaveProperty('specialNeeds');
    expect(seen.request).not.toHaveProperty('priorityReason');
    expect(await viewsOf()).toBe(2);
  });
});
