/** What the upload path will tell a citizen about one photo (issue 16): quality, title and the typed numbers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, photograph, randomScene, renderDocument, rng } from '../test-support/photo-fixtures.js';
import { photoFindings, photoKindFor } from './findings.js';
import { closeOcr } from './ocr.js';

afterAll(() => closeOcr());

let kk: { bytes: Buffer; numbers: string[] };
let akta: Buffer;
beforeAll(async () => {
  const r = rng(51);
  const doc = await renderDocument('kk', r);
  kk = { bytes: await jpeg(await photograph(doc, randomScene(r), r), 85), numbers: doc.numbers };
  const a = await renderDocument('akta', r);
  akta = await jpeg(await photograph(a, randomScene(r), r), 85);
});

// OCR, the face detector and child processes share two cores with the rest of the suite in CI.
describe('findings on an uploaded photo', { timeout: 120_000 }, () => {
  it('says the NIK and the KK number on the KK photo match what was typed', async () => {
    const [kkNumber, , nik] = kk.numbers;
    const found = await photoFindings(kk.bytes, { documentType: 'kk', typed: { nik, kk: kkNumber }, ocrTimeoutMs: 60_000 });
    expect(found?.check.problems).toEqual([]);
    expect(found?.hints).toEqual(['NIK pada foto KK cocok.', 'Nomor KK pada foto KK cocok.']);
  });

  it('names the digit where the typed NIK differs from the one on the photo', async () => {
    const nik = kk.numbers[1]!;
    const typo = nik.slice(0, 15) + String((Number(nik[15]) + 1) % 10);
    const found = await photoFindings(kk.bytes, { documentType: 'kk', typed: { nik: typo }, ocrTimeoutMs: 60_000 });
    expect(found?.hints).toEqual([`NIK pada foto KK terbaca ${nik}, berbeda dengan yang diisi (${typo}) pada angka ke-16. Mohon periksa kembali NIK yang diisi.`]);
  });

  it('says an akta sent for the KK is the wrong document, and compares no numbers on it', async () => {
    const found = await photoFindings(akta, { documentType: 'kk', typed: { nik: kk.numbers[1] }, ocrTimeoutMs: 60_000 });
    expect(found?.check.problems).toEqual(['wrong_document']);
    expect(found?.hints[0]).toBe('Foto ini tampaknya bukan KK (terbaca: akta kelahiran). Mohon kirim foto KK.');
    expect(found?.hints).toHaveLength(2);
  });

  it('without the OCR, still checks the quality and says nothing about numbers', async () => {
    const found = await photoFindings(kk.bytes, { documentType: 'kk', typed: { nik: kk.numbers[1] }, ocrTimeoutMs: 0 });
    expect(found).toMatchObject({ reading: null, comparisons: [], hints: [] });
    expect(found?.check.ok).toBe(true);
  });

  it('has nothing to say about a file that is not a picture', async () => {
    expect(await photoFindings(Buffer.from('%PDF-1.7\n'), { documentType: 'kk' })).toBeNull();
  });

  it('checks the catalogue document types that have a photo check', () => {
    expect(['kk', 'akta_kelahiran', 'ktp_el_ibu', 'pas_foto', 'buku_nikah', null].map(photoKindFor)).toEqual(['kk', 'akta', 'ktp', 'photo', null, null]);
  });
});
