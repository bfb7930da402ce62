import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  addWorkingMinutes,
  closeOfWorkingDay,
  closuresOn,
  createWorkCalendar,
  isWorkingDay,
  localDate,
  officeDate,
  officeYear,
  openingIntervalsOn,
  workingMinutesBetween,
  type WeeklySchedule,
  type WorkCalendar,
} from './calendar.js';
import { holidaysForYear } from './holidays.js';

// Kecamatan Kembaran (Banyumas): Mon–Thu 07:15–15:30 (495 min), Fri 07:15–15:15 (480 min).
const monThu = [{ open: '07:15', close: '15:30' }];
const BANYUMAS: WeeklySchedule = { 1: monThu, 2: monThu, 3: monThu, 4: monThu, 5: [{ open: '07:15', close: '15:15' }] };
const banyumas = createWorkCalendar({ timeZone: 'Asia/Jakarta', schedule: BANYUMAS });
const banyumas2026 = createWorkCalendar({
  timeZone: 'Asia/Jakarta',
  schedule: BANYUMAS,
  closures: holidaysForYear(2026).closures,
});

/** Office-local wall-clock time in WIB, e.g. wib('2026-03-02 10:00') (a Monday). */
const wib = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);
const wita = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
const addMin = (cal: WorkCalendar, start: string, minutes: number) => addWorkingMinutes(cal, wib(start), minutes);
const addDays = (cal: WorkCalendar, start: string, days: number) => addWorkingDays(cal, wib(start), days);

describe('createWorkCalendar', () => {
  it('accepts the Indonesian zones and rejects any other', () => {
    for (const tz of ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']) {
      expect(createWorkCalendar({ timeZone: tz, schedule: BANYUMAS }).timeZone).toBe(tz);
    }
    expect(createWorkCalendar({ timeZone: 'Asia/Makassar', schedule: BANYUMAS }).utcOffsetMinutes).toBe(480);
    for (const tz of ['UTC', 'Europe/Berlin', 'Asia/Singapore', '+07:00']) {
      expect(() => createWorkCalendar({ timeZone: tz, schedule: BANYUMAS })).toThrow(RangeError);
    }
  });

  it('rejects malformed or ambiguous hours and dates', () => {
    const tz = 'Asia/Jakarta';
    expect(() => createWorkCalendar({ timeZone: tz, schedule: { 1: [{ open: '7:15', close: '15:30' }] } })).toThrow(/HH:MM/);
    expect(() => createWorkCalendar({ timeZone: tz, schedule: { 1: [{ open: '15:30', close: '07:15' }] } })).toThrow(/open before/);
    expect(() =>
      createWorkCalendar({ timeZone: tz, schedule: { 1: [{ open: '07:00', close: '12:00' }, { open: '11:00', close: '15:00' }] } }),
    ).toThrow(/overlap/);
    expect(() => createWorkCalendar({ timeZone: tz, schedule: { 8: monThu } as WeeklySchedule })).toThrow(/weekday/);
    expect(() => createWorkCalendar({ timeZone: tz, schedule: {} })).toThrow(/no opening hours/);
    expect(() =>
      createWorkCalendar({ timeZone: tz, schedule: BANYUMAS, closures: [{ date: '2026-02-30', kind: 'penutupan_kantor', name: 'x' }] }),
    ).toThrow(/real calendar date/);
    const period = (from: string, to: string) => ({ name: `${from}..${to}`, from, to, schedule: BANYUMAS });
    expect(() => createWorkCalendar({ timeZone: tz, schedule: BANYUMAS, specialPeriods: [period('2026-03-10', '2026-03-01')] })).toThrow(/ends before/);
    expect(() =>
      createWorkCalendar({ timeZone: tz, schedule: BANYUMAS, specialPeriods: [period('2026-03-01', '2026-03-10'), period('2026-03-10', '2026-03-20')] }),
    ).toThrow(/overlap/);
  });

  it('sorts intervals, so a day with a break may be entered in any order', () => {
    const cal = createWorkCalendar({
      timeZone: 'Asia/Jakarta',
      schedule: { 1: [{ open: '13:00', close: '15:00' }, { open: '08:00', close: '12:00' }] },
    });
    expect(openingIntervalsOn(cal, '2026-03-02')).toEqual([{ open: '08:00', close: '12:00' }, { open: '13:00', close: '15:00' }]);
  });
});

