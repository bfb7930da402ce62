/**
 * Home visits through the API: planned within office hours with officers and equipment, the
 * guardian told on WhatsApp in the same transaction; done, nobody at home, or rescheduled with a
 * reason to a new time (confirmed again). Only for a request whose applicant asked for a visit.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KK_NUMBER } from '../test-support/requests.js';
import { remindVisitsDue } from './reminders.js';

type Client = Awaited<ReturnType<TestApp['signedIn']>>;

const BASE = `/api/v1/offices/${DEMO_OFFICE_CODE}`;
let t: TestApp;
let operator: Client;
let kasi: Client;

async function submit(accommodations: string[]) {
  const res = await operator.post(`${BASE}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Ibu Sri Wahyuni', phone: '0812-2700-1234', relation: 'ibu' },
    subject: { nik: anotherGirlNik(), name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
    circumstances: { hasBirthCertificate: false, foreign: false },
    details: { kk_number: KK_NUMBER, subject_birth_place: 'Banyumas', father_name: 'Bapak Darsono', mother_name: 'Ibu Sri Wahyuni' },
    specialNeeds: { disabled: true, kinds: ['fisik'], consent: true, accommodations },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().request as { id: string; ticket: string };
}

const messages = (requestId: string, kind: string) => t.db.select().from(outbox).where(and(eq(outbox.requestId, requestId), eq(outbox.kind, kind)));

beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  operator = await t.signedIn('operator');
  kasi = await t.signedIn('kasi');
});
afterAll(() => t.close());

describe('a home visit', () => {
  it('is planned within office hours with officers and equipment, and the guardian is told the day and time', async () => {
    const request = await submit(['home_visit']);
    const plan = { startsAt: '2026-11-24T09:00:00+07:00', durationMinutes: 60, officerIds: [operator.user.id, kasi.user.id], equipment: ['perekam_ktp_el', 'kamera'] };
    const res = await operator.post(`/api/v1/requests/${request.id}/visits`, plan);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().visit).toMatchObject({ startsAt: '2026-11-24T02:00:00.000Z', officerIds: [operator.user.id, kasi.user.id], equipment: ['perekam_ktp_el', 'kamera'], outcome: null });
    const [sent] = await messages(request.id, 'request.visit_scheduled');
    expect(sent!.payload).toMatchObject({ ticket: request.ticket, date: '2026-11-24', time: '09:00', zone: 'WIB' });
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, request.id), eq(auditLog.action, 'visit.scheduled')))).toHaveLength(1);
    const listed = await kasi.get(`/api/v1/requests/${request.id}/visits`);
    expect(listed.json().visits).toHaveLength(1);
  });

  it('refuses a time outside office hours or in the past, an unknown officer, and a request that asked for no visit', async () => {
    const request = await submit(['home_visit']);
    const plan = { durationMinutes: 60, officerIds: [operator.user.id], equipment: [] };
    const evening = await operator.post(`/api/v1/requests/${request.id}/visits`, { ...plan, startsAt: '2026-11-24T15:00:00+07:00' });
    expect(evening.statusCode).toBe(422);
    expect(evening.json().errors[0]).toMatchObject({ field: 'body.startsAt', code: 'outside_office_hours' });
    const saturday = await operator.post(`/api/v1/requests/${request.id}/visits`, { ...plan, startsAt: '2026-11-28T09:00:00+07:00' });
    expect(saturday.json().errors[0].code).toBe('outside_office_hours');
    const past = await operator.post(`/api/v1/requests/${request.id}/visits`, { ...plan, startsAt: '2026-11-23T08:00:00+07:00' });
    expect(past.json().errors[0].code).toBe('in_the_past');
    const stranger = await operator.post(`/api/v1/requests/${request.id}/visits`, { ...plan, officerIds: [crypto.randomUUID()], startsAt: '2026-11-24T09:00:00+07:00' });
    expect(stranger.json().errors[0]).toMatchObject({ field: 'body.officerIds', code: 'officer_unknown' });
    const noVisit = await submit(['priority_counter']);
    expect((await operator.post(`/api/v1/requests/${noVisit.id}/visits`, { ...plan, startsAt: '2026-11-24T09:00:00+07:00' })).statusCode).toBe(409);
    const kurir = await t.signedIn('kurir');
    expect((await kurir.post(`/api/v1/requests/${request.id}/visits`, { ...plan, startsAt: '2026-11-24T09:00:00+07:00' })).statusCode).toBe(403);
  });

  it('is rescheduled with a reason to a new time, then nobody is at home, then done', async () => {
    const request = await submit(['home_visit']);
    const first = (await operator.post(`/api/v1/requests/${request.id}/visits`, { startsAt: '2026-11-24T09:00:00+07:00', durationMinutes: 45, officerIds: [operator.user.id], equipment: ['perekam_ktp_el'] })).json().visit;
    const noReason = await operator.post(`/api/v1/visits/${first.id}/outcome`, { outcome: 'rescheduled', newStartsAt: '2026-11-25T10:00:00+07:00' });
    expect(noReason.json().errors[0].code).toBe('reason_required');
    const moved = await operator.post(`/api/v1/visits/${first.id}/outcome`, { outcome: 'rescheduled', reason: 'Keluarga meminta hari lain', newStartsAt: '2026-11-25T10:00:00+07:00' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().visit).toMatchObject({ outcome: 'rescheduled', outcomeReason: 'Keluarga meminta hari lain' });
    expect(moved.json().next).toMatchObject({ startsAt: '2026-11-25T03:00:00.000Z', durationMinutes: 45, equipment: ['perekam_ktp_el'], outcome: null });
    expect((await messages(request.id, 'request.visit_rescheduled'))[0]!.payload).toMatchObject({ date: '2026-11-25', time: '10:00' });
    expect((await operator.post(`/api/v1/visits/${first.id}/outcome`, { outcome: 'done' })).statusCode).toBe(409);

    const second = moved.json().next.id;
    expect((await operator.post(`/api/v1/visits/${second}/outcome`, { outcome: 'not_home' })).statusCode).toBe(200);
    expect(await messages(request.id, 'request.visit_not_home')).toHaveLength(1);
    const third = (await operator.post(`/api/v1/requests/${request.id}/visits`, { startsAt: '2026-11-26T09:00:00+07:00', durationMinutes: 45, officerIds: [operator.user.id], equipment: [] })).json().visit;
    const done = await kasi.post(`/api/v1/visits/${third.id}/outcome`, { outcome: 'done' });
    expect(done.json().visit.outcome).toBe('done');
    const outcomes = (await kasi.get(`/api/v1/requests/${request.id}/visits`)).json().visits.map((v: { outcome: string }) => v.outcome);
    expect(outcomes).toEqual(['rescheduled', 'not_home', 'done']);
  });
});

describe('the reminder the day before', () => {
  it('goes once to the guardian of a visit planned for tomorrow, not for later visits, not at night', async () => {
    const tomorrow = await submit(['home_visit']);
    const later = await submit(['home_visit']);
    const plan = { durationMinutes: 60, officerIds: [operator.user.id], equipment: [] };
    expect((await operator.post(`/api/v1/requests/${tomorrow.id}/visits`, { ...plan, startsAt: '2026-11-24T13:00:00+07:00' })).statusCode).toBe(201);
    expect((await operator.post(`/api/v1/requests/${later.id}/visits`, { ...plan, startsAt: '2026-11-25T13:00:00+07:00' })).statusCode).toBe(201);
    const deps = { db: t.db, clock: t.clock };
    t.clock.set('2026-11-23T00:30:00Z'); // 07:30 WIB: too early to write
    try {
      await remindVisitsDue(deps);
      expect(await messages(tomorrow.id, 'request.visit_reminder')).toEqual([]);
      t.clock.set('2026-11-23T03:00:00Z');
      await remindVisitsDue(deps);
      await remindVisitsDue(deps);
      const [reminder, ...more] = await messages(tomorrow.id, 'request.visit_reminder');
      expect(more).toEqual([]);
      expect(reminder!.payload).toMatchObject({ ticket: tomorrow.ticket, date: '2026-11-24', time: '13:00', zone: 'WIB' });
      expect(await messages(later.id, 'request.visit_reminder')).toEqual([]);
    } finally {
      t.clock.set('2026-11-23T03:00:00Z');
    }
  });
});
