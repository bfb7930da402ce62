/**
 * Pojok baca's catalogue over HTTP: a book with a wrong ISBN check digit is refused beside the
 * field, in the caller's language; the same ISBN typed as ISBN-10 or ISBN-13 is one book; the
 * portal's public list shows title, author, category and copies on the shelf, nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.js';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import { testApp, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T02:00:00Z' }); // Monday 09:00 WIB
});
afterAll(() => t.close());

const books = `/api/v1/offices/${DEMO_OFFICE_CODE}/reading-corner/books`;
const laskarPelangi = { title: 'Laskar Pelangi', author: 'Andrea Hirata', isbn: '979-3062-79-7', category: 'cerita', copies: 2, donor: 'SD Negeri 1 Kembaran' };

describe('the reading corner’s catalogue', () => {
  it('refuses an ISBN whose check digit is wrong, beside the field, in Indonesian and in English', async () => {
    const operator = await t.signedIn('operator');
    const res = await operator.post(books, { ...laskarPelangi, isbn: '979-3062-79-8' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = res.json();
    expect(problem.code).toBe('validation');
    expect(problem.errors).toEqual([{ field: 'body.isbn', code: 'isbn_check_digit', message: expect.stringMatching(/angka pemeriksa/) }]);
    const english = await operator.send('POST', books, { ...laskarPelangi, isbn: '9789793062793' }, { 'accept-language': 'en' });
    expect(english.json().errors[0]).toMatchObject({ field: 'body.isbn', code: 'isbn_check_digit', message: expect.stringMatching(/check digit/) });
    expect((await operator.post(books, { ...laskarPelangi, isbn: '12345' })).json().errors[0]).toMatchObject({ field: 'body.isbn', code: 'isbn_format' });
    expect((await operator.get(books)).json().books).toEqual([]);
  });

  it('adds a book by its ISBN-10 and keeps the ISBN-13; the same book by its ISBN-13 is refused as already there', async () => {
    const operator = await t.signedIn('operator');
    const res = await operator.post(books, laskarPelangi);
    expect(res.statusCode).toBe(201);
    const { book } = res.json();
    expect(book).toMatchObject({ title: 'Laskar Pelangi', isbn: '9789793062792', copies: 2, lent: 0, available: 2, donor: 'SD Negeri 1 Kembaran' });
    const again = await operator.post(books, { ...laskarPelangi, isbn: '978-979-3062-79-2' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'body.isbn', code: 'isbn_exists', message: expect.stringContaining('Laskar Pelangi') }]);
    const audit = await listAudit(t.db, { officeCodes: [DEMO_OFFICE_CODE], entityType: 'reading_corner_book', entityId: book.id, limit: 5 });
    expect(audit.map((a) => a.action)).toEqual(['reading_corner.book_added']);
  });

  it('takes a book without an ISBN (an old print, a magazine), and an ISBN-10 ending in X', async () => {
    const kasi = await t.signedIn('kasi');
    expect((await kasi.post(books, { title: 'Trubus edisi Oktober', author: 'Redaksi Trubus', category: 'majalah', copies: 1 })).statusCode).toBe(201);
    const x = await kasi.post(books, { title: 'Contoh ISBN-10 berakhiran X', author: 'Penerbit', isbn: '0-8044-2957-X', category: 'lainnya', copies: 1 });
    expect(x.json().book.isbn).toBe('9780804429573');
  });

  it('lists the books on the portal without a donor or borrower, and searches the console list by title or author', async () => {
    const portal = await t.client().get(`/api/v1/public/offices/${DEMO_OFFICE_CODE}/books`);
    expect(portal.statusCode).toBe(200);
    const listed = portal.json().books as Array<Record<string, unknown>>;
    expect(listed.map((b) => b.title)).toEqual(['Contoh ISBN-10 berakhiran X', 'Laskar Pelangi', 'Trubus edisi Oktober']);
    expect(Object.keys(listed[1]!).sort()).toEqual(['author', 'available', 'category', 'id', 'title']);
    expect(listed[1]).toMatchObject({ author: 'Andrea Hirata', category: 'cerita', available: 2 });
    const operator = await t.signedIn('operator');
    expect((await operator.get(`${books}?q=hirata`)).json().books.map((b: { title: string }) => b.title)).toEqual(['Laskar Pelangi']);
    expect((await t.client().get('/api/v1/public/offices/99.99.99/books')).statusCode).toBe(404);
  });

  it('is kept by the office’s staff, not the kurir or the admin, and not for another office', async () => {
    expect((await (await t.signedIn('kurir')).post(books, laskarPelangi)).statusCode).toBe(403);
    expect((await (await t.signedIn('admin')).get(books)).statusCode).toBe(403);
    await t.addOffice('33.02.21', 'SMB');
    const elsewhere = await t.signedIn('operator', '33.02.21');
    expect((await elsewhere.get(books)).statusCode).toBe(403);
  });
});