describe('working days', () => {
  it('knows the week and Friday’s short day', () => {
    expect(isWorkingDay(banyumas, '2026-03-02')).toBe(true); // Monday
    expect(openingIntervalsOn(banyumas, '2026-03-06')).toEqual([{ open: '07:15', close: '15:15' }]); // Friday
    expect(isWorkingDay(banyumas, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay(banyumas, '2026-03-08')).toBe(false); // Sunday
    expect(() => isWorkingDay(banyumas, '2026-3-2')).toThrow(RangeError);
  });

  it('closes on 2026 holidays and on every day of the Lebaran cuti bersama run', () => {
    expect(isWorkingDay(banyumas2026, '2026-01-01')).toBe(false);
    expect(closuresOn(banyumas2026, '2026-01-16')).toEqual([{ date: '2026-01-16', kind: 'libur_nasional', name: 'Isra Mikraj Nabi Muhammad SAW' }]);
    expect(isWorkingDay(banyumas2026, '2026-03-17')).toBe(true);
    for (const day of ['18', '19', '20', '21', '22', '23', '24']) expect(isWorkingDay(banyumas2026, `2026-03-${day}`)).toBe(false);
    expect(closuresOn(banyumas2026, '2026-03-23')[0]?.kind).toBe('cuti_bersama');
    expect(isWorkingDay(banyumas2026, '2026-03-25')).toBe(true);
    expect(closuresOn(banyumas2026, '2026-03-25')).toEqual([]);
  });

  it('gives local dates in the office’s zone, not the server’s', () => {
    const instant = new Date('2026-03-01T16:30:00Z');
    expect(localDate(banyumas, instant)).toBe('2026-03-01'); // 23:30 WIB, Sunday
    expect(localDate(createWorkCalendar({ timeZone: 'Asia/Makassar', schedule: BANYUMAS }), instant)).toBe('2026-03-02'); // 00:30 WITA
  });
});

describe('addWorkingMinutes', () => {
  it('counts inside office hours', () => {
    expect(addMin(banyumas, '2026-03-02 10:00', 30)).toEqual(wib('2026-03-02 10:30'));
    expect(addMin(banyumas, '2026-03-02 10:00', 0)).toEqual(wib('2026-03-02 10:00'));
  });

  it('is due at the close, not the next morning, when the time runs out exactly then', () => {
    expect(addMin(banyumas, '2026-03-02 15:00', 30)).toEqual(wib('2026-03-02 15:30'));
  });

  it('carries over the evening into the next morning', () => {
    expect(addMin(banyumas, '2026-03-02 15:00', 60)).toEqual(wib('2026-03-03 07:45'));
  });

  it('starts a request that arrives overnight or before opening at the next opening', () => {
    expect(addMin(banyumas, '2026-03-02 20:00', 5)).toEqual(wib('2026-03-03 07:20'));
    expect(addMin(banyumas, '2026-03-03 06:00', 5)).toEqual(wib('2026-03-03 07:20'));
    expect(addMin(banyumas, '2026-03-02 15:30', 0)).toEqual(wib('2026-03-03 07:15'));
  });

  it('skips the weekend from Friday’s early close', () => {
    expect(addMin(banyumas, '2026-03-06 15:00', 30)).toEqual(wib('2026-03-09 07:30'));
    expect(addMin(banyumas, '2026-03-07 10:00', 0)).toEqual(wib('2026-03-09 07:15'));
  });

  it('adds a whole week of working time: 4 × 495 + 480 minutes', () => {
    expect(addMin(banyumas, '2026-03-02 07:15', 4 * 495 + 480)).toEqual(wib('2026-03-06 15:15'));
    expect(addMin(banyumas, '2026-03-02 07:15', 4 * 495 + 481)).toEqual(wib('2026-03-09 07:16'));
  });

  it('skips holidays and cuti bersama (Kenaikan Thursday, cuti Friday)', () => {
    expect(addMin(banyumas2026, '2026-05-13 14:00', 120)).toEqual(wib('2026-05-18 07:45'));
  });

  it('rejects negative or non-finite minutes', () => {
    expect(() => addMin(banyumas, '2026-03-02 10:00', -1)).toThrow(RangeError);
    expect(() => addMin(banyumas, '2026-03-02 10:00', Number.NaN)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('is due the same time on the next working day for a request received in office hours', () => {
    expect(addDays(banyumas, '2026-03-02 10:00', 1)).toEqual(wib('2026-03-03 10:00'));
    expect(addDays(banyumas, '2026-03-06 10:00', 1)).toEqual(wib('2026-03-09 10:00')); // Friday → Monday
    expect(addDays(banyumas, '2026-03-02 10:00', 3)).toEqual(wib('2026-03-05 10:00')); // e.g. surat pindah
  });

  it('gives a request that arrives before opening the whole of that working day', () => {
    expect(addDays(banyumas, '2026-03-02 20:00', 1)).toEqual(wib('2026-03-03 15:30')); // Monday evening
    expect(addDays(banyumas, '2026-03-03 06:30', 1)).toEqual(wib('2026-03-03 15:30'));
    expect(addDays(banyumas, '2026-03-07 11:00', 1)).toEqual(wib('2026-03-09 15:30')); // Saturday
    expect(addDays(banyumas, '2026-03-06 15:20', 1)).toEqual(wib('2026-03-09 15:30')); // after Friday's close
    expect(addDays(banyumas, '2026-03-02 20:00', 2)).toEqual(wib('2026-03-04 15:30'));
  });

  it('clamps into Friday’s shorter hours', () => {
    expect(addDays(banyumas, '2026-03-05 15:20', 1)).toEqual(wib('2026-03-06 15:15'));
  });

  it('keeps a request received exactly at closing on that day', () => {
    expect(addDays(banyumas, '2026-03-02 15:30', 1)).toEqual(wib('2026-03-03 15:30'));
  });

  it('runs across the Lebaran closure 18–24 March 2026', () => {
    expect(addDays(banyumas2026, '2026-03-17 10:00', 1)).toEqual(wib('2026-03-25 10:00'));
    expect(workingMinutesBetween(banyumas2026, wib('2026-03-17 10:00'), wib('2026-03-25 10:00'))).toBe(495);
  });

  it('skips a Friday holiday (Isra Mikraj, 16 January 2026)', () => {
    expect(addDays(banyumas2026, '2026-01-15 10:00', 1)).toEqual(wib('2026-01-19 10:00'));
  });

  it('counts a school batch of 7 working days', () => {
    expect(addDays(banyumas, '2026-03-02 09:00', 7)).toEqual(wib('2026-03-11 09:00'));
  });

  it('returns the effective start for 0 days and rejects fractions', () => {
    expect(addDays(banyumas, '2026-03-02 10:00', 0)).toEqual(wib('2026-03-02 10:00'));
    expect(addDays(banyumas, '2026-03-07 10:00', 0)).toEqual(wib('2026-03-09 07:15'));
    expect(() => addDays(banyumas, '2026-03-02 10:00', 1.5)).toThrow(RangeError);
  });

  it('gives the close of business for a same-day standard', () => {
    expect(closeOfWorkingDay(banyumas, wib('2026-03-02 10:00'))).toEqual(wib('2026-03-02 15:30'));
    expect(closeOfWorkingDay(banyumas, wib('2026-03-06 16:00'))).toEqual(wib('2026-03-09 15:30'));
  });
});

describe('Ramadan hours (special period)', () => {
  // Illustrative Ramadan 1447 H hours; the real ones come from the Bupati's circular each year.
  const fasting = [{ open: '08:00', close: '14:00' }];
  const ramadan = createWorkCalendar({
    timeZone: 'Asia/Jakarta',
    schedule: BANYUMAS,
    specialPeriods: [
      {
        name: 'Ramadan 1447 H',
        from: '2026-02-19',
        to: '2026-03-19',
        schedule: { 1: fasting, 2: fasting, 3: fasting, 4: fasting, 5: [{ open: '08:00', close: '11:30' }] },
      },
    ],
  });

  it('replaces the weekly hours inside the period only', () => {
    expect(openingIntervalsOn(ramadan, '2026-02-18')).toEqual(monThu); // Wednesday before
    expect(openingIntervalsOn(ramadan, '2026-02-23')).toEqual([{ open: '08:00', close: '14:00' }]);
    expect(openingIntervalsOn(ramadan, '2026-02-27')).toEqual([{ open: '08:00', close: '11:30' }]);
    expect(openingIntervalsOn(ramadan, '2026-03-20')).toEqual([{ open: '07:15', close: '15:15' }]); // Friday after
  });

  it('counts minutes with the shorter hours, also across the start of the period', () => {
    expect(addMin(ramadan, '2026-02-23 13:30', 60)).toEqual(wib('2026-02-24 08:30'));
    expect(addMin(ramadan, '2026-02-18 15:00', 60)).toEqual(wib('2026-02-19 08:30'));
    expect(workingMinutesBetween(ramadan, wib('2026-02-23 08:00'), wib('2026-03-02 08:00'))).toBe(4 * 360 + 210);
  });

  it('clamps a day standard into the Ramadan day', () => {
    expect(addDays(ramadan, '2026-02-26 13:00', 1)).toEqual(wib('2026-02-27 11:30')); // Thu → Friday 11:30 close
    expect(addDays(ramadan, '2026-02-18 07:30', 1)).toEqual(wib('2026-02-19 08:00')); // before Ramadan opening
    expect(addDays(ramadan, '2026-02-18 15:00', 1)).toEqual(wib('2026-02-19 14:00')); // after Ramadan close
  });

  it('clamps into a break to the close before it', () => {
    const withBreak = createWorkCalendar({
      timeZone: 'Asia/Jakarta',
      schedule: BANYUMAS,
      specialPeriods: [{ name: 'break', from: '2026-03-03', to: '2026-03-03', schedule: { 2: [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '15:00' }] } }],
    });
    expect(addDays(withBreak, '2026-03-02 12:30', 1)).toEqual(wib('2026-03-03 12:00'));
    expect(addMin(withBreak, '2026-03-03 11:50', 20)).toEqual(wib('2026-03-03 13:10'));
  });
});

describe('other offices', () => {
  it('works a 6-day week', () => {
    const daily = [{ open: '08:00', close: '14:00' }];
    const sixDay = createWorkCalendar({ timeZone: 'Asia/Jakarta', schedule: { 1: daily, 2: daily, 3: daily, 4: daily, 5: daily, 6: daily } });
    expect(isWorkingDay(sixDay, '2026-03-07')).toBe(true);
    expect(isWorkingDay(sixDay, '2026-03-08')).toBe(false);
    expect(addMin(sixDay, '2026-03-06 13:00', 120)).toEqual(wib('2026-03-07 09:00'));
    expect(addDays(sixDay, '2026-03-06 10:00', 1)).toEqual(wib('2026-03-07 10:00'));
    expect(addDays(sixDay, '2026-03-07 10:00', 1)).toEqual(wib('2026-03-09 10:00'));
  });

  it('keeps local hours in a WITA office (UTC+8)', () => {
    const makassar = createWorkCalendar({ timeZone: 'Asia/Makassar', schedule: BANYUMAS });
    // 00:00Z is 07:00 WIB (closed) but 08:00 WITA (open).
    expect(addWorkingMinutes(makassar, new Date('2026-03-02T00:00:00Z'), 0)).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(addWorkingMinutes(banyumas, new Date('2026-03-02T00:00:00Z'), 0)).toEqual(new Date('2026-03-02T00:15:00Z'));
    expect(addWorkingMinutes(makassar, wita('2026-03-02 15:00'), 60)).toEqual(wita('2026-03-03 07:45'));
    expect(addWorkingDays(makassar, wita('2026-03-02 20:00'), 1)).toEqual(wita('2026-03-03 15:30'));
  });
});

describe('workingMinutesBetween', () => {
  it('counts only opening time and is signed', () => {
    const between = (a: string, b: string) => workingMinutesBetween(banyumas, wib(a), wib(b));
    expect(between('2026-03-02 10:00', '2026-03-03 10:00')).toBe(495);
    expect(between('2026-03-06 10:00', '2026-03-09 10:00')).toBe(315 + 165);
    expect(between('2026-03-09 10:00', '2026-03-06 10:00')).toBe(-480);
    expect(between('2026-03-02 16:00', '2026-03-03 07:00')).toBe(0);
    expect(between('2026-03-02 10:00', '2026-03-02 10:00')).toBe(0);
    expect(workingMinutesBetween(banyumas2026, wib('2026-03-17 15:00'), wib('2026-03-25 08:00'))).toBe(75);
  });

  // Calendars with a bit of everything: holidays, Lebaran, a 2027 fallback year, Ramadan.
  const rich = createWorkCalendar({
    timeZone: 'Asia/Jakarta',
    schedule: BANYUMAS,
    closures: [...holidaysForYear(2026).closures, ...holidaysForYear(2027).closures],
    specialPeriods: [
      {
        name: 'Ramadan, Mondays with a break, Tuesday to Thursday closed',
        from: '2026-02-19',
        to: '2026-03-19',
        schedule: { 1: [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '14:00' }], 5: [{ open: '08:00', close: '11:30' }] },
      },
    ],
  });
  const start2026 = Date.parse('2026-01-01T00:00:00+07:00') / 60_000;
  const instant = fc.integer({ min: start2026, max: start2026 + 366 * 24 * 60 }).map((m) => new Date(m * 60_000));

  it('is the inverse of addWorkingMinutes', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10 * 495 }), (start, minutes) => {
        expect(workingMinutesBetween(rich, start, addWorkingMinutes(rich, start, minutes))).toBe(minutes);
      }),
    );
  });

  it('leaves no working time between addWorkingMinutes(a, between(a, b)) and b, and lands on b when open then', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const reached = addWorkingMinutes(rich, from, workingMinutesBetween(rich, from, to));
        expect(workingMinutesBetween(rich, reached, to)).toBe(0);
        const open = openingIntervalsOn(rich, localDate(rich, to)).some((i) => {
          const clock = to.toLocaleTimeString('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' });
          // Strictly inside: work that runs out exactly as a day ends is due at that close, which is
          // as good as the next day's opening (no working time lies between them).
          return i.open < clock && clock < i.close;
        });
        if (open) expect(reached).toEqual(to);
      }),
    );
  });

  it('puts a day standard on the Nth working day, inside its hours, later for longer standards', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 7 }), (start, days) => {
        const due = addWorkingDays(rich, start, days);
        const dueDay = localDate(rich, due);
        const clock = due.toLocaleTimeString('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' });
        expect(openingIntervalsOn(rich, dueDay).some((i) => i.open <= clock && clock <= i.close)).toBe(true);
        expect(addWorkingDays(rich, start, days + 1).getTime()).toBeGreaterThan(due.getTime());
        expect(workingMinutesBetween(rich, start, due)).toBeGreaterThan(0);
      }),
    );
  });
});

describe('officeDate', () => {
  it.each([
    ['2026-12-03T22:30:00Z', 'Asia/Jakarta', '2026-12-04'], // 05:30 WIB: the UTC date is still yesterday
    ['2026-12-03T16:59:59Z', 'Asia/Jakarta', '2026-12-03'], // 23:59 WIB
    ['2026-12-03T16:30:00Z', 'Asia/Makassar', '2026-12-04'], // 00:30 WITA
    ['2026-12-31T15:30:00Z', 'Asia/Jayapura', '2027-01-01'], // 00:30 WIT, a new year
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(officeDate(zone, new Date(instant))).toBe(date);
  });

  it("gives the office's year, not the UTC year, on New Year's morning", () => {
    expect(officeYear('Asia/Jakarta', new Date('2026-12-31T18:00:00Z'))).toBe(2027);
  });
});
