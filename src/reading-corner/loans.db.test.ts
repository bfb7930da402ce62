/**
 * Pojok baca's loans: lent against a name and a WhatsApp number, due a week later on an open day,
 * never more copies out than the shelf holds (even when officers lend at the same moment),
 * returned once; an overdue loan gets exactly one WhatsApp reminder, as the template outside the
 * 24-hour window, and only in the day.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { outbox, readingCornerLoans } from '../db/schema.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, TEST_WHATSAPP_ENV, type TestApp } from '../test-support/app.js';
import { startGraphStandIn } from '../whatsapp/simulator/graph-standin.js';
import { forgetReturnedBorrowers, sendOverdueReminders } from './service.js';

let t: TestApp;
let graph: Awaited<ReturnType<typeof startGraphStandIn>>;
let operator: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' }); // Monday 23 November 2026, 09:00 WIB
  graph = await startGraphStandIn({ accessToken: TEST_WHATSAPP_ENV.WHATSAPP_ACCESS_TOKEN, now: () => t.clock.now() });
  t.whatsapp.setGraphUrl(graph.url);
  operator = await t.signedIn('operator');
});
afterAll(async () => {
  await graph.close();
  await t.close();
});

const base = `/api/v1/offices/${DEMO_OFFICE_CODE}/reading-corner`;
let isbnSeq = 0;
async function addBook(title: string, copies: number) {
  // ISBN-less books: the catalogue's ISBN rules are tested in catalogue.db.test.ts.
  const res = await operator.post(`${base}/books`, { title, author: `Penulis ${++isbnSeq}`, category: 'anak', copies });
  expect(res.statusCode).toBe(201);
  return res.json().book as { id: string };
}
const lend = (bookId: string, phone: string, extra: Record<string, unknown> = {}) => operator.post(`${base}/loans`, { bookId, borrowerName: 'Siti Aminah', borrowerPhone: phone, ...extra });
const remindersTo = (waId: string) => t.db.select().from(outbox).where(eq(outbox.recipient, waId));

describe('lending and returning', () => {
  it('lends a copy due seven days later, counts it as lent, and takes it back once', async () => {
    const book = await addBook('Si Kancil dan Buaya', 1);
    const res = await lend(book.id, '0812-2700-1111');
    expect(res.statusCode).toBe(201);
    const { loan } = res.json();
    expect(loan).toMatchObject({ title: 'Si Kancil dan Buaya', borrowerName: 'Siti Aminah', borrowerPhone: '081227001111', loanedOn: '2026-11-23', dueOn: '2026-11-30', overdue: false, returnedAt: null });
    expect(res.json().book).toMatchObject({ lent: 1, available: 0 });

    const out = await lend(book.id, '081227002222');
    expect(out.statusCode).toBe(409);
    expect(out.json().detail).toMatch(/Semua eksemplar "Si Kancil dan Buaya" sedang dipinjam/);
    expect((await operator.get(`${base}/loans`)).json().loans.map((l: { id: string }) => l.id)).toContain(loan.id);

    const back = await operator.post(`${base}/loans/${loan.id}/return`, {});
    expect(back.statusCode).toBe(200);
    expect(back.json().loan.returnedAt).toBe('2026-11-23T02:00:00.000Z');
    expect((await operator.post(`${base}/loans/${loan.id}/return`, {})).statusCode).toBe(409);
    expect((await lend(book.id, '081227002222')).statusCode).toBe(201);

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'reading_corner_loan', entityId: loan.id, limit: 5 });
    expect(audit.map((a) => a.action).sort()).toEqual(['reading_corner.book_lent', 'reading_corner.book_returned']);
    expect(JSON.stringify(audit)).not.toMatch(/Siti|6281227001111/); // the borrower stays in the loan
  });

  it('refuses a number that is no Indonesian mobile beside the field, and moves a due date off a closed day', async () => {
    const book = await addBook('Ensiklopedia Hewan', 3);
    const bad = await lend(book.id, '0274-123456');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ field: 'body.borrowerPhone', code: 'phone_invalid', message: expect.stringMatching(/0812 2700 1234/) }]);
    const fiveDays = await lend(book.id, '+62 812 2700 3333', { days: 5 }); // Monday + 5 = Saturday → Monday
    expect(fiveDays.json().loan.dueOn).toBe('2026-11-30');
    expect(fiveDays.json().loan.borrowerPhone).toBe('081227003333');
  });

  it('never lends more copies than the shelf holds, whatever lends at the same moment', async () => {
    const book = await addBook('Laskar Pelangi untuk Anak', 2);
    const officers = await Promise.all([t.signedIn('operator'), t.signedIn('kasi'), t.signedIn('sekcam'), t.signedIn('camat'), t.signedIn('operator')]);
    const results = await Promise.all(officers.map((o, i) => o.post(`${base}/loans`, { bookId: book.id, borrowerName: `Peminjam ${i}`, borrowerPhone: `08122700400${i}` })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 409, 409, 409]);
    const listed = (await operator.get(`${base}/books`)).json().books.find((b: { id: string }) => b.id === book.id);
    expect(listed).toMatchObject({ copies: 2, lent: 2, available: 0 });
    // Nor can the copies be lowered under what is out.
    const fewer = await operator.send('PUT', `${base}/books/${book.id}`, { title: 'Laskar Pelangi untuk Anak', author: 'Penulis', category: 'anak', copies: 1 });
    expect(fewer.statusCode).toBe(409);
    expect(fewer.json().errors[0]).toMatchObject({ field: 'body.copies', code: 'copies_below_lent' });
  });
});

describe('overdue reminders', () => {
  it('sends one WhatsApp reminder per overdue loan, as the template outside the window, in the day only', async () => {
    t.clock.set('2026-11-23T02:00:00Z');
    const book = await addBook('Bawang Merah Bawang Putih', 2);
    const late = (await lend(book.id, '081227005555')).json().loan;
    const returned = (await lend(book.id, '081227006666')).json().loan;
    expect(late.dueOn).toBe('2026-11-30');

    t.clock.set('2026-11-30T09:00:00Z'); // the due date itself, 16:00 WIB: not overdue yet
    operator = await t.signedIn('operator'); // a week on: a new session
    expect((await operator.post(`${base}/loans/${returned.id}/return`, {})).statusCode).toBe(200);
    expect(await sendOverdueReminders({ db: t.db, clock: t.clock })).toEqual({ queued: 0 });

    t.clock.set('2026-11-30T18:00:00Z'); // Tuesday 01:00 WIB: overdue, but nobody is messaged at night
    expect(await sendOverdueReminders({ db: t.db, clock: t.clock })).toEqual({ queued: 0 });

    t.clock.set('2026-12-01T02:00:00Z'); // Tuesday 09:00 WIB
    const first = await sendOverdueReminders({ db: t.db, clock: t.clock });
    expect(first.queued).toBeGreaterThanOrEqual(1);
    expect(await sendOverdueReminders({ db: t.db, clock: t.clock })).toEqual({ queued: 0 });
    t.clock.set('2026-12-02T02:00:00Z');
    expect(await sendOverdueReminders({ db: t.db, clock: t.clock })).toEqual({ queued: 0 });

    expect(await remindersTo('6281227006666')).toEqual([]); // returned in time
    const rows = await remindersTo('6281227005555');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'reading_corner.overdue', payload: { title: 'Bawang Merah Bawang Putih', dueOn: '2026-11-30' } });
    operator = await t.signedIn('operator');
    const loans = (await operator.get(`${base}/loans`)).json().loans;
    expect(loans.find((l: { id: string }) => l.id === late.id)).toMatchObject({ overdue: true, remindedAt: '2026-12-01T02:00:00.000Z' });

    await t.whatsapp.drain();
    const [sent] = graph.sentTo('6281227005555');
    expect(sent!.body).toMatchObject({ type: 'template', template: { name: 'kencot_pengingat_buku', language: { code: 'id' } } });
    const params = (sent!.body as { template: { components: Array<{ parameters: Array<{ text: string }> }> } }).template.components[0]!.parameters.map((p) => p.text);
    expect(params).toEqual(['Siti Aminah', 'Bawang Merah Bawang Putih', '30 November 2026', 'Kecamatan Kembaran']);

    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'reading_corner_loan', entityId: late.id, limit: 5 });
    expect(audit.map((a) => a.action).sort()).toEqual(['reading_corner.book_lent', 'reading_corner.reminder_queued']);
  });

  it('two rounds at the same moment queue the reminder once', async () => {
    t.clock.set('2026-12-02T02:00:00Z');
    operator = await t.signedIn('operator');
    const book = await addBook('Timun Mas', 1);
    const loan = (await lend(book.id, '081227007777', { days: 1 })).json().loan;
    t.clock.set(`${loan.dueOn}T02:00:00Z`);
    t.clock.advance(24 * 3600_000);
    const rounds = await Promise.all([sendOverdueReminders({ db: t.db, clock: t.clock }), sendOverdueReminders({ db: t.db, clock: t.clock })]);
    expect(rounds.reduce((n, r) => n + r.queued, 0)).toBe(1);
    expect(await remindersTo('6281227007777')).toHaveLength(1);
  });
});

describe('the borrower’s name and number (UU PDP)', () => {
  it('are blanked 90 days after the return, the loan kept for the figures; a book still out keeps its borrower', async () => {
    t.clock.set('2027-01-04T02:00:00Z');
    operator = await t.signedIn('operator');
    const book = await addBook('Cerita Rakyat Banyumas', 2);
    const back = (await lend(book.id, '081227008888')).json().loan;
    const out = (await lend(book.id, '081227009999')).json().loan;
    expect((await operator.post(`${base}/loans/${back.id}/return`, {})).statusCode).toBe(200);
    const row = async (id: string) => (await t.db.select().from(readingCornerLoans).where(eq(readingCornerLoans.id, id)))[0]!;

    t.clock.set('2027-04-04T02:00:00Z'); // 90 days after the return: still kept
    await forgetReturnedBorrowers({ db: t.db, clock: t.clock });
    expect(await row(back.id)).toMatchObject({ borrowerName: 'Siti Aminah', borrowerForgottenAt: null });

    t.clock.set('2027-04-05T02:00:00Z');
    const { forgotten } = await forgetReturnedBorrowers({ db: t.db, clock: t.clock });
    expect(forgotten).toBeGreaterThanOrEqual(1);
    expect(await row(back.id)).toMatchObject({ borrowerName: '', borrowerPhone: '', returnedOn: '2027-01-04', borrowerForgottenAt: new Date('2027-04-05T02:00:00Z') });
    expect(await row(out.id)).toMatchObject({ borrowerName: 'Siti Aminah', borrowerPhone: '6281227009999' });
    expect(await forgetReturnedBorrowers({ db: t.db, clock: t.clock })).toEqual({ forgotten: 0 });
  });
});
