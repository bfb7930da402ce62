/**
 * The survey's public routes (tracking page, counter QR) and the office's IKM for a period,
 * against a case computed by hand where the exact weight gives A and the 0.111 weight gives B.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSUR } from '../ikm/ikm.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' }); // Monday 09:00 WIB
});
afterAll(() => t.close());

const row = (...answers: number[]) => Object.fromEntries(UNSUR.map((u, i) => [u, answers[i]]));
/**
 * Five respondents, 159 points in all. Unsur totals 18 17 17 20 18 18 19 16 16 → NRR 3.6 3.4 3.4
 * 4.0 3.6 3.6 3.8 3.2 3.2; IKM = 159/45 = 3.5333, converted 88.33 → A (sangat baik); with 0.111:
 * 0.111 × 159/5 = 3.5298, converted 88.245 → 88.25 → B (baik).
 */
const CASE = [
  row(4, 4, 4, 4, 4, 4, 4, 4, 4),
  row(4, 4, 4, 4, 4, 4, 4, 4, 3),
  row(4, 3, 3, 4, 4, 4, 4, 3, 3),
  row(3, 3, 3, 4, 3, 3, 4, 3, 3),
  row(3, 3, 3, 4, 3, 3, 3, 2, 3),
];

async function handedOverWithPin(operator: Awaited<ReturnType<TestApp['signedIn']>>) {
  const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone: '0812-2700-5501', relation: 'ibu' },
    subject: { nik: anotherGirlNik(), name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
    details: KIA_DETAILS,
  });
  expect(res.statusCode, res.body).toBe(201);
  const { request, trackingPin } = res.json() as { request: { id: string; ticket: string }; trackingPin: string };
  const act = async (action: string, payload: Record<string, unknown> = {}) => expect((await operator.post(`/api/v1/requests/${request.id}/actions`, { action, payload })).statusCode).toBe(200);
  return {
    ...request,
    pin: trackingPin,
    handOver: async () => {
      await act('verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' });
      await act('record_siak_outcome', { outcomes: [{ document: 'kia', printed: true }] });
      await act('mark_ready');
      await act('hand_over', { receivedBy: { name: 'Sri Wahyuni', relationship: 'parent' }, method: 'counter', receivedAt: t.clock.now().toISOString() });
    },
  };
}

