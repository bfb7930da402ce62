/**
 * A person's rights over their data, over HTTP on PGlite and PostgreSQL: an officer finds
 * everything held on a NIK or a phone number (with who looked at it), exports a copy, corrects
 * names and phone, and erases what the rules allow — an open request and an issued document
 * inside the archive period are refused with the reason. Every action is audited without the
 * person's identifiers.
 */
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  children,
  deliveryAttempts,
  deliveryTasks,
  files,
  homeVisits,
  phoneVerifications,
  readingCornerBooks,
  readingCornerLoans,
  requests,
  surveyResponses,
  whatsappConversations,
  whatsappInbound,
} from '../db/schema.js';
import { diskBlobStore } from '../files/blobs.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { multipart } from '../test-support/multipart.js';
import { act, chatFrom, handOver, submitKia, verificationOf } from '../test-support/personal-data.js';
import { anotherGirlNik, GIRL_NIK, KK_NUMBER } from '../test-support/requests.js';

const DAY = 24 * 60 * 60 * 1000;
const PHONE = '6281227005555';
const PHONE_AS_TYPED = '0812-2700-5555';
const OTHER_NIK = '3302201505190002';
const base = `/api/v1/offices/${DEMO_OFFICE_CODE}/data-subjects`;

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
let kasi: Awaited<ReturnType<TestApp['signedIn']>>;
const req: Record<'open' | 'issued' | 'cancelled' | 'other', { id: string; ticket: string }> = {} as never;
let fileId = '';

beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' });
  operator = await t.signedIn('operator');
  kasi = await t.signedIn('kasi');
  const now = t.clock.now();
  const bytes = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#c0a080' } }).jpeg().toBuffer();
  const upload = multipart({ name: 'kk.jpg', type: 'image/jpeg', bytes }, { documentType: 'kk' });
  const up = await operator.send('POST', `/api/v1/offices/${DEMO_OFFICE_CODE}/files`, upload.body, { 'content-type': upload.contentType });
  expect(up.statusCode, up.body).toBe(201);
  fileId = up.json().file.id;

  // One child has one open KIA at a time (the duplicate rule): the closed ones come first.
  req.issued = await submitKia(operator, { phone: PHONE_AS_TYPED, nik: GIRL_NIK });
  await handOver(operator, req.issued.id, now);
  const cancelled = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone: PHONE_AS_TYPED, relation: 'ibu' },
    subject: { nik: GIRL_NIK, name: 'Ayu Lestari' },
    details: { kk_number: '3302201005200001', subject_birth_place: 'Banyumas' },
    attachments: [{ fileId, documentType: 'kk' }],
  });
  expect(cancelled.statusCode, cancelled.body).toBe(201);
  req.cancelled = cancelled.json().request;
  await act(kasi, req.cancelled.id, 'cancel');
  req.open = await submitKia(operator, { phone: PHONE_AS_TYPED, nik: GIRL_NIK, name: 'Ayu Lestar' });
  // Someone else entirely: never in the answers.
  req.other = await submitKia(operator, { phone: '6281227009999', nik: OTHER_NIK, name: 'Budi' });

  // The operator looks at the scan: the person may see that it was looked at, and by whom.
  expect((await operator.get(`/api/v1/files/${fileId}/content`)).statusCode).toBe(200);
  await chatFrom(t, PHONE, 'Anak saya Ayu mau buat KIA', now);
  await verificationOf(t, PHONE, now);
});
afterAll(() => t.close());

const requestRow = async (id: string) => (await t.db.select().from(requests).where(eq(requests.id, id)))[0]!;
const auditOf = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));
/** No audit entry of a data-subject action may hold the person's identifiers. */
async function expectNoIdentifiersIn(action: string) {
  const entries = await auditOf(action);
  expect(entries.length).toBeGreaterThan(0);
  for (const e of entries) {
    const text = JSON.stringify(e);
    for (const secret of [GIRL_NIK, PHONE, '2700-5555', 'Sri Wahyuni', 'Ayu']) expect(text, action).not.toContain(secret);
    expect(e.entityType).toBe('data_subject');
    expect(e.entityId).toMatch(/^[0-9a-f]{24}$/);
  }
}

