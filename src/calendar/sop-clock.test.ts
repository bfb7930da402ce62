/** The officer's work clock, the request's waiting clock, and outage pauses (issue 11, items 7 and 8). */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock.js';
import { createWorkCalendar, type WeeklySchedule } from './calendar.js';
import { holidaysForYear } from './holidays.js';
import { mergedPauses, pausedWorkingMinutes, workingMinutesExcludingPauses, type PauseWindow } from './pauses.js';
import { stepWorkDone, waitingClock, workClock } from './sop-clock.js';

const monThu = [{ open: '07:15', close: '15:30' }];
const BANYUMAS: WeeklySchedule = { 1: monThu, 2: monThu, 3: monThu, 4: monThu, 5: [{ open: '07:15', close: '15:15' }] };
const cal = createWorkCalendar({ timeZone: 'Asia/Jakarta', schedule: BANYUMAS, closures: holidaysForYear(2026).closures });
const wib = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);
const outage = (start: string, end: string | null): PauseWindow => ({ start: wib(start), end: end ? wib(end) : null });

describe('working time with outages taken out', () => {
  const cases: Array<{ name: string; from: string; to: string; pauses: PauseWindow[]; paused: number; counted: number }> = [
    { name: 'no outage', from: '2026-11-23 09:00', to: '2026-11-23 13:00', pauses: [], paused: 0, counted: 240 },
    { name: 'an outage inside the span', from: '2026-11-23 09:00', to: '2026-11-23 13:00', pauses: [outage('2026-11-23 10:00', '2026-11-23 12:00')], paused: 120, counted: 120 },
    { name: 'an outage that began before the request', from: '2026-11-23 09:00', to: '2026-11-23 13:00', pauses: [outage('2026-11-23 08:00', '2026-11-23 10:00')], paused: 60, counted: 180 },
    { name: 'an ongoing outage runs until now', from: '2026-11-23 09:00', to: '2026-11-23 13:00', pauses: [outage('2026-11-23 12:30', null)], paused: 30, counted: 210 },
    {
      name: 'SIAK and the network down over the same hour count once',
      from: '2026-11-23 09:00',
      to: '2026-11-23 13:00',
      pauses: [outage('2026-11-23 10:00', '2026-11-23 11:00'), outage('2026-11-23 10:30', '2026-11-23 11:30')],
      paused: 90,
      counted: 150,
    },
    { name: 'an outage after office hours costs no working time', from: '2026-11-23 09:00', to: '2026-11-24 09:00', pauses: [outage('2026-11-23 16:00', '2026-11-23 20:00')], paused: 0, counted: 495 },
    { name: 'an outage over the night counts its working hours only', from: '2026-11-23 09:00', to: '2026-11-24 09:00', pauses: [outage('2026-11-23 15:00', '2026-11-24 08:15')], paused: 90, counted: 405 },
    { name: 'an outage after the span is not counted', from: '2026-11-23 09:00', to: '2026-11-23 10:00', pauses: [outage('2026-11-23 11:00', '2026-11-23 12:00')], paused: 0, counted: 60 },
  ];
  it.each(cases)('$name', ({ from, to, pauses, paused, counted }) => {
    expect(pausedWorkingMinutes(cal, wib(from), wib(to), pauses)).toBe(paused);
    expect(workingMinutesExcludingPauses(cal, wib(from), wib(to), pauses)).toBe(counted);
  });

  it('merges overlapping and touching windows', () => {
    const merged = mergedPauses([outage('2026-11-23 11:00', '2026-11-23 12:00'), outage('2026-11-23 10:00', '2026-11-23 11:00')], wib('2026-11-23 07:00'), wib('2026-11-23 15:00'));
    expect(merged).toEqual([[wib('2026-11-23 10:00'), wib('2026-11-23 12:00')]]);
  });
});

