/**
 * Least privilege field by field (UU PDP data minimisation), through the HTTP API: every role ×
 * every field group on the request page, its history, the queues and search; a kurir reads only the
 * deliveries given to it (anything else is 404) and of them only what a delivery needs.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/roles.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { multipart } from '../test-support/multipart.js';
import { anotherGirlNik, GIRL_NIK, KK_NUMBER } from '../test-support/requests.js';

type Client = Awaited<ReturnType<TestApp['signedIn']>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies, read field by field

const BASE = `/api/v1/offices/${DEMO_OFFICE_CODE}`;
const MASKED_NIK = '3302xxxxxxxx0001';
const MASKED_KK = '3302xxxxxxxx0001';
/** The child of the request still at the verify step: another child, as one child has one open KIA. */
const WAITING_NIK = '3302205005200002';

let t: TestApp;
let clients: Map<Role, Client>;
let operator: Client;
let kurir: Client;
let otherKurir: Client;
/** A home delivery given to `kurir`, ready, with scans, family details, disability needs and a SIAK number. */
let delivery: { id: string; ticket: string };
/** A home delivery given to another kurir. */
let othersDelivery: { id: string; ticket: string };
/** A request still at the verify step. */
let waiting: { id: string; ticket: string };

/** The child's NIK differs per request: a second open KIA for one child is refused as a duplicate. */
async function submit(name: string, overrides: Record<string, unknown> = {}, nik = GIRL_NIK) {
  const res = await operator.post(`${BASE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: `Ibu ${name}`, phone: '0812-2700-1234', relation: 'ibu' },
    subject: { nik, name, birthDate: '2020-05-10', sex: 'P' },
    circumstances: { hasBirthCertificate: false, foreign: false },
    details: { kk_number: KK_NUMBER, subject_birth_place: 'Banyumas', father_name: 'Bapak Darsono', mother_name: 'Ibu Sri Wahyuni' },
    handOverChoice: 'home_delivery',
    specialNeeds: { disabled: true, kinds: ['fisik'], consent: true, note: 'Anak pengguna kursi roda' },
    ...overrides,
  });
  expect(res.statusCode).toBe(201);
  return res.json().request as { id: string; ticket: string };
}

async function readyFor(request: { id: string }, courier: Client) {
  const act = async (action: string, payload: Record<string, unknown> = {}) =>
    expect((await operator.post(`/api/v1/requests/${request.id}/actions`, { action, payload })).statusCode, action).toBe(200);
  await act('verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' });
  await act('record_siak_outcome', { outcomes: [{ document: 'kia', number: GIRL_NIK, printed: true }] });
  await act('mark_ready');
  await act('assign_courier', { courierStaffId: courier.user.id });
}

beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  clients = new Map();
  for (const role of ROLES) clients.set(role, await t.signedIn(role));
  operator = clients.get('operator')!;
  kurir = clients.get('kurir')!;
  otherKurir = await t.signedIn('kurir');

  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c8d2c8' } }).jpeg().toBuffer();
  const { body, contentType } = multipart({ name: 'kk.jpg', type: 'image/jpeg', bytes: photo }, { documentType: 'kk' });
  const upload = await operator.send('POST', `${BASE}/files`, body, { 'content-type': contentType });
  expect(upload.statusCode).toBe(201);

  delivery = await submit('Ayu Lestari', { attachments: [{ fileId: upload.json().file.id, documentType: 'kk' }] });
  await readyFor(delivery, kurir);
  othersDelivery = await submit('Bunga Citra', {}, anotherGirlNik());
  await readyFor(othersDelivery, otherKurir);
  waiting = await submit('Cahya Dewi', { handOverChoice: 'pickup', specialNeeds: undefined }, WAITING_NIK);
});
afterAll(() => t.close());

const has = (value: unknown) => (value === undefined ? 'absent' : 'shown');

/** What a request page shows, group by group, in words a reviewer can check against the table. */
async function pageSeenBy(client: Client, id: string) {
  const res = await client.get(`/api/v1/requests/${id}`);
  if (res.statusCode !== 200) return { status: res.statusCode };
  const page = res.json() as Json;
  const r = page.request as Json;
  const field = (code: string) => (page.fields as Json[]).find((f) => f.field === code)?.value ?? 'absent';
  const history = await client.get(`/api/v1/requests/${id}/history`);
  return {
    status: 200,
    names: { subject: r.subject.name ?? 'absent', applicant: r.applicant.name ?? 'absent' },
    identity: {
      nik: r.subject.nik ?? 'absent',
      birthDate: has(r.subject.birthDate),
      sex: has(r.subject.sex),
      kk: r.details.kk_number ?? 'absent',
      kkField: field('kk_number'),
      check: page.identity === undefined ? 'absent' : (page.identity.nik ?? 'no nik'),
      checkBirthDate: has(page.identity?.birthDate),
      siakNumber: r.siakOutcomes === undefined ? 'absent' : has(r.siakOutcomes[0]?.number),
    },
    contact: { phone: r.applicant.phone ?? 'absent' },
    family: {
      mother: r.details.mother_name ?? 'absent',
      motherField: field('mother_name'),
      birthPlace: has(r.details.subject_birth_place),
      circumstances: has(r.circumstances),
    },
    documents: { attachments: has(r.attachments), files: has(page.files), checklist: has(page.checklist), mayViewDocuments: page.mayViewDocuments },
    delivery: {
      desa: page.desaName,
      handOverChoice: r.handOverChoice,
      document: r.siakOutcomes?.map((o: Json) => o.document) ?? 'absent',
      courier: page.courier?.name ?? 'absent',
    },
    disability: r.disabilityNeeds ?? 'absent',
    history: history.statusCode,
    visible: Object.keys(page.visible).sort(),
  };
}

const OFFICE_VIEW = {
  status: 200,
  names: { subject: 'Ayu Lestari', applicant: 'Ibu Ayu Lestari' },
  identity: {
    nik: GIRL_NIK,
    birthDate: 'shown',
    sex: 'shown',
    kk: KK_NUMBER,
    kkField: KK_NUMBER,
    check: GIRL_NIK,
    checkBirthDate: 'shown',
    siakNumber: 'shown',
  },
  contact: { phone: '6281227001234' },
  family: { mother: 'Ibu Sri Wahyuni', motherField: 'Ibu Sri Wahyuni', birthPlace: 'shown', circumstances: 'shown' },
  documents: { attachments: 'shown', files: 'shown', checklist: 'shown', mayViewDocuments: true },
  delivery: { desa: 'Kembaran', handOverChoice: 'home_delivery', document: ['kia'], courier: 'Petugas kurir' },
  disability: 'Anak pengguna kursi roda',
  history: 200,
  visible: ['contact', 'delivery', 'disability', 'documents', 'family', 'history', 'identity', 'names'],
};

/** The matrix written out by hand, so a careless edit of REQUEST_FIELD_ACCESS shows up here. */
const EXPECTED: Record<Role, unknown> = {
  camat: OFFICE_VIEW,
  sekcam: OFFICE_VIEW,
  kasi: OFFICE_VIEW,
  operator: OFFICE_VIEW,
  // What a delivery needs: name, desa, phone, the document; the needs of the person it visits.
  kurir: {
    status: 200,
    names: { subject: 'Ayu Lestari', applicant: 'Ibu Ayu Lestari' },
    identity: { nik: 'absent', birthDate: 'absent', sex: 'absent', kk: 'absent', kkField: 'absent', check: 'absent', checkBirthDate: 'absent', siakNumber: 'absent' },
    contact: { phone: '6281227001234' },
    family: { mother: 'absent', motherField: 'absent', birthPlace: 'absent', circumstances: 'absent' },
    documents: { attachments: 'absent', files: 'absent', checklist: 'absent', mayViewDocuments: false },
    delivery: { desa: 'Kembaran', handOverChoice: 'home_delivery', document: ['kia'], courier: 'Petugas kurir' },
    disability: 'Anak pengguna kursi roda',
    history: 403,
    visible: ['delivery', 'disability'],
  },
  admin: { status: 403 },
  // Figures and a masked NIK to follow up a complaint; no names, phone, family, scans or needs.
  kabupaten: {
    status: 200,
    names: { subject: 'absent', applicant: 'absent' },
    identity: { nik: MASKED_NIK, birthDate: 'absent', sex: 'absent', kk: MASKED_KK, kkField: MASKED_KK, check: MASKED_NIK, checkBirthDate: 'absent', siakNumber: 'absent' },
    contact: { phone: 'absent' },
    family: { mother: 'absent', motherField: 'absent', birthPlace: 'absent', circumstances: 'absent' },
    documents: { attachments: 'absent', files: 'absent', checklist: 'absent', mayViewDocuments: false },
    delivery: { desa: 'Kembaran', handOverChoice: 'home_delivery', document: 'absent', courier: 'absent' },
    disability: 'absent',
    history: 200,
    visible: ['history', 'identity'],
  },
};

describe('the request page, role by role and field group by field group', () => {
  for (const role of ROLES) {
    it(`${role} sees exactly its field groups`, async () => {
      expect(await pageSeenBy(clients.get(role)!, delivery.id)).toEqual(EXPECTED[role]);
    });
  }

  it('the kurir’s page names no NIK, KK number or parent anywhere in its body', async () => {
    const body = (await kurir.get(`/api/v1/requests/${delivery.id}`)).body;
    for (const secret of [GIRL_NIK, KK_NUMBER, 'Darsono', 'Sri Wahyuni', 'Banyumas']) expect(body).not.toContain(secret);
  });
});

describe('a kurir reads only the deliveries given to it', () => {
  it('answers 404 (not 403) for any other request of its office, its history, and an action on it', async () => {
    for (const other of [othersDelivery, waiting]) {
      expect((await kurir.get(`/api/v1/requests/${other.id}`)).statusCode).toBe(404);
      expect((await kurir.get(`/api/v1/requests/${other.id}/history`)).statusCode).toBe(404);
    }
    const handOver = { action: 'hand_over', payload: { receivedBy: { name: 'Bunga', relationship: 'parent' }, method: 'home_delivery', receivedAt: '2026-11-23T03:00:00Z' } };
    expect((await kurir.post(`/api/v1/requests/${othersDelivery.id}/actions`, handOver)).statusCode).toBe(404);
    // The same answer as for a request that does not exist at all.
    expect((await kurir.get('/api/v1/requests/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('its deliveries queue lists only its own, cut down to the delivery view; no other queue is open to it', async () => {
    const res = await kurir.get(`${BASE}/queues/deliveries`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().requests as Json[];
    expect(rows.map((r) => r.id)).toEqual([delivery.id]);
    expect(rows[0]!.subject).toEqual({ name: 'Ayu Lestari' });
    expect(rows[0]!.applicant).toEqual({ name: 'Ibu Ayu Lestari', relation: 'ibu', phone: '6281227001234' });
    expect(rows[0]!.details).toEqual({});
    expect(rows[0]!.attachments).toBeUndefined();
    for (const queue of ['verify', 'process', 'hand_over', 'escalated', 'returned'])
      expect((await kurir.get(`${BASE}/queues/${queue}`)).statusCode, queue).toBe(403);
  });

  it('its search finds only its own deliveries, never lists the office with wildcards, and refuses a NIK', async () => {
    const search = async (q: string) => kurir.get(`${BASE}/requests?q=${encodeURIComponent(q)}`);
    for (const q of ['%%%', '___', 'Ibu', othersDelivery.ticket, waiting.ticket, 'Bunga Citra', '0812 2700 1234']) {
      const found = (await search(q)).json().requests as Json[];
      expect(found.map((r) => r.id).filter((id) => id !== delivery.id), q).toEqual([]);
    }
    const own = (await search(delivery.ticket)).json().requests as Json[];
    expect(own.map((r) => r.id)).toEqual([delivery.id]);
    expect(own[0]!.subject).toEqual({ name: 'Ayu Lestari' });
    const byNik = await search(GIRL_NIK);
    expect(byNik.statusCode).toBe(403);
    expect(byNik.json().code).toBe('search_key_not_allowed');
  });

  it('cannot hand its delivery over from the request page, only with proof on its delivery page', async () => {
    expect((await kurir.get(`/api/v1/requests/${delivery.id}`)).json().availableActions).toEqual([]);
    const res = await kurir.post(`/api/v1/requests/${delivery.id}/actions`, {
      action: 'hand_over',
      payload: { receivedBy: { name: 'Ibu Ayu Lestari', relationship: 'parent' }, method: 'home_delivery', receivedAt: '2026-11-23T03:00:00Z' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('delivery_proof_required');
    expect(res.json().detail).toMatch(/Antar dokumen/);
    expect(res.body).not.toContain(GIRL_NIK);
    expect((await kurir.get(`/api/v1/requests/${delivery.id}`)).json().request.state).toBe('ready');
  });
});

describe('queues and search for the other roles', () => {
  it('a name search matches % and _ literally: "%%%" lists nothing', async () => {
    for (const q of ['%%%', '___', '%_%']) expect((await operator.get(`${BASE}/requests?q=${encodeURIComponent(q)}`)).json().requests, q).toEqual([]);
    expect((await operator.get(`${BASE}/requests?q=Lestari`)).json().requests.map((r: Json) => r.id)).toEqual([delivery.id]);
  });

  it('office roles get whole rows in their queues and search', async () => {
    const rows = (await operator.get(`${BASE}/queues/verify`)).json().requests as Json[];
    expect(rows.map((r) => r.id)).toEqual([waiting.id]);
    expect(rows[0]!.subject.nik).toBe(WAITING_NIK);
    expect(rows[0]!.details.mother_name).toBe('Ibu Sri Wahyuni');
    const found = (await clients.get('camat')!.get(`${BASE}/requests?q=${waiting.ticket}`)).json().requests as Json[];
    expect(found[0]!.applicant.phone).toBe('6281227001234');
  });

  it('the regency finds a request by ticket or NIK with a masked NIK, but not by name or phone, and reads no work queue', async () => {
    const regency = clients.get('kabupaten')!;
    const byTicket = (await regency.get(`/api/v1/offices/regency/requests?q=${waiting.ticket}`)).json().requests as Json[];
    expect(byTicket.map((r) => r.id)).toEqual([waiting.id]);
    expect(byTicket[0]!.subject).toEqual({ nik: '3302xxxxxxxx0002' });
    expect(byTicket[0]!.applicant).toEqual({});
    expect(byTicket[0]!.details).toEqual({ kk_number: MASKED_KK });
    const byNik = (await regency.get(`${BASE}/requests?q=${WAITING_NIK}`)).json().requests as Json[];
    expect(byNik.map((r) => r.id)).toEqual([waiting.id]);
    expect(JSON.stringify(byNik)).not.toContain(WAITING_NIK);
    for (const q of ['Lestari', '0812 2700 1234']) {
      const res = await regency.get(`${BASE}/requests?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(403);
      expect(res.json().code).toBe('search_key_not_allowed');
    }
    expect((await regency.get(`${BASE}/queues/verify`)).statusCode).toBe(403);
  });
});