describe('finding everything held on a person', () => {
  it('by phone: their requests, scans, chats, codes and who looked at their records', async () => {
    const res = await kasi.post(`${base}/search`, { phone: PHONE_AS_TYPED });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.requests.map((r: { ticket: string }) => r.ticket).sort()).toEqual([req.open.ticket, req.issued.ticket, req.cancelled.ticket].sort());
    expect(body.requests.find((r: { id: string }) => r.id === req.issued.id)).toMatchObject({ state: 'handed_over', anonymiseAfter: new Date(t.clock.now().getTime() + 730 * DAY).toISOString() });
    expect(body.files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    expect(body.chats).toEqual([expect.objectContaining({ text: 'Anak saya Ayu mau buat KIA', type: 'text' })]);
    expect(body.verifications).toHaveLength(1);
    expect(body.conversation).not.toBeNull();
    expect(body.accessLog).toContainEqual(expect.objectContaining({ action: 'file.viewed', entityId: fileId, actorRole: 'operator', actorType: 'staff' }));
    expect(body.retention.request_personal.days).toBe(730);
    expect(JSON.stringify(body)).not.toContain('Budi');
    await expectNoIdentifiersIn('personal_data.subject_viewed');
  });

  it('by NIK: the requests about the child, not the chats of whoever applied', async () => {
    const body = (await kasi.post(`${base}/search`, { nik: GIRL_NIK })).json();
    expect(body.requests).toHaveLength(3);
    expect(body.chats).toEqual([]);
  });

  it('refuses the roles that do not answer for personal data, and a query with no or two keys', async () => {
    expect((await operator.post(`${base}/search`, { nik: GIRL_NIK })).statusCode).toBe(403);
    expect((await (await t.signedIn('admin')).post(`${base}/search`, { nik: GIRL_NIK })).statusCode).toBe(403);
    expect((await kasi.post(`${base}/search`, {})).statusCode).toBe(400);
    expect((await kasi.post(`${base}/search`, { nik: GIRL_NIK, phone: PHONE })).statusCode).toBe(400);
    expect((await kasi.post(`${base}/search`, { phone: '12345678' })).statusCode).toBe(422);
  });
});

describe('a copy for the person', () => {
  it('downloads a JSON file with Indonesian keys holding their data, and audits it', async () => {
    const res = await kasi.post(`${base}/export`, { phone: PHONE });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="data-pribadi-2026-11-23\.json"$/);
    expect(res.headers['cache-control']).toContain('no-store');
    const copy = JSON.parse(res.body);
    expect(copy.permohonan).toHaveLength(3);
    expect(copy.permohonan[0]).toHaveProperty('nomorTiket');
    expect(copy.permohonan.map((p: { yangDibuatkanDokumen: { nik: string } }) => p.yangDibuatkanDokumen.nik)).toEqual([GIRL_NIK, GIRL_NIK, GIRL_NIK]);
    expect(copy.pesanWhatsApp[0].isi).toBe('Anak saya Ayu mau buat KIA');
    expect(copy.riwayatAkses).toContainEqual(expect.objectContaining({ tindakan: 'file.viewed', peranPetugas: 'operator' }));
    expect(copy.masaSimpan.request_personal.hari).toBe(730);
    await expectNoIdentifiersIn('personal_data.subject_exported');
  });
});

