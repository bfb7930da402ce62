/**
 * A batch's deadline on any calendar of holidays and any session day: the batch is due at the
 * close of a working day, exactly N working days after the session's date, and one more day of
 * deadline always moves it later.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeOfWorkingDay, createWorkCalendar, isWorkingDay, localDate, type WeeklySchedule } from '../calendar/calendar.js';
import { addDays } from '../identity/calendar-date.js';
import { batchDueAt } from './jemput-bola.js';

const monThu = [{ open: '07:15', close: '15:30' }];
const BANYUMAS: WeeklySchedule = { 1: monThu, 2: monThu, 3: monThu, 4: monThu, 5: [{ open: '07:15', close: '11:00' }] };
const FIRST = '2026-11-23';
const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays(FIRST, n));
const holidays = fc.uniqueArray(day, { maxLength: 12 });
const days = fc.integer({ min: 1, max: 7 });

function calendarWith(closed: readonly string[]) {
  return createWorkCalendar({ timeZone: 'Asia/Jakarta', schedule: BANYUMAS, closures: closed.map((date) => ({ date, kind: 'libur_nasional' as const, name: 'Libur' })) });
}

describe('a batch’s deadline', () => {
  it('falls at the close of the Nth working day after the session, whatever the holidays', () => {
    fc.assert(
      fc.property(holidays, day, days, (closed, session, n) => {
        const cal = calendarWith(closed);
        const due = batchDueAt(cal, session, n);
        const dueDate = localDate(cal, due);
        expect(isWorkingDay(cal, dueDate)).toBe(true);
        expect(closeOfWorkingDay(cal, due).getTime()).toBe(due.getTime());
        let working = 0;
        for (let d = addDays(session, 1); d <= dueDate; d = addDays(d, 1)) if (isWorkingDay(cal, d)) working++;
        expect(working).toBe(n);
      }),
    );
  });

  it('is later with every further day of deadline', () => {
    fc.assert(
      fc.property(holidays, day, fc.integer({ min: 1, max: 6 }), (closed, session, n) => {
        const cal = calendarWith(closed);
        expect(batchDueAt(cal, session, n + 1).getTime()).toBeGreaterThan(batchDueAt(cal, session, n).getTime());
      }),
    );
  });
});
