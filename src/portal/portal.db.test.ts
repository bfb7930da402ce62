/**
 * The citizen portal's public API on PGlite and PostgreSQL: a WhatsApp code proves the number,
 * the applicant uploads and applies, then follows the request by ticket and PIN, fixes a returned
 * file, and cancels.
 */
import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { outbox, phoneVerifications, requests } from '../db/schema.js';
import { findFile } from '../files/storage.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { KIA_DETAILS } from '../test-support/requests.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

// A girl born 10 May 2020 in Kembaran (day 10 + 40): 6 years old, so her KIA needs a photo.
const CHILD_NIK = '3302205005200001';
/** Her classmates born the same day: one child per application, since a second open one for the same child is refused. */
const girl = (n: number) => `330220500520${String(n).padStart(4, '0')}`;
let nextGirl = 100;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function latestCode(phone: string): Promise<string> {
  const [row] = await t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, phone), eq(outbox.kind, 'verification.code')))
    .orderBy(desc(outbox.id))
    .limit(1);
  return String(row!.payload.code);
}

async function requestCode(client: ReturnType<TestApp['client']>, phone: string, lang = 'id') {
  return client.post(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/phone-verifications`, { phone }, { 'accept-language': lang });
}

/** A confirmed number: the applicant token for it. */
async function verifiedApplicant(phone: string) {
  // Each citizen from their own address, as in life: the per-address rate limits stay out of the way.
  const digits = phone.replace(/\D/g, '');
  const client = t.client(`10.${Number(digits.slice(-6, -4))}.${Number(digits.slice(-4, -2))}.${Number(digits.slice(-2))}`);
  const sent = await requestCode(client, phone);
  expect(sent.statusCode).toBe(201);
  const wa = `62${phone.replace(/\D/g, '').slice(1)}`;
  const confirmed = await client.post(`/api/v1/public/phone-verifications/${sent.json().verificationId}/confirm`, { code: await latestCode(wa) });
  expect(confirmed.statusCode).toBe(200);
  return { client, token: confirmed.json().token as string, wa };
}

function multipart(bytes: Uint8Array, fields: Record<string, string>) {
  const boundary = `----kencot${crypto.randomBytes(8).toString('hex')}`;
  const parts: Uint8Array[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const photo = (r: number, g: number, b: number) => sharp({ create: { width: 300, height: 400, channels: 3, background: { r, g, b } } }).jpeg().toBuffer();

async function upload(client: ReturnType<TestApp['client']>, token: string | undefined, documentType: string, bytes?: Buffer) {
  const { body, contentType } = multipart(bytes ?? (await photo(40, 120, 200)), { documentType });
  return client.send('POST', '/api/v1/public/files', body, { 'content-type': contentType, ...(token ? bearer(token) : {}) });
}

async function uploadAll(client: ReturnType<TestApp['client']>, token: string, types: string[]) {
  const attachments = [];
  for (const [i, documentType] of types.entries()) {
    const res = await upload(client, token, documentType, await photo(10 * i, 100, 50));
    expect(res.statusCode).toBe(201);
    attachments.push({ fileId: res.json().file.id as string, documentType });
  }
  return attachments;
}

const application = (attachments: { fileId: string; documentType: string }[], overrides: Record<string, unknown> = {}) => ({
  serviceCode: 'kia_baru',
  desaCode: '33.02.20.2009',
  applicant: { name: 'Sri Wahyuni', relation: 'ibu' },
  subject: { nik: CHILD_NIK, name: 'Ayu Lestari' },
  circumstances: { hasBirthCertificate: true, foreign: false },
  details: KIA_DETAILS,
  handOverChoice: 'pickup',
  attachments,
  ...overrides,
});

/** Applies for a KIA from a fresh number; the ticket and PIN. */
async function applied(phone: string) {
  const { client, token, wa } = await verifiedApplicant(phone);
  const attachments = await uploadAll(client, token, ['akta_kelahiran', 'kk', 'pas_foto']);
  const res = await client.post('/api/v1/public/applications', application(attachments, { subject: { nik: girl(nextGirl++), name: 'Ayu Lestari' } }), bearer(token));
  expect(res.statusCode).toBe(201);
  return { ...(res.json() as { ticket: string; pin: string }), wa, client };
}

async function requestIdOf(ticket: string) {
  const [row] = await t.db.select().from(requests).where(eq(requests.ticket, ticket));
  return row!;
}

const act = (id: string, action: string, payload: Record<string, unknown> = {}) => operator.post(`/api/v1/requests/${id}/actions`, { action, payload });

describe('phone verification', () => {
  it('sends a code through the outbox, keeps only its hash, and gives a token for the right code once', async () => {
    const client = t.client();
    const sent = await requestCode(client, '0812-2700-1111');
    expect(sent.statusCode).toBe(201);
    expect(sent.json().maskedPhone).toBe('0812-****-1111');

    const [message] = await t.db.select().from(outbox).where(eq(outbox.recipient, '6281227001111'));
    expect(message).toMatchObject({ officeCode: DEMO_OFFICE_CODE, kind: 'verification.code', sender: 'system', status: 'pending', requestId: null });
    const code = String(message!.payload.code);
    expect(code).toMatch(/^\d{6}$/);
    expect(message!.nextAttemptAt).toEqual(t.clock.now());

    const [row] = await t.db.select().from(phoneVerifications).where(eq(phoneVerifications.id, sent.json().verificationId));
    expect(row!.phone).toBe('6281227001111');
    expect(row!.codeHash).not.toContain(code);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(10 * 60_000);

    const confirmed = await client.post(`/api/v1/public/phone-verifications/${row!.id}/confirm`, { code });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().token).toEqual(expect.any(String));

    const again = await client.post(`/api/v1/public/phone-verifications/${row!.id}/confirm`, { code });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('code_expired');

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'phone_verification', entityId: row!.id, limit: 10 });
    expect(audit.map((a) => a.action).sort()).toEqual(['phone_verification.confirmed', 'phone_verification.requested']);
    expect(JSON.stringify(audit)).not.toContain('1111');
  });

  it('refuses a code after ten minutes', async () => {
    const client = t.client();
    const sent = await requestCode(client, '081227002222');
    const code = await latestCode('6281227002222');
    t.clock.advance(10 * 60_000 + 1000);
    try {
      const late = await client.post(`/api/v1/public/phone-verifications/${sent.json().verificationId}/confirm`, { code });
      expect(late.statusCode).toBe(410);
      expect(late.json().detail).toMatch(/sudah tidak berlaku/);
    } finally {
      t.clock.advance(-(10 * 60_000 + 1000));
    }
  });

  it('uses a code up after five wrong tries, even for the right code afterwards', async () => {
    const client = t.client();
    const sent = await requestCode(client, '081227003333');
    const id = sent.json().verificationId;
    const code = await latestCode('6281227003333');
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      const res = await client.post(`/api/v1/public/phone-verifications/${id}/confirm`, { code: wrong });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'code_wrong', attemptsLeft: left, detail: `Kode verifikasi salah. Sisa percobaan: ${left}.` });
    }
    const fifth = await client.post(`/api/v1/public/phone-verifications/${id}/confirm`, { code: wrong });
    expect(fifth.json().code).toBe('code_used_up');
    const right = await client.post(`/api/v1/public/phone-verifications/${id}/confirm`, { code });
    expect(right.statusCode).toBe(410);
    expect(right.json().code).toBe('code_used_up');
  });

  it('sends at most three codes to a number per hour, and says when to try again in the caller’s language', async () => {
    const client = t.client();
    for (let i = 0; i < 3; i++) expect((await requestCode(client, '0812 2700 4444')).statusCode).toBe(201);
    const fourth = await requestCode(client, '+62 812 2700 4444', 'en');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ code: 'code_limit', detail: expect.stringContaining('Please wait until 11:00') });
    expect(await t.db.select().from(outbox).where(eq(outbox.recipient, '6281227004444'))).toHaveLength(3);
    // Another number is not held up.
    expect((await requestCode(client, '081227004445')).statusCode).toBe(201);

    t.clock.advance(60 * 60_000);
    try {
      expect((await requestCode(client, '081227004444')).statusCode).toBe(201);
    } finally {
      t.clock.advance(-60 * 60_000);
    }
  });

  it('refuses what is not an Indonesian mobile number', async () => {
    const res = await requestCode(t.client(), '12345');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('phone_invalid');
  });
});

describe('applying online', () => {
  it('takes a newborn with no NIK on the combined path (akta, KK and KIA), with the birth date and sex typed (issue 11)', async () => {
    const { client, token } = await verifiedApplicant('081227005557');
    const attachments = await uploadAll(client, token, ['surat_keterangan_kelahiran', 'kk', 'ktp_el_ibu']);
    const newborn = { name: 'Bayi Sekar', birthDate: '2026-11-02', sex: 'P' };
    const combined = { hasBirthCertificate: false, foreign: false };
    const details = { ...KIA_DETAILS, mother_name: 'Sri Wahyuni' };
    // Not without saying the child has no akta: a registered child has a NIK.
    const refused = await client.post('/api/v1/public/applications', application(attachments, { subject: newborn, details }), bearer(token));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('nik_required');

    const res = await client.post('/api/v1/public/applications', application(attachments, { subject: newborn, circumstances: combined, details }), bearer(token));
    expect(res.statusCode).toBe(201);
    const row = await requestIdOf(res.json().ticket);
    expect(row.subjectNik).toBeNull();
    expect(row.subject).toMatchObject({ name: 'Bayi Sekar', birthDate: '2026-11-02', sex: 'P' });
    expect(row.circumstances).toEqual(combined);
  });

  it("stores the service's data fields, and refuses wrong or missing ones field by field in the applicant's language", async () => {
    const { client, token } = await verifiedApplicant('081227005556');
    const attachments = await uploadAll(client, token, ['akta_kelahiran', 'kk', 'pas_foto']);
    const apply = (details: Record<string, string>, locale = 'id') =>
      client.send('POST', '/api/v1/public/applications', application(attachments, { details, subject: { nik: girl(2), name: 'Ayu Lestari' } }), { ...bearer(token), 'accept-language': locale });

    const wrong = await apply({ kk_number: '1234', subject_birth_place: 'Banyumas', nomor_sepatu: '32' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ field: 'body.details.kk_number', code: 'kk_invalid', message: expect.stringMatching(/^Nomor KK tidak valid\./) }),
      expect.objectContaining({ field: 'body.details.nomor_sepatu', code: 'unknown_field' }),
    ]);
    const missing = await apply({ kk_number: KIA_DETAILS.kk_number }, 'en');
    expect(missing.json()).toMatchObject({
      detail: "Please complete or correct: Child's place of birth.",
      errors: [{ field: 'body.details.subject_birth_place', code: 'required', message: "Child's place of birth is required." }],
    });

    const ok = await apply({ kk_number: '3302-2010-0520-0001', subject_birth_place: 'Purwokerto' });
    expect(ok.statusCode).toBe(201);
    const row = await requestIdOf(ok.json().ticket);
    expect(row.details).toEqual({ kk_number: KIA_DETAILS.kk_number, subject_birth_place: 'Purwokerto' });
    expect(row.circumstances).toEqual({ hasBirthCertificate: true, foreign: false });
  });

  it('uploads with the applicant token and submits with the verified number, once every required document is there', async () => {
    const { client, token, wa } = await verifiedApplicant('081227005555');

    expect((await upload(client, undefined, 'kk')).statusCode).toBe(401);
    expect((await upload(client, 'not-a-real-token-at-all', 'kk')).statusCode).toBe(401);
    const refused = await upload(client, token, 'kk', Buffer.from('%PDF-1.4 nonsense'));
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.json().code).toMatch(/^upload_/);

    const attachments = await uploadAll(client, token, ['akta_kelahiran', 'kk']);
    const missing = await client.post('/api/v1/public/applications', application(attachments), bearer(token));
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'documents_missing', documents: ['pas_foto'] });
    expect(missing.json().detail).toContain('Pas foto berwarna');

    // Someone else's upload cannot be attached by its id.
    const other = await verifiedApplicant('081227005556');
    const [foreignPhoto] = await uploadAll(other.client, other.token, ['pas_foto']);
    const stolen = await client.post('/api/v1/public/applications', application([...attachments, foreignPhoto!]), bearer(token));
    expect(stolen.statusCode).toBe(422);
    expect(stolen.json().code).toBe('attachment_not_yours');

    const [ownPhoto] = await uploadAll(client, token, ['pas_foto']);
    const res = await client.post('/api/v1/public/applications', { ...application([...attachments, ownPhoto!]), applicant: { name: 'Sri Wahyuni', relation: 'ibu', phone: '081299999999' } }, bearer(token));
    expect(res.statusCode).toBe(201);
    const { ticket, pin } = res.json();
    expect(ticket).toMatch(/^KBR-26-\d{6}$/);
    expect(pin).toMatch(/^\d{6}$/);

    const row = await requestIdOf(ticket);
    expect(row).toMatchObject({ channel: 'web', state: 'submitted', applicantPhone: wa, subjectNik: CHILD_NIK });
    expect(row.subject).toMatchObject({ birthDate: '2020-05-10', sex: 'P' });
    expect(row.attachments.map((a) => a.documentType).sort()).toEqual(['akta_kelahiran', 'kk', 'pas_foto']);
    expect(row.pinHash).not.toContain(pin);
    const received = await t.db.select().from(outbox).where(and(eq(outbox.requestId, row.id), eq(outbox.kind, 'request.received')));
    expect(received.map((m) => m.recipient)).toEqual([wa]);
  });

  it('takes one application per child and service from a confirmed number, and at most three per confirmation', async () => {
    const { client, token, wa } = await verifiedApplicant('081227003331');
    const applyFor = async (n: number) => {
      const attachments = await uploadAll(client, token, ['akta_kelahiran', 'kk', 'pas_foto']);
      return client.post('/api/v1/public/applications', application(attachments, { subject: { nik: girl(n), name: `Anak ${n}` } }), bearer(token));
    };
    // The attack: eight applications with one code, the first two for the same child.
    const first = await applyFor(41);
    expect(first.statusCode).toBe(201);
    const second = await applyFor(41);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'duplicate_request', duplicate: { ticket: first.json().ticket, state: 'submitted', overridable: false } });
    expect(second.json().detail).toContain(`Permohonan yang sama sudah ada: ${first.json().ticket}`);
    // A refused duplicate uses no slot: two more children, then the confirmation is used up.
    expect((await applyFor(42)).statusCode).toBe(201);
    expect((await applyFor(43)).statusCode).toBe(201);
    for (const n of [44, 45, 46, 47]) {
      const refused = await applyFor(n);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'applications_limit' });
      expect(refused.json().detail).toMatch(/paling banyak 3 permohonan/);
    }
    expect(await t.db.select().from(requests).where(eq(requests.applicantPhone, wa))).toHaveLength(3);

    // Another number applying for the first child hears only that an open application exists.
    const other = await verifiedApplicant('081227003332');
    const attachments = await uploadAll(other.client, other.token, ['akta_kelahiran', 'kk', 'pas_foto']);
    const stranger = await other.client.post('/api/v1/public/applications', application(attachments, { subject: { nik: girl(41), name: 'Anak 41' } }), bearer(other.token));
    expect(stranger.statusCode).toBe(409);
    expect(stranger.body).not.toContain(first.json().ticket);
  });

  it('needs no photo for a child under five, and refuses services that need the applicant in person', async () => {
    const { client, token } = await verifiedApplicant('081227006666');
    const attachments = await uploadAll(client, token, ['akta_kelahiran', 'kk']);
    // A boy born 3 March 2023: three years old.
    const toddler = await client.post('/api/v1/public/applications', application(attachments, { subject: { nik: '3302200303230002', name: 'Bima' } }), bearer(token));
    expect(toddler.statusCode).toBe(201);

    const ktp = await client.post('/api/v1/public/applications', application([], { serviceCode: 'ktp_el_rekam' }), bearer(token));
    expect(ktp.statusCode).toBe(422);
    expect(ktp.json().code).toBe('service_not_online');
    // …unless an officer comes to a disabled or elderly person's home (issue 13); not for anyone else.
    const mother = { serviceCode: 'ktp_el_rekam', subject: { nik: '3302204505800003', name: 'Sri Wahyuni' }, applicant: { name: 'Budi Santoso', relation: 'anak' }, details: {}, circumstances: {} };
    const kk = await uploadAll(client, token, ['kk']);
    const elderlyWithoutVisit = await client.post('/api/v1/public/applications', application(kk, { ...mother, specialNeeds: { disabled: false, elderly: true, kinds: [], accommodations: ['priority_counter'], consent: false } }), bearer(token));
    expect(elderlyWithoutVisit.statusCode, elderlyWithoutVisit.body).toBe(422);
    expect(elderlyWithoutVisit.json().detail).toContain('petugas dapat datang ke rumah');
    const visited = await client.post(
      '/api/v1/public/applications',
      application(kk, { ...mother, specialNeeds: { disabled: true, kinds: ['fisik'], accommodations: ['home_visit'], consent: true } }),
      bearer(token),
    );
    expect(visited.statusCode, visited.body).toBe(201);
    expect((await requestIdOf(visited.json().ticket)).specialNeeds).toMatchObject({ accommodations: ['home_visit'] });

    // A boy of 15 (born 5 May 2011) asking for a KTP-el hears the KTP-el's own rule, not the KIA's.
    const fifteen = await client.post('/api/v1/public/applications', application([], { serviceCode: 'ktp_el_cetak', subject: { nik: '3302200505110003', name: 'Bagas' }, details: {} }), bearer(token));
    expect(fifteen.statusCode).toBe(422);
    expect(fifteen.json().code).toBe('not_eligible');
    expect(fifteen.json().detail).not.toContain('KIA hanya untuk anak di bawah 17 tahun');
    expect(fifteen.json().detail).toContain('KTP-el hanya untuk penduduk yang sudah berusia 17 tahun atau sudah/pernah kawin.');

    const noToken = await t.client().post('/api/v1/public/applications', application(attachments));
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json().detail).toMatch(/verifikasi nomor WhatsApp/);
  });

  it('checks a NIK as it is typed, in the caller’s language', async () => {
    const client = t.client();
    const ok = await client.post('/api/v1/public/nik-check', { nik: '3302 2050 0520 0001', officeCode: DEMO_OFFICE_CODE });
    expect(ok.json()).toMatchObject({ ok: true, birthDate: '2020-05-10', sex: 'P', ageYears: 6 });
    const bad = await client.post('/api/v1/public/nik-check', { nik: '3302201013200001' }, { 'accept-language': 'en' });
    expect(bad.json()).toMatchObject({ ok: false, errors: ['month_invalid'] });
    expect(bad.json().messages[0]).toMatch(/birth month/);
  });
});

describe('tracking by ticket and PIN', () => {
  it('lets a stranger who presses "Lupa PIN" replace nothing: the receipt PIN keeps working, the owner gets a pending PIN that says what it is', async () => {
    const { ticket, pin, wa } = await applied('081227008888');
    const stranger = t.client('198.51.100.7');
    const owner = t.client('203.0.113.20');
    const pinsSent = () => t.db.select().from(outbox).where(and(eq(outbox.recipient, wa), eq(outbox.kind, 'request.pin_sent'))).orderBy(outbox.id);
    const unknown = await stranger.post('/api/v1/public/track/new-pin', { ticket: 'KBR-26-999999' });
    const known = await stranger.post('/api/v1/public/track/new-pin', { ticket });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);

    const [sent] = await pinsSent();
    const newPin = String(sent!.payload.pin);
    expect(newPin).toMatch(/^\d{6}$/);
    expect(sent!.payload.secrets).toEqual([newPin]);
    // The attack: before, this replaced the PIN on the owner's receipt. Now the old one still works.
    expect((await owner.post('/api/v1/public/track', { ticket, pin })).statusCode).toBe(200);
    expect((await owner.post('/api/v1/public/track', { ticket, pin })).statusCode).toBe(200);

    // Three a day, then nothing more is sent, with the same answer.
    expect((await stranger.post('/api/v1/public/track/new-pin', { ticket })).body).toBe(known.body);
    expect((await stranger.post('/api/v1/public/track/new-pin', { ticket })).body).toBe(known.body);
    expect((await stranger.post('/api/v1/public/track/new-pin', { ticket })).body).toBe(known.body);
    const sentToday = await pinsSent();
    expect(sentToday).toHaveLength(3);
    // Each new one replaces the unused one before it; the latest works and, used, becomes the PIN.
    const latest = String(sentToday[2]!.payload.pin);
    if (latest !== pin) {
      const used = await owner.post('/api/v1/public/track', { ticket, pin: latest });
      expect(used.statusCode).toBe(200);
      expect((await owner.post('/api/v1/public/track', { ticket, pin })).statusCode).toBe(401);
      expect((await owner.post('/api/v1/public/track', { ticket, pin: latest })).statusCode).toBe(200);
    }
    t.clock.advance(24 * 60 * 60_000);
    try {
      await t.client('198.51.100.9').post('/api/v1/public/track/new-pin', { ticket });
      expect(await pinsSent()).toHaveLength(4);
    } finally {
      t.clock.advance(-24 * 60 * 60_000);
    }
    const row = await requestIdOf(ticket);
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: row.id, limit: 50 });
    expect(audit.filter((a) => a.action === 'request.pin_sent').map((a) => a.actorType)).toEqual(['pemohon', 'pemohon', 'pemohon', 'pemohon']);
    expect(audit.filter((a) => a.action === 'request.pin_changed').map((a) => a.details)).toEqual(latest !== pin ? [{ via: 'whatsapp' }] : []);
    expect(audit.some((a) => a.action === 'request.pin_reissued')).toBe(false);
  });

  it('never lets a stranger’s wrong PINs keep the owner out, and answers unknown tickets, wrong PINs and throttled tickets alike', async () => {
    const { ticket, pin, wa } = await applied('081227007777');
    const wrongPin = pin === '135790' ? '246801' : '135790';
    const stranger = t.client('198.51.100.8');
    const owner = t.client('203.0.113.21');
    const same = (res: { statusCode: number; json: () => Record<string, unknown> }) => {
      const { instance: _instance, ...body } = res.json();
      return { status: res.statusCode, body };
    };
    const unknown = same(await stranger.post('/api/v1/public/track', { ticket: 'KBR-26-999999', pin }));
    expect(unknown).toMatchObject({ status: 401, body: { code: 'tracking_failed' } });

    // Eight wrong PINs from one client: before, the fifth locked the ticket for everyone and said so.
    for (let i = 0; i < 8; i++) expect(same(await stranger.post('/api/v1/public/track', { ticket, pin: wrongPin }))).toEqual(unknown);
    // That client is no longer checked against this ticket, even with the right PIN, and cannot tell.
    expect(same(await stranger.post('/api/v1/public/track', { ticket, pin }))).toEqual(unknown);
    // The owner, elsewhere, still gets in with the PIN on the receipt.
    const res = await owner.post('/api/v1/public/track', { ticket: ticket.toLowerCase().replace(/-/g, ' '), pin });
    expect(res.statusCode).toBe(200);
    const { request, token } = res.json();
    expect(token).toEqual(expect.any(String));
    expect(request).toMatchObject({
      ticket,
      state: 'submitted',
      stateLabel: { id: 'Berkas diterima' },
      service: { code: 'kia_baru' },
      subject: { name: 'Ayu Lestari' },
      applicant: { phoneMasked: '0812-****-7777' },
      actions: ['cancel'],
      history: [{ action: 'submit' }],
    });
    const body = JSON.stringify(res.json());
    expect(body).not.toContain('6281227007777');
    expect(body).not.toContain('pinHash');

    // Many addresses use up the ticket's daily budget (10 checked wrong PINs): the receipt PIN is no
    // longer checked, answered like any other refusal, but the code sent to the owner's WhatsApp still gets in.
    for (let i = 1; i <= 3; i++) for (let j = 0; j < 3; j++) await t.client(`198.51.100.${100 + i}`).post('/api/v1/public/track', { ticket, pin: wrongPin });
    expect(same(await owner.post('/api/v1/public/track', { ticket, pin }))).toEqual(unknown);
    expect(same(await t.client('192.0.2.1').post('/api/v1/public/track', { ticket, pin: wrongPin }))).toEqual(unknown);
    await owner.post('/api/v1/public/track/new-pin', { ticket });
    const [message] = await t.db.select().from(outbox).where(and(eq(outbox.recipient, wa), eq(outbox.kind, 'request.pin_sent'))).orderBy(desc(outbox.id)).limit(1);
    const fromWhatsApp = String(message!.payload.pin);
    expect((await owner.post('/api/v1/public/track', { ticket, pin: fromWhatsApp })).statusCode).toBe(200);

    // A day later the budget is back and the (now promoted) PIN works as usual.
    t.clock.advance(24 * 60 * 60_000 + 60_000);
    try {
      expect((await t.client('203.0.113.22').post('/api/v1/public/track', { ticket, pin: fromWhatsApp })).statusCode).toBe(200);
    } finally {
      t.clock.advance(-(24 * 60 * 60_000 + 60_000));
    }
  });

  it('lets only a few wrong tries at a pending PIN while the ticket is throttled, then voids it', async () => {
    const { ticket, pin, wa } = await applied('081227006666');
    const owner = t.client('203.0.113.30');
    await owner.post('/api/v1/public/track/new-pin', { ticket });
    const [message] = await t.db.select().from(outbox).where(and(eq(outbox.recipient, wa), eq(outbox.kind, 'request.pin_sent')));
    const pending = String(message!.payload.pin);
    const wrong = [pin, pending].includes('135790') ? ([pin, pending].includes('246801') ? '975310' : '246801') : '135790';
    for (let i = 0; i < 10; i++) await t.client(`198.51.100.${150 + (i % 2)}`).post('/api/v1/public/track', { ticket, pin: wrong });
    for (let i = 0; i < 3; i++) expect((await t.client('198.51.100.160').post('/api/v1/public/track', { ticket, pin: wrong })).statusCode).toBe(401);
    expect((await owner.post('/api/v1/public/track', { ticket, pin: pending })).statusCode).toBe(401);
    expect(await requestIdOf(ticket)).toMatchObject({ pendingPinHash: null });
  });

  it('shows what to fix after a return, takes the fix and the resubmission, and follows the request to hand-over', async () => {
    const { ticket, pin } = await applied('081227008888');
    const row = await requestIdOf(ticket);
    const unreadable = row.attachments.find((a) => a.documentType === 'akta_kelahiran')!.fileId;
    expect(await findFile(t.db, unreadable)).toMatchObject({ purgeAfter: null }); // held by the open request
    expect((await act(row.id, 'verify_return', { reasons: [{ code: 'unreadable_document', document: 'akta_kelahiran' }] })).statusCode).toBe(200);

    const citizen = t.client();
    const tracked = await citizen.post('/api/v1/public/track', { ticket, pin });
    const { token } = tracked.json();
    expect(tracked.json().request).toMatchObject({
      state: 'returned',
      clockPaused: true,
      actions: ['resubmit', 'cancel'],
      returnReasons: [{ code: 'unreadable_document', document: 'akta_kelahiran', label: { id: 'Dokumen kurang jelas atau tidak terbaca' }, documentLabel: { id: 'Kutipan akta kelahiran' } }],
    });

    // A file uploaded while applying for another request is not this request's fix.
    const other = await verifiedApplicant('081227008889');
    const [notHers] = await uploadAll(other.client, other.token, ['akta_kelahiran']);
    expect((await citizen.post('/api/v1/public/track/resubmit', { attachments: [notHers] }, bearer(token))).json().code).toBe('attachment_not_yours');

    const fix = await upload(citizen, token, 'akta_kelahiran', await photo(250, 250, 240));
    expect(fix.statusCode).toBe(201);
    const resubmitted = await citizen.post('/api/v1/public/track/resubmit', { attachments: [{ fileId: fix.json().file.id, documentType: 'akta_kelahiran' }] }, bearer(token));
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json().request).toMatchObject({ state: 'submitted', returnReasons: [] });
    const afterFix = await requestIdOf(ticket);
    expect(afterFix.attachments.find((a) => a.documentType === 'akta_kelahiran')!.fileId).toBe(fix.json().file.id);
    expect(afterFix.attachments).toHaveLength(3);
    // The replaced scan is no longer part of the request: the short period of an unattached upload
    // starts now. The fix is held while the request is open.
    expect((await findFile(t.db, unreadable))?.purgeAfter).toEqual(new Date(t.clock.now().getTime() + 7 * 86_400_000));
    expect(await findFile(t.db, fix.json().file.id)).toMatchObject({ purgeAfter: null });

    // Nothing to fix any more: no uploads on this ticket.
    expect((await upload(citizen, token, 'kk')).statusCode).toBe(409);

    expect((await act(row.id, 'verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' })).statusCode).toBe(200);
    expect((await act(row.id, 'record_siak_outcome', { outcomes: [{ document: 'kia', number: CHILD_NIK, printed: true }] })).statusCode).toBe(200);
    const ready = await act(row.id, 'mark_ready');
    expect(ready.statusCode).toBe(200);
    const readyView = (await citizen.get('/api/v1/public/track', bearer(token))).json().request;
    expect(readyView).toMatchObject({ state: 'ready', actions: [] });

    const handOver = await act(row.id, 'hand_over', { receivedBy: { name: 'Sri Wahyuni', relationship: 'parent' }, method: 'counter', receivedAt: t.clock.now().toISOString() });
    expect(handOver.statusCode).toBe(200);
    const final = (await citizen.get('/api/v1/public/track', bearer(token))).json().request;
    expect(final).toMatchObject({ state: 'handed_over', handedOver: { method: 'counter' } });
    // Closed: the documents it kept get their retention period from now.
    expect((await findFile(t.db, fix.json().file.id))?.purgeAfter).toEqual(new Date(t.clock.now().getTime() + 90 * 86_400_000));
    expect(final.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'verify_return', 'resubmit', 'verify_accept', 'record_siak_outcome', 'mark_ready', 'hand_over']);
    expect(JSON.stringify(final)).not.toContain('Petugas');

    expect((await citizen.get('/api/v1/public/track', bearer('x'.repeat(20)))).statusCode).toBe(401);
  });

  it('cancels while the office has not accepted the file, and not after', async () => {
    const { ticket, pin } = await applied('081227009999');
    const citizen = t.client();
    const { token } = (await citizen.post('/api/v1/public/track', { ticket, pin })).json();
    const cancelled = await citizen.post('/api/v1/public/track/cancel', {}, bearer(token));
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().request).toMatchObject({ state: 'cancelled', actions: [] });
    const again = await citizen.post('/api/v1/public/track/cancel', {}, bearer(token));
    expect(again.statusCode).toBe(409);
    const messages = await t.db.select().from(outbox).where(eq(outbox.requestId, (await requestIdOf(ticket)).id));
    expect(messages.map((m) => m.kind)).toEqual(['request.received', 'request.cancelled']);

    // An applicant token is no tracking token.
    const applicant = await verifiedApplicant('081227009998');
    expect((await citizen.post('/api/v1/public/track/cancel', {}, bearer(applicant.token))).statusCode).toBe(401);
  });
});

describe('the public catalogue', () => {
  it('says what each service needs (conditions in words), costs and takes, and which can be applied for online', async () => {
    const res = await t.client().get(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/catalogue`);
    expect(res.statusCode).toBe(200);
    const services = res.json().services as { code: string; online: boolean; feeRupiah: number; workingDays: number; requirements: { document: string; whenText: { id: string } | null; label: { id: string } }[] }[];
    expect(services.every((s) => s.feeRupiah === 0)).toBe(true);
    const kia = services.find((s) => s.code === 'kia_baru')!;
    expect(kia).toMatchObject({ online: true, workingDays: 1 });
    expect(kia.requirements.find((r) => r.document === 'pas_foto')).toMatchObject({ label: { id: 'Pas foto berwarna' }, whenText: { id: 'berusia 5 tahun ke atas' } });
    expect(services.find((s) => s.code === 'ktp_el_rekam')).toMatchObject({ online: false, homeVisitOnly: true });
  });

  it('states what each document is used for and how long its scan is kept (UU PDP)', async () => {
    const body = (await t.client().get(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/catalogue`)).json();
    expect(body.unattachedUploadDays).toBe(7);
    const kia = body.services.find((s: { code: string }) => s.code === 'kia_baru');
    const need = (doc: string) => kia.requirements.find((r: { document: string }) => r.document === doc);
    expect(need('pas_foto')).toMatchObject({ purpose: { id: expect.stringMatching(/dicetak pada KIA/), en: expect.stringMatching(/printed on the KIA/) }, keptDaysAfterClosing: 30 });
    expect(need('kk')).toMatchObject({ keptDaysAfterClosing: 90, purpose: { id: expect.stringMatching(/Kartu Keluarga/) } });
    for (const service of body.services)
      for (const r of service.requirements) for (const doc of [r, ...r.alternatives]) expect(doc.purpose?.id, `${service.code} ${doc.document}`).toEqual(expect.any(String));
  });
});

// Last in the file: it uses up this address's allowance for the minute.
describe('rate limits', () => {
  it('slows down one address that checks NIKs in bulk', async () => {
    const client = t.client();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 125; i++) {
      last = await client.post('/api/v1/public/nik-check', { nik: CHILD_NIK });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
    expect(last!.statusCode).toBe(429);
    expect(last!.json().code).toBe('rate_limited');
  });
});

describe("the office's own catalogue on the portal", () => {
  it('does not offer a service the admin switched off', async () => {
    const admin = await t.signedIn('admin');
    const off = await admin.send('PUT', `/api/v1/offices/${DEMO_OFFICE_CODE}/service-settings/ikd_aktivasi`, { enabled: false, requirements: null, slaWorkingDays: null });
    expect(off.statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/offices/${DEMO_OFFICE_CODE}/catalogue` });
    const codes = (res.json().services as { code: string }[]).map((s) => s.code);
    expect(codes).toContain('kia_baru');
    expect(codes).not.toContain('ikd_aktivasi');
    await admin.send('DELETE', `/api/v1/offices/${DEMO_OFFICE_CODE}/service-settings/ikd_aktivasi`);
  });
});