describe('the IKM survey on the portal and its results', () => {
  it('takes answers from the tracking page once per handed-over request and from the QR code, and computes the month as by hand', async () => {
    const operator = await t.signedIn('operator');
    const citizen = t.client('10.0.0.7');

    // October: a walk-in answer and a hand-over that belong to another month.
    t.clock.set('2026-10-30T03:00:00Z');
    expect((await t.client('10.0.0.6').post(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/survey`, { answers: row(1, 1, 1, 1, 1, 1, 1, 1, 1) })).statusCode).toBe(201);
    const october = await handedOverWithPin(operator);
    await october.handOver();

    t.clock.set('2026-11-23T02:00:00Z');
    const requests = [];
    for (let i = 0; i < 3; i++) requests.push(await handedOverWithPin(await t.signedIn('operator')));
    const tracked = requests[0]!;
    const tracking = (await citizen.post('/api/v1/public/track', { ticket: tracked.ticket, pin: tracked.pin })).json().token as string;
    const bearer = { authorization: `Bearer ${tracking}` };
    expect((await citizen.get('/api/v1/public/track/survey', bearer)).json()).toEqual({ open: false, answered: false, ticket: tracked.ticket });
    const early = await citizen.post('/api/v1/public/track/survey', { answers: CASE[0] }, bearer);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('setelah dokumen diserahkan');
    for (const r of requests) await r.handOver();

    expect((await citizen.get('/api/v1/public/track/survey', bearer)).json()).toMatchObject({ open: true, answered: false });
    expect((await citizen.post('/api/v1/public/track/survey', { answers: CASE[0], profile: { sex: 'P' }, suggestion: 'Cepat sekali' }, bearer)).statusCode).toBe(201);
    const again = await citizen.post('/api/v1/public/track/survey', { answers: CASE[0] }, bearer);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Survei untuk permohonan ini sudah diisi. Terima kasih, Bapak/Ibu.');
    expect((await citizen.get('/api/v1/public/track/survey', bearer)).json()).toMatchObject({ open: false, answered: true });
    for (const other of requests.slice(1)) {
      const token = (await citizen.post('/api/v1/public/track', { ticket: other.ticket, pin: other.pin })).json().token as string;
      const index = requests.indexOf(other);
      expect((await citizen.post('/api/v1/public/track/survey', { answers: CASE[index] }, { authorization: `Bearer ${token}` })).statusCode).toBe(201);
    }
    for (const answers of CASE.slice(3)) expect((await citizen.post(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/survey`, { answers })).statusCode).toBe(201);
    // Answers outside 1–4, a missing unsur, a profile code nobody offered: refused at the door.
    const careless = t.client('10.0.0.8');
    expect((await careless.post(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/survey`, { answers: { ...CASE[0], WAKTU: 5 } })).statusCode).toBe(400);
    expect((await careless.post(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/survey`, { answers: { PERSYARATAN: 4 } })).statusCode).toBe(400);
    expect((await careless.post(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/survey`, { answers: CASE[0], profile: { sex: 'X' } })).statusCode).toBe(400);

    const kasi = await t.signedIn('kasi');
    const month = await kasi.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/ikm?period=month&year=2026&n=11`);
    expect(month.statusCode, month.body).toBe(200);
    const body = month.json();
    expect(body).toMatchObject({ period: 'month', year: 2026, n: 11, from: '2026-11-01', to: '2026-11-30', respondents: 5, population: 3, minimumSample: 3, sampleEnough: true, byChannel: { portal: 3, qr: 2, whatsapp: 0 } });
    expect(body.result.nrr.map((u: { code: string; nrr: number }) => [u.code, u.nrr])).toEqual([
      ['PERSYARATAN', 3.6], ['PROSEDUR', 3.4], ['WAKTU', 3.4], ['BIAYA', 4], ['PRODUK', 3.6], ['KOMPETENSI', 3.6], ['PERILAKU', 3.8], ['PENGADUAN', 3.2], ['SARPRAS', 3.2],
    ]);
    expect(body.result).toMatchObject({ ikm: 3.5333, converted: 88.33, grade: 'A', gradeWords: { id: 'Sangat baik', en: 'Very good' }, weight: '1/9' });
    expect(body.result.comparison0111).toEqual({ weight: '0.111', ikm: 3.5298, converted: 88.25, grade: 'B', gradeWords: { id: 'Baik', en: 'Good' } });
    expect(body.result.priorities.map((u: { code: string }) => u.code)).toEqual(['PENGADUAN', 'SARPRAS', 'PROSEDUR', 'WAKTU', 'PERSYARATAN', 'PRODUK', 'KOMPETENSI', 'PERILAKU', 'BIAYA']);
    expect(body.result.priorities[0].name.id).toBe('Penanganan pengaduan, saran dan masukan');
    // Nothing in the results says who answered.
    expect(month.body).not.toMatch(/Sri Wahyuni|Cepat sekali|2700/);

    // The quarter holds October too: six respondents, four hand-overs.
    const quarter = (await kasi.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/ikm?period=quarter&year=2026&n=4`)).json();
    expect(quarter).toMatchObject({ from: '2026-10-01', to: '2026-12-31', respondents: 6, population: 4 });
    const empty = (await kasi.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/ikm?period=semester&year=2026&n=1`)).json();
    expect(empty).toMatchObject({ respondents: 0, result: null, population: 0, minimumSample: 0 });
    expect((await kasi.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/ikm?period=quarter&year=2026&n=5`)).statusCode).toBe(422);
    // The regency reads it; an operator does not.
    expect((await (await t.signedIn('kabupaten')).get(`/api/v1/offices/${DEMO_OFFICE_CODE}/ikm?period=month&year=2026&n=11`)).statusCode).toBe(200);
    expect((await (await t.signedIn('operator')).get(`/api/v1/offices/${DEMO_OFFICE_CODE}/ikm`)).statusCode).toBe(403);
  });
});