describe('correcting', () => {
  it('corrects the name and phone on a request, old values kept only in the audit entry', async () => {
    const res = await kasi.post(`${base}/corrections`, { requestId: req.open.id, subjectName: 'Ayu Lestari', reason: 'Salah ketik saat di loket' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().corrected).toEqual(['subjectName']);
    const row = await requestRow(req.open.id);
    expect(row.subject.name).toBe('Ayu Lestari');
    expect(row.subject.nik).toBe(GIRL_NIK);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'personal_data.corrected'));
    expect(entry).toMatchObject({ entityType: 'request', entityId: req.open.id, actorRole: 'kasi', details: { fields: ['subjectName'], changes: { subjectName: { from: 'Ayu Lestar', to: 'Ayu Lestari' } } } });
  });

  it('refuses a request of another office, and a correction with nothing to correct', async () => {
    const elsewhere = await t.addOffice('33.02.21', 'SMB');
    expect(elsewhere).toBeDefined();
    const otherKasi = await t.signedIn('kasi', '33.02.21');
    expect((await otherKasi.post(`/api/v1/offices/33.02.21/data-subjects/corrections`, { requestId: req.open.id, subjectName: 'X', reason: 'coba' })).statusCode).toBe(404);
    expect((await kasi.post(`${base}/corrections`, { requestId: req.open.id, reason: 'tidak ada' })).statusCode).toBe(400);
  });
});

describe('erasing', () => {
  it('refuses an open request ("masih diproses") and an issued one inside the archive period, erases a cancelled one and the codes', async () => {
    const res = await kasi.post(`${base}/erasure`, { phone: PHONE, reason: 'Permintaan pemilik data lewat surat' });
    expect(res.statusCode, res.body).toBe(200);
    const { erased, refused } = res.json();
    expect(erased).toMatchObject({ requests: 1, verifications: 1, chats: 0 });
    const until = new Date(t.clock.now().getTime() + 730 * DAY).toISOString();
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'request', id: req.open.id, reason: 'request_open', message: expect.stringContaining('Permohonan masih diproses') }),
        expect.objectContaining({ what: 'request', id: req.issued.id, reason: 'archive_period', until, message: expect.stringContaining(until.slice(0, 10)) }),
        expect.objectContaining({ what: 'chats', reason: 'request_open' }),
      ]),
    );
    expect(refused).toHaveLength(3);

    const cancelled = await requestRow(req.cancelled.id);
    expect(cancelled).toMatchObject({ subjectNik: null, applicantPhone: '', state: 'cancelled', serviceCode: 'kia_baru', desaCode: '33.02.20.2009' });
    expect(cancelled.anonymisedAt).toEqual(t.clock.now());
    // Its scan is due now: the scan purge deletes the bytes on its next run.
    expect((await t.db.select().from(files).where(eq(files.id, fileId)))[0]!.purgeAfter).toEqual(t.clock.now());
    expect(await t.db.$count(phoneVerifications, eq(phoneVerifications.phone, PHONE))).toBe(0);
    // Kept: the open and issued requests, and the chat an open request may need.
    expect((await requestRow(req.open.id)).subjectNik).toBe(GIRL_NIK);
    expect((await requestRow(req.issued.id)).subjectNik).toBe(GIRL_NIK);
    expect(await t.db.$count(whatsappInbound, eq(whatsappInbound.waId, PHONE))).toBe(1);
    // The file's view entry lost its IP; who viewed it and when stay.
    const views = await t.db.select().from(auditLog).where(eq(auditLog.entityId, fileId));
    expect(views.find((v) => v.action === 'file.viewed')).toMatchObject({ ip: null, actorRole: 'operator', details: { redacted: true } });
    await expectNoIdentifiersIn('personal_data.erased');
  });

  it('in English too', async () => {
    const res = await kasi.post(`${base}/erasure`, { nik: GIRL_NIK, reason: 'Request from the data subject' }, { 'accept-language': 'en' });
    expect(res.json().refused.find((r: { reason: string }) => r.reason === 'request_open').message).toMatch(/still being processed/);
  });

  it('once the open request is cancelled, erases it with the chat and conversation, and strips the correction’s old values from the audit', async () => {
    await act(kasi, req.open.id, 'cancel');
    const res = await kasi.post(`${base}/erasure`, { phone: PHONE, reason: 'Permintaan pemilik data' });
    const { erased, refused } = res.json();
    expect(erased).toMatchObject({ requests: 1, chats: 1, conversations: 1 });
    expect(refused).toEqual([expect.objectContaining({ id: req.issued.id, reason: 'archive_period' })]);
    expect((await requestRow(req.open.id)).anonymisedAt).not.toBeNull();
    expect(await t.db.$count(whatsappInbound, eq(whatsappInbound.waId, PHONE))).toBe(0);
    expect(await t.db.$count(whatsappConversations, eq(whatsappConversations.waId, PHONE))).toBe(0);
    const [correction] = await auditOf('personal_data.corrected');
    expect(correction!.details).toEqual({ fields: ['subjectName'], redacted: true });
    expect(correction!.action).toBe('personal_data.corrected');
    // An anonymised request cannot be corrected back into existence.
    const again = await kasi.post(`${base}/corrections`, { requestId: req.open.id, subjectName: 'Ayu', reason: 'coba lagi' });
    expect(again.statusCode).toBe(409);
    // Someone else's request was never touched.
    expect((await requestRow(req.other.id)).subjectNik).toBe(OTHER_NIK);
  });
});

