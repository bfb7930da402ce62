/**
 * Outage pauses on any set of windows (overlapping, touching, ongoing, outside office hours): the
 * paused and the counted working time add up to the working time elapsed, neither is negative,
 * a pause never exceeds its windows, and recording the same outage twice pauses nothing more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, workingMinutesBetween, type WeeklySchedule } from './calendar.js';
import { pausedWorkingMinutes, workingMinutesExcludingPauses, type PauseWindow } from './pauses.js';

const monThu = [{ open: '07:15', close: '15:30' }];
const BANYUMAS: WeeklySchedule = { 1: monThu, 2: monThu, 3: monThu, 4: monThu, 5: [{ open: '07:15', close: '15:15' }] };
const cal = createWorkCalendar({ timeZone: 'Asia/Jakarta', schedule: BANYUMAS });

const WEEK_START = Date.parse('2026-11-23T00:00:00+07:00');
const MINUTE = 60_000;
/** An instant within two weeks from Monday 23 November 2026, to the minute. */
const instant = fc.integer({ min: 0, max: 14 * 24 * 60 }).map((m) => new Date(WEEK_START + m * MINUTE));
const window: fc.Arbitrary<PauseWindow> = fc
  .record({ start: instant, minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }), ongoing: fc.boolean() })
  .map(({ start, minutes, ongoing }) => ({ start, end: ongoing ? null : new Date(start.getTime() + minutes * MINUTE) }));
const span: fc.Arbitrary<[Date, Date]> = fc.tuple(instant, instant).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

describe('outage pauses', () => {
  it('paused plus counted is the working time elapsed, both between 0 and it', () => {
    fc.assert(
      fc.property(span, fc.array(window, { maxLength: 6 }), ([from, to], windows) => {
        const total = workingMinutesBetween(cal, from, to);
        const paused = pausedWorkingMinutes(cal, from, to, windows);
        const counted = workingMinutesExcludingPauses(cal, from, to, windows);
        expect(paused).toBeGreaterThanOrEqual(0);
        expect(counted).toBeGreaterThanOrEqual(0);
        expect(paused + counted).toBeCloseTo(total, 9);
      }),
    );
  });

  it('a pause is no more than the working time of its windows, and the same outage recorded twice counts once', () => {
    fc.assert(
      fc.property(span, fc.array(window, { minLength: 1, maxLength: 6 }), ([from, to], windows) => {
        const paused = pausedWorkingMinutes(cal, from, to, windows);
        const each = windows.reduce((sum, w) => sum + pausedWorkingMinutes(cal, from, to, [w]), 0);
        expect(paused).toBeLessThanOrEqual(each + 1e-9);
        expect(pausedWorkingMinutes(cal, from, to, [...windows, ...windows])).toBe(paused);
      }),
    );
  });
});
