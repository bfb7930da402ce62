/**
 * Complaints through the API: numbered and due on the office's calendar, answered once by an
 * officer, the citizen told on WhatsApp or reading the answer with the PIN, and a month's figures.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaints, outbox } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';

let t: TestApp;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp(); // Monday 23 November 2026, 09:00 WIB
  operator = await t.signedIn('operator');
});
afterAll(() => t.close());

const base = `/api/v1/offices/${DEMO_OFFICE_CODE}/complaints`;
const publicBase = `/api/v1/public/offices/${DEMO_OFFICE_CODE}/complaints`;
const KELUHAN = 'Petugas loket meminta uang Rp50.000 untuk mempercepat KIA anak saya.';

describe('a complaint from the portal', () => {
  it('gets an ADU number, an answer due in five working days and a PIN to read the answer with', async () => {
    const res = await t.client('10.0.0.1').post(publicBase, { kind: 'keluhan', body: KELUHAN, requestTicket: 'kbr 26 12', name: 'Ibu Sri' });
    expect(res.statusCode, res.body).toBe(201);
    const { complaint, pin } = res.json() as { complaint: { number: string; dueAt: string; status: string }; pin: string };
    expect(complaint.number).toMatch(/^ADU-[A-Z]{3}-26-0001$/);
    // Five working days after Monday 23 November 09:00 WIB: Monday 30 November, same time.
    expect(complaint.dueAt).toBe('2026-11-30T02:00:00.000Z');
    expect(complaint.status).toBe('open');
    expect(pin).toMatch(/^\d{6}$/);
    const [row] = await t.db.select().from(complaints).where(eq(complaints.number, complaint.number));
    expect(row).toMatchObject({ channel: 'portal', requestTicket: 'KBR-26-000012', name: 'Ibu Sri', phone: null });
    expect(row!.pinHash).not.toContain(pin);

    const lookup = (p: string, ip = '10.0.0.2') => t.client(ip).post(`${publicBase}/lookup`, { number: complaint.number.toLowerCase().replace(/-/g, ' '), pin: p });
    const wrong = await lookup(pin === '111112' ? '111113' : '111112');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().detail).toMatch(/Nomor pengaduan atau PIN tidak cocok/);
    const seen = await lookup(pin);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().complaint).toMatchObject({ number: complaint.number, status: 'open', answer: null });
    expect(JSON.stringify(seen.json())).not.toMatch(/Ibu Sri|answeredBy/);
  });

  it('refuses a message too short to act on, and a request number that is none, beside their fields', async () => {
    const res = await t.client('10.0.0.3').post(publicBase, { kind: 'saran', body: 'jelek', requestTicket: 'bukan nomor' });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['body.body', 'body.requestTicket']);
  });
});

describe('answering', () => {
  it('sends the answer to the WhatsApp number taken at the counter, once, with its audit entry', async () => {
    const taken = await operator.post(base, { kind: 'keluhan', body: 'Antrean di loket KTP-el tidak tertib, banyak yang menyerobot.', phone: '0812-2700-5501' });
    expect(taken.statusCode, taken.body).toBe(201);
    const { complaint, pin } = taken.json() as { complaint: { id: string; number: string; phone: string }; pin?: string };
    expect(complaint.phone).toBe('6281227005501');
    expect(pin).toBeUndefined();

    const open = (await operator.get(`${base}?status=open`)).json().complaints as { id: string }[];
    expect(open.map((c) => c.id)).toContain(complaint.id);

    t.clock.advance(3 * 3_600_000);
    const answer = 'Terima kasih atas laporannya. Mulai besok nomor antrean dibagikan petugas di pintu masuk.';
    const answered = await operator.post(`/api/v1/complaints/${complaint.id}/answer`, { answer });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().complaint).toMatchObject({ status: 'answered', answer });

    const second = await operator.post(`/api/v1/complaints/${complaint.id}/answer`, { answer: 'Jawaban kedua yang tidak boleh tersimpan.' });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe('Pengaduan ini sudah dijawab.');

    const sent = await t.db.select().from(outbox).where(eq(outbox.recipient, '6281227005501'));
    expect(sent.map((m) => m.kind)).toEqual(['complaint.answered']);
    expect(sent[0]!.payload).toMatchObject({ number: complaint.number, answer });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, complaint.id));
    expect(audits.map((a) => a.action)).toEqual(['complaint.received', 'complaint.answered']);
    // What the citizen wrote stays in the complaint, not in the audit log.
    expect(JSON.stringify(audits)).not.toMatch(/menyerobot|2700/);
  });

  it('is refused to a kurir and to another office', async () => {
    const kurir = await t.signedIn('kurir');
    expect((await kurir.get(base)).statusCode).toBe(403);
    await t.addOffice('33.02.19', 'SKR');
    const elsewhere = await t.signedIn('operator', '33.02.19');
    expect((await elsewhere.get(base)).statusCode).toBe(403);
    const [one] = await t.db.select().from(complaints).limit(1);
    expect((await elsewhere.post(`/api/v1/complaints/${one!.id}/answer`, { answer: 'Jawaban dari kantor lain, tidak boleh.' })).statusCode).toBe(403);
  });
});

describe("a month's figures", () => {
  it('count kinds, answers within the time, open and overdue complaints, for the regency too', async () => {
    // Ten days on, the portal complaint is still unanswered and past its due time.
    t.clock.set('2026-12-03T02:00:00Z');
    const kabupaten = await t.signedIn('kabupaten', DEMO_OFFICE_CODE);
    const res = await kabupaten.get(`${base}/figures?period=month&year=2026&n=11`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ from: '2026-11-01', to: '2026-11-30', answerDays: 5, figures: { received: 2, keluhan: 2, saran: 0, answered: 1, answeredOnTime: 1, open: 1, overdue: 1, medianAnswerHours: 3 } });
    expect((await kabupaten.get(base)).statusCode).toBe(403);
  });
});
