/** What the staff console reads and does beside the SOP actions: the request page, queues, couriers, the receipt. */
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { outboxForRequest } from './storage.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';
import { multipart } from '../test-support/multipart.js';
import { pdfText } from '../test-support/pdf-text.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

const BASE = `/api/v1/offices/${DEMO_OFFICE_CODE}`;
// A girl born 10 May 2020 in Kembaran (day + 40).
const CHILD_NIK = '3302205005200001';

async function uploadKk() {
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c8d2c8' } }).jpeg().toBuffer();
  const { body, contentType } = multipart({ name: 'kk.jpg', type: 'image/jpeg', bytes: photo }, { documentType: 'kk' });
  const res = await operator.send('POST', `${BASE}/files`, body, { 'content-type': contentType });
  expect(res.statusCode).toBe(201);
  return res.json().file.id as string;
}

async function submit(overrides: Record<string, unknown> = {}) {
  const res = await operator.post(`${BASE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone: '0812-2700-1234', relation: 'ibu' },
    subject: { nik: anotherGirlNik(), name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
    details: KIA_DETAILS,
    ...overrides,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { request: { id: string; ticket: string }; trackingPin: string };
}

describe('the request page', () => {
  it('shows the NIK checks, the checklist beside the documents, the clocks and what this role may do now', async () => {
    const kk = await uploadKk();
    const { request } = await submit({
      subject: { nik: CHILD_NIK, name: 'Ayu Lestari', birthDate: '2020-05-11', sex: 'L' },
      attachments: [{ fileId: kk, documentType: 'kk' }],
    });
    const res = await operator.get(`/api/v1/requests/${request.id}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.identity).toMatchObject({ status: 'valid', birthDate: '2020-05-10', sex: 'P', districtCode: '33.02.20' });
    expect(page.identity.warnings.sort()).toEqual(['birth_date_mismatch', 'sex_mismatch']);
    expect(page.desaName).toBe('Kembaran');
    expect(page.serviceName.id).toBe('KIA baru');
    // A 6-year-old under the national rules: KK, photos, and akta (or the combined akta + KIA path); the KK is here.
    expect(page.checklist.items.map((i: { document: string }) => i.document)).toEqual(expect.arrayContaining(['akta_kelahiran', 'kk', 'pas_foto']));
    expect(page.documents.missing.map((i: { document: string }) => i.document)).not.toContain('kk');
    // At 6 the photo is required; whether the akta is, depends on whether the child has one (unknown here).
    expect(page.documents.missing.map((i: { document: string }) => i.document)).toContain('pas_foto');
    expect(page.documents.undetermined.map((i: { document: string }) => i.document)).toContain('akta_kelahiran');
    expect(page.clocks.step).toMatchObject({ step: 'verify', state: 'on_track', remainingMinutes: 5 });
    expect(page.availableActions).toEqual(['verify_accept', 'verify_return', 'cancel']);
    expect(page.mayViewDocuments).toBe(true);
    expect(page.files).toEqual([expect.objectContaining({ id: kk, mime: 'image/jpeg', documentType: 'kk', width: 400, height: 300 })]);

    const kasi = await t.signedIn('kasi');
    expect((await kasi.get(`/api/v1/requests/${request.id}`)).json().availableActions).toEqual(['verify_accept', 'verify_return', 'reject', 'cancel']);
    const camat = await t.signedIn('camat');
    expect((await camat.get(`/api/v1/requests/${request.id}`)).json().availableActions).toEqual(['verify_accept', 'verify_return']);
    const regency = await t.signedIn('kabupaten');
    const regencyView = (await regency.get(`/api/v1/requests/${request.id}`)).json();
    expect(regencyView.availableActions).toEqual([]);
    expect(regencyView.mayViewDocuments).toBe(false);
  });

  it('says so when the NIK stored on a request no longer passes the checks', async () => {
    // A birth certificate may be applied for before the child has a NIK.
    const { request } = await submit({
      serviceCode: 'akta_kelahiran',
      subject: { name: 'Tanpa NIK', birthDate: '2026-11-20', sex: 'L' },
      details: { ...KIA_DETAILS, mother_name: 'Sri Wahyuni' },
    });
    expect((await operator.get(`/api/v1/requests/${request.id}`)).json().identity).toEqual({ status: 'absent' });
    // Out of the verify queue, which the queue-count test below reads as "today's walk-in KIA".
    expect((await operator.post(`/api/v1/requests/${request.id}/actions`, { action: 'cancel', payload: {} })).statusCode).toBe(200);
  });

  it('tells the whole history, with the names of the staff and every view of the documents', async () => {
    const kk = await uploadKk();
    const { request } = await submit({ attachments: [{ fileId: kk, documentType: 'kk' }] });
    expect((await operator.get(`/api/v1/files/${kk}/content`)).statusCode).toBe(200);
    await operator.post(`/api/v1/requests/${request.id}/actions`, { action: 'verify_return', payload: { reasons: [{ code: 'missing_document', document: 'akta_kelahiran' }] } });
    const res = await operator.get(`/api/v1/requests/${request.id}/history`);
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { action: string; actorName: string | null; details: Record<string, unknown> }[];
    expect(entries.map((e) => e.action)).toEqual(['file.uploaded', 'request.submit', 'file.viewed', 'request.verify_return']);
    expect(entries.every((e) => e.actorName === 'Petugas operator')).toBe(true);
    expect(entries[3]!.details).toMatchObject({ reasonCodes: ['missing_document'], documents: ['akta_kelahiran'] });
    const admin = await t.signedIn('admin');
    expect((await admin.get(`/api/v1/requests/${request.id}/history`)).statusCode).toBe(403);
  });
});

