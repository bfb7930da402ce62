/**
 * The SOP clock (issue 11, item 7): the 5/30/15 minutes time an officer's work on a file, from
 * taking it to acting on it; a file waiting in the queue is judged by the request's working days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T00:30:00Z' }); // Monday 07:30 WIB
});
afterAll(() => t.close());

const queue = `/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify?limit=100`;
type Row = { id: string; clocks: { overall: Record<string, unknown>; step: Record<string, unknown> } };

async function submit(operator: Awaited<ReturnType<TestApp['signedIn']>>, channel = 'walk_in') {
  const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    serviceCode: 'kia_baru',
    channel,
    desaCode: '33.02.20.2001',
    applicant: { name: 'Orang tua', phone: '081300000077', relation: 'ibu' },
    subject: { nik: anotherGirlNik(), name: 'Anak' },
    details: KIA_DETAILS,
  });
  expect(res.statusCode).toBe(201);
  return res.json().request as { id: string };
}

describe('the SOP clock', () => {
  it('a morning backlog is not late by the 5 minutes: untaken files are judged by the working days only', async () => {
    const operator = await t.signedIn('operator');
    const backlog: string[] = [];
    for (let i = 0; i < 4; i++) {
      backlog.push((await submit(operator)).id);
      t.clock.advance(2 * 60_000);
    }
    t.clock.set('2026-11-23T03:00:00Z'); // 10:00 WIB: hours after they came in
    const rows = ((await (await t.signedIn('operator')).get(queue)).json().requests as Row[]).filter((r) => backlog.includes(r.id));
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.clocks.step).toMatchObject({ step: 'verify', state: 'not_taken', takenAt: null, workedMinutes: 0, standardMinutes: 5 });
      // Waiting: 07:30 → 10:00 of a same-day standard that ends at 15:30.
      expect(r.clocks.overall).toMatchObject({ state: 'on_track', standardWorkingDays: 0, pausedMinutes: 0 });
    }
    expect(rows[0]!.clocks.overall).toMatchObject({ elapsedMinutes: 150, budgetMinutes: 480 });
  });

  it('a file taken at 09:00 and verified at 09:07 is late against 5 minutes; the next step waits to be taken', async () => {
    t.clock.set('2026-11-24T01:50:00Z'); // Tuesday 08:50 WIB
    const operator = await t.signedIn('operator');
    const { id } = await submit(operator);
    t.clock.set('2026-11-24T02:00:00Z'); // 09:00: the officer opens the file
    // The regency only reads: that takes nothing.
    expect((await (await t.signedIn('kabupaten')).get(`/api/v1/requests/${id}`)).json().clocks.step.state).toBe('not_taken');
    const opened = (await operator.get(`/api/v1/requests/${id}`)).json();
    expect(opened.clocks.step).toMatchObject({ state: 'on_track', takenAt: '2026-11-24T02:00:00.000Z', workedMinutes: 0 });
    t.clock.set('2026-11-24T02:01:00Z');
    expect((await operator.get(`/api/v1/requests/${id}`)).json().clocks.step.takenAt).toBe('2026-11-24T02:00:00.000Z'); // taken once

    t.clock.set('2026-11-24T02:06:00Z');
    const row = ((await operator.get(queue)).json().requests as Row[]).find((r) => r.id === id)!;
    expect(row.clocks.step).toMatchObject({ state: 'overdue', workedMinutes: 6, remainingMinutes: -1 });

    t.clock.set('2026-11-24T02:07:00Z');
    const verified = await operator.post(`/api/v1/requests/${id}/actions`, { action: 'verify_accept', payload: { overrideReason: 'Dokumen asli diperiksa di loket' } });
    expect(verified.statusCode).toBe(200);
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: id, limit: 10 });
    expect(audit.find((a) => a.action === 'request.work_started')).toMatchObject({ actorType: 'staff', details: { step: 'verify', standardMinutes: 5 } });
    expect(audit.find((a) => a.action === 'request.verify_accept')?.details.work).toEqual({
      step: 'verify',
      takenAt: '2026-11-24T02:00:00.000Z',
      workMinutes: 7,
      standardMinutes: 5,
      late: true,
      pausedMinutes: 0,
    });
    // Step 7 has not been taken: its 30 minutes have not started.
    const kasi = await t.signedIn('kasi');
    const processing = ((await kasi.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/process?limit=100`)).json().requests as Row[]).find((r) => r.id === id)!;
    expect(processing.clocks.step).toMatchObject({ step: 'process', state: 'not_taken', takenAt: null });
  });
});