/**
 * The records added after the first privacy tools: the children register, pojok baca loans, survey
 * suggestions, Jujuk Dolanan trips with their proof photos, home visits. A second person, so the
 * first's refusals above stay as they are.
 */
describe('the newer records: children register, book loans, survey suggestions, deliveries and visits', () => {
  const PHONE2 = '6281227006666';
  const NIK2 = anotherGirlNik();
  let delivered: { id: string; ticket: string };
  let proofFileId = '';
  let returnedLoan = '';
  let openLoan = '';
  let childId = '';

  beforeAll(async () => {
    const now = t.clock.now();
    const kurir = await t.signedIn('kurir');
    const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
      serviceCode: 'kia_baru',
      channel: 'walk_in',
      desaCode: '33.02.20.2009',
      applicant: { name: 'Ibu Ratna Sari', phone: '0812-2700-6666', relation: 'ibu' },
      subject: { nik: NIK2, name: 'Putri Ratnasari', birthDate: '2020-05-10', sex: 'P' },
      circumstances: { hasBirthCertificate: false, foreign: false },
      details: { kk_number: KK_NUMBER, subject_birth_place: 'Banyumas', father_name: 'Bapak Darsono', mother_name: 'Ibu Ratna Sari' },
      handOverChoice: 'home_delivery',
      delivery: { address: 'Jl. Kenanga 7, RT 01/RW 03', phone: '0813-2700-7777' },
      specialNeeds: { disabled: true, kinds: ['fisik'], consent: true, accommodations: ['home_visit', 'home_delivery'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    delivered = res.json().request;
    await act(operator, delivered.id, 'verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' });
    await act(operator, delivered.id, 'record_siak_outcome', { outcomes: [{ document: 'kia', number: NIK2, printed: true }] });
    await act(operator, delivered.id, 'mark_ready');
    await act(operator, delivered.id, 'assign_courier', { courierStaffId: kurir.user.id });
    const [task] = await t.db.select().from(deliveryTasks).where(eq(deliveryTasks.requestId, delivered.id));
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#6a7d8f' } }).jpeg().toBuffer();
    const upload = multipart({ name: 'serah-terima.jpg', type: 'image/jpeg', bytes: photo });
    const up = await kurir.send('POST', `/api/v1/deliveries/${task!.id}/proof-photo`, upload.body, { 'content-type': upload.contentType });
    expect(up.statusCode, up.body).toBe(201);
    proofFileId = up.json().file.id;
    const done = await kurir.post(`/api/v1/deliveries/${task!.id}/delivered`, {
      proofFileId,
      receiverName: 'Ratna Sari',
      receiverRelation: 'parent',
      receivedAt: now.toISOString(),
      positionConsent: true,
      position: { lat: -7.43, lng: 109.24 },
    });
    expect(done.statusCode, done.body).toBe(200);

    await t.db.insert(homeVisits).values({ officeCode: DEMO_OFFICE_CODE, requestId: delivered.id, startsAt: now, durationMinutes: 60, officerIds: [operator.user.id], equipment: ['kamera'], outcome: 'rescheduled', outcomeReason: 'Putri sedang dirawat di RS Margono', outcomeAt: now, createdBy: operator.user.id, createdAt: now });
    await t.db.insert(surveyResponses).values({ officeCode: DEMO_OFFICE_CODE, requestId: delivered.id, serviceCode: 'kia_baru', channel: 'whatsapp', persyaratan: 4, prosedur: 4, waktu: 3, biaya: 4, produk: 4, kompetensi: 4, perilaku: 4, pengaduan: 3, sarpras: 3, suggestion: 'Pak kurir ramah, terima kasih untuk Bu Ratna' });
    childId = (await t.db.insert(children).values({ officeCode: DEMO_OFFICE_CODE, nik: NIK2, name: 'Putri Ratnasari', birthDate: '2020-05-10', sex: 'P', desaCode: '33.02.20.2009', parentName: 'Ratna Sari', kkNumber: KK_NUMBER, whatsapp: PHONE2, hasKia: true, kiaSince: '2026-11-23', updatedAt: now }).returning())[0]!.id;
    const [book] = await t.db.insert(readingCornerBooks).values({ officeCode: DEMO_OFFICE_CODE, title: 'Si Kancil', author: 'Anonim', category: 'anak', copies: 2, createdBy: operator.user.id }).returning();
    const loan = (returned: boolean) => ({
      officeCode: DEMO_OFFICE_CODE,
      bookId: book!.id,
      borrowerName: 'Ratna Sari',
      borrowerPhone: PHONE2,
      loanedOn: '2026-11-16',
      dueOn: '2026-11-30',
      loanedAt: now,
      loanedBy: operator.user.id,
      ...(returned ? { returnedAt: now, returnedOn: '2026-11-23', returnedTo: operator.user.id } : {}),
    });
    returnedLoan = (await t.db.insert(readingCornerLoans).values(loan(true)).returning())[0]!.id;
    openLoan = (await t.db.insert(readingCornerLoans).values(loan(false)).returning())[0]!.id;
  });

  it('finds them by phone: the register row, the loans, the suggestion, the delivery with its proof photo, the visit', async () => {
    const res = await kasi.post(`${base}/search`, { phone: '0812-2700-6666' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.children).toEqual([expect.objectContaining({ nik: NIK2, name: 'Putri Ratnasari', parentName: 'Ratna Sari', whatsapp: PHONE2 })]);
    expect(body.bookLoans.map((l: { id: string; title: string }) => [l.id, l.title]).sort()).toEqual([[returnedLoan, 'Si Kancil'], [openLoan, 'Si Kancil']].sort());
    expect(body.surveySuggestions).toEqual([expect.objectContaining({ requestId: delivered.id, suggestion: 'Pak kurir ramah, terima kasih untuk Bu Ratna' })]);
    expect(body.deliveries).toEqual([expect.objectContaining({ requestId: delivered.id, state: 'delivered', trips: [expect.objectContaining({ outcome: 'delivered', proofFileId, position: { lat: -7.43, lng: 109.24 } })] })]);
    expect(body.files.map((f: { id: string }) => f.id)).toContain(proofFileId);
    expect(body.visits).toEqual([expect.objectContaining({ requestId: delivered.id, outcome: 'rescheduled', outcomeReason: 'Putri sedang dirawat di RS Margono' })]);
    // By the child's NIK: the register row and the request's records, not the parent's loans.
    const byNik = (await kasi.post(`${base}/search`, { nik: NIK2 })).json();
    expect(byNik.children).toHaveLength(1);
    expect(byNik.deliveries).toHaveLength(1);
    expect(byNik.bookLoans).toEqual([]);
  });

  it('puts them in the copy for the person, with Indonesian keys', async () => {
    const copy = JSON.parse((await kasi.post(`${base}/export`, { phone: PHONE2 })).body);
    expect(copy.pendataanAnak).toEqual([expect.objectContaining({ nik: NIK2, nama: 'Putri Ratnasari', namaOrangTua: 'Ratna Sari' })]);
    expect(copy.peminjamanBuku).toHaveLength(2);
    expect(copy.saranSurvei).toEqual([expect.objectContaining({ saran: 'Pak kurir ramah, terima kasih untuk Bu Ratna' })]);
    expect(copy.pengantaranDokumen[0].perjalanan[0]).toMatchObject({ hasil: 'delivered', hubunganPenerima: 'parent' });
    expect(copy.kunjunganRumah).toEqual([expect.objectContaining({ hasil: 'rescheduled', alasan: 'Putri sedang dirawat di RS Margono' })]);
    expect(copy.berkas.map((b: { jenisDokumen: string }) => b.jenisDokumen)).toContain('bukti_serah_terima');
  });

  it('erases them, refusing a book still on loan, deleting the proof photo, and keeping the counts anonymous', async () => {
    // Inside the archive period the delivered request and its proof stay; the others go now.
    const first = await kasi.post(`${base}/erasure`, { phone: PHONE2, reason: 'Permintaan pemilik data' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().erased).toMatchObject({ requests: 0, children: 1, bookLoans: 1, surveySuggestions: 1, proofPhotos: 0 });
    expect(first.json().refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'request', id: delivered.id, reason: 'archive_period' }),
        expect.objectContaining({ what: 'book_loan', id: openLoan, reason: 'loan_open', message: expect.stringContaining('masih dipinjam') }),
      ]),
    );
    const [child] = await t.db.select().from(children).where(eq(children.id, childId));
    expect(child).toMatchObject({ nik: null, name: '', parentName: null, kkNumber: null, whatsapp: null, birthDate: '2020-05-10', sex: 'P', desaCode: '33.02.20.2009', hasKia: true });
    const loans = await t.db.select().from(readingCornerLoans);
    expect(loans.find((l) => l.id === returnedLoan)).toMatchObject({ borrowerName: '', borrowerPhone: '', returnedOn: '2026-11-23' });
    expect(loans.find((l) => l.id === openLoan)).toMatchObject({ borrowerName: 'Ratna Sari', borrowerPhone: PHONE2 });
    const [answer] = await t.db.select().from(surveyResponses).where(eq(surveyResponses.requestId, delivered.id));
    expect(answer).toMatchObject({ suggestion: null, persyaratan: 4, waktu: 3 });
    expect((await t.db.select().from(files).where(eq(files.id, proofFileId)))[0]!.purgedAt).toBeNull();

    // After the archive period the request may go: its proof photo's bytes are deleted at once.
    const [proof] = await t.db.select().from(files).where(eq(files.id, proofFileId));
    const blobs = diskBlobStore(path.join(t.dataDir, 'files'));
    expect(await blobs.get(proof!.sha256)).toBeDefined();
    const later = new Date(t.clock.now().getTime() + 731 * DAY);
    const before = t.clock.now();
    t.clock.set(later.toISOString());
    try {
      // The proof's own 90 days have passed too; only the erasure (no purge has run) deletes it here.
      const kasiLater = await t.signedIn('kasi');
      const second = await kasiLater.post(`${base}/erasure`, { phone: PHONE2, reason: 'Permintaan pemilik data' });
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json().erased).toMatchObject({ requests: 1, proofPhotos: 1 });
      expect(second.json().refused).toEqual([expect.objectContaining({ what: 'book_loan', reason: 'loan_open' })]);
    } finally {
      t.clock.set(before.toISOString());
    }
    expect((await t.db.select().from(files).where(eq(files.id, proofFileId)))[0]!.purgedAt).toEqual(later);
    expect(await blobs.get(proof!.sha256)).toBeUndefined();
    expect(await t.db.$count(auditLog, and(eq(auditLog.action, 'file.purged'), eq(auditLog.entityId, proofFileId)))).toBe(1);
    // The trip and the visit stay for the reports, without the position or the reason.
    const trips = await t.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.proofFileId, proofFileId));
    expect(trips).toEqual([expect.objectContaining({ outcome: 'delivered', receiverRelation: 'parent', position: null })]);
    const [visit] = await t.db.select().from(homeVisits).where(eq(homeVisits.requestId, delivered.id));
    expect(visit).toMatchObject({ outcome: 'rescheduled', outcomeReason: null });
    expect((await requestRow(delivered.id)).handOverRecord).toBeNull();
  });
});
