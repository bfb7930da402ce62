/**
 * Jemput Bola sessions over the API (issue 12): planned for a school with its roster from the
 * register, the deadline refused outside 1–7 beside the field, approved by the kasi only (the
 * parents' notices queued with the audit entry), captures kept under the device's idempotency key,
 * and holding the session making one batch of KIA requests on the school_session channel, due on
 * the office calendar, whose progress the API counts.
 */
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jemputBolaCaptures, outbox, requests } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { anonymiseRequests } from '../privacy/storage.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { pdfText } from '../test-support/pdf-text.js';
import { act } from '../test-support/personal-data.js';
import { KK_NUMBER } from '../test-support/requests.js';

type Client = Awaited<ReturnType<TestApp['signedIn']>>;

const BASE = `/api/v1/offices/${DEMO_OFFICE_CODE}`;
const NPSN = '20301234';
let t: TestApp;
let operator: Client;
let kasi: Client;

const ROSTER = [
  'nik,nama,tanggal_lahir,jenis_kelamin,desa,npsn,kelas,nama_orang_tua,no_wa,no_kk,punya_kia',
  `3302205003170001,Ayu Lestari,2017-03-10,P,Kembaran,${NPSN},3,Sri Wahyuni,081227001111,${KK_NUMBER},tidak`,
  `,Bayu Aji,2021-12-01,L,Kembaran,${NPSN},TK B,Darsono,081227002222,,tidak`,
  `,Citra Dewi,2018-06-01,P,Kembaran,${NPSN},2,,,,`,
  `3302200102160001,Dimas Prasetyo,2016-02-01,L,Kembaran,${NPSN},4,,081227003333,,ya`,
  '3302200103170001,Eko Saputra,2017-03-01,L,Kembaran,20305678,3,,081227004444,,tidak',
];

const plan = (over: Record<string, unknown> = {}) => ({
  schoolNpsn: NPSN,
  startsAt: '2026-11-26T08:00:00+07:00', // Thursday
  officerIds: [operator.user.id, kasi.user.id],
  equipment: [{ item: 'kamera', ready: true }],
  deadlineWorkingDays: 2,
  ...over,
});

type RosterEntry = { childId: string; name: string };
const childNamed = (roster: RosterEntry[], name: string) => roster.find((c) => c.name === name)!.childId;

beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' }); // Monday 09:00 WIB
  operator = await t.signedIn('operator');
  kasi = await t.signedIn('kasi');
  const school = await kasi.post(`${BASE}/schools`, { npsn: NPSN, name: 'SD Negeri 1 Kembaran', level: 'sd_mi', desaCode: '33.02.20.2009', contactName: 'Bu Ratna', contactPhone: '0812 3456 7890' });
  expect(school.statusCode, school.body).toBe(201);
  const imported = await operator.post(`${BASE}/children/imports`, { fileName: 'sd1.csv', contentBase64: Buffer.from(ROSTER.join('\n')).toString('base64') });
  expect(imported.json(), imported.body).toMatchObject({ imported: 5, saved: true });
});
afterAll(() => t.close());

describe('planning a session', () => {
  it('refuses a deadline outside 1–7 working days with an Indonesian message beside the field', async () => {
    for (const days of [0, 8, 2.5]) {
      const res = await operator.post(`${BASE}/jemput-bola/sessions`, plan({ deadlineWorkingDays: days }));
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([{ field: 'body.deadlineWorkingDays', code: 'deadline_out_of_range', message: 'Batas waktu penyelesaian harus bilangan bulat antara 1 dan 7 hari kerja.' }]);
    }
    const english = await operator.post(`${BASE}/jemput-bola/sessions`, plan({ deadlineWorkingDays: 8 }), { 'accept-language': 'en' });
    expect(english.json().errors[0].message).toBe('The deadline must be a whole number of working days from 1 to 7.');
  });

  it('refuses a school the office has not entered, a time in the past and an unknown officer', async () => {
    expect((await operator.post(`${BASE}/jemput-bola/sessions`, plan({ schoolNpsn: '20399999' }))).json().errors[0]).toMatchObject({ field: 'body.schoolNpsn', code: 'school_unknown' });
    expect((await operator.post(`${BASE}/jemput-bola/sessions`, plan({ startsAt: '2026-11-20T08:00:00+07:00' }))).json().errors[0]).toMatchObject({ field: 'body.startsAt', code: 'in_the_past' });
    expect((await operator.post(`${BASE}/jemput-bola/sessions`, plan({ officerIds: [crypto.randomUUID()] }))).json().errors[0]).toMatchObject({ field: 'body.officerIds', code: 'officer_unknown' });
    const kurir = await t.signedIn('kurir');
    expect((await kurir.post(`${BASE}/jemput-bola/sessions`, plan())).statusCode).toBe(403);
  });

  it('fills the roster with the school’s children without a KIA and lists the whole checklist; audited', async () => {
    const res = await operator.post(`${BASE}/jemput-bola/sessions`, plan());
    expect(res.statusCode, res.body).toBe(201);
    const session = res.json().session;
    expect(session).toMatchObject({ schoolName: 'SD Negeri 1 Kembaran', sessionDate: '2026-11-26', state: 'planned', deadlineWorkingDays: 2, rosterCount: 3 });
    expect(session.equipment.map((e: { item: string; ready: boolean }) => [e.item, e.ready])).toEqual([['kamera', true], ['printer_kia', false], ['blangko_kia', false]]);
    const detail = (await kasi.get(`/api/v1/jemput-bola/sessions/${session.id}`)).json();
    expect(detail.roster.map((c: RosterEntry) => c.name)).toEqual(['Citra Dewi', 'Ayu Lestari', 'Bayu Aji']);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, session.id), eq(auditLog.action, 'jemput_bola.planned')))).toHaveLength(1);
    expect((await kasi.get(`${BASE}/jemput-bola/sessions`)).json().sessions.map((s: { id: string }) => s.id)).toContain(session.id);
  });
});

