/**
 * "kecuali jika terjadi kendala sistem" (issue 11, item 8): a kasi records a SIAK outage, the
 * clocks of the office's requests stop inside it, and the listing and the request page show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { escalateOverdueRequests } from '../requests/escalation.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' }); // Monday 09:00 WIB
});
afterAll(() => t.close());

const outages = `/api/v1/offices/${DEMO_OFFICE_CODE}/outages`;

async function submit(channel: string) {
  const operator = await t.signedIn('operator');
  const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    serviceCode: 'kia_baru',
    channel,
    desaCode: '33.02.20.2001',
    applicant: { name: 'Orang tua', phone: '081300000088', relation: 'ayah' },
    subject: { nik: anotherGirlNik(), name: 'Anak' },
    details: KIA_DETAILS,
  });
  expect(res.statusCode).toBe(201);
  return res.json().request as { id: string; dueAt: string };
}

describe('outages', () => {
  it('a SIAK outage from 10:00 to 12:00 pauses a request’s waiting clock by 2 working hours, shown on the request and in the listing', async () => {
    const request = await submit('whatsapp'); // Monday 09:00, 1 working day: due Tuesday 09:00
    expect(request.dueAt).toBe('2026-11-24T02:00:00.000Z');

    t.clock.set('2026-11-23T03:00:00Z'); // 10:00: SIAK goes down
    const kasi = await t.signedIn('kasi');
    const recorded = await kasi.post(outages, { kind: 'siak', startsAt: '2026-11-23T10:00:00+07:00', reason: 'SIAK pusat tidak bisa diakses' });
    expect(recorded.statusCode).toBe(201);
    const { outage } = recorded.json();
    expect(outage).toMatchObject({ kind: 'siak', endsAt: null });

    t.clock.set('2026-11-23T04:00:00Z'); // 11:00, still down: the clock stands still
    const operator = await t.signedIn('operator');
    let clocks = (await (await t.signedIn('kabupaten')).get(`/api/v1/requests/${request.id}`)).json().clocks;
    expect(clocks.overall).toMatchObject({ elapsedMinutes: 60, pausedMinutes: 60 });

    t.clock.set('2026-11-23T05:00:00Z'); // 12:00: back up
    expect((await kasi.post(`${outages}/${outage.id}/end`, {})).statusCode).toBe(200);
    expect((await kasi.post(`${outages}/${outage.id}/end`, {})).statusCode).toBe(409);

    t.clock.set('2026-11-23T06:00:00Z'); // 13:00
    const detail = (await (await t.signedIn('kabupaten')).get(`/api/v1/requests/${request.id}`)).json();
    clocks = detail.clocks;
    expect(clocks.overall).toMatchObject({ elapsedMinutes: 120, pausedMinutes: 120, due: '2026-11-24T04:00:00.000Z' }); // Tuesday 11:00
    expect(detail.pauses).toEqual([{ kind: 'siak', kindLabel: { id: 'SIAK', en: 'SIAK' }, startsAt: '2026-11-23T03:00:00.000Z', endsAt: '2026-11-23T05:00:00.000Z', minutes: 120 }]);

    const listing = (await operator.get(outages)).json();
    expect(listing.outages).toEqual([
      expect.objectContaining({ id: outage.id, kind: 'siak', startsAt: '2026-11-23T03:00:00.000Z', endsAt: '2026-11-23T05:00:00.000Z', reason: 'SIAK pusat tidak bisa diakses', requestsPaused: 1 }),
    ]);
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'outage', entityId: outage.id, limit: 10 });
    expect(audit.map((a) => a.action).sort()).toEqual(['outage.ended', 'outage.recorded']);
    expect(JSON.stringify(audit)).not.toContain('SIAK pusat'); // the free text stays in the outage record
  });

  it('an overdue request is not escalated while the outage holds its clock', async () => {
    t.clock.set('2026-11-24T02:00:00Z'); // Tuesday 09:00
    const request = await submit('walk_in'); // same day: due 15:30
    t.clock.set('2026-11-24T08:00:00Z'); // 15:00
    const kasi = await t.signedIn('kasi');
    expect((await kasi.post(outages, { kind: 'jaringan', startsAt: '2026-11-24T14:00:00+07:00', endsAt: '2026-11-24T15:00:00+07:00', reason: 'Jaringan internet putus' })).statusCode).toBe(201);
    const escalatedYet = async () =>
      (await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: request.id, limit: 10 })).some((a) => a.action === 'request.flag_set');
    t.clock.set('2026-11-24T08:31:00Z'); // 15:31: past 15:30, but an hour was paused
    await escalateOverdueRequests({ db: t.db, clock: t.clock });
    expect(await escalatedYet()).toBe(false);
    t.clock.set('2026-11-25T01:16:00Z'); // Wednesday 08:16: the paused hour has run out too
    await escalateOverdueRequests({ db: t.db, clock: t.clock });
    expect(await escalatedYet()).toBe(true);
  });

  it('is recorded by the kasi, sekcam or camat only, after it happened, ending after it began', async () => {
    t.clock.set('2026-11-25T03:00:00Z');
    const body = { kind: 'listrik', startsAt: '2026-11-25T09:00:00+07:00', endsAt: '2026-11-25T09:30:00+07:00', reason: 'Listrik padam' };
    expect((await (await t.signedIn('operator')).post(outages, body)).statusCode).toBe(403);
    const camat = await t.signedIn('camat');
    expect((await camat.post(outages, { ...body, endsAt: '2026-11-25T11:00:00+07:00' })).json().code).toBe('validation'); // in the future
    expect((await camat.post(outages, { ...body, endsAt: '2026-11-25T08:00:00+07:00' })).statusCode).toBe(422);
    expect((await camat.post(outages, { ...body, kind: 'banjir' })).statusCode).toBe(400);
    expect((await camat.post(outages, body)).statusCode).toBe(201);
  });
});
