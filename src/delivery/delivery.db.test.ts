/**
 * Jujuk Dolanan through the API: assigning the kurir makes its task; "sedang menuju" tells the
 * citizen; delivered with a proof photo hands the request over through the SOP; failed trips are
 * rescheduled and, at the office's limit, the document goes back to the office. A kurir sees and
 * acts only on its own tasks: anything else answers 404.
 */
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, deliveryAttempts, deliveryTasks, files, outbox } from '../db/schema.js';
import { anonymiseRequests } from '../privacy/storage.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { TEST_PASSWORD, testApp, type TestApp } from '../test-support/app.js';
import { multipart } from '../test-support/multipart.js';
import { anotherGirlNik, KK_NUMBER } from '../test-support/requests.js';

type Client = Awaited<ReturnType<TestApp['signedIn']>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies, read field by field

const BASE = `/api/v1/offices/${DEMO_OFFICE_CODE}`;
let t: TestApp;
let operator: Client;
let kurir: Client;
let otherKurir: Client;
let admin: Client;
let photo: Buffer;

async function submit(name: string, desaCode = '33.02.20.2009') {
  const nik = anotherGirlNik();
  const res = await operator.post(`${BASE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode,
    applicant: { name: `Ibu ${name}`, phone: '0812-2700-1234', relation: 'ibu' },
    subject: { nik, name, birthDate: '2020-05-10', sex: 'P' },
    circumstances: { hasBirthCertificate: false, foreign: false },
    details: { kk_number: KK_NUMBER, subject_birth_place: 'Banyumas', father_name: 'Bapak Darsono', mother_name: 'Ibu Sri Wahyuni' },
    handOverChoice: 'home_delivery',
    delivery: { address: 'Jl. Raya Ledug 5, RT 02/RW 01', phone: '0813-2700-9999' },
    specialNeeds: { disabled: true, kinds: ['fisik'], consent: true, note: 'Kursi roda' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json().request as { id: string; ticket: string }), nik, pin: res.json().trackingPin as string };
}

/** A request made ready and given to `courier`; returns its delivery task id. */
async function deliveryFor(name: string, courier: Client, desaCode?: string) {
  const request = await submit(name, desaCode);
  const act = async (action: string, payload: Record<string, unknown> = {}) =>
    expect((await operator.post(`/api/v1/requests/${request.id}/actions`, { action, payload })).statusCode, action).toBe(200);
  await act('verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' });
  await act('record_siak_outcome', { outcomes: [{ document: 'kia', number: request.nik, printed: true }] });
  await act('mark_ready');
  await act('assign_courier', { courierStaffId: courier.user.id });
  const day = (await courier.get(`${BASE}/deliveries/today`)).json() as Json;
  const task = day.tasks.find((x: Json) => x.ticket === request.ticket);
  expect(task).toBeDefined();
  return { request, taskId: task.id as string };
}

async function uploadProof(courier: Client, taskId: string) {
  const { body, contentType } = multipart({ name: 'serah-terima.jpg', type: 'image/jpeg', bytes: photo });
  return courier.send('POST', `/api/v1/deliveries/${taskId}/proof-photo`, body, { 'content-type': contentType });
}

const outboxOf = (requestId: string, kind: string) => t.db.select().from(outbox).where(and(eq(outbox.requestId, requestId), eq(outbox.kind, kind)));
const auditOf = (requestId: string, action: string) => t.db.select().from(auditLog).where(and(eq(auditLog.entityId, requestId), eq(auditLog.action, action)));

beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  operator = await t.signedIn('operator');
  kurir = await t.signedIn('kurir');
  otherKurir = await t.signedIn('kurir');
  admin = await t.signedIn('admin');
  photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8a9a7b' } }).jpeg().toBuffer();
});
afterAll(() => t.close());

describe("the kurir's day", () => {
  it('lists the task with what a delivery needs (address, desa, phone, document) and no NIK', async () => {
    const { request } = await deliveryFor('Ayu Lestari', kurir);
    const day = (await kurir.get(`${BASE}/deliveries/today`)).json() as Json;
    expect(day.date).toBe('2026-11-23');
    const task = day.tasks.find((x: Json) => x.ticket === request.ticket);
    expect(task).toMatchObject({
      state: 'scheduled',
      scheduledFor: '2026-11-23',
      desaCode: '33.02.20.2009',
      subjectName: 'Ayu Lestari',
      applicantName: 'Ibu Ayu Lestari',
      address: 'Jl. Raya Ledug 5, RT 02/RW 01',
      phone: '6281327009999',
      documents: ['kia'],
      failedAttempts: 0,
      maxFailedAttempts: 3,
    });
    expect(typeof task.desaName).toBe('string');
    expect(JSON.stringify(task)).not.toContain(request.nik);
    expect(JSON.stringify(task)).not.toContain(KK_NUMBER);
  });

  it('keeps the order the kurir gives, and refuses an order that leaves a task out', async () => {
    const a = await deliveryFor('Bunga Citra', kurir, '33.02.20.2001');
    const b = await deliveryFor('Cahya Dewi', kurir, '33.02.20.2002');
    const before = ((await kurir.get(`${BASE}/deliveries/today`)).json() as Json).tasks.map((x: Json) => x.id) as string[];
    expect(before.indexOf(a.taskId)).toBeLessThan(before.indexOf(b.taskId));
    const reordered = [b.taskId, ...before.filter((id) => id !== b.taskId)];
    const res = await kurir.send('PUT', `${BASE}/deliveries/route`, { taskIds: reordered });
    expect(res.statusCode, res.body).toBe(200);
    const after = ((await kurir.get(`${BASE}/deliveries/today`)).json() as Json).tasks.map((x: Json) => x.id);
    expect(after).toEqual(reordered);
    const missing = await kurir.send('PUT', `${BASE}/deliveries/route`, { taskIds: reordered.slice(1) });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0]).toMatchObject({ field: 'body.taskIds', code: 'route_mismatch' });
  });
});

describe('on my way, then delivered with proof', () => {
  it('tells the citizen once that the kurir is on the way, in the same transaction as the trip', async () => {
    const { request, taskId } = await deliveryFor('Dewi Sartika', kurir);
    const res = await kurir.post(`/api/v1/deliveries/${taskId}/on-the-way`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'on_the_way', notified: true });
    const again = await kurir.post(`/api/v1/deliveries/${taskId}/on-the-way`);
    expect(again.json()).toMatchObject({ state: 'on_the_way', notified: false });
    const sent = await outboxOf(request.id, 'request.delivery_on_the_way');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.recipient).toBe('6281227001234');
    expect(await auditOf(request.id, 'delivery.on_the_way')).toHaveLength(1);
  });

  it('hands the request over with the photo, receiver, relation, time and (with consent) the position', async () => {
    const { request, taskId } = await deliveryFor('Eka Putri', kurir);
    expect((await kurir.post(`/api/v1/deliveries/${taskId}/on-the-way`)).statusCode).toBe(200);
    const upload = await uploadProof(kurir, taskId);
    expect(upload.statusCode, upload.body).toBe(201);
    const proofFileId = upload.json().file.id as string;
    expect(upload.json().file.documentType).toBe('bukti_serah_terima');

    const base = { proofFileId, receiverName: 'Sri Wahyuni', receiverRelation: 'parent', receivedAt: '2026-11-23T03:00:00Z' };
    const noConsent = await kurir.post(`/api/v1/deliveries/${taskId}/delivered`, { ...base, position: { lat: -7.43, lng: 109.24 } });
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().errors[0]).toMatchObject({ field: 'body.position', code: 'position_without_consent' });

    const res = await kurir.post(`/api/v1/deliveries/${taskId}/delivered`, { ...base, positionConsent: true, position: { lat: -7.43, lng: 109.24, accuracyM: 12 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'delivered', requestState: 'handed_over' });

    const page = (await operator.get(`/api/v1/requests/${request.id}`)).json() as Json;
    expect(page.request.state).toBe('handed_over');
    expect(page.request.handOverRecord).toMatchObject({ method: 'home_delivery', receivedBy: { name: 'Sri Wahyuni', relationship: 'parent' }, proofFileId });
    expect(await outboxOf(request.id, 'request.delivered')).toHaveLength(1);
    const handOver = await auditOf(request.id, 'request.hand_over');
    expect(handOver).toHaveLength(1);
    expect(handOver[0]!.details).toMatchObject({ method: 'home_delivery', relationship: 'parent' });
    expect(JSON.stringify(await auditOf(request.id, 'delivery.delivered'))).not.toContain('Sri Wahyuni');
    const [trip] = await t.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.proofFileId, proofFileId));
    expect(trip).toMatchObject({ outcome: 'delivered', receiverRelation: 'parent', position: { lat: -7.43, lng: 109.24, accuracyM: 12 } });
    expect(trip!.startedAt).not.toBeNull();
    const [proof] = await t.db.select().from(files).where(eq(files.id, proofFileId));
    expect(proof!.purgeAfter?.toISOString()).toBe('2027-02-21T03:00:00.000Z');

    // Done: gone from the day, and no second hand-over.
    const day = (await kurir.get(`${BASE}/deliveries/today`)).json() as Json;
    expect(day.tasks.map((x: Json) => x.id)).not.toContain(taskId);
    expect((await kurir.post(`/api/v1/deliveries/${taskId}/delivered`, base)).statusCode).toBe(409);
  });

  it('refuses "delivered" without a proof photo of its own', async () => {
    const { taskId } = await deliveryFor('Fitri Handayani', kurir);
    const { taskId: othersTask } = await deliveryFor('Gita Lestari', otherKurir);
    const othersProof = (await uploadProof(otherKurir, othersTask)).json().file.id;
    const res = await kurir.post(`/api/v1/deliveries/${taskId}/delivered`, { proofFileId: othersProof, receiverName: 'Sri', receiverRelation: 'parent', receivedAt: '2026-11-23T02:59:00Z' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.proofFileId', code: 'proof_missing' });
  });
});

describe('failed trips', () => {
  it('reschedules to the next working day and tells the citizen; at the limit the document goes back to the office', async () => {
    expect((await admin.send('PUT', `${BASE}/delivery-settings`, { maxFailedAttempts: 2 })).statusCode).toBe(200);
    const { request, taskId } = await deliveryFor('Hana Pertiwi', kurir);
    const other = await kurir.post(`/api/v1/deliveries/${taskId}/failed`, { reason: 'other' });
    expect(other.statusCode).toBe(422);

    const first = await kurir.post(`/api/v1/deliveries/${taskId}/failed`, { reason: 'not_home' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ state: 'scheduled', failedAttempts: 1, nextDate: '2026-11-24' });
    const [rescheduled] = await outboxOf(request.id, 'request.delivery_rescheduled');
    expect(rescheduled!.payload).toMatchObject({ reason: 'not_home', date: '2026-11-24' });
    expect(((await kurir.get(`${BASE}/deliveries/today`)).json() as Json).tasks.map((x: Json) => x.id)).not.toContain(taskId);

    t.clock.set('2026-11-24T02:00:00Z'); // Tuesday 09:00 WIB
    try {
      // A day later the session has ended: the kurir signs in again.
      const morning = t.client();
      expect((await morning.post('/api/v1/auth/login', { username: kurir.user.username, password: TEST_PASSWORD })).statusCode).toBe(200);
      const tomorrowRes = await morning.get(`${BASE}/deliveries/today`);
      expect(tomorrowRes.statusCode, tomorrowRes.body).toBe(200);
      const tomorrow = tomorrowRes.json() as Json;
      expect(tomorrow.tasks.find((x: Json) => x.id === taskId)).toMatchObject({ failedAttempts: 1, maxFailedAttempts: 2 });
      const last = await morning.post(`/api/v1/deliveries/${taskId}/failed`, { reason: 'wrong_address', note: 'Rumah kosong, tetangga tidak kenal' });
      expect(last.statusCode, last.body).toBe(200);
      expect(last.json()).toMatchObject({ state: 'returned_to_office', failedAttempts: 2 });
      const [returned] = await outboxOf(request.id, 'request.delivery_returned');
      expect(String(returned!.payload.address)).not.toBe('');
      expect(await auditOf(request.id, 'delivery.returned_to_office')).toHaveLength(1);
      // The kurir lets go: the request is the counter's again.
      expect((await morning.get(`/api/v1/requests/${request.id}`)).statusCode).toBe(404);
    } finally {
      t.clock.set('2026-11-23T03:00:00Z');
    }
    expect((await admin.send('PUT', `${BASE}/delivery-settings`, { maxFailedAttempts: 3 })).statusCode).toBe(200);
    const page = (await operator.get(`/api/v1/requests/${request.id}`)).json() as Json;
    expect(page.request.state).toBe('ready');
    expect(page.availableActions).toContain('hand_over');

    // Anonymising the request (retention or erasure) blanks the kurir's note; the outcomes stay.
    await anonymiseRequests(t.db, [request.id], t.clock.now());
    const trips = await t.db.select().from(deliveryAttempts).innerJoin(deliveryTasks, eq(deliveryTasks.id, deliveryAttempts.taskId)).where(eq(deliveryTasks.requestId, request.id));
    expect(trips.map((r) => [r.delivery_attempts.outcome, r.delivery_attempts.failureReason, r.delivery_attempts.failureNote]).sort()).toEqual([
      ['failed', 'not_home', null],
      ['failed', 'wrong_address', null],
    ]);
  });
});

describe('the tracking page', () => {
  it('shows the delivery: on the way, then rescheduled after a failed trip with its reason', async () => {
    const { request, taskId } = await deliveryFor('Lestari Wulan', kurir);
    const citizen = t.client('10.9.9.9');
    const tracked = async () => {
      const res = await citizen.post('/api/v1/public/track', { ticket: request.ticket, pin: request.pin });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().request.delivery as Json;
    };
    expect(await tracked()).toMatchObject({ state: 'scheduled', scheduledFor: '2026-11-23', failedAttempts: 0 });
    await kurir.post(`/api/v1/deliveries/${taskId}/on-the-way`);
    expect(await tracked()).toMatchObject({ state: 'on_the_way', onTheWaySince: '2026-11-23T03:00:00.000Z' });
    await kurir.post(`/api/v1/deliveries/${taskId}/failed`, { reason: 'not_home' });
    expect(await tracked()).toEqual({ state: 'scheduled', scheduledFor: '2026-11-24', failedAttempts: 1, lastFailureReason: 'not_home', onTheWaySince: null, deliveredAt: null });
  });
});

describe('a kurir reaches only its own tasks', () => {
  it("answers 404 for another kurir's task and for any other request, and lists only its own", async () => {
    const mine = await deliveryFor('Indah Sari', kurir);
    const theirs = await deliveryFor('Joko Susilo', otherKurir);
    const pickup = await submit('Kartika Dewi');

    const myDay = ((await kurir.get(`${BASE}/deliveries/today`)).json() as Json).tasks.map((x: Json) => x.id);
    expect(myDay).toContain(mine.taskId);
    expect(myDay).not.toContain(theirs.taskId);

    for (const id of [theirs.taskId, theirs.request.id, pickup.id, mine.request.id]) {
      expect((await kurir.post(`/api/v1/deliveries/${id}/on-the-way`)).statusCode, id).toBe(404);
      expect((await kurir.post(`/api/v1/deliveries/${id}/failed`, { reason: 'not_home' })).statusCode, id).toBe(404);
      expect((await kurir.post(`/api/v1/deliveries/${id}/delivered`, { proofFileId: crypto.randomUUID(), receiverName: 'X', receiverRelation: 'other', receivedAt: '2026-11-23T02:59:00Z' })).statusCode, id).toBe(404);
      expect((await uploadProof(kurir, id)).statusCode, id).toBe(404);
    }
    for (const id of [theirs.request.id, pickup.id]) {
      expect((await kurir.get(`/api/v1/requests/${id}`)).statusCode, id).toBe(404);
      expect((await kurir.post(`/api/v1/requests/${id}/actions`, { action: 'hand_over', payload: {} })).statusCode, id).toBe(404);
    }
    // Its own request it reads, and another's task was not touched.
    expect((await kurir.get(`/api/v1/requests/${mine.request.id}`)).statusCode).toBe(200);
    expect(await outboxOf(theirs.request.id, 'request.delivery_on_the_way')).toEqual([]);
    // A reorder that names another kurir's task is refused.
    const withTheirs = [...myDay, theirs.taskId];
    expect((await kurir.send('PUT', `${BASE}/deliveries/route`, { taskIds: withTheirs })).statusCode).toBe(422);
    // Officers do not run a kurir's trips.
    expect((await operator.post(`/api/v1/deliveries/${mine.taskId}/on-the-way`)).statusCode).toBe(403);
  });
});

describe("the officers' list of deliveries", () => {
  it('shows each task with its kurir, its failed trips and reasons, and a task back at the office with what the citizen was told', async () => {
    const res = await operator.get(`${BASE}/deliveries`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Json;
    // Hana Pertiwi's task, the one at the limit (its request was anonymised since: no name to find it by).
    const returned = body.tasks.find((x: Json) => x.state === 'returned_to_office');
    expect(returned).toMatchObject({ state: 'returned_to_office', requestState: 'ready', failedAttempts: 2, courierName: expect.any(String), desaName: expect.any(String) });
    expect(returned.trips.map((trip: Json) => [trip.outcome, trip.failureReason])).toEqual([
      ['failed', 'wrong_address'],
      ['failed', 'not_home'],
    ]);
    const told = returned.notices.find((n: Json) => n.kind === 'request.delivery_returned');
    expect(told.text).toContain(returned.ticket);
    expect(returned.notices.map((n: Json) => n.kind)).toContain('request.delivery_rescheduled');
    // Open tasks first, then the one back at the office, then the delivered ones.
    const order = body.tasks.map((x: Json) => x.state);
    expect(order.indexOf('returned_to_office')).toBeGreaterThan(order.lastIndexOf('scheduled'));
    expect(order.lastIndexOf('returned_to_office')).toBeLessThan(order.indexOf('delivered'));

    const onlyReturned = (await operator.get(`${BASE}/deliveries?state=returned_to_office`)).json() as Json;
    expect(onlyReturned.tasks.every((x: Json) => x.state === 'returned_to_office')).toBe(true);
    expect(onlyReturned.tasks.length).toBeGreaterThan(0);
    expect((await operator.get(`${BASE}/deliveries?state=lost`)).statusCode).toBe(400);
  });

  it('shows a delivered trip with receiver, relation and time, and its proof photo opens through the files route, logged', async () => {
    const body = (await operator.get(`${BASE}/deliveries?state=delivered`)).json() as Json;
    const delivered = body.tasks.find((x: Json) => x.subjectName === 'Eka Putri');
    const [trip] = delivered.trips;
    expect(trip).toMatchObject({ outcome: 'delivered', receiverName: 'Sri Wahyuni', receiverRelation: 'parent', receivedAt: '2026-11-23T03:00:00.000Z', positionRecorded: true, proofPurgedAt: null });
    const photoRes = await operator.get(`/api/v1/files/${trip.proofFileId}/content`);
    expect(photoRes.statusCode).toBe(200);
    expect(photoRes.headers['content-type']).toBe('image/jpeg');
    const views = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, trip.proofFileId), eq(auditLog.action, 'file.viewed')));
    expect(views).toEqual([expect.objectContaining({ actorRole: 'operator', actorId: operator.user.id })]);
  });

  it('is for the officers who hand documents over: not a kurir, not the admin, not another office', async () => {
    expect((await kurir.get(`${BASE}/deliveries`)).statusCode).toBe(403);
    expect((await admin.get(`${BASE}/deliveries`)).statusCode).toBe(403);
    expect((await (await t.signedIn('kasi')).get(`${BASE}/deliveries`)).statusCode).toBe(200);
    await t.addOffice('33.02.21', 'SMB');
    const elsewhere = await t.signedIn('operator', '33.02.21');
    expect((await elsewhere.get(`${BASE}/deliveries`)).statusCode).toBe(403);
  });
});