describe('a session from approval to its batch', () => {
  let sessionId: string;
  let roster: RosterEntry[];

  it('is approved by the kasi only; parents with a WhatsApp number get the notice in the approval’s transaction', async () => {
    sessionId = (await operator.post(`${BASE}/jemput-bola/sessions`, plan())).json().session.id;
    roster = (await kasi.get(`/api/v1/jemput-bola/sessions/${sessionId}`)).json().roster;
    expect((await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/approve`, {})).statusCode).toBe(403);
    const approved = await kasi.post(`/api/v1/jemput-bola/sessions/${sessionId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().session.state).toBe('approved');
    const notices = await t.db.select().from(outbox).where(eq(outbox.kind, 'jemput_bola.notice'));
    expect(notices.map((n) => [n.recipient, n.payload.child, n.payload.photoOnSite]).sort()).toEqual([
      ['6281227001111', 'Ayu Lestari', true],
      ['6281227002222', 'Bayu Aji', false],
    ]);
    expect(notices[0]!.payload).toMatchObject({ school: 'SD Negeri 1 Kembaran', date: '2026-11-26', time: '08:00', zone: 'WIB' });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, sessionId), eq(auditLog.action, 'jemput_bola.approved')));
    expect(audit!.details).toMatchObject({ from: 'planned', to: 'approved', notices: 2 });
    expect((await kasi.post(`/api/v1/jemput-bola/sessions/${sessionId}/approve`, {})).statusCode).toBe(409);
  });

  it('keeps a capture under its idempotency key: a retry returns the same capture and records nothing new', async () => {
    t.clock.set('2026-11-26T01:30:00Z'); // Thursday 08:30 WIB, at the school
    // Three days on, yesterday's console sessions have ended: the officers sign in again.
    operator = await t.signedIn('operator');
    kasi = await t.signedIn('kasi');
    const ayu = { idempotencyKey: 'device-1:ayu:0001', childId: childNamed(roster, 'Ayu Lestari'), present: true, birthPlace: 'Banyumas', aktaSeen: true, kkSeen: true };
    const first = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, ayu);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, ayu);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().capture).toEqual(first.json().capture);
    expect(await t.db.select().from(jemputBolaCaptures).where(eq(jemputBolaCaptures.sessionId, sessionId))).toHaveLength(1);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, sessionId), eq(auditLog.action, 'jemput_bola.captured')))).toHaveLength(1);
    // Two tries of one capture arriving together (a retry racing the first): one capture.
    const racing = { idempotencyKey: 'device-2:citra:0001', childId: childNamed(roster, 'Citra Dewi'), present: false };
    const answers = await Promise.all([operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, racing), operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, racing)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect(answers[0]!.json().capture.id).toBe(answers[1]!.json().capture.id);
    expect(await t.db.select().from(jemputBolaCaptures).where(eq(jemputBolaCaptures.sessionId, sessionId))).toHaveLength(2);
    const reused = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, { ...ayu, childId: childNamed(roster, 'Citra Dewi') });
    expect(reused.statusCode).toBe(409);
  });

  it('checks a present child’s NIK with the intake rules, and the documents seen', async () => {
    const bayu = { childId: childNamed(roster, 'Bayu Aji'), present: true, kkNumber: KK_NUMBER, birthPlace: 'Purwokerto', aktaSeen: true, kkSeen: true };
    const impossible = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, { ...bayu, idempotencyKey: 'device-1:bayu:0001', nik: '3302200113210001' });
    expect(impossible.statusCode).toBe(422);
    expect(impossible.json()).toMatchObject({ code: 'nik_invalid', nikErrors: ['month_invalid'], errors: [{ field: 'body.nik', code: 'nik_invalid' }] });
    const unseen = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, { ...bayu, idempotencyKey: 'device-1:bayu:0002', nik: '3302200112210001', kkSeen: false });
    expect(unseen.json().errors[0]).toMatchObject({ field: 'body.kkSeen', code: 'documents_required' });
    const strangePhoto = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, { ...bayu, idempotencyKey: 'device-1:bayu:0004', nik: '3302200112210001', photoFileId: crypto.randomUUID() });
    expect(strangePhoto.json().errors[0]).toMatchObject({ field: 'body.photoFileId', code: 'photo_unknown' });
    const good = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, { ...bayu, idempotencyKey: 'device-1:bayu:0003', nik: '3302200112210001' });
    expect(good.statusCode, good.body).toBe(201);
    const absent = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, { idempotencyKey: 'device-1:citra:0001', childId: childNamed(roster, 'Citra Dewi'), present: false });
    expect(absent.statusCode, absent.body).toBe(201);
    const stranger = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, { idempotencyKey: 'device-1:x:0001', childId: crypto.randomUUID(), present: false });
    expect(stranger.json().errors[0]).toMatchObject({ field: 'body.childId', code: 'not_on_roster' });
  });

  it('once held, turns the present children’s captures into one batch of KIA requests on the school_session channel, due on the office calendar', async () => {
    // Two officers record it held at once: one batch.
    const [one, two] = await Promise.all([operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/hold`, {}), kasi.post(`/api/v1/jemput-bola/sessions/${sessionId}/hold`, {})]);
    expect([one!.statusCode, two!.statusCode].sort()).toEqual([200, 409]);
    const held = one!.statusCode === 200 ? one! : two!;
    // Thursday's session with 2 working days: Monday's close (Friday, the weekend).
    expect(held.json().session).toMatchObject({ state: 'held', batchDueAt: '2026-11-30T08:30:00.000Z' });
    const batch = (await kasi.get(`/api/v1/jemput-bola/sessions/${sessionId}/batch`)).json();
    expect(batch.progress).toMatchObject({ total: 2, verified: 0, processed: 0, printed: 0, handed_over: 0 });
    expect(batch.clock).toMatchObject({ dueAt: '2026-11-30T08:30:00.000Z', state: 'on_track' });
    const made = await t.db.select().from(requests).where(eq(requests.channel, 'school_session'));
    expect(made.map((r) => [r.subject.name, r.serviceCode, r.handOverChoice, r.dueAt.toISOString(), r.applicantPhone]).sort()).toEqual([
      ['Ayu Lestari', 'kia_baru', 'school', '2026-11-30T08:30:00.000Z', '6281227001111'],
      ['Bayu Aji', 'kia_baru', 'school', '2026-11-30T08:30:00.000Z', '6281227002222'],
    ]);
    // Tickets in the roster's order: class 3 before TK B.
    expect(made.sort((a, b) => a.ticket.localeCompare(b.ticket)).map((r) => r.subject.name)).toEqual(['Ayu Lestari', 'Bayu Aji']);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, sessionId), eq(auditLog.action, 'jemput_bola.held')));
    expect(audit!.details).toMatchObject({ created: 2, refused: 0 });

    // The device retries a capture it never heard back about: the same answer, now with its request, and no third request.
    const retry = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, { idempotencyKey: 'device-1:ayu:0001', childId: childNamed(roster, 'Ayu Lestari'), present: true, birthPlace: 'Banyumas', aktaSeen: true, kkSeen: true });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().capture.requestId).toBe(made.find((r) => r.subject.name === 'Ayu Lestari')!.id);
    expect(await t.db.select().from(requests).where(eq(requests.channel, 'school_session'))).toHaveLength(2);
    const late = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/captures`, { idempotencyKey: 'device-1:citra:0002', childId: childNamed(roster, 'Citra Dewi'), present: false });
    expect(late.statusCode).toBe(409);
  });

  it('counts the batch’s progress as its requests go through the SOP, then closes', async () => {
    const first = (await kasi.get(`/api/v1/jemput-bola/sessions/${sessionId}/batch`)).json().requests.find((r: { childId: string }) => r.childId === childNamed(roster, 'Ayu Lestari'));
    await act(operator, first.id, 'verify_accept', { overrideReason: 'Dokumen asli diperiksa di sekolah' });
    await act(operator, first.id, 'record_siak_outcome', { outcomes: [{ document: 'kia', printed: true }] });
    await act(operator, first.id, 'mark_ready');
    const progress = (await kasi.get(`/api/v1/jemput-bola/sessions/${sessionId}/batch`)).json().progress;
    expect(progress).toMatchObject({ total: 2, verified: 1, processed: 1, printed: 1, handed_over: 0, byState: { ready: 1, submitted: 1 } });
    expect((await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/cancel`, {})).statusCode).toBe(409);
    const closed = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/close`, {});
    expect(closed.json().session.state).toBe('closed');
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, sessionId))).map((a) => a.action);
    expect(actions.filter((a) => !a.endsWith('captured'))).toEqual(['jemput_bola.planned', 'jemput_bola.approved', 'jemput_bola.held', 'jemput_bola.closed']);
  });

  it('is handed over at the school in one action: each ready request handed over and audited, the parent told, the child holding a KIA', async () => {
    const [ready] = (await kasi.get(`/api/v1/jemput-bola/sessions/${sessionId}/batch`)).json().requests.filter((r: { state: string }) => r.state === 'ready');
    const handed = await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/hand-over`, { receivedBy: 'Bu Ratna' });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toEqual({ handedOver: 1 });
    const [request] = await t.db.select().from(requests).where(eq(requests.id, ready.id));
    expect(request!.state).toBe('handed_over');
    expect(request!.handOverRecord).toMatchObject({ receivedBy: { name: 'Bu Ratna', relationship: 'other' }, method: 'school_session' });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.entityId, ready.id))).map((a) => a.action)).toContain('request.hand_over');
    expect(await t.db.select().from(outbox).where(and(eq(outbox.requestId, ready.id), eq(outbox.kind, 'request.delivered')))).toHaveLength(1);
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, sessionId), eq(auditLog.action, 'jemput_bola.batch_handed_over'))))[0]!.details).toEqual({ requests: [ready.id] });
    const child = (await operator.get(`${BASE}/children?limit=500`)).json().children.find((c: { id: string }) => c.id === ready.childId);
    expect(child).toMatchObject({ hasKia: true, kiaSince: '2026-11-26' });
    expect((await operator.post(`/api/v1/jemput-bola/sessions/${sessionId}/hand-over`, { receivedBy: 'Bu Ratna' })).statusCode).toBe(409);
  });

  it('prints the hand-over list with the kop surat, each child’s name, masked NIK and class, and the signature lines', async () => {
    const res = await kasi.get(`/api/v1/jemput-bola/sessions/${sessionId}/hand-over-list`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    fs.mkdirSync('test-artifacts', { recursive: true });
    fs.writeFileSync('test-artifacts/jemput-bola-hand-over-list.pdf', pdf);
    const text = pdfText(pdf);
    for (const words of ['PEMERINTAH KABUPATEN BANYUMAS', 'DAFTAR SERAH TERIMA KARTU IDENTITAS ANAK (KIA)', 'SD Negeri 1 Kembaran', 'Yang menerima, petugas sekolah', 'Yang menyerahkan, Kepala Seksi Pelayanan']) {
      expect(text.replace(/\n/g, ' ')).toContain(words);
    }
    // Only the handed-over card is on it (the other request is still being checked), its NIK masked.
    expect(text).toContain('Ayu Lestari');
    expect(text).not.toContain('Bayu Aji');
    expect(text).toContain('3302xxxxxxxx0001');
    expect(text).not.toContain('3302205003170001');
  });

  it('forgets the capture’s NIK, KK number and parent’s number when its request is anonymised', async () => {
    const made = (await kasi.get(`/api/v1/jemput-bola/sessions/${sessionId}/batch`)).json().requests.find((r: { childId: string }) => r.childId === childNamed(roster, 'Ayu Lestari'));
    await anonymiseRequests(t.db, [made.id], t.clock.now());
    const [capture] = await t.db.select().from(jemputBolaCaptures).where(eq(jemputBolaCaptures.requestId, made.id));
    expect(capture).toMatchObject({ nik: null, kkNumber: null, birthPlace: null, parentName: null, parentWhatsapp: null, present: true });
  });

  it('is cancelled before it is held', async () => {
    const other = (await operator.post(`${BASE}/jemput-bola/sessions`, plan({ startsAt: '2026-12-03T08:00:00+07:00', officerIds: [operator.user.id] }))).json().session.id;
    const cancelled = await kasi.post(`/api/v1/jemput-bola/sessions/${other}/cancel`, {});
    expect(cancelled.json().session.state).toBe('cancelled');
    expect((await kasi.post(`/api/v1/jemput-bola/sessions/${other}/approve`, {})).statusCode).toBe(409);
  });
});
