/**
 * Pojok baca's figures: the daily visitor tally (a tap per visitor, a correction), the popular
 * books of a period, and a month's figures for the office's report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { readingCornerMonth } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-02T02:00:00Z' }); // Monday 2 November 2026, 09:00 WIB
});
afterAll(() => t.close());

const base = `/api/v1/offices/${DEMO_OFFICE_CODE}/reading-corner`;

describe('visitors, popular books and a month in figures', () => {
  it('counts visitors per day, refuses a day in the future or too long ago, and gives a month’s figures', async () => {
    let operator = await t.signedIn('operator');
    const add = async (title: string, copies: number) => (await operator.post(`${base}/books`, { title, author: 'Penulis', category: 'anak', copies })).json().book.id as string;
    const kancil = await add('Kancil yang Cerdik', 2);
    const malin = await add('Malin Kundang', 1);
    const lend = async (bookId: string, phone: string) => {
      const res = await operator.post(`${base}/loans`, { bookId, borrowerName: 'Pembaca', borrowerPhone: phone });
      expect(res.statusCode).toBe(201);
      return res.json().loan.id as string;
    };
    const giveBack = async (id: string) => expect((await operator.post(`${base}/loans/${id}/return`, {})).statusCode).toBe(200);

    // Visitors: three taps, one taken back (a mis-tap); last Saturday corrected to 4.
    for (let i = 0; i < 3; i++) await operator.post(`${base}/visitors`, { add: 1 });
    expect((await operator.post(`${base}/visitors`, { add: -1 })).json()).toEqual({ day: '2026-11-02', count: 2 });
    expect((await operator.post(`${base}/visitors`, { day: '2026-10-31', set: 4 })).json()).toEqual({ day: '2026-10-31', count: 4 });
    const future = await operator.post(`${base}/visitors`, { day: '2026-11-03', add: 1 });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({ field: 'body.day', code: 'day_future' });
    expect((await operator.post(`${base}/visitors`, { day: '2026-09-30', set: 1 })).json().errors[0]).toMatchObject({ field: 'body.day', code: 'day_too_old' });
    expect((await operator.post(`${base}/visitors`, { add: 1, set: 3 })).statusCode).toBe(400);
    expect((await operator.get(`${base}/visitors?from=2026-10-30&to=2026-11-02`)).json().days).toEqual([
      { day: '2026-10-31', count: 4 },
      { day: '2026-11-02', count: 2 },
    ]);

    const first = await lend(kancil, '081227001001');
    await lend(kancil, '081227001002');
    const malinOut = await lend(malin, '081227001003');

    t.clock.set('2026-11-05T02:00:00Z');
    operator = await t.signedIn('operator');
    await giveBack(first);
    await lend(kancil, '081227001004');

    t.clock.set('2026-11-20T02:00:00Z');
    operator = await t.signedIn('operator');
    await giveBack(malinOut); // due 9 November: late
    await lend(malin, '081227001001');

    t.clock.set('2026-12-01T03:00:00Z'); // December: a new book and visitors do not count for November
    operator = await t.signedIn('operator');
    await add('Buku Desember', 1);
    await operator.post(`${base}/visitors`, { add: 7 });

    const popular = (await operator.get(`${base}/popular?from=2026-11-01&to=2026-11-30`)).json();
    expect(popular.books.map((b: { title: string; loans: number }) => [b.title, b.loans])).toEqual([
      ['Kancil yang Cerdik', 3],
      ['Malin Kundang', 2],
    ]);
    expect((await operator.get(`${base}/popular?from=2026-11-30&to=2026-11-01`)).statusCode).toBe(422);

    const month = {
      month: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      loans: 5,
      borrowers: 4,
      returns: 2,
      lateReturns: 1,
      visitors: 2,
      daysWithVisitors: 1,
      titles: 2,
      copies: 3,
      titlesAdded: 2,
      outstandingAtEnd: 3,
      overdueAtEnd: 3,
    };
    expect(await readingCornerMonth(t.db, DEMO_OFFICE_CODE, '2026-11')).toEqual(month);
    // The regency reads the figures (no names in them), not the loans.
    const regency = await t.signedIn('kabupaten');
    expect((await regency.get(`${base}/months/2026-11`)).json()).toEqual(month);
    expect((await regency.get(`${base}/loans`)).statusCode).toBe(403);
    expect((await regency.post(`${base}/visitors`, { add: 1 })).statusCode).toBe(403);
    expect((await operator.get(`${base}/months/2026-13`)).statusCode).toBe(422);
    expect((await readingCornerMonth(t.db, DEMO_OFFICE_CODE, '2026-10')).visitors).toBe(4);
  });
});
