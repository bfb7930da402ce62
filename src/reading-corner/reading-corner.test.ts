import { describe, expect, it } from 'vitest';
import { isbn10CheckDigit, isbn13CheckDigit, isOverdue, loanDueDate, monthSpan, parseIsbn, reminderHourAllowed } from './reading-corner.js';

describe('reading an ISBN', () => {
  it.each([
    // Laskar Pelangi (Andrea Hirata, Bentang Pustaka 2005)
    ['979-3062-79-7', '9789793062792', '9793062797'],
    ['978-979-3062-79-2', '9789793062792', '9793062797'],
    // Bumi Manusia (Pramoedya Ananta Toer, Lentera Dipantara)
    ['979-97312-3-2', '9789799731234', '9799731232'],
    // The example of ISO 2108 and every textbook: 0-306-40615-2 / 978-0-306-40615-7
    ['0-306-40615-2', '9780306406157', '0306406152'],
    ['ISBN 978-0-306-40615-7', '9780306406157', '0306406152'],
    ['ISBN-13: 978 0 306 40615 7', '9780306406157', '0306406152'],
  ])('%s is valid, kept as %s', (typed, isbn13, isbn10) => {
    expect(parseIsbn(typed)).toMatchObject({ ok: true, isbn13, isbn10 });
  });

  it('reads an ISBN-10 whose check digit is X (10), in either case', () => {
    expect(parseIsbn('0-8044-2957-X')).toEqual({ ok: true, isbn13: '9780804429573', isbn10: '080442957X', typed: 'isbn10' });
    expect(parseIsbn('0-8044-2957-x')).toMatchObject({ ok: true, isbn10: '080442957X' });
    expect(isbn10CheckDigit('080442957')).toBe('X');
  });

  it.each([
    ['979-3062-79-8', 'an ISBN-10 one off'],
    ['979-3062-79-X', 'X where 7 belongs'],
    ['0-306-40615-3', 'the ISO example with a wrong check'],
    ['978-979-3062-79-3', 'an ISBN-13 one off'],
    ['978-0-306-40615-2', 'the ISBN-10 check digit put on the ISBN-13'],
    ['979-3602-79-7', 'two digits swapped (the mistake the check digit exists for)'],
  ])('refuses %s: %s', (typed) => {
    expect(parseIsbn(typed)).toEqual({ ok: false, problem: 'isbn_check_digit' });
  });

  it.each(['', '12345', '97930627977', 'X793062797', '1234567890123', '978-0-306-4061A-7', '978030640615X'])('refuses %j as no ISBN at all', (typed) => {
    expect(parseIsbn(typed)).toEqual({ ok: false, problem: 'isbn_format' });
  });

  it('an ISBN-13 with the 979 prefix outside 979-10…979-12 has no ISBN-10', () => {
    const body = '979103230569';
    const reading = parseIsbn(body + isbn13CheckDigit(body));
    expect(reading).toMatchObject({ ok: true, isbn10: undefined, typed: 'isbn13' });
  });
});

describe('a loan’s due date', () => {
  const weekdays = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  it('is seven calendar days later when the office is open that day', () => {
    expect(loanDueDate('2026-11-23', 7, weekdays)).toBe('2026-11-30'); // Monday → Monday
  });
  it('moves to the next open day when it falls on a closed one', () => {
    expect(loanDueDate('2026-11-26', 2, weekdays)).toBe('2026-11-30'); // Thursday + 2 = Saturday → Monday
    const holiday = (date: string) => weekdays(date) && date !== '2026-12-25';
    expect(loanDueDate('2026-12-18', 7, holiday)).toBe('2026-12-28'); // Friday + 7 = Christmas, then the weekend
  });
  it('is overdue from the day after', () => {
    expect(isOverdue('2026-11-30', '2026-11-30')).toBe(false);
    expect(isOverdue('2026-11-30', '2026-12-01')).toBe(true);
  });
});

describe('reminders and months', () => {
  it('go out in the day only', () => {
    expect([7, 8, 12, 17, 18, 23, 2].map(reminderHourAllowed)).toEqual([false, true, true, true, false, false, false]);
  });
  it('a month is its first and last date, February in a leap year too', () => {
    expect(monthSpan('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthSpan('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthSpan('2026-13')).toBeUndefined();
    expect(monthSpan('2026-1')).toBeUndefined();
  });
});
