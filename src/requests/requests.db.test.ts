/** A KIA request from the counter to hand-over, through the API, on PGlite and on PostgreSQL. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { requests } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';
import { outboxForRequest } from './storage.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

// A girl born 10 May 2020 in Kembaran: day 10 + 40 = 50.
const CHILD_NIK = '3302205005200001';

const kiaRequest = (overrides: Record<string, unknown> = {}) => ({
  serviceCode: 'kia_baru',
  channel: 'walk_in',
  desaCode: '33.02.20.2009',
  applicant: { name: 'Sri Wahyuni', phone: '0812-2700-1234', relation: 'ibu' },
  // A child per request: a second open KIA request for the same child is refused.
  subject: { nik: anotherGirlNik(), name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
  details: KIA_DETAILS,
  ...overrides,
});

const act = (id: string, action: string, payload: Record<string, unknown> = {}) => operator.post(`/api/v1/requests/${id}/actions`, { action, payload });

describe('a KIA request through the SOP', () => {
  it('goes from the counter to hand-over, with a return and a resubmission, audited and notified at each step', async () => {
    const created = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest({ subject: { nik: CHILD_NIK, name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' } }));
    expect(created.statusCode).toBe(201);
    const { request, trackingPin, warnings } = created.json();
    expect(request.ticket).toBe('KBR-26-000001');
    expect(trackingPin).toMatch(/^\d{6}$/);
    expect(warnings).toEqual([]);
    expect(request).toMatchObject({ state: 'submitted', applicant: { phone: '6281227001234' } });
    // A walk-in KIA is the seed's "Langsung" service: done the same day, by Monday's close at 15:30 WIB.
    expect(request.dueAt).toBe('2026-11-23T08:30:00.000Z');

    const returned = await act(request.id, 'verify_return', { reasons: [{ code: 'missing_document', document: 'kk' }] });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().request).toMatchObject({ state: 'returned', returnReasons: [{ code: 'missing_document', document: 'kk' }] });

    expect((await act(request.id, 'resubmit')).json().request).toMatchObject({ state: 'submitted', returnReasons: null });
    // Nothing was uploaded: the originals were seen at the counter, which the officer says.
    expect((await act(request.id, 'verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' })).json().request.state).toBe('verified');
    const processed = await act(request.id, 'record_siak_outcome', { outcomes: [{ document: 'kia', number: CHILD_NIK, printed: true }] });
    expect(processed.json().request.state).toBe('processing');
    expect((await act(request.id, 'mark_ready')).json().request.state).toBe('ready');
    const handedOver = await act(request.id, 'hand_over', {
      receivedBy: { name: 'Sri Wahyuni', relationship: 'parent' },
      method: 'counter',
      receivedAt: '2026-11-23T03:00:00Z',
    });
    expect(handedOver.statusCode).toBe(200);
    expect(handedOver.json().request).toMatchObject({ state: 'handed_over', handOverRecord: { method: 'counter' } });

    const history = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: request.id, limit: 20 });
    expect(history.map((h) => h.action).reverse()).toEqual([
      'request.submit',
      'request.verify_return',
      'request.resubmit',
      'request.verify_accept',
      'request.record_siak_outcome',
      'request.mark_ready',
      'request.hand_over',
    ]);
    // The append-only log never holds the child's NIK or the recipient's name.
    expect(JSON.stringify(history)).not.toContain(CHILD_NIK);
    expect(JSON.stringify(history)).not.toContain('Sri Wahyuni');

    const messages = await outboxForRequest(t.db, request.id);
    // The satisfaction survey is asked right behind the news of the hand-over.
    expect(messages.map((m) => m.kind)).toEqual(['request.received', 'request.returned', 'request.received', 'request.ready', 'request.delivered', 'survey.invite']);
    expect(messages.every((m) => m.recipient === '6281227001234' && m.status === 'pending')).toBe(true);
    expect(messages[1]!.payload).toMatchObject({ reasons: [{ code: 'missing_document', document: 'kk' }], ticket: 'KBR-26-000001' });

    const final = await act(request.id, 'verify_accept');
    expect(final.statusCode).toBe(409);
    expect(final.json().detail).toBe('Permohonan ini sudah selesai sehingga tidak dapat diubah lagi.');
  });

  it('numbers tickets in sequence and warns, without refusing, when the NIK disagrees with the form', async () => {
    const res = await operator.post(
      `/api/v1/offices/${DEMO_OFFICE_CODE}/requests`,
      kiaRequest({ channel: 'whatsapp', subject: { nik: CHILD_NIK, name: 'Ayu', birthDate: '2020-05-11', sex: 'L' } }),
    );
    expect(res.statusCode).toBe(201);
    // Online requests get one working day: Monday 10:00 WIB → Tuesday 10:00 WIB.
    expect(res.json().request.dueAt).toBe('2026-11-24T03:00:00.000Z');
    expect(res.json().request.ticket).toBe('KBR-26-000002');
    expect(res.json().warnings.sort()).toEqual(['birth_date_mismatch', 'sex_mismatch']);
  });

  it('refuses an attachment id that is not a document of this office', async () => {
    const res = await operator.post(
      `/api/v1/offices/${DEMO_OFFICE_CODE}/requests`,
      kiaRequest({ attachments: [{ fileId: '00000000-0000-4000-8000-000000000000', documentType: 'kk' }] }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('body.attachments');
  });

  it('refuses a wrong NIK clearly and stores nothing', async () => {
    const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest({ subject: { nik: '3302203002200001', name: 'Ayu' } }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'nik_invalid', nikErrors: ['date_invalid'] });
    const next = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest());
    expect(next.json().request.ticket).toBe('KBR-26-000003');
  });

  it('lets only the roles the SOP names act, and says why not', async () => {
    const { request } = (await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest())).json();
    const kurir = await t.signedIn('kurir');
    expect((await kurir.post(`/api/v1/requests/${request.id}/actions`, { action: 'verify_accept', payload: {} })).statusCode).toBe(403);
    const admin = await t.signedIn('admin');
    expect((await admin.get(`/api/v1/requests/${request.id}`)).statusCode).toBe(403);
    const tooEarly = await act(request.id, 'mark_ready');
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().detail).toBe('Tindakan ini tidak sesuai dengan tahap permohonan saat ini.');
    const operatorReject = await act(request.id, 'reject', { reason: { code: 'duplicate' } });
    expect(operatorReject.statusCode).toBe(403);
    const kasi = await t.signedIn('kasi');
    const rejected = await kasi.post(`/api/v1/requests/${request.id}/actions`, { action: 'reject', payload: { reason: { code: 'duplicate' } } });
    expect(rejected.json().request.state).toBe('rejected');
    const noReason = await act((await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest())).json().request.id, 'verify_return', { reasons: [] });
    expect(noReason.statusCode).toBe(422);
  });
});

describe("the service's data fields at the counter", () => {
  const post = (body: Record<string, unknown>, locale = 'id') =>
    operator.send('POST', `/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, body, { 'accept-language': locale });

  it('stores the KK number, the place of birth and, for the combined akta + KIA path, the parents’ names; the request page shows them labelled', async () => {
    const res = await post(
      kiaRequest({
        circumstances: { hasBirthCertificate: false, foreign: false },
        details: { kk_number: '3302 2010 0520 0001', subject_birth_place: '  Banyumas ', mother_name: 'Sri Wahyuni', father_name: 'Budi Santoso' },
      }),
    );
    expect(res.statusCode).toBe(201);
    const { request } = res.json();
    expect(request.details).toEqual({ kk_number: '3302201005200001', subject_birth_place: 'Banyumas', mother_name: 'Sri Wahyuni', father_name: 'Budi Santoso' });
    expect(request.circumstances).toEqual({ hasBirthCertificate: false, foreign: false });

    const page = (await operator.get(`/api/v1/requests/${request.id}`)).json();
    expect(page.fields).toEqual([
      { field: 'kk_number', label: { id: 'Nomor KK', en: 'Family card (KK) number' }, need: 'required', input: 'kk_number', value: '3302201005200001' },
      { field: 'subject_birth_place', label: { id: 'Tempat lahir anak', en: "Child's place of birth" }, need: 'required', input: 'text', value: 'Banyumas' },
      { field: 'father_name', label: { id: 'Nama ayah', en: "Father's name" }, need: 'optional', input: 'text', value: 'Budi Santoso' },
      { field: 'mother_name', label: { id: 'Nama ibu', en: "Mother's name" }, need: 'required', input: 'text', value: 'Sri Wahyuni' },
    ]);
    // The stored facts settle the checklist: no akta yet, so the birth-registration documents are required.
    expect(page.checklist.items.find((i: { document: string }) => i.document === 'surat_keterangan_kelahiran').need).toBe('required');
  });

  it('refuses a wrong KK number and a missing required field, naming each field in Indonesian and in English, and stores nothing', async () => {
    const body = kiaRequest({ details: { kk_number: '3302205005200001' } });
    const id = await post(body);
    expect(id.statusCode).toBe(422);
    expect(id.json().detail).toBe('Mohon lengkapi atau perbaiki isian berikut: Nomor KK, Tempat lahir anak.');
    expect(id.json().errors).toEqual([
      expect.objectContaining({ field: 'body.details.kk_number', code: 'kk_invalid', numberErrors: ['day_invalid'], message: expect.stringMatching(/^Nomor KK tidak valid\./) }),
      expect.objectContaining({ field: 'body.details.subject_birth_place', code: 'required', message: 'Tempat lahir anak wajib diisi.' }),
    ]);
    const en = await post(body, 'en');
    expect(en.json().errors.map((e: { message: string }) => e.message)).toEqual([
      expect.stringMatching(/^Family card \(KK\) number is not valid\./),
      "Child's place of birth is required.",
    ]);
    const stored = await t.db.select().from(requests).where(sql`${requests.details}->>'kk_number' = '3302205005200001'`);
    expect(stored).toEqual([]);
  });

  it('asks the mother’s name only when the akta is applied for together, and a passport number only of a foreign child', async () => {
    const combined = await post(kiaRequest({ circumstances: { hasBirthCertificate: false, foreign: false } }));
    expect(combined.statusCode).toBe(422);
    expect(combined.json().errors).toEqual([expect.objectContaining({ field: 'body.details.mother_name', code: 'required', message: 'Nama ibu wajib diisi.' })]);
    const foreign = await post(kiaRequest({ circumstances: { foreign: true } }), 'en');
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'body.details.passport_number', message: 'Passport number is required.' })]);
    const withAkta = await post(kiaRequest({ circumstances: { hasBirthCertificate: true, foreign: false } }));
    expect(withAkta.statusCode).toBe(201);
  });

  it('refuses field codes it does not know and fields the service does not ask for', async () => {
    const res = await post(kiaRequest({ details: { ...KIA_DETAILS, shoe_size: '32', date_of_death: '2026-11-01' } }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'body.details.shoe_size', code: 'unknown_field', message: 'Isian "shoe_size" tidak dikenal.' }),
      expect.objectContaining({ field: 'body.details.date_of_death', code: 'not_for_service', message: 'Tanggal meninggal tidak diminta untuk layanan ini.' }),
    ]);
  });

  it('takes a death registration with its own fields, refusing a date of death in the future', async () => {
    const death = {
      serviceCode: 'akta_kematian',
      channel: 'walk_in',
      desaCode: '33.02.20.2009',
      applicant: { name: 'Wartini', phone: '0812-2700-1235', relation: 'anak' },
      subject: { nik: '3302200101500001', name: 'Karsono' },
      details: { kk_number: '3302201005200001', date_of_death: '2026-11-24', place_of_death: 'RSUD Banyumas', reporter_nik: '3302204505800002', reporter_name: 'Wartini' },
    };
    const future = await post(death);
    expect(future.json().errors).toEqual([expect.objectContaining({ field: 'body.details.date_of_death', code: 'date_future', message: 'Tanggal meninggal tidak boleh lewat dari hari ini.' })]);
    const ok = await post({ ...death, details: { ...death.details, date_of_death: '2026-11-20' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().request.details).toMatchObject({ date_of_death: '2026-11-20', reporter_nik: '3302204505800002' });
  });
});

describe("the office's own date", () => {
  it("reads a newborn's NIK at 05:30 WIB as born today, not a century ago (the UTC date is still yesterday)", async () => {
    const before = t.clock.now();
    t.clock.set('2026-12-03T22:30:00Z'); // Friday 4 December 2026, 05:30 WIB
    try {
      const operator = await t.signedIn('operator');
      // A girl born 4 December 2026 in Kembaran: day 4 + 40 = 44.
      const newborn = '3302204412260001';
      const check = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/nik-checks`, { nik: newborn });
      expect(check.json().check).toMatchObject({ status: 'valid', birthDate: '2026-12-04', sex: 'P' });

      // The form leaves the birth date and sex to the NIK: the request records what the NIK says, read on the office's date.
      const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest({ subject: { nik: newborn, name: 'Bayi Lestari' } }));
      expect(res.statusCode).toBe(201);
      expect(res.json().request.subject).toMatchObject({ nik: newborn, birthDate: '2026-12-04', sex: 'P' });
      expect(res.json().warnings).toEqual([]);
    } finally {
      t.clock.set(before);
    }
  });
});

describe('a NIK from a region the dataset does not know', () => {
  it('is taken in with a warning for the officer (a code from before a region split), while a province that does not exist is refused', async () => {
    // Kecamatan Merauke was 91.01.01 until Papua Selatan split off in 2022; a child born there in 2015 keeps that code.
    const preSplit = '9101015505150001';
    const check = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/nik-checks`, { nik: preSplit });
    expect(check.json().check).toMatchObject({ status: 'valid', birthDate: '2015-05-15', sex: 'P', place: null, warnings: ['region_unknown'] });
    const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest({ subject: { nik: preSplit, name: 'Maria Gebze', birthDate: '2015-05-15', sex: 'P' } }));
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings).toEqual(['region_unknown']);

    const noProvince = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest({ subject: { nik: '9901015505150001', name: 'Maria Gebze' } }));
    expect(noProvince.statusCode).toBe(422);
    expect(noProvince.json()).toMatchObject({ code: 'nik_invalid', nikErrors: ['province_unknown'] });
  });
});

describe('verification against the checklist', () => {
  it('refuses YA while a required document is not attached, and audits an override with its reason (issue 11)', async () => {
    const { request } = (await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest())).json();
    const page = (await operator.get(`/api/v1/requests/${request.id}`)).json();
    const missing = page.documents.missing.map((i: { document: string }) => i.document);
    expect(missing.length).toBeGreaterThan(0);

    const refused = await act(request.id, 'verify_accept');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'transition_documents_missing', missing });
    expect(refused.json().detail).toBe(
      'Berkas belum lengkap: masih ada dokumen wajib yang belum dilampirkan. Kembalikan berkas ke pemohon (TIDAK), atau tuliskan alasan bila Bapak/Ibu tetap menyatakan lengkap (misalnya dokumen asli sudah diperiksa di loket).',
    );
    expect((await operator.get(`/api/v1/requests/${request.id}`)).json().request.state).toBe('submitted');
    // A blank reason is no reason.
    expect((await act(request.id, 'verify_accept', { overrideReason: '   ' })).statusCode).toBe(422);

    const accepted = await act(request.id, 'verify_accept', { overrideReason: 'KK asli diperlihatkan di loket' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().request.state).toBe('verified');
    const history = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: request.id, limit: 5 });
    const entry = history.find((h) => h.action === 'request.verify_accept')!;
    expect(entry.details).toMatchObject({ documents: missing, overrideReason: 'KK asli diperlihatkan di loket' });
  });

  it('refuses at the counter a KIA for a 36-year-old, and a name with markup, each beside its field (issue 11)', async () => {
    const adult = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest({ subject: { nik: '3302201005900001', name: 'Budi Santoso' } }));
    expect(adult.statusCode).toBe(422);
    expect(adult.json().errors).toEqual([
      expect.objectContaining({
        field: 'body.subject.nik',
        code: 'not_eligible',
        message: 'Berdasarkan tanggal lahir pada NIK anak, permohonan ini tidak memenuhi syarat layanan: berusia di bawah 17 tahun dan belum pernah kawin.',
      }),
    ]);
    const markup = await operator.post(
      `/api/v1/offices/${DEMO_OFFICE_CODE}/requests`,
      kiaRequest({ subject: { nik: anotherGirlNik(), name: '<b>Ayu</b>' }, applicant: { name: 'Sri <i>W</i>', phone: '0812-2700-1234', relation: 'ibu' } }),
    );
    expect(markup.statusCode).toBe(422);
    expect(markup.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['body.subject.name', 'markup'],
      ['body.applicant.name', 'markup'],
    ]);
  });
});

describe('a child not registered yet (issue 11: akta, KK and KIA with no NIK)', () => {
  const newborn = { name: 'Bayi Sekar', birthDate: '2026-11-20', sex: 'P' };
  const combined = { hasBirthCertificate: false, foreign: false };

  it('takes the combined application without a NIK, and records the NIK SIAK issues with the KIA', async () => {
    const created = await operator.post(
      `/api/v1/offices/${DEMO_OFFICE_CODE}/requests`,
      kiaRequest({ subject: newborn, circumstances: combined, details: { ...KIA_DETAILS, mother_name: 'Sri Wahyuni' } }),
    );
    expect(created.statusCode).toBe(201);
    const { request } = created.json();
    const page = (await operator.get(`/api/v1/requests/${request.id}`)).json();
    expect(page.checklist.outputs.map((o: { document: string }) => o.document)).toEqual(['kia', 'akta_kelahiran', 'kk']);

    expect((await act(request.id, 'verify_accept', { overrideReason: 'Surat kelahiran bidan dan KK asli diperiksa di loket' })).statusCode).toBe(200);
    // A number that is no NIK is refused and changes nothing.
    const wrong = await act(request.id, 'record_siak_outcome', { outcomes: [{ document: 'kia', number: '12345', printed: true }] });
    expect(wrong.statusCode).toBe(422);
    expect((await operator.get(`/api/v1/requests/${request.id}`)).json().request.state).toBe('verified');
    // A girl born 20 November 2026 in Kembaran: day 20 + 40 = 60.
    const issued = '3302206011260001';
    const processed = await act(request.id, 'record_siak_outcome', {
      outcomes: [
        { document: 'akta_kelahiran', number: '3302-LT-20112026-0001', printed: true },
        { document: 'kk', number: '3302201005200001', printed: true },
        { document: 'kia', number: issued, printed: true },
      ],
    });
    expect(processed.statusCode).toBe(200);
    expect(processed.json().request.subject.nik).toBe(issued);
  });

  it('asks for the NIK while nobody said the child has no akta, and of a child who has one', async () => {
    for (const circumstances of [undefined, { hasBirthCertificate: true, foreign: false }]) {
      const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, kiaRequest({ subject: newborn, ...(circumstances && { circumstances }) }));
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'body.subject.nik', code: 'required' }));
    }
  });
});
