/** Work queues with SLA clocks, and search, through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { KIA_DETAILS } from '../test-support/requests.js';
import { searchKeyOf } from './queue.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T03:00:00Z' }); // Monday 10:00 WIB
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

const submit = async (name: string, nik: string, phone: string, channel = 'walk_in') => {
  const res = await operator.post(`/api/v1/offices/${DEMO_OFFICE_CODE}/requests`, {
    serviceCode: 'kia_baru',
    channel,
    desaCode: '33.02.20.2001',
    applicant: { name: `Orang tua ${name}`, phone, relation: 'ayah' },
    subject: { nik, name },
    details: KIA_DETAILS,
  });
  expect(res.statusCode).toBe(201);
  return res.json().request as { id: string; ticket: string };
};

describe('the verify queue', () => {
  // Issue 11: the 5 minutes run from when an officer takes the file (opens it to verify), not from
  // when it entered the queue; before that the step clock says "not taken".
  it('lists requests most urgent first, with step clocks that turn amber and then overdue once taken, in text not colour', async () => {
    const online = await submit('Bima', '3302201003190002', '081300000001', 'whatsapp'); // due Tuesday
    t.clock.advance(60_000);
    const counter = await submit('Citra', '3302205104180003', '081300000002'); // due today 15:30
    const page = (await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify`)).json();
    expect(page.requests.map((r: { id: string }) => r.id)).toEqual([counter.id, online.id]);
    expect(page.requests[0].clocks.step).toMatchObject({ step: 'verify', state: 'not_taken', remainingMinutes: 5, takenAt: null });

    expect((await operator.get(`/api/v1/requests/${counter.id}`)).statusCode).toBe(200); // taken now
    t.clock.advance(4 * 60_000); // 1 of 5 minutes left on the counter request
    let first = (await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify`)).json().requests[0];
    expect(first.clocks.step).toMatchObject({ state: 'amber', remainingMinutes: 1 });
    t.clock.advance(2 * 60_000);
    first = (await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify`)).json().requests[0];
    expect(first.clocks.step.state).toBe('overdue');
    expect(first.clocks.overall.state).toBe('on_track');

    const filtered = (await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify?channel=whatsapp`)).json();
    expect(filtered.requests.map((r: { id: string }) => r.id)).toEqual([online.id]);

    const firstPage = (await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify?limit=1`)).json();
    const { afterDue, afterSubmitted, afterId } = firstPage.next;
    const second = (await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify?limit=1&afterDue=${afterDue}&afterSubmitted=${afterSubmitted}&afterId=${afterId}`)).json();
    expect([...firstPage.requests, ...second.requests].map((r: { id: string }) => r.id)).toEqual([counter.id, online.id]);
  });

  it('is not for the admin, nor for staff of another office', async () => {
    await t.addOffice('33.02.21', 'SMB');
    expect((await (await t.signedIn('admin')).get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify`)).statusCode).toBe(403);
    expect((await (await t.signedIn('operator', '33.02.21')).get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify`)).statusCode).toBe(403);
  });
});

describe('search', () => {
  it('reads a ticket, a NIK, a phone number or a name', () => {
    expect(searchKeyOf('kbr 26 000012')).toEqual({ kind: 'ticket', ticket: 'KBR-26-000012' });
    expect(searchKeyOf('3302 2010 0319 0002')).toEqual({ kind: 'nik', nik: '3302201003190002' });
    expect(searchKeyOf('0813-0000-0009')).toEqual({ kind: 'phone', phone: '6281300000009' });
    expect(searchKeyOf('  dewi ')).toEqual({ kind: 'name', text: 'dewi' });
  });

  it('finds a request by each, audits the search without the searched NIK, and reaches across the regency for the kabupaten', async () => {
    const dewi = await submit('Dewi Anggraini', '3302204506170004', '081300000009');
    const base = `/api/v1/offices/${DEMO_OFFICE_CODE}/requests?q=`;
    for (const q of [dewi.ticket.toLowerCase(), '3302204506170004', '+62 813 0000 0009', 'anggraini']) {
      const found = (await operator.get(`${base}${encodeURIComponent(q)}`)).json().requests;
      expect(found.map((r: { id: string }) => r.id), q).toEqual([dewi.id]);
    }
    const searches = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'request', limit: 50 });
    expect(searches.filter((a) => a.action === 'request.searched').map((a) => a.details.keyKind)).toEqual(
      expect.arrayContaining(['ticket', 'nik', 'phone', 'name']),
    );
    expect(JSON.stringify(searches)).not.toContain('3302204506170004');

    const regency = await t.signedIn('kabupaten');
    const wide = (await regency.get(`/api/v1/offices/regency/requests?q=3302204506170004`)).json().requests;
    expect(wide.map((r: { id: string }) => r.id)).toEqual([dewi.id]);
  });
});

describe('ties in the queue (issue 11)', () => {
  it('lists requests due at the same moment in arrival order, across pages too', async () => {
    // Walk-ins of one morning are all due at today's close: the queue is the order people came in.
    const niks = ['3302204101200011', '3302204101200012', '3302204101200013', '3302204101200014', '3302204101200015', '3302204101200016'];
    const came: string[] = [];
    for (const [i, nik] of niks.entries()) {
      came.push((await submit(`Anak ${i}`, nik, `08130000010${i}`)).id);
      t.clock.advance(30_000);
    }
    const all = (await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify?limit=100`)).json().requests.map((r: { id: string }) => r.id);
    expect(all.filter((id: string) => came.includes(id))).toEqual(came);
    const paged: string[] = [];
    let next = '';
    for (let page = 0; page < 20; page++) {
      const res = (await operator.get(`/api/v1/offices/${DEMO_OFFICE_CODE}/queues/verify?limit=2${next}`)).json();
      paged.push(...res.requests.map((r: { id: string }) => r.id));
      if (!res.next) break;
      next = `&afterDue=${res.next.afterDue}&afterSubmitted=${res.next.afterSubmitted}&afterId=${res.next.afterId}`;
    }
    expect(paged).toEqual(all);
  });
});
