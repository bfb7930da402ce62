/**
 * Retention of scans end to end, on PGlite and on PostgreSQL: a closed request starts its
 * documents' periods, the purge deletes the bytes when they are due (and only bytes no live
 * record shares), keeps the record and audits it, and a read of a purged document answers 410.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';
import { diskBlobStore } from './blobs.js';
import { purgeDueFiles } from './purge.js';
import { findFile } from './storage.js';

const DAY = 24 * 60 * 60 * 1000;

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
let kasi: Awaited<ReturnType<TestApp['signedIn']>>;
/** Sessions expire while the clock jumps by days: sign the officers in again. */
async function signInStaff() {
  operator = await t.signedIn('operator');
  kasi = await t.signedIn('kasi');
}
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' }); // Monday 09:00 WIB
  await signInStaff();
});
afterAll(() => t.close());

const purge = () => purgeDueFiles({ db: t.db, clock: t.clock, blobs: diskBlobStore(path.join(t.dataDir, 'files')) });

/** A photo that is the same on every run for the same seed, different for another seed. */
async function scan(seed: number): Promise<Buffer> {
  const pixels = Buffer.alloc(120 * 90 * 3);
  let s = seed;
  for (let i = 0; i < pixels.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    pixels[i] = s >>> 24;
  }
  return sharp(pixels, { raw: { width: 120, height: 90, channels: 3 } }).jpeg().toBuffer();
}