describe('the vocabulary', () => {
  it('gives the words for the codes in both languages, without signing in', async () => {
    const words = (await t.client().get('/api/v1/vocabulary')).json();
    expect(words.documentTypes.kk).toEqual({ id: 'Kartu Keluarga (KK)', en: 'Family card (KK)' });
    expect(words.states.submitted.id).toBe('Berkas diterima');
    expect(words.returnReasons.missing_document.en).toBe('Document not attached');
    expect(Object.keys(words.channels)).toContain('walk_in');
  });
});

describe('the counter', () => {
  it('checks a NIK as it is typed, without storing it or writing it to the audit log', async () => {
    const check = async (body: Record<string, unknown>) => (await operator.post(`${BASE}/nik-checks`, body)).json().check;
    expect(await check({ nik: '3302 2050 0520 0001', birthDate: '2020-05-10', sex: 'L' })).toMatchObject({
      status: 'valid',
      nik: CHILD_NIK,
      sex: 'P',
      warnings: ['sex_mismatch'],
      place: { districtName: expect.stringMatching(/kembaran/i) },
    });
    expect(await check({ nik: '3302203002200001' })).toEqual({ status: 'invalid', errors: ['date_invalid'] });
    expect(await check({ nik: '12345' })).toEqual({ status: 'invalid', errors: ['format'] });
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], limit: 200 });
    expect(JSON.stringify(audit)).not.toContain('3302203002200001');
    const admin = await t.signedIn('admin');
    expect((await admin.post(`${BASE}/nik-checks`, { nik: CHILD_NIK })).statusCode).toBe(403);
  });

  it("puts the regency's emblem an admin uploaded on the receipt's kop, and refuses what is not a picture (issue 11)", async () => {
    const admin = await t.signedIn('admin');
    const png = await sharp({ create: { width: 900, height: 1100, channels: 4, background: { r: 10, g: 110, b: 50, alpha: 1 } } }).png().toBuffer();
    expect((await operator.send('PUT', `${BASE}/emblem`, { imageBase64: png.toString('base64') })).statusCode).toBe(403);
    const notPicture = await admin.send('PUT', `${BASE}/emblem`, { imageBase64: Buffer.from('bukan gambar').toString('base64') }, { 'accept-language': 'id' });
    expect(notPicture.statusCode).toBe(422);
    expect(notPicture.json().detail).toMatch(/tidak dapat dibaca sebagai gambar/);
    expect((await t.client().get(`/api/v1/offices/${DEMO_OFFICE_CODE}`)).json().office.hasEmblem).toBe(false);

    expect((await admin.send('PUT', `${BASE}/emblem`, { imageBase64: png.toString('base64') })).json()).toEqual({ hasEmblem: true });
    expect((await t.client().get(`/api/v1/offices/${DEMO_OFFICE_CODE}`)).json().office.hasEmblem).toBe(true);
    const { request, trackingPin } = await submit();
    const pdf = (await operator.post(`/api/v1/requests/${request.id}/receipt`, { pin: trackingPin })).rawPayload;
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/Subtype \/Image/);
    // Kept small: a camera-sized picture becomes at most 240 px.
    expect(raw).toMatch(/\/Width (19[0-9]|2[0-3][0-9]|240)\b/);
    expect(pdfText(pdf)).toContain('PEMERINTAH KABUPATEN BANYUMAS');

    expect((await admin.send('DELETE', `${BASE}/emblem`)).json()).toEqual({ hasEmblem: false });
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'office', entityId: DEMO_OFFICE_CODE, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['office.emblem_set', 'office.emblem_removed']));
  });

  it('prints the receipt with the PIN just given, refuses a wrong one, and never stores it', async () => {
    const { request, trackingPin } = await submit();
    const wrong = await operator.post(`/api/v1/requests/${request.id}/receipt`, { pin: trackingPin === '111111' ? '222222' : '111111' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('receipt_pin_mismatch');

    const res = await operator.send('POST', `/api/v1/requests/${request.id}/receipt`, { pin: trackingPin }, { host: 'kencot.kembaran.test' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="tanda-terima-${request.ticket}.pdf"`);
    const pdf = res.rawPayload;
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain(request.ticket);
    expect(text).toContain(trackingPin);
    expect(text).toContain(`http://kencot.kembaran.test/lacak?tiket=${request.ticket}`);
    expect(text).toContain('Kembaran');

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: request.id, limit: 10 });
    expect(audit.map((a) => a.action)).toContain('request.receipt_printed');
    expect(JSON.stringify(audit)).not.toContain(trackingPin);
    const kurir = await t.signedIn('kurir');
    expect((await kurir.post(`/api/v1/requests/${request.id}/receipt`, { pin: trackingPin })).statusCode).toBe(403);
  });
});

