/**
 * Working days on arbitrary office calendars: random weekly hours (with breaks, Friday-like short
 * days, six-day weeks), random closures, any arrival instant. Adding n working days and counting the
 * working days back from the due date gives n; the due time falls inside the office's hours.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../identity/calendar-date.js';
import {
  addWorkingDays,
  createWorkCalendar,
  isWorkingDay,
  localDate,
  openingIntervalsOn,
  workingMinutesBetween,
  type Closure,
  type IsoWeekday,
  type OpeningInterval,
  type WeeklySchedule,
  type WorkCalendar,
} from './calendar.js';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** One day's hours: one interval, or two with a break, between 06:00 and 18:00 in 15-minute steps. */
const dayHours: fc.Arbitrary<OpeningInterval[]> = fc
  .uniqueArray(fc.integer({ min: 24, max: 72 }), { minLength: 2, maxLength: 4 })
  .map((quarters) => quarters.sort((a, b) => a - b).map((q) => q * 15))
  .map((cuts) => {
    const intervals: OpeningInterval[] = [];
    for (let i = 0; i + 1 < cuts.length; i += 2) intervals.push({ open: hhmm(cuts[i]!), close: hhmm(cuts[i + 1]!) });
    return intervals;
  });

const schedule: fc.Arbitrary<WeeklySchedule> = fc
  .record({ open: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), hours: fc.array(dayHours, { minLength: 7, maxLength: 7 }) })
  .map(({ open, hours }) => Object.fromEntries(open.map((d) => [d as IsoWeekday, hours[d - 1]!])) as WeeklySchedule);

/** Up to 30 closed dates in 2026–2027 (holidays, cuti bersama, a flood). */
const closures: fc.Arbitrary<Closure[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 30 })
  .map((days) => days.map((n) => ({ date: addDays('2026-01-01', n), kind: 'penutupan_kantor' as const, name: 'Tutup' })));

const calendar = fc.record({ schedule, closures, timeZone: fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura') }).map((input) => createWorkCalendar(input));

/** Any instant in 2026, to the minute. */
const arrival = fc.integer({ min: 0, max: 365 * 24 * 60 - 1 }).map((m) => new Date(Date.parse('2026-01-01T00:00:00Z') + m * 60_000));

/** Local minutes of the day of an instant in the office's zone. */
const localMinutes = (cal: WorkCalendar, at: Date) => {
  const local = new Date(at.getTime() + cal.utcOffsetMinutes * 60_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Working days d with from < d ≤ to (dates 'YYYY-MM-DD'). */
function workingDaysAfter(cal: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(cal, d)) n++;
  return n;
}

describe('addWorkingDays on any calendar (property-based)', () => {
  it('counting the working days back from the due date gives n', () => {
    fc.assert(
      fc.property(calendar, arrival, fc.integer({ min: 0, max: 25 }), (cal, at, n) => {
        const start = addWorkingDays(cal, at, 0);
        const startDay = localDate(cal, start);
        const due = addWorkingDays(cal, at, n);
        const dueDay = localDate(cal, due);
        // Arriving at (or before) the day's first opening, the arrival day is the first of the n.
        const wholeDay = localMinutes(cal, start) === minutesOf(openingIntervalsOn(cal, startDay)[0]!.open);
        const counted = workingDaysAfter(cal, startDay, dueDay) + (wholeDay && n > 0 ? 1 : 0);
        expect(counted).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('the due time is on a working day, inside its opening hours, and not before the arrival', () => {
    fc.assert(
      fc.property(calendar, arrival, fc.integer({ min: 0, max: 25 }), (cal, at, n) => {
        const due = addWorkingDays(cal, at, n);
        const day = localDate(cal, due);
        expect(isWorkingDay(cal, day)).toBe(true);
        const minute = localMinutes(cal, due);
        expect(openingIntervalsOn(cal, day).some((i) => minutesOf(i.open) <= minute && minute <= minutesOf(i.close))).toBe(true);
        expect(due.getTime()).toBeGreaterThanOrEqual(at.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('more working days never give an earlier due time, nor less working time from the arrival', () => {
    fc.assert(
      fc.property(calendar, arrival, fc.integer({ min: 0, max: 20 }), (cal, at, n) => {
        const due = addWorkingDays(cal, at, n);
        const later = addWorkingDays(cal, at, n + 1);
        expect(later.getTime()).toBeGreaterThan(due.getTime());
        // Not "more" working time: a due time held to one day's close and the next due time held to
        // the next working day's opening (arrival 07:00, hours 06:00–06:15, then 09:15–09:30) are
        // the same point of working time, a day apart on the wall.
        expect(workingMinutesBetween(cal, at, later)).toBeGreaterThanOrEqual(workingMinutesBetween(cal, at, due));
      }),
      { numRuns: 300 },
    );
  });
});