async function upload(bytes: Buffer, documentType: string): Promise<string> {
  const boundary = `----kencot${crypto.randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\n${documentType}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await operator.send('POST', `/api/v1/offices/${DEMO_OFFICE_CODE}/files`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  expect(res.statusCode).toBe(201);
  return res.json().file.id;
}

const kiaRequest = (attachments: { fileId: string; documentType: string }[]) => ({
  serviceCode: 'kia_baru',
  channel: 'walk_in',
  desaCode: '33.02.20.2009',
  applicant: { name: 'Sri Wahyuni', phone: '0812-2700-1234', relation: 'ibu' },
  // Sisters on one KK: a second open KIA request for the same child would be refused.
  subject: { nik: anotherGirlNik(), name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
  details: KIA_DETAILS,
  attachments,
});

async function submit(attachments: { fileId: string; documentType: string }[]): Promise<string> {
  const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest(attachments));
  expect(res.statusCode).toBe(201);
  return res.json().request.id;
}

const act = async (id: string, action: string, payload: Record<string, unknown> = {}) => {
  const res = await (action === 'cancel' ? kasi : operator).post(`/api/v1/requests/${id}/actions`, { action, payload });
  expect(res.statusCode, res.body).toBe(200);
};

async function handOver(id: string) {
  await act(id, 'verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' });
  await act(id, 'record_siak_outcome', { outcomes: [{ document: 'kia', printed: true }] });
  await act(id, 'mark_ready');
  await act(id, 'hand_over', { receivedBy: { name: 'Sri Wahyuni', relationship: 'parent' }, method: 'counter', receivedAt: t.clock.now().toISOString() });
}

const row = async (id: string) => (await findFile(t.db, id))!;
const blobExists = (sha: string) => fs.existsSync(path.join(t.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha));
const purgedAudit = async (id: string) =>
  (await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'file', entityId: id, limit: 50 })).filter((a) => a.action === 'file.purged');

describe('retention and purge of scans', () => {
  it('keeps documents while their request is open, purges them after its period, and answers 410 afterwards', async () => {
    const start = t.clock.now();
    const kkBytes = await scan(1);
    const akta = await upload(await scan(2), 'akta_kelahiran');
    const kk = await upload(kkBytes, 'kk');
    const photo = await upload(await scan(3), 'pas_foto');
    // Not part of any request yet: the short period of an unattached upload.
    expect((await row(akta)).purgeAfter).toEqual(new Date(start.getTime() + 7 * DAY));

    const requestA = await submit([
      { fileId: akta, documentType: 'akta_kelahiran' },
      { fileId: kk, documentType: 'kk' },
      { fileId: photo, documentType: 'pas_foto' },
    ]);
    // Taken into a request: held, no purge date while it is open.
    expect((await row(akta)).purgeAfter).toBeNull();
    expect((await row(kk)).purgeAfter).toBeNull();

    // Another request, still open, holds the same KK scan (sent again: the same bytes, one blob)
    // and the very same akta upload.
    t.clock.advance(60 * 60_000);
    const kkAgain = await upload(kkBytes, 'kk');
    expect((await row(kkAgain)).sha256).toBe((await row(kk)).sha256);
    const requestB = await submit([
      { fileId: akta, documentType: 'akta_kelahiran' },
      { fileId: kkAgain, documentType: 'kk' },
    ]);

    // An upload given up half way, and one more that is not yet due when the orphan is.
    const abandoned = await upload(await scan(4), 'kk');
    t.clock.advance(3 * DAY);
    await signInStaff();
    const lateOrphan = await upload(await scan(5), 'akta_kelahiran');

    t.clock.advance(60 * 60_000);
    const closedAt = t.clock.now();
    await handOver(requestA);
    expect((await row(kk)).purgeAfter).toEqual(new Date(closedAt.getTime() + 90 * DAY));
    expect((await row(photo)).purgeAfter).toEqual(new Date(closedAt.getTime() + 30 * DAY));
    expect((await row(akta)).purgeAfter).toEqual(new Date(closedAt.getTime() + 90 * DAY));

    const detail = (await operator.get(`/api/v1/requests/${requestA}`)).json();
    expect(detail.files.find((f: { id: string }) => f.id === kk)).toMatchObject({
      purgeAfter: new Date(closedAt.getTime() + 90 * DAY).toISOString(),
      purgedAt: null,
      keptDaysAfterClosing: 90,
    });

    // Eight days after the abandoned upload: only it is due.
    t.clock.set(new Date(start.getTime() + 8 * DAY));
    await signInStaff();
    const abandonedSha = (await row(abandoned)).sha256;
    expect(blobExists(abandonedSha)).toBe(true);
    expect(await purge()).toBe(1);
    expect((await row(abandoned)).purgedAt).toEqual(t.clock.now());
    expect(blobExists(abandonedSha)).toBe(false);
    expect((await row(lateOrphan)).purgedAt).toBeNull();
    expect(blobExists((await row(lateOrphan)).sha256)).toBe(true);
    for (const id of [akta, kk, photo, kkAgain]) expect((await row(id)).purgedAt).toBeNull();

    // Past the 90 days after closing: request A's documents go, except what open request B holds.
    t.clock.set(new Date(closedAt.getTime() + 90 * DAY + 60_000));
    await signInStaff();
    expect(await purge()).toBe(3); // kk, photo, and the late orphan
    const kkRow = await row(kk);
    expect(kkRow.purgedAt).toEqual(t.clock.now());
    expect(kkRow).toMatchObject({ documentType: 'kk', mime: 'image/jpeg' }); // the record stays
    expect(blobExists((await row(photo)).sha256)).toBe(false);
    // The KK's bytes are shared with the copy request B still holds: kept, and B's copy still opens.
    expect(blobExists(kkRow.sha256)).toBe(true);
    expect((await operator.get(`/api/v1/files/${kkAgain}/content`)).statusCode).toBe(200);
    // The same akta upload is attached to open request B too: not purged, whatever its date says.
    expect((await row(akta)).purgedAt).toBeNull();
    expect((await operator.get(`/api/v1/files/${akta}/content`)).statusCode).toBe(200);

    expect(await purgedAudit(kk)).toEqual([
      expect.objectContaining({ actorType: 'system', actorId: 'retention', officeCode: DEMO_OFFICE_CODE, details: expect.objectContaining({ documentType: 'kk', bytesShared: true }) }),
    ]);
    expect((await purgedAudit(photo))[0]?.details).toMatchObject({ documentType: 'pas_foto', bytesShared: false });

    // Reading it now: 410 Gone, in the caller's language, with the date.
    const gone = await operator.get(`/api/v1/files/${kk}/content`);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect(gone.json()).toMatchObject({ code: 'file_purged', purgedAt: t.clock.now().toISOString() });
    expect(gone.json().detail).toMatch(/^Berkas ini sudah dihapus pada \d{1,2} (Februari|Maret) 2027 karena masa simpannya telah habis/);
    const goneEn = await operator.send('GET', `/api/v1/files/${kk}/content`, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(goneEn.statusCode).toBe(410);
    expect(goneEn.json().detail).toMatch(/^This document was deleted on (February|March) \d{1,2}, 2027 because its retention period ended/);
    const { token } = (await operator.post(`/api/v1/files/${kk}/links`)).json();
    const byLink = await t.client().get(`/api/v1/public/files/${kk}/content?token=${token}`);
    expect(byLink.statusCode).toBe(410);
    expect(byLink.json().code).toBe('file_purged');
    // Nothing was shown, so nothing is recorded as viewed.
    const views = (await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'file', entityId: kk, limit: 50 })).filter((a) => a.action === 'file.viewed');
    expect(views).toEqual([]);

    // The request page says which document was purged and when.
    const after = (await operator.get(`/api/v1/requests/${requestA}`)).json();
    expect(after.files.find((f: { id: string }) => f.id === kk)).toMatchObject({ purgedAt: t.clock.now().toISOString(), documentType: 'kk' });
    const history = (await operator.get(`/api/v1/requests/${requestA}/history`)).json();
    expect(JSON.stringify(history)).toContain('file.purged');

    // Running it again does nothing and writes nothing.
    const auditBefore = (await listAudit(t.db, { officeCodes: 'all', limit: 1000 })).length;
    expect(await purge()).toBe(0);
    expect((await listAudit(t.db, { officeCodes: 'all', limit: 1000 })).length).toBe(auditBefore);
    expect(await purgedAudit(kk)).toHaveLength(1);

    // Request B closes (cancelled): the akta keeps the later of its two dates, and once that has
    // passed the last copy of the KK bytes goes too.
    const cancelledAt = t.clock.now();
    await act(requestB, 'cancel');
    expect((await row(akta)).purgeAfter).toEqual(new Date(cancelledAt.getTime() + 90 * DAY));
    t.clock.set(new Date(cancelledAt.getTime() + 90 * DAY - 60_000));
    await signInStaff();
    expect(await purge()).toBe(0);
    t.clock.set(new Date(cancelledAt.getTime() + 90 * DAY));
    await signInStaff();
    expect(await purge()).toBe(2);
    expect(blobExists(kkRow.sha256)).toBe(false);
    expect(blobExists((await row(akta)).sha256)).toBe(false);
    expect((await purgedAudit(kkAgain))[0]?.details).toMatchObject({ bytesShared: false });
  });

  it('refuses to attach a scan that was already purged', async () => {
    const id = await upload(await scan(6), 'kk');
    t.clock.advance(8 * DAY);
    await signInStaff();
    expect(await purge()).toBeGreaterThanOrEqual(1);
    const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest([{ fileId: id, documentType: 'kk' }]));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('body.attachments');
  });

  it('stores a scan again after an earlier copy of the same bytes was purged', async () => {
    const bytes = await scan(7);
    const first = await upload(bytes, 'kk');
    t.clock.advance(8 * DAY);
    await signInStaff();
    await purge();
    expect((await row(first)).purgedAt).not.toBeNull();
    const second = await upload(bytes, 'kk');
    expect((await row(second)).sha256).toBe((await row(first)).sha256);
    expect((await operator.get(`/api/v1/files/${second}/content`)).statusCode).toBe(200);
    expect((await operator.get(`/api/v1/files/${first}/content`)).statusCode).toBe(410);
  });
});