describe('a lost receipt', () => {
  it('gets a new PIN: the old one stops tracking, the throttle on the ticket is lifted, the applicant is told, and the receipt prints with it', async () => {
    const { request, trackingPin } = await submit();
    const citizen = t.client();
    const wrongPin = trackingPin === '000000' ? '999999' : '000000';
    for (let i = 0; i < 5; i++) await citizen.post('/api/v1/public/track', { ticket: request.ticket, pin: wrongPin });
    // Five wrong PINs: this client's tries on the ticket are no longer checked, even the right one.
    expect((await citizen.post('/api/v1/public/track', { ticket: request.ticket, pin: trackingPin })).statusCode).toBe(401);

    const res = await operator.post(`/api/v1/requests/${request.id}/pin`);
    expect(res.statusCode).toBe(201);
    const { ticket, pin } = res.json() as { ticket: string; pin: string };
    expect(ticket).toBe(request.ticket);
    expect(pin).toMatch(/^\d{6}$/);

    expect((await citizen.post('/api/v1/public/track', { ticket, pin })).statusCode).toBe(200);
    if (pin !== trackingPin) expect((await citizen.post('/api/v1/public/track', { ticket, pin: trackingPin })).statusCode).toBe(401);
    expect((await operator.post(`/api/v1/requests/${request.id}/receipt`, { pin: trackingPin === pin ? wrongPin : trackingPin })).statusCode).toBe(422);
    const receipt = await operator.post(`/api/v1/requests/${request.id}/receipt`, { pin });
    expect(receipt.statusCode).toBe(200);
    expect(pdfText(receipt.rawPayload)).toContain(pin);

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: request.id, limit: 20 });
    expect(audit.map((a) => a.action)).toContain('request.pin_reissued');
    expect(JSON.stringify(audit)).not.toContain(pin);
    const outbox = await outboxForRequest(t.db, request.id);
    const notice = outbox.find((m) => m.kind === 'request.pin_reissued');
    expect(notice?.recipient).toBe('6281227001234');
    expect(JSON.stringify(notice?.payload)).not.toContain(pin);

    const kurir = await t.signedIn('kurir');
    expect((await kurir.post(`/api/v1/requests/${request.id}/pin`)).statusCode).toBe(403);
  });
});

