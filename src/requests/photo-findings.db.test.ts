/** The request page shows each photo's findings beside the document and the numbers read against the typed ones (issue 16). */
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { multipart } from '../test-support/multipart.js';
import { renderDocument, rng } from '../test-support/photo-fixtures.js';
import { anotherGirlNik, KIA_DETAILS, KK_NUMBER } from '../test-support/requests.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' });
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

const BASE = `/api/v1/offices/${DEMO_OFFICE_CODE}`;

async function upload(bytes: Buffer, documentType: string) {
  const { body, contentType } = multipart({ name: 'photo.jpg', type: 'image/jpeg', bytes }, { documentType });
  const res = await operator.send('POST', `${BASE}/files`, body, { 'content-type': contentType });
  expect(res.statusCode).toBe(201);
  lastAdvice = res.json().photo;
  return res.json().file.id as string;
}
let lastAdvice: { problems: string[]; hints: string[] } | null = null;

async function submit(nik: string, attachments: { fileId: string; documentType: string }[]) {
  const res = await operator.post(`${BASE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone: '0812-2700-1234', relation: 'ibu' },
    subject: { nik, name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
    details: KIA_DETAILS,
    attachments,
  });
  expect(res.statusCode).toBe(201);
  return res.json().request.id as string;
}

describe('the photo findings on the request page', () => {
  it('shows a blurred counter upload in words, and the NIK and KK number read on the KK against the typed ones', async () => {
    const kk = await renderDocument('kk', rng(21));
    const kkId = await upload(await sharp(kk.png).blur(6).jpeg().toBuffer(), 'kk');
    // The counter is told at once, while the citizen is still there to take another photo.
    expect(lastAdvice?.hints).toContain('Foto KK kurang jelas/buram. Mohon foto ulang di tempat yang terang, seluruh kartu terlihat.');
    const nik = anotherGirlNik();
    // What the OCR read on the photo (the test app runs without OCR): the KK number, and the NIK with its last digit misread.
    const misread = `${nik.slice(0, 15)}${nik[15] === '8' ? '9' : '8'}`;
    const [row] = await t.db.select().from(files).where(eq(files.id, kkId));
    expect(row!.photoFindings).toMatchObject({ kind: 'kk', problems: expect.arrayContaining(['blurred']), ocr: 'skipped' });
    await t.db.update(files).set({ photoFindings: { ...row!.photoFindings!, reading: { numbers: [KK_NUMBER, misread], title: 'kk' }, ocr: 'read' } }).where(eq(files.id, kkId));
    const requestId = await submit(nik, [{ fileId: kkId, documentType: 'kk' }]);

    const page = (await operator.get(`/api/v1/requests/${requestId}`)).json();
    const photo = page.files[0].photo;
    expect(photo.problems).toContain('blurred');
    expect(photo.hints).toContain('Foto KK kurang jelas/buram. Mohon foto ulang di tempat yang terang, seluruh kartu terlihat.');
    expect(photo.numbers).toEqual([
      { field: 'nik', comparison: { match: false, read: misread, differences: [{ position: 16, typed: nik[15], read: misread[15] }] }, text: expect.stringContaining('pada angka ke-16') },
      { field: 'kk', comparison: { match: true, read: KK_NUMBER }, text: 'Nomor KK pada foto KK cocok.' },
    ]);
  });

  it('says the NIK on the KK matches, and flags an akta put in the KK slot instead of comparing its numbers', async () => {
    const nik = anotherGirlNik();
    const good = await renderDocument('kk', rng(22));
    const kkId = await upload(await sharp(good.png).jpeg().toBuffer(), 'kk');
    const aktaId = await upload(await sharp((await renderDocument('akta', rng(23))).png).jpeg().toBuffer(), 'akta_kelahiran');
    for (const [id, title] of [[kkId, 'kk'], [aktaId, 'akta']] as const) {
      const [row] = await t.db.select().from(files).where(eq(files.id, id));
      await t.db.update(files).set({ photoFindings: { ...row!.photoFindings!, kind: null, reading: { numbers: [nik], title }, ocr: 'read' } }).where(eq(files.id, id));
    }
    const requestId = await submit(nik, [{ fileId: kkId, documentType: 'kk' }, { fileId: aktaId, documentType: 'kk' }]);
    const page = (await operator.get(`/api/v1/requests/${requestId}`)).json();
    const [kkPhoto, aktaPhoto] = page.files.map((f: { photo: unknown }) => f.photo);
    expect(kkPhoto.numbers.map((n: { text: string }) => n.text)).toContain('NIK pada foto KK cocok.');
    expect(aktaPhoto.problems[0]).toBe('wrong_document');
    expect(aktaPhoto.hints[0]).toBe('Foto ini tampaknya bukan KK (terbaca: akta kelahiran). Mohon kirim foto KK.');
    expect(aktaPhoto.numbers).toEqual([]);
  });
});
