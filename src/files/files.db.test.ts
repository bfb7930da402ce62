import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { countFiles } from './storage.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp();
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

function multipart(file: { name: string; type: string; bytes: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----kencot${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(bytes: Buffer, name = 'foto.jpg', type = 'image/jpeg', lang = 'id') {
  const { body, contentType } = multipart({ name, type, bytes }, { documentType: 'akta_kelahiran' });
  return operator.send('POST', `/api/v1/offices/${DEMO_OFFICE_CODE}/files`, body, { 'content-type': contentType, 'accept-language': lang });
}

const blobsOnDisk = () => {
  const root = path.join(t.dataDir, 'files');
  if (!fs.existsSync(root)) return 0;
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
};

/** The JPEG's segments before its image data: where EXIF lives. Entropy-coded data may hold any bytes, 'GPS' included. */
function jpegHeader(jpeg: Buffer): Buffer {
  const startOfScan = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  return jpeg.subarray(0, startOfScan);
}

async function photoWithGps(): Promise<Buffer> {
  // Seeded noise makes a realistically large photo that is the same on every run.
  const pixels = Buffer.alloc(640 * 480 * 3);
  let seed = 2026;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    pixels[i] = seed >>> 24;
  }
  return sharp(pixels, { raw: { width: 640, height: 480, channels: 3 } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Xiaomi', Model: 'Redmi 9A' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 25/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '109/1 16/1 4321/100' },
    })
    .toBuffer();
}

describe('uploading a document', () => {
  it('keeps a phone photo without its EXIF and GPS, and records the upload', async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(original);
    expect(res.statusCode).toBe(201);
    const { file } = res.json();
    expect(file).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480, documentType: 'akta_kelahiran' });

    const content = await operator.get(`/api/v1/files/${file.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/jpeg');
    const stored = content.rawPayload;
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    const gpsIfdPointer = Buffer.from([0x25, 0x88]); // EXIF tag 0x8825, little-endian as sharp writes it
    expect(jpegHeader(original).includes(gpsIfdPointer)).toBe(true);
    expect(jpegHeader(original).includes('Redmi')).toBe(true);
    expect(jpegHeader(stored).includes('Exif')).toBe(false);
    expect(jpegHeader(stored).includes(gpsIfdPointer)).toBe(false);
    expect(jpegHeader(stored).includes('Redmi')).toBe(false);

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'file', entityId: file.id, limit: 10 });
    expect(audit.map((a) => a.action).sort()).toEqual(['file.uploaded', 'file.viewed']);
    expect(audit.find((a) => a.action === 'file.viewed')).toMatchObject({ actorType: 'staff', actorId: operator.user.id });
  });

  const refusals: [string, () => Promise<Buffer> | Buffer, string, number, RegExp][] = [
    ['an executable renamed .jpg', () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), crypto.randomBytes(4000)]), 'unsupported_type', 415, /Jenis berkas tidak dapat diterima/],
    ['a 50 MB image', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(50 * 1024 * 1024, 1)]), 'too_large', 413, /Batas maksimal 10 MB/],
    ['a truncated JPEG', async () => { const whole = await photoWithGps(); return whole.subarray(0, Math.floor(whole.length / 2)); }, 'unreadable', 422, /tidak dapat dibaca/],
    ['a PDF with JavaScript', pdfWithJavaScript, 'pdf_active_content', 422, /PDF ini berisi skrip/],
  ];
  for (const [what, make, reason, status, message] of refusals) {
    it(`refuses ${what} with a clear message and stores nothing`, async () => {
      const filesBefore = await countFiles(t.db);
      const blobsBefore = blobsOnDisk();
      const res = await upload(await make());
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(`upload_${reason}`);
      expect(res.json().detail).toMatch(message);
      expect(await countFiles(t.db)).toBe(filesBefore);
      expect(blobsOnDisk()).toBe(blobsBefore);
      expect((await t.app.inject('/healthz')).statusCode).toBe(200);
    });
  }

  it('explains a refusal in English when asked', async () => {
    const res = await upload(Buffer.from('just some text, not a photo'), 'ktp.png', 'image/png', 'en');
    expect(res.json().detail).toMatch(/cannot be accepted/);
  });

  it('refuses a document type the catalogue does not know, storing nothing', async () => {
    const before = await countFiles(t.db);
    const { body, contentType } = multipart({ name: 'x.jpg', type: 'image/jpeg', bytes: await photoWithGps() }, { documentType: 'rapor_sekolah' });
    const res = await operator.send('POST', `/api/v1/offices/${DEMO_OFFICE_CODE}/files`, body, { 'content-type': contentType });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.documentType');
    expect(await countFiles(t.db)).toBe(before);
  });

  it('an upload without a file is refused politely', async () => {
    const res = await operator.send('POST', `/api/v1/offices/${DEMO_OFFICE_CODE}/files`, '{}', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(415);
    expect(res.json().detail).toMatch(/lampirkan satu berkas/);
  });
});

describe('who may read a document', () => {
  it('staff of another office, the courier and the anonymous are refused; the applicant link works until it expires', async () => {
    const { file } = (await upload(await photoWithGps())).json();
    await t.addOffice('33.02.21', 'SMB');
    const elsewhere = await t.signedIn('operator', '33.02.21');
    expect((await elsewhere.get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(403);
    expect((await (await t.signedIn('kurir')).get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(403);
    expect((await t.client().get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(401);

    const { token } = (await operator.post(`/api/v1/files/${file.id}/links`)).json();
    const viaLink = await t.client().get(`/api/v1/public/files/${file.id}/content?token=${token}`);
    expect(viaLink.statusCode).toBe(200);
    // The link opens the applicant's route only, never the staff one.
    expect((await t.client().get(`/api/v1/files/${file.id}/content?token=${token}`)).statusCode).toBe(401);
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'file', entityId: file.id, limit: 10 });
    expect(audit.some((a) => a.action === 'file.viewed' && a.actorType === 'pemohon')).toBe(true);

    expect((await t.client().get(`/api/v1/public/files/${file.id}/content?token=${token.slice(0, -2)}xx`)).statusCode).toBe(403);
    t.clock.advance(31 * 60_000);
    const expired = await t.client().get(`/api/v1/public/files/${file.id}/content?token=${token}`);
    expect(expired.statusCode).toBe(403);
    expect(expired.json().detail).toMatch(/kedaluwarsa/);
  });
});

async function pdfWithJavaScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  const action = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hi")') });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  return Buffer.from(await doc.save());
}