describe('queues and deliveries', () => {
  it("counts each of the role's queues, with the requests past due", async () => {
    const kasi = await t.signedIn('kasi');
    const before = (await kasi.get(`${BASE}/queues`)).json().queues as { queue: string; total: number; overdue: number }[];
    expect(before.map((q) => q.queue)).toEqual(['verify', 'process', 'hand_over', 'escalated', 'deliveries', 'returned']);
    await submit();
    const verify = () => (kasi.get(`${BASE}/queues`)).then((r) => r.json().queues.find((q: { queue: string }) => q.queue === 'verify'));
    const now = await verify();
    expect(now.total).toBe(before.find((q) => q.queue === 'verify')!.total + 1);
    t.clock.advance(6 * 60 * 60_000); // Monday 16:00 WIB: every walk-in of today is past due
    expect((await verify()).overdue).toBe(now.total);
    t.clock.advance(-6 * 60 * 60_000);
    const kurir = await t.signedIn('kurir');
    expect((await kurir.get(`${BASE}/queues`)).json().queues.map((q: { queue: string }) => q.queue)).toEqual(['deliveries']);
  });

  it('lists the kurir for a home delivery, assigns only one of them, and only that kurir sees it (handing over is on its delivery page, with proof)', async () => {
    const kurir = await t.signedIn('kurir');
    const { request } = await submit({ handOverChoice: 'home_delivery', specialNeeds: { disabled: true, kinds: ['fisik'], consent: true } });
    const act = (action: string, payload: Record<string, unknown> = {}) => operator.post(`/api/v1/requests/${request.id}/actions`, { action, payload });
    await act('verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' });
    await act('record_siak_outcome', { outcomes: [{ document: 'kia', printed: true }] });
    await act('mark_ready');
    expect((await operator.get(`/api/v1/requests/${request.id}`)).json().availableActions).toEqual(['assign_courier', 'hand_over']);

    const couriers = (await operator.get(`${BASE}/couriers`)).json().couriers as { id: string; name: string }[];
    expect(couriers.map((c) => c.id)).toContain(kurir.user.id);
    expect((await act('assign_courier', { courierStaffId: operator.user.id })).statusCode).toBe(422);
    expect((await act('assign_courier', { courierStaffId: 'not-a-uuid' })).statusCode).toBe(422);

    // Not given to this kurir yet: as far as it can tell, the request does not exist.
    expect((await kurir.get(`/api/v1/requests/${request.id}`)).statusCode).toBe(404);
    expect((await act('assign_courier', { courierStaffId: kurir.user.id })).statusCode).toBe(200);
    const page = (await kurir.get(`/api/v1/requests/${request.id}`)).json();
    expect(page.availableActions).toEqual([]);
    expect(page.courier).toEqual({ id: kurir.user.id, name: 'Petugas kurir' });
    expect(page.mayViewDocuments).toBe(false);
    expect((await kurir.get(`${BASE}/couriers`)).statusCode).toBe(403);
  });
});

describe('the receipt with PUBLIC_URL set (issue 11)', () => {
  it('points its tracking link and QR code at the public address, not the host the counter used', async () => {
    const app = await testApp({ now: '2026-11-23T03:00:00Z', env: { PUBLIC_URL: 'https://layanan.kembaran.example.go.id' } });
    try {
      const officer = await app.signedIn('operator');
      const created = await officer.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
        serviceCode: 'kia_baru',
        channel: 'walk_in',
        desaCode: '33.02.20.2009',
        applicant: { name: 'Sri Wahyuni', phone: '0812-2700-1234', relation: 'ibu' },
        subject: { nik: anotherGirlNik(), name: 'Ayu Lestari' },
        details: KIA_DETAILS,
      });
      const { request, trackingPin } = created.json();
      const res = await officer.send('POST', `/api/v1/requests/${request.id}/receipt`, { pin: trackingPin }, { host: '127.0.0.1:3000' });
      expect(res.statusCode).toBe(200);
      const text = pdfText(res.rawPayload);
      // A long address wraps over two lines of the receipt.
      expect(text.replace(/\n/g, '')).toContain(`https://layanan.kembaran.example.go.id/lacak?tiket=${request.ticket}`);
      expect(text).not.toContain('127.0.0.1');
    } finally {
      await app.close();
    }
  });
});
