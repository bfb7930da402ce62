/** Overdue requests are flagged escalated, audited as the system's act, and climb from kasi to camat. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { anotherGirlNik, KIA_DETAILS } from '../test-support/requests.js';
import { escalateOverdueRequests } from './escalation.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
});
afterAll(() => t.close());

describe('SLA escalation', () => {
  it('flags a request once it is overdue, shows it to the kasi, then to the camat a working day later', async () => {
    const operator = await t.signedIn('operator');
    const { request } = (
      await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
        serviceCode: 'kia_baru',
        channel: 'walk_in', // same day: due Monday 15:30 WIB
        desaCode: '33.02.20.2005',
        applicant: { name: 'Nur', phone: '081234599999', relation: 'ibu' },
        subject: { nik: anotherGirlNik(), name: 'Fajar' },
        details: KIA_DETAILS,
      })
    ).json();
    // A fresh sign-in each time: the test's clock jumps further than a session lives.
    const escalatedQueue = async () => (await (await t.signedIn('kasi')).get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/escalated`)).json().requests;

    expect(await escalateOverdueRequests({ db: t.db, clock: t.clock })).toBe(0);
    t.clock.set('2026-11-23T08:31:00Z'); // Monday 15:31 WIB: one minute overdue
    expect(await escalateOverdueRequests({ db: t.db, clock: t.clock })).toBe(1);
    expect(await escalateOverdueRequests({ db: t.db, clock: t.clock })).toBe(0); // once only
    let queue = await escalatedQueue();
    expect(queue.map((r: { id: string }) => r.id)).toEqual([request.id]);
    expect(queue[0].clocks.overall).toMatchObject({ state: 'overdue', escalatedTo: 'kasi' });

    t.clock.set('2026-11-24T08:31:00Z'); // Tuesday 15:31 WIB: a working day later
    queue = await escalatedQueue();
    expect(queue[0].clocks.overall.escalatedTo).toBe('camat');

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', entityId: request.id, limit: 10 });
    expect(audit[0]).toMatchObject({ action: 'request.flag_set', actorType: 'system', details: { flag: 'escalated', escalatedTo: 'kasi' } });
  });
});