describe('the work clock runs from taking the file, not from the file entering the step', () => {
  const clock = fixedClock(wib('2026-11-23 09:00'));
  const cases: Array<{ name: string; step: 'verify' | 'process' | 'hand_over'; takenAt: string | null; now: string; state: string; worked: number }> = [
    { name: 'a morning backlog nobody took yet is not late', step: 'verify', takenAt: null, now: '2026-11-23 11:00', state: 'not_taken', worked: 0 },
    { name: 'taken 2 minutes ago', step: 'verify', takenAt: '2026-11-23 10:58', now: '2026-11-23 11:00', state: 'on_track', worked: 2 },
    { name: '4 of 5 minutes', step: 'verify', takenAt: '2026-11-23 10:56', now: '2026-11-23 11:00', state: 'amber', worked: 4 },
    { name: 'exactly 5 minutes is still in time', step: 'verify', takenAt: '2026-11-23 10:55', now: '2026-11-23 11:00', state: 'red', worked: 5 },
    { name: '7 minutes against 5', step: 'verify', takenAt: '2026-11-23 09:00', now: '2026-11-23 09:07', state: 'overdue', worked: 7 },
    { name: 'taken before closing, finished the next morning', step: 'verify', takenAt: '2026-11-23 15:28', now: '2026-11-24 07:17', state: 'amber', worked: 4 },
    { name: 'a document waiting for pick-up is not late', step: 'hand_over', takenAt: null, now: '2026-11-27 09:00', state: 'not_taken', worked: 0 },
    { name: 'processing in SIAK, 20 of 30 minutes', step: 'process', takenAt: '2026-11-23 10:00', now: '2026-11-23 10:20', state: 'on_track', worked: 20 },
  ];
  it.each(cases)('$name', ({ step, takenAt, now, state, worked }) => {
    clock.set(wib(now));
    const work = workClock(cal, step, takenAt ? wib(takenAt) : null, clock.now());
    expect(work.state).toBe(state);
    expect(work.workedMinutes).toBe(worked);
  });

  it('stops while SIAK is down', () => {
    const work = workClock(cal, 'process', wib('2026-11-23 10:00'), wib('2026-11-23 11:00'), [outage('2026-11-23 10:10', '2026-11-23 10:50')]);
    expect(work).toMatchObject({ state: 'on_track', workedMinutes: 20, pausedMinutes: 40, due: wib('2026-11-23 11:10') });
  });

  it('records a step as it ends: 09:00 to 09:07 is late against 5 minutes', () => {
    expect(stepWorkDone(cal, 'verify', wib('2026-11-23 09:00'), wib('2026-11-23 09:07'))).toEqual({
      step: 'verify',
      takenAt: wib('2026-11-23 09:00').toISOString(),
      workMinutes: 7,
      standardMinutes: 5,
      late: true,
      pausedMinutes: 0,
    });
    expect(stepWorkDone(cal, 'verify', wib('2026-11-23 09:00'), wib('2026-11-23 09:05')).late).toBe(false);
    expect(stepWorkDone(cal, 'verify', null, wib('2026-11-23 09:05'))).toMatchObject({ workMinutes: 0, late: false, takenAt: null });
  });
});

describe('the waiting clock runs from submission against the working-days standard', () => {
  const request = { submittedAt: wib('2026-11-23 09:00'), dueAt: wib('2026-11-24 09:00'), standardWorkingDays: 1 };

  it('counts the working time waited', () => {
    expect(waitingClock(cal, request, wib('2026-11-23 13:00'))).toMatchObject({ state: 'on_track', elapsedMinutes: 240, budgetMinutes: 495, pausedMinutes: 0, due: request.dueAt, escalatedTo: null });
    expect(waitingClock(cal, request, wib('2026-11-24 09:01'))).toMatchObject({ state: 'overdue', escalatedTo: 'kasi' });
  });

  it('pauses for an outage from 10:00 to 12:00: 2 working hours less waited, due 2 working hours later', () => {
    const clock = waitingClock(cal, request, wib('2026-11-23 13:00'), [outage('2026-11-23 10:00', '2026-11-23 12:00')]);
    expect(clock).toMatchObject({ elapsedMinutes: 120, pausedMinutes: 120, due: wib('2026-11-24 11:00') });
    expect(waitingClock(cal, request, wib('2026-11-24 09:01'), [outage('2026-11-23 10:00', '2026-11-23 12:00')])).toMatchObject({ state: 'amber', remainingMinutes: 119, escalatedTo: null });
  });
});
